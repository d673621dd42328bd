import { OFFICIAL, actionWords, headFamilies, nameFamilies, saidFamilies, type ActionFamily } from './action-families.js';
import { nameHead } from './name-aliases.js';

// What each procedure's name does and to what (action-families.ts), and whether a question
// says it: the bookkeeping behind catalogue-evidence.ts's near-twin rules.

/** A word of a name's head this heavy says what the procedure acts on. */
const OBJECT_WORD_WEIGHT = 2;
/** A name is another's sibling when it has at least this share of the other's object words. */
const SIBLING_OBJECT_SHARE = 0.5;

export interface ActionName {
  id: string;
  /** The official name (without "Thủ tục" and parentheses), folded. */
  folded: string[];
  imported: boolean;
}

export class CatalogueActions {
  /** The actions an imported procedure's name opens with ("Cấp lại", "Gia hạn"): a question must say one. */
  private readonly twinOf = new Map<string, Set<ActionFamily>>();
  /** The actions every procedure's name accepts (its head's and the reasons its scope gives). */
  private readonly familiesOf = new Map<string, Set<ActionFamily>>();
  /** The heavy words of each imported name's head besides its action: what it acts on. */
  private readonly objectOf = new Map<string, Set<string>>();
  /** Twins with no sibling acting on their object: a question need not say their action. */
  private readonly lonely = new Set<string>();
  /** The last question's actions (see said). */
  private last: { folded: readonly string[]; said: ReadonlyMap<ActionFamily, number> } | undefined;

  constructor(names: readonly ActionName[], weights: ReadonlyMap<string, number>) {
    const objects = new Map<string, Set<string>>();
    for (const n of names) {
      const head = nameHead(n.folded);
      const acting = actionWords(head);
      objects.set(n.id, new Set(head.filter((t, i) => !acting.has(i) && (weights.get(t) ?? 0) >= OBJECT_WORD_WEIGHT)));
    }
    for (const n of names) {
      const head = nameHead(n.folded);
      this.familiesOf.set(n.id, nameFamilies(head, n.folded));
      if (!n.imported) continue;
      const families = headFamilies(head);
      const object = objects.get(n.id) ?? new Set<string>();
      // "Cấp, cấp lại giấy xác nhận…" does the plain action too: no twin. A name no other acts
      // on the object of ("Hỗ trợ khôi phục sản xuất… do thiên tai") needs its action unsaid.
      const plainToo = head[0] === 'cap' && head[1] === 'cap';
      if (families.size && !plainToo) this.twinOf.set(n.id, families);
      if (families.size && !this.hasSibling(n.id, object, objects)) this.lonely.add(n.id);
      if (object.size) this.objectOf.set(n.id, object);
    }
  }

  /** True when another name acts on most of the object's words. */
  private hasSibling(id: string, object: ReadonlySet<string>, objects: ReadonlyMap<string, ReadonlySet<string>>): boolean {
    if (!object.size) return true;
    for (const [other, words] of objects) {
      if (other === id) continue;
      let shared = 0;
      for (const t of object) if (words.has(t)) shared++;
      if (shared >= SIBLING_OBJECT_SHARE * object.size) return true;
    }
    return false;
  }

  /** True when the name opens with an action other than the plain one. */
  isTwin(id: string): boolean {
    return this.twinOf.has(id);
  }

  /** The actions the question says, worked out once per question (the filters ask for each candidate). */
  said(folded: readonly string[]): ReadonlyMap<ActionFamily, number> {
    if (this.last?.folded !== folded) this.last = { folded, said: saidFamilies(folded) };
    return this.last.said;
  }

  /** True when a near-twin's action is said in the question (always true for other procedures). */
  actionSaid(id: string, folded: readonly string[]): boolean {
    if (!this.twinOf.has(id) || this.lonely.has(id)) return true;
    const said = this.said(folded);
    return [...(this.familiesOf.get(id) ?? [])].some((f) => said.has(f));
  }

  /** How plainly the question says an action the procedure's name accepts (0: none). */
  agreement(id: string, folded: readonly string[]): number {
    const said = this.said(folded);
    let best = 0;
    for (const f of this.familiesOf.get(id) ?? []) best = Math.max(best, said.get(f) ?? 0);
    return best;
  }

  /**
   * True when the question says what the imported procedure acts on: a heavy word of its name's
   * head besides the action ("rượu" of "Cấp sửa đổi, bổ sung Giấy phép bán lẻ rượu", "chuyển
   * trường" of "Chuyển trường đối với học sinh trung học phổ thông") that `named` accepts (the
   * word as the name writes it, or in a citizen's phrase for it), or the action it opens with
   * said in its own words. A question saying only its scope ("lớp 10") or a paraphrase of its
   * action names it not.
   */
  objectSaid(id: string, folded: readonly string[], named: (word: string) => boolean): boolean {
    const object = this.objectOf.get(id);
    if (!object) return true;
    // A name whose action is what it is about ("Tạm ngừng kinh doanh…") is named by the action said in its words.
    const said = this.said(folded);
    if ([...(this.twinOf.get(id) ?? [])].some((f) => (said.get(f) ?? 0) >= OFFICIAL)) return true;
    return [...object].some(named);
  }
}
