import type { Procedure } from '../../knowledge/schema.js';
import { ProcedureMatcher, type ProcedurePhrases, type ProcedureMatch } from '../procedure-matcher.js';
import { normalizeText, type NormalizedText } from '../vi/normalize.js';
import type { Lexicon } from '../vi/lexicon.js';
import { weighWords } from '../word-weights.js';
import { catalogueAliases, nameHead, officialName } from './name-aliases.js';
import { CellIndex, type CellProcedure } from './cell-index.js';
import { CuratedTwins } from './curated-twins.js';
import { LOSS_WORDS, OFFICIAL } from './action-families.js';
import { CatalogueActions } from './catalogue-actions.js';
import { negatedSiblings, readQualifiers, saidUnnegated, type Qualified } from './qualifiers.js';
import { TellingWords } from './telling-words.js';

// What an imported catalogue adds to naming a procedure, in one place with one hook in the
// recognizer (Recognizer.parse → review), so that it cannot take questions from the curated
// procedures of knowledge/:
//
// 1. Near-twins. An imported procedure whose name starts with an action other than the plain
//    one ("cấp lại", "cấp đổi", "gia hạn", "điều chỉnh", "sửa đổi", "thu hồi") is not named by
//    a question that says no such action, in the catalogue's words or a citizen's ("làm lại").
// 2. The question explained. A curated procedure matched by a few common words ("mở quán")
//    gives way to an imported one that explains clearly more of the question ("mở quán
//    karaoke": "karaoke"), weighing each word by how few procedures' names use it.
// 3. Weaker evidence. When no name is matched at all, the other cells of the imported
//    procedures (đối tượng, điều kiện, thành phần hồ sơ, kết quả) and their names are read
//    as a bag of words (BM25): citizens describe their situation rather than name the
//    procedure. A proposal needs a clear lead over the next procedure, and a question that
//    the intent classifier already takes for a procedure question.
// Only imported procedures are ever proposed; a question is never moved to a curated one.

export interface CatalogueEvidenceOptions {
  /** A word this heavy (rare in the procedures' names) is a topic: "karaoke", "rượu", "taxi". */
  topicWeight: number;
  /** The least coverage of an imported procedure's name that may take a question from a curated one... */
  rivalCoverage: number;
  /** ...and the least share of its score, when a rare word of the curated procedure's own names it. */
  rivalShare: number;
  /** The least BM25 score a cell-evidence proposal needs... */
  minEvidence: number;
  /** ...and its lead over the next procedure's score (a rescued name's too). */
  evidenceLead: number;
  /** The least coverage of an imported procedure's name that may be rescued when no name is matched. */
  rescueCoverage: number;
}

const DEFAULTS: CatalogueEvidenceOptions = { topicWeight: 2.5, rivalCoverage: 0.3, rivalShare: 0.3, minEvidence: 6, evidenceLead: 1.25, rescueCoverage: 0.3 };

/**
 * A name matched by its few telling words ("lũ lụt" of "… bị thiệt hại do thiên tai", "chở hàng
 * nguy hiểm" of a long licence's name) is rescued with less coverage and score than
 * `rescueCoverage` and `minEvidence` ask when it leads the next candidate by this much.
 */
const WEAK_RESCUE = { coverage: 0.2, score: 2, lead: 1.8 };

/** A rival that says the question's action must score at least this share of the best's... */
const SIBLING_SHARE = 0.5;
/** ...and share with it a word this heavy (the object both act on: "rượu", "xây dựng"). */
const OBJECT_WEIGHT = 1;
/** The least share of the best's object (by weight) a sibling matches too. */
const OBJECT_SHARE = 0.6;

/** The least share of a question's words written with their marks for it to be a marked question. */
const MARKED_SHARE = 0.3;

/** A curated procedure matched with this coverage is named in full: the words it explains are its own. */
const FULLY_NAMED = 0.9;

/** A curated candidate matched with this coverage (and about as strongly as the best curated one) is named by the question: its twins may be told apart from it. */
const NAMED_COVERAGE = 0.5;

/** A curated match scoring less than this share of an imported one's does not hold the question against it (mayTake). */
const OWN_SHARE = 0.7;

/** A word in the questions of this many curated procedures says how one asks, not what about. */
const GENERIC_PROCEDURES = 6;

function contains(folded: readonly string[], seq: readonly string[]): boolean {
  outer: for (let i = 0; i + seq.length <= folded.length; i++) {
    for (let k = 0; k < seq.length; k++) if (folded[i + k] !== seq[k]) continue outer;
    return true;
  }
  return false;
}

export class CatalogueEvidence {
  private readonly imported: Set<string>;
  /** What each procedure's name does and to what. */
  private readonly actions: CatalogueActions;
  /** Each imported procedure's name before its scope, folded. */
  private readonly heads = new Map<string, string[]>();
  private readonly weights: Map<string, number>;
  /** The words of each curated procedure's names and training questions. */
  private readonly ownWords = new Map<string, Set<string>>();
  /** Each imported procedure's official name, folded, and its words. */
  private readonly officialNames = new Map<string, string[]>();
  private readonly officialWords = new Map<string, Set<string>>();
  /** The words of each imported procedure's names, as written. */
  private readonly writtenWords = new Map<string, Set<string>>();
  private readonly generic = new Set<string>();
  /** The words of the curated procedures' names and aliases. */
  private readonly curatedNameWords = new Set<string>();
  /** The cells' index, built on the first question that needs it. */
  private cells: CellIndex | undefined;
  private readonly cellSource: { procedures: CellProcedure[]; normalize: (text: string) => NormalizedText };
  /** Official words a citizen's word stands for, by the citizen's folded words. */
  private readonly expansions: Array<{ citizen: string[]; official: string[] }>;
  /** The curated procedures' phrases, and their matcher built on the first question that needs it. */
  private readonly curatedPhrases: ProcedurePhrases[];
  private plainMatcher: ProcedureMatcher | undefined;
  /** The imported near-twins of curated procedures and the words that tell them apart. */
  private readonly twins: CuratedTwins;
  /** What each imported name says that no curated procedure's names or questions do. */
  readonly telling: TellingWords;
  /** Imported procedures whose names differ by a qualifier one of them rules out. */
  private readonly negated: ReturnType<typeof negatedSiblings>;
  /** The curated procedures the question names (NAMED_COVERAGE), whose twins it may name by what tells them apart. */
  private curatedNamed: ReadonlySet<string> = new Set();
  /** The question's words before what it rules out was left out ("không phải cộng tác viên" says which twin). */
  private asked: readonly string[] = [];
  /** The last question's qualifiers (see qualified). */
  private lastQualified: { folded: readonly string[]; read: Qualified & { words: string[] } } | undefined;

  constructor(
    procedures: ReadonlyArray<Pick<Procedure, 'id' | 'name' | 'field' | 'origin' | 'applicants' | 'conditions' | 'results' | 'cases'>>,
    phrases: ReadonlyArray<ProcedurePhrases>,
    lexicon: Lexicon,
    private readonly options: CatalogueEvidenceOptions = DEFAULTS,
  ) {
    const imported = procedures.filter((p) => p.origin);
    this.imported = new Set(imported.map((p) => p.id));
    this.weights = weighWords(phrases);
    for (const p of phrases) {
      if (this.imported.has(p.id)) {
        this.writtenWords.set(p.id, new Set(p.phrases.flatMap((x) => x.words)));
        continue;
      }
      this.ownWords.set(p.id, new Set([...p.phrases, ...(p.questions ?? [])].flatMap((x) => x.folded)));
      for (const x of p.phrases) for (const t of x.folded) this.curatedNameWords.add(t);
    }
    // Judged on the words as written: "vụ" of "dịch vụ" is generic, "vũ" of "vũ trường" is not.
    const askedBy = new Map<string, Set<string>>();
    for (const p of phrases) for (const q of p.questions ?? []) for (const w of q.words) askedBy.set(w, (askedBy.get(w) ?? new Set()).add(p.id));
    for (const [w, ids] of askedBy) if (ids.size >= GENERIC_PROCEDURES) this.generic.add(w);
    const norm = (text: string): NormalizedText => normalizeText(text, lexicon);
    for (const p of imported) {
      const name = norm(p.name).folded;
      this.officialNames.set(p.id, name);
      this.heads.set(p.id, nameHead(name));
      this.officialWords.set(p.id, new Set(name));
    }
    this.actions = new CatalogueActions(procedures.map((p) => ({ id: p.id, folded: norm(officialName(p.name)).folded, imported: Boolean(p.origin) })), this.weights);
    this.cellSource = { procedures: imported, normalize: norm };
    this.negated = negatedSiblings(imported.map((p) => ({ id: p.id, folded: norm(officialName(p.name)).folded })));
    this.curatedPhrases = phrases.filter((p) => !this.imported.has(p.id));
    const namesOf = new Map(phrases.map((p) => [p.id, new Set(p.phrases.flatMap((x) => x.folded))]));
    this.twins = new CuratedTwins(
      procedures.filter((p) => !p.origin).map((p) => ({ id: p.id, name: norm(officialName(p.name)), names: namesOf.get(p.id) ?? new Set<string>() })),
      imported.map((p) => ({ id: p.id, name: norm(officialName(p.name)) })),
      this.weights,
    );
    // (By id, not a search of the list per procedure: a catalogue holds thousands.)
    const phrasesOf = new Map(phrases.map((x) => [x.id, x.phrases]));
    this.telling = new TellingWords(
      this.curatedPhrases.map((p) => ({ names: p.phrases.map((x) => x.folded), questions: (p.questions ?? []).map((x) => x.folded) })),
      imported.map((p) => ({ id: p.id, name: norm(officialName(p.name)), aliases: phrasesOf.get(p.id) ?? [] })),
      this.weights,
    );
    this.expansions = (lexicon.synonyms ?? []).flatMap((s) => {
      const official = norm(s.official).folded;
      return s.citizen.map((c) => ({ citizen: norm(c).folded, official }));
    });
  }

  /**
   * True unless `id` is an imported procedure and the question says none of what tells its name
   * from the curated procedures' (TellingWords), in its own words or a citizen's ("visa" for
   * "thị thực"): asked of a question the curated procedures answer on their own (`own`), unless
   * the imported procedure is matched far more strongly.
   */
  mayTake(match: ProcedureMatch, norm: NormalizedText, own: ProcedureMatch): boolean {
    const { id } = match;
    // Matched far more strongly than the curated procedure, it is named whatever it shares with it.
    if (!this.imported.has(id) || own.score < OWN_SHARE * match.score) return true;
    const folded = norm.folded;
    const also = new Set(this.expansions.filter((e) => contains(folded, e.citizen)).flatMap((e) => e.official));
    // What the curated match explains and the imported names do not ("căn cước" beside the "lớp" of "… lớp 10") weighs against it.
    const against = this.telling.unexplained(id, folded, own.matched);
    if (this.telling.said(id, folded, also, against) || this.twins.said(id, this.qualified(folded).words, new Set([own.id])) > 0) return true;
    // Or the action its name opens with, on what it acts on ("cấp đổi sổ đỏ"; not "gia hạn" of a passport for "Gia hạn nộp thuế").
    return this.actions.agreement(id, folded) > 0 && this.objectSaid(id, norm);
  }

  /** True when `id` is an imported procedure. */
  isImported(id: string): boolean {
    return this.imported.has(id);
  }

  get size(): number {
    return this.imported.size;
  }

  /**
   * The matcher of the curated procedures alone, weighing words as if no catalogue were loaded:
   * the catalogue's many names make the curated names' words look common, which must not lose
   * a curated procedure its questions.
   */
  get curatedMatcher(): ProcedureMatcher {
    this.plainMatcher ??= new ProcedureMatcher(this.curatedPhrases);
    return this.plainMatcher;
  }


  /**
   * The imported sibling of `best` that the question's action names when `best`'s does not
   * ("sửa đổi giấy phép bán lẻ thuốc lá" is the amendment, not the plain licence), or null:
   * it acts on the same object (a heavy word both matched) and is matched nearly as strongly.
   */
  private byAction(best: ProcedureMatch, candidates: readonly ProcedureMatch[], norm: NormalizedText): ProcedureMatch | null {
    const folded = norm.folded;
    if (!this.actions.said(folded).size) return null;
    const own = this.actions.agreement(best.id, folded);
    // What happened to the paper ("mất", "cháy") is not what the procedure acts on.
    const object = best.matched.filter((i) => (this.weights.get(folded[i] ?? '') ?? 0) >= OBJECT_WEIGHT && !LOSS_WORDS.has(folded[i] ?? ''));
    const weight = (list: readonly number[]): number => list.reduce((sum, i) => sum + (this.weights.get(folded[i] ?? '') ?? 0), 0);
    // The sibling acts on (most of) the same object: "trợ cấp thất nghiệp" is no sibling of "trợ cấp xã hội".
    const sameObject = (m: ProcedureMatch): boolean => weight(object.filter((i) => m.matched.includes(i))) >= OBJECT_SHARE * weight(object);
    const rival = candidates
      // Its twin ("Đăng ký lại khai sinh" of "Đăng ký khai sinh") may be matched more weakly: its name is longer.
      .filter((m) => m.id !== best.id && this.imported.has(m.id) && (m.score >= SIBLING_SHARE * best.score || this.twins.isKinOf(m.id, best.id)) && object.length > 0 && sameObject(m))
      .filter((m) => this.actions.actionSaid(m.id, folded) && this.twinSaid(m.id, folded) && this.objectSaid(m.id, norm))
      .map((m) => ({ m, agreement: this.actions.agreement(m.id, folded) }))
      // A curated procedure gives way only to an action said in the official words ("gia hạn tạm trú", not "mất giấy").
      // Or by a citizen's words to its own twin, which is it with that action ("xin thêm thời gian" of "Gia hạn giấy phép xây dựng").
      .filter((r) => r.agreement > own && (this.imported.has(best.id) || r.agreement >= OFFICIAL || (own === 0 && this.twins.isTwinOf(r.m.id, best.id))))
      .sort((a, b) => b.agreement - a.agreement || b.m.score - a.m.score)[0];
    return rival?.m ?? null;
  }

  /** True when the question says what the imported procedure acts on (CatalogueActions.objectSaid). */
  private objectSaid(id: string, norm: NormalizedText): boolean {
    const folded = norm.folded;
    return this.actions.objectSaid(id, folded, (t) => (folded.includes(t) && this.namedBy(id, t, folded)) || this.expansions.some((e) => e.official.includes(t) && contains(folded, e.citizen)));
  }

  /**
   * False for an imported twin of a curated procedure when the question says none of the words
   * that tell it apart, nor, for a twin whose name opens with an action, that action in other
   * words ("thay đổi thiết kế" says "Điều chỉnh giấy phép xây dựng").
   */
  private twinSaid(id: string, folded: readonly string[]): boolean {
    if (!this.twins.isTwin(id) || this.twins.said(id, this.qualified(folded).words, this.curatedNamed) > 0) return true;
    // A qualifier said, even ruled out, or what both are about ("người dịch") names the pair of twins it tells
    // apart (qualifiedSibling picks one).
    const pair = this.negated.get(id);
    if (pair && (contains(this.asked, pair.qualifier) || (pair.subject.length > 0 && contains(this.asked, pair.subject)))) return true;
    return this.actions.isTwin(id) && this.actions.agreement(id, folded) > 0;
  }

  /** The question's words as the twins' names say its qualifiers (qualifiers.ts), worked out once per question. */
  private qualified(folded: readonly string[]): Qualified & { words: string[] } {
    if (this.lastQualified?.folded !== folded) {
      const read = readQualifiers(folded);
      this.lastQualified = { folded, read: { ...read, words: [...read.folded, ...read.implied] } };
    }
    return this.lastQualified.read;
  }

  /** The imported twin of one of the curated matches that the question names by its distinguishing words, or null. */
  private twinNamed(curated: readonly ProcedureMatch[], folded: readonly string[], candidates: readonly ProcedureMatch[]): ProcedureMatch | null {
    const qualified = this.qualified(folded);
    const named = curated
      .flatMap((match) => this.twins.namedTwins(match.id, qualified.words, new Set([...this.curatedNamed, match.id])).filter((t) => this.actions.actionSaid(t.id, folded)).map((t) => ({ ...t, match })))
      .sort((a, b) => b.said - a.said)[0];
    if (!named) return null;
    const { match } = named;
    // Words the question implies (a country for "nước ngoài") are matched where it names the country.
    const at = this.twins.saidAt(named.id, qualified.words);
    const said = [...at.filter((i) => i < folded.length), ...(at.some((i) => i >= folded.length) ? qualified.impliedAt : [])];
    const found = candidates.find((m) => m.id === named.id);
    // The twin takes the curated match's words and strength: a clause naming the curated procedure alone
    // ("… người Pháp, khai sinh cho bé cần gì") does not take it back.
    const matched = [...new Set([...match.matched, ...(found?.matched ?? []), ...said])].sort((a, b) => a - b);
    return found ? { ...found, score: Math.max(found.score, match.score), matched } : { ...match, id: named.id, phrase: '', matched };
  }

  /**
   * True when the word is one of the procedure's official name, or part of a citizen's phrase
   * for one of its official words that the question holds whole ("tiệm net"): a piece of a
   * phrase ("nữa" of "không kinh doanh nữa", "hai" of "cấp hai") names nothing.
   */
  private namedBy(id: string, word: string, folded: readonly string[], headOnly = false): boolean {
    const name = (headOnly ? this.heads.get(id) : this.officialNames.get(id)) ?? [];
    if (name.includes(word)) return true;
    return this.expansions.some((e) => e.citizen.includes(word) && contains(name, e.official) && contains(folded, e.citizen));
  }

  /** The weight of the rare words `match` explains that `accepted` matched not, and its procedure's names and questions never use. */
  private topicWeight(match: ProcedureMatch, accepted: ProcedureMatch, norm: NormalizedText, own: ReadonlySet<string> | undefined, headOnly = false): number {
    const taken = new Set(accepted.matched);
    const written = this.writtenWords.get(match.id);
    let sum = 0;
    const topics = new Set<string>();
    // In a question written with its marks, a word typed without them is another word: "tra" (kiểm tra) is not "trả".
    // A word or two put right by the corrector ("mat" read "tốn") leave a question unmarked.
    const marked = norm.words.filter((w, i) => w !== norm.folded[i]).length >= MARKED_SHARE * norm.words.length;
    for (const i of match.matched) {
      const t = norm.folded[i] ?? '';
      const typed = norm.words[i] ?? t;
      // A word typed with its marks is the word its names write so: "yêu" (cầu) is not "yếu" (tố).
      if (taken.has(i) || topics.has(t) || ((typed !== t || marked) && !written?.has(typed))) continue;
      const w = this.weights.get(t) ?? 0;
      if (w >= this.options.topicWeight && !own?.has(t) && this.namedBy(match.id, t, norm.folded, headOnly)) {
        topics.add(t);
        sum += w;
      }
    }
    return sum;
  }

  /**
   * The accepted match and the ranked matches after the catalogue's say (see the top of the
   * file); `candidates` are every match the matcher found, `accepted` the one it took.
   */
  review(norm: NormalizedText, accepted: ProcedureMatch | null, matches: ProcedureMatch[], candidates: ProcedureMatch[], asked: readonly string[] = norm.folded): { accepted: ProcedureMatch | null; matches: ProcedureMatch[] } {
    this.asked = asked;
    const curated = candidates.filter((m) => !this.imported.has(m.id));
    const top = curated[0]?.score ?? 0;
    this.curatedNamed = new Set(curated.filter((m) => m.coverage >= NAMED_COVERAGE && m.score >= SIBLING_SHARE * top).map((m) => m.id));
    const out = this.weighed(norm, accepted, matches, candidates);
    this.curatedNamed = new Set();
    const sibling = out.accepted ? this.qualifiedSibling(out.accepted, asked) : null;
    return sibling ? { accepted: sibling, matches: [sibling, ...out.matches.filter((m) => m.id !== sibling.id && m.id !== out.accepted?.id)] } : out;
  }

  /** An imported twin of `curated` one of a pair differing by a qualifier (qualifiedSibling), named by what both are about. */
  private pairNamed(curated: ProcedureMatch, folded: readonly string[], candidates: readonly ProcedureMatch[]): ProcedureMatch | null {
    // Either of the pair: qualifiedSibling picks the one the question fits.
    const id = [...this.negated.keys()].find((p) => this.twins.isKinOf(p, curated.id) && this.twinSaid(p, folded));
    if (!id) return null;
    const found = candidates.find((m) => m.id === id);
    return { ...curated, ...found, id, score: Math.max(found?.score ?? 0, curated.score), matched: [...new Set([...(found?.matched ?? []), ...curated.matched])].sort((a, b) => a - b) };
  }

  /**
   * Of two imported procedures whose names differ by a qualifier one rules out ("… là cộng tác
   * viên" / "… không phải là cộng tác viên"), the one that asserts it only when the question
   * says it ("tôi là cộng tác viên dịch thuật"), else the other ("tôi tự dịch"); null when
   * `best` is the right one.
   */
  private qualifiedSibling(best: ProcedureMatch, folded: readonly string[]): ProcedureMatch | null {
    const pair = this.negated.get(best.id);
    if (!pair) return null;
    const said = saidUnnegated(folded, pair.qualifier);
    return said === pair.negating ? { ...best, id: pair.sibling } : null;
  }

  private weighed(norm: NormalizedText, accepted: ProcedureMatch | null, matches: ProcedureMatch[], candidates: ProcedureMatch[]): { accepted: ProcedureMatch | null; matches: ProcedureMatch[] } {
    if (!this.imported.size) return { accepted, matches };
    const folded = norm.folded;
    if (!accepted) {
      const rescued = this.rescue(norm, candidates);
      return rescued ? { accepted: rescued, matches: [rescued] } : { accepted, matches };
    }
    let kept = matches.filter((m) => this.actions.actionSaid(m.id, folded) && this.twinSaid(m.id, folded));
    const first = kept[0] ?? null;
    // A curated procedure gives way to its imported twin when the question says what tells the twin apart.
    const twin = first && !this.imported.has(first.id) ? this.twinNamed([first], folded, candidates) ?? this.pairNamed(first, folded, candidates) : null;
    if (twin) kept = [twin, ...kept.filter((m) => m.id !== twin.id && m !== first)];
    const acting = kept[0] ? this.byAction(kept[0], candidates, norm) : null;
    if (acting) kept = [acting, ...kept.filter((m) => m.id !== acting.id)];
    const best = kept[0] ?? null;
    // A twin named by its action is not in doubt with the plain procedure it is the twin of.
    if (best && this.actions.isTwin(best.id)) kept = kept.filter((m) => m === best || !this.imported.has(m.id) || this.actions.isTwin(m.id));
    if (!best) return { accepted: best, matches: kept };
    if (this.imported.has(best.id)) {
      // Nor with a curated procedure matched by a frame around the topic it names ("mở quán" of "mở quán karaoke").
      const framed = (m: ProcedureMatch): boolean => !this.imported.has(m.id) && this.topicWeight(best, m, norm, this.ownWords.get(m.id)) >= this.options.topicWeight;
      return { accepted: best, matches: kept.filter((m) => m === best || !framed(m)) };
    }
    // A curated match leaves a rare word of the question unexplained that an imported procedure's names explain.
    const own = this.ownWords.get(best.id);
    // Named by a rare word of its own ("lưu trú"), the curated one gives way only to a rival matched about as strongly:
    // the "du lịch" of a guide's card in a homestay's question is a coincidence.
    const topical = best.matched.some((i) => (this.weights.get(folded[i] ?? '') ?? 0) >= this.options.topicWeight);
    const rival = candidates
      .filter((m) => this.imported.has(m.id) && m.coverage >= this.options.rivalCoverage && (!topical || m.score >= this.options.rivalShare * best.score) && this.actions.actionSaid(m.id, folded) && this.twinSaid(m.id, folded) && this.objectSaid(m.id, norm))
      // Words a curated candidate as fully named explains are not the rival's to take ("hộ chiếu" of "cấp hộ chiếu").
      // Only the words of its head count: its scope ("lớp 9" of "… đối với học sinh trung học cơ sở") takes no question from a curated procedure.
      .map((m) => ({ m, topic: this.topicWeight(m, { ...best, matched: this.curatedMatched(best, m, candidates) }, norm, own, true) }))
      .filter((r) => r.topic >= this.options.topicWeight)
      .sort((a, b) => b.topic - a.topic || b.m.score - a.m.score)[0];
    if (!rival) return { accepted: best, matches: kept };
    // Of the rival's near-twins, the one the question's action names ("gia hạn giấy phép liên vận" when the plain licence explains more words).
    const taken = this.byAction(rival.m, candidates, norm) ?? rival.m;
    // The curated procedure was judged the less apt: it is not in doubt with the rival.
    return { accepted: taken, matches: [taken, ...kept.filter((m) => m.id !== taken.id && m.id !== rival.m.id && m.id !== best.id)] };
  }

  /**
   * An imported procedure matched below the coverage a name needs, taken when it explains a
   * rare word of the question ("kiểm dịch", "quảng cáo") that its name says and no curated
   * procedure's names or questions use, and leads the other candidates clearly: an official
   * name is long, and a citizen says only the words that matter.
   */
  private rescue(norm: NormalizedText, candidates: readonly ProcedureMatch[]): ProcedureMatch | null {
    const folded = norm.folded;
    const [first, second] = candidates.filter((m) => this.actions.actionSaid(m.id, folded) && this.twinSaid(m.id, folded));
    if (!first || !this.imported.has(first.id)) return null;
    // A weaker match is rescued too when it leads the next by far (see WEAK_RESCUE).
    const lead = second ? first.score / second.score : Infinity;
    const strong = first.coverage >= this.options.rescueCoverage && first.score >= this.options.minEvidence / 2 && lead >= this.options.evidenceLead;
    const weak = first.coverage >= WEAK_RESCUE.coverage && first.score >= WEAK_RESCUE.score && lead >= WEAK_RESCUE.lead;
    if (!strong && !weak) return null;
    const none: ProcedureMatch = { ...first, id: '', matched: [] };
    return this.topicWeight(first, none, norm, this.curatedNameWords) >= this.options.topicWeight ? first : null;
  }

  /** The words `best` and every curated candidate named in full (and more fully than `rival`) matched. */
  private curatedMatched(best: ProcedureMatch, rival: ProcedureMatch, candidates: readonly ProcedureMatch[]): number[] {
    const others = candidates.filter((m) => !this.imported.has(m.id) && m.coverage >= Math.max(rival.coverage, FULLY_NAMED));
    return [...new Set([...best.matched, ...others.flatMap((m) => m.matched)])];
  }

  /** The cell-evidence proposal for a question that names no procedure, or null. */
  propose(norm: NormalizedText): ProcedureMatch | null {
    if (!this.imported.size) return null;
    this.cells ??= new CellIndex(this.cellSource.procedures, this.cellSource.normalize);
    const folded = norm.folded;
    const query = new Map<string, number>();
    folded.forEach((t, i) => {
      if (t && !this.generic.has(norm.words[i] ?? t)) query.set(t, i);
    });
    for (const e of this.expansions) {
      if (!contains(folded, e.citizen)) continue;
      const at = folded.indexOf(e.citizen[0] ?? '');
      for (const t of e.official) if (!query.has(t)) query.set(t, at);
    }
    const scored = this.cells.score(query).filter((s) => this.actions.actionSaid(s.id, folded) && this.twinSaid(s.id, folded));
    const [first, second] = scored;
    if (!first || first.score < this.options.minEvidence || (second && first.score < this.options.evidenceLead * second.score)) return null;
    return { id: first.id, score: first.score, coverage: 0, phrase: '', matched: [...first.matched].sort((a, b) => a - b) };
  }
}

/**
 * An imported procedure's words that are in scope although no training sentence uses them:
 * its other names (made with the citizens' words). Its cells are not: their everyday words
 * ("thuê", "giá") would make out-of-scope questions look in scope.
 */
export function catalogueWords(p: Pick<Procedure, 'name' | 'origin'>, lexicon: Lexicon): string[] {
  if (!p.origin) return [];
  return catalogueAliases(p, lexicon);
}

/** The recognizer's `catalogue` part: present only when the knowledge holds imported procedures. */
export function catalogueEvidence(
  procedures: ConstructorParameters<typeof CatalogueEvidence>[0],
  phrases: ReadonlyArray<ProcedurePhrases>,
  lexicon: Lexicon,
): { catalogue?: CatalogueEvidence } {
  return procedures.some((p) => p.origin) ? { catalogue: new CatalogueEvidence(procedures, phrases, lexicon) } : {};
}
