import type { Procedure } from '../../knowledge/schema.js';
import { normalizeText, type NormalizedText } from '../vi/normalize.js';
import type { Lexicon } from '../vi/lexicon.js';
import { ACTION_WORDS } from './action-families.js';

// The names citizens may use for an imported procedure, made from its official name alone (an
// imported entry has no hand-written aliases): the name without "Thủ tục" and without what is
// in parentheses; the name cut before its scope ("đối với…", "trên địa bàn…", "cấp tỉnh") and
// without filler ("đủ điều kiện"); for a procedure whose action is the plain one ("Cấp",
// "Đăng ký"), the object alone ("giấy phép bán lẻ rượu"); and each of these with the citizens'
// words of intents/lexicon/catalogue-words.yaml for the official ones ("sổ đỏ"). The action
// words that tell near-twins apart ("cấp lại", "gia hạn", "điều chỉnh", "sửa đổi, bổ sung",
// "thu hồi") are kept in every name of the twin that has them; the object alone goes only to
// the plain action, which a question naming no action means.

/** Folded word sequences that open a scope qualifier: the name is also cut there. */
const SCOPES = ['doi voi', 'tai cap', 'tren dia ban', 'thuoc tham quyen', 'cap tinh', 'cap huyen', 'cap xa', 'khi co su thay doi', 'theo quy dinh', 'nham muc dich', 'tai viet nam', 'lam viec tai', 'trong truong hop']
  .map((s) => s.split(' '));
/** Folded word sequences that say little and lengthen a name. */
const FILLERS = ['du dieu kien', 'hoat dong', 'cung cap dich vu', 'quyen so huu tai san gan lien voi dat'].map((s) => s.split(' '));
/** The plain actions: their object alone names the procedure. */
const PLAIN_ACTIONS = [['cap', 'moi'], ['cap', 'phep'], ['cap'], ['dang', 'ky']];
/**
 * Actions of handling what a citizen brings ("Giải quyết tố cáo", "Thẩm định báo cáo…") or of
 * the authority's say on it ("Xác nhận bảng kê lâm sản", "Công nhận làng nghề", "Chấp thuận
 * thiết kế…"): a citizen names the thing, not the handling, so their object alone names the
 * procedure too.
 */
const HANDLING_ACTIONS = [['giai', 'quyet'], ['xu', 'ly'], ['tham', 'dinh'], ['xet', 'tang'], ['xac', 'nhan'], ['cong', 'nhan'], ['cho', 'phep'], ['phe', 'duyet'], ['chap', 'thuan']];
/**
 * Folded words that say what kind of paper or act, not about what: a name cut down to these
 * alone ("Cấp giấy phép hoạt động" of "… đối với cơ sở dịch vụ tiêm") would name every licence.
 */
const KIND_WORDS = new Set(['cap', 'moi', 'dang', 'ky', 'giay', 'phep', 'chung', 'nhan', 'chi', 'xac', 'hoat', 'dong', 'thu', 'tuc', 'van', 'ban', 'de', 'nghi', 'cong', 'bo']);
/**
 * The folded words of the lexicon's citizens' words for an action ("xin lại", "làm lại" for
 * "cấp lại"; "kéo dài" for "gia hạn"): with the official action words, they say what is done,
 * never to what, so a name cut down to them and kind words ("cấp lại giấy phép hoạt động" of
 * "… đối với cơ sở khám bệnh, chữa bệnh", said "xin lại giấy phép") names no procedure.
 */
function actionWordsOf(synonyms: ReadonlyArray<{ official: NormalizedText; citizen: NormalizedText[] }>): Set<string> {
  const out = new Set(ACTION_WORDS);
  for (const s of synonyms) if (s.official.folded.every((t) => ACTION_WORDS.has(t))) for (const c of s.citizen) for (const t of c.folded) out.add(t);
  return out;
}

/** Words after a plain action that make it another action ("cấp lại", "đăng ký lại"). */
const OTHER_ACTION = new Set(['lai', 'doi', 'sua', 'bo', 'dieu', 'gia', 'thu', 'thay', 'chuyen', 'xoa', 'huy']);

interface Words {
  words: string[];
  folded: string[];
}

function indexOf(folded: readonly string[], seq: readonly string[], from = 0): number {
  outer: for (let i = from; i + seq.length <= folded.length; i++) {
    for (let k = 0; k < seq.length; k++) if (folded[i + k] !== seq[k]) continue outer;
    return i;
  }
  return -1;
}

function cut(w: Words, at: number, length = w.words.length - at): Words {
  return { words: [...w.words.slice(0, at), ...w.words.slice(at + length)], folded: [...w.folded.slice(0, at), ...w.folded.slice(at + length)] };
}

/** The folded words of a name before its scope ("đối với…", "trong trường hợp…"): what it does to what. */
export function nameHead(folded: readonly string[]): string[] {
  const at = Math.min(...SCOPES.map((s) => indexOf(folded, s, 2)).filter((i) => i >= 0));
  return Number.isFinite(at) ? folded.slice(0, at) : [...folded];
}

function beforeScope(w: Words): Words {
  const at = Math.min(...SCOPES.map((s) => indexOf(w.folded, s, 2)).filter((i) => i >= 0));
  return Number.isFinite(at) ? { words: w.words.slice(0, at), folded: w.folded.slice(0, at) } : w;
}

/** Folded words that end the object of an "đối với" scope: the reason or circumstance after it ("… bị mất", "… khi thay đổi"). */
const OBJECT_ENDS = new Set(['khi', 'do', 'bi', 'trong', 'tai', 'tren', 'theo', 'nham', 'thuoc', 'ma']);
const FOR = ['doi', 'voi'];

/**
 * The name with what its "đối với" scope is about in place of the scope: "Cấp giấy phép hoạt
 * động đối với phòng khám đa khoa" is "giấy phép hoạt động phòng khám đa khoa", and "… kinh
 * doanh hoạt động thể thao đối với môn Yoga" is told from its twin for "môn Khiêu vũ thể thao"
 * by "yoga". Null when the name has no such scope.
 */
function withScopeObject(w: Words, head: Words): Words | null {
  const at = indexOf(w.folded, FOR, 2);
  if (at < 0 || at !== head.words.length) return null;
  let end = at + FOR.length;
  while (end < w.folded.length && !OBJECT_ENDS.has(w.folded[end] ?? '') && !SCOPES.some((s) => indexOf(w.folded, s, end) === end)) end++;
  if (end === at + FOR.length) return null;
  return { words: [...head.words, ...w.words.slice(at + FOR.length, end)], folded: [...head.folded, ...w.folded.slice(at + FOR.length, end)] };
}

/** Folded words before "thành lập" that make it part of the paper's name ("giấy phép thành lập văn phòng đại diện"): citizens leave it out. */
const ESTABLISHED_PAPER = new Set(['phep', 'nhan']);

/** Folded words of the papers and offices a name may say the owner of. */
const OWNED = new Set(['giay', 'chi', 'the', 'phong']);

/**
 * The name without whose the paper or office is ("… văn phòng đại diện của thương nhân nước
 * ngoài"): a citizen says the thing, rarely its owner. Null when the name has no "của" after
 * its third word.
 */

function withoutOwner(w: Words): Words | null {
  const at = w.folded.indexOf('cua', 3);
  // Only a paper's or an office's owner: "… đã thông báo của hộ kinh doanh" tells a household's notice from a company's.
  if (at < 0 || !w.folded.slice(0, at).some((t) => OWNED.has(t))) return null;
  return { words: w.words.slice(0, at), folded: w.folded.slice(0, at) };
}

/** The least words before "và" for the name cut there to say what the procedure acts on. */
const FIRST_OF_TWO_WORDS = 4;

/**
 * The name cut before a second thing it acts on ("Gia hạn giấy phép liên vận Việt - Lào và
 * thời gian lưu hành…", "Cấp lại giấy chứng nhận người có công và thẻ thương binh"): a citizen
 * asks about one of them. Null when the name joins no two things.
 */
function firstOfTwo(w: Words): Words | null {
  const at = w.folded.indexOf('va', FIRST_OF_TWO_WORDS);
  return at > 0 ? { words: w.words.slice(0, at), folded: w.folded.slice(0, at) } : null;
}

function withoutFillers(w: Words): Words {
  let out = w;
  for (let at = indexOf(out.folded, ['thanh', 'lap']); at > 0 && ESTABLISHED_PAPER.has(out.folded[at - 1] ?? '') && out.words.length > 4; at = indexOf(out.folded, ['thanh', 'lap'])) out = cut(out, at, 2);
  for (const f of FILLERS) {
    for (let at = indexOf(out.folded, f); at >= 0 && out.words.length - f.length >= 2; at = indexOf(out.folded, f)) out = cut(out, at, f.length);
  }
  return out;
}

function objectOf(w: Words): Words | null {
  for (const action of PLAIN_ACTIONS) {
    if (indexOf(w.folded, action) !== 0) continue;
    if (OTHER_ACTION.has(w.folded[action.length] ?? '')) return null;
    const rest = { words: w.words.slice(action.length), folded: w.folded.slice(action.length) };
    return rest.words.length >= 2 ? rest : null;
  }
  for (const action of HANDLING_ACTIONS) {
    if (indexOf(w.folded, action) !== 0) continue;
    const rest = { words: w.words.slice(action.length), folded: w.folded.slice(action.length) };
    return rest.words.length >= 2 ? rest : null;
  }
  return null;
}

/** Each official phrase of the lexicon's synonyms in the words, replaced by each of its citizens' words. */
function withCitizenWords(w: Words, synonyms: ReadonlyArray<{ official: NormalizedText; citizen: NormalizedText[] }>): Words[] {
  const out: Words[] = [];
  for (const s of synonyms) {
    const at = indexOf(w.folded, s.official.folded);
    if (at < 0) continue;
    for (const c of s.citizen) {
      out.push({
        words: [...w.words.slice(0, at), ...c.words, ...w.words.slice(at + s.official.folded.length)],
        folded: [...w.folded.slice(0, at), ...c.folded, ...w.folded.slice(at + s.official.folded.length)],
      });
    }
  }
  return out;
}

const normalizedSynonyms = new WeakMap<Lexicon, Array<{ official: NormalizedText; citizen: NormalizedText[] }>>();

function synonymsOf(lexicon: Lexicon): Array<{ official: NormalizedText; citizen: NormalizedText[] }> {
  let list = normalizedSynonyms.get(lexicon);
  if (!list) {
    list = (lexicon.synonyms ?? []).map((s) => ({ official: normalizeText(s.official, lexicon), citizen: s.citizen.map((c) => normalizeText(c, lexicon)) }));
    normalizedSynonyms.set(lexicon, list);
  }
  return list;
}

/** The official name as matched: without "Thủ tục" in front and without parentheses. */
export function officialName(name: string): string {
  return name.replace(/\([^)]*\)/g, ' ').replace(/^\s*thủ tục\s+/iu, '').replace(/\s+/g, ' ').trim();
}

/** The names an imported procedure is matched by besides its official name; none for a curated one. */
export function catalogueAliases(p: Pick<Procedure, 'name' | 'origin'>, lexicon: Lexicon): string[] {
  if (!p.origin) return [];
  const base = normalizeText(officialName(p.name), lexicon);
  // Numbers ("hạng 1 sao, 2 sao") say little in a shorter name and match any count in a story.
  const short = withoutFillers(beforeScope(normalizeText(officialName(p.name).replace(/(^|\s)\d+(?=[\s,;.]|$)/gu, ' '), lexicon)));
  const object = objectOf(short);
  const synonyms = synonymsOf(lexicon);
  const unnumbered = normalizeText(officialName(p.name).replace(/(^|\s)\d+(?=[\s,;.]|$)/gu, ' '), lexicon);
  const scoped = withScopeObject(unnumbered, beforeScope(unnumbered));
  const scopedShort = scoped ? withoutFillers(scoped) : null;
  const scopedObject = scopedShort ? objectOf(scopedShort) : null;
  const owned = withoutOwner(short);
  const first = firstOfTwo(short);
  const extra = [scopedShort, scopedObject, owned, owned && objectOf(owned), first, first && objectOf(first)].filter((v): v is Words => v !== null);
  const variants: Words[] = [beforeScope(base), short, ...(object ? [object] : []), ...extra];
  // The whole name too: its scope may be what tells it from a sibling ("đối với học sinh trung học cơ sở").
  for (const v of [base, short, ...(object ? [object] : []), ...extra]) variants.push(...withCitizenWords(v, synonyms));
  const seen = new Set([base.folded.join(' ')]);
  const acting = actionWordsOf(synonyms);
  const out: string[] = [];
  for (const v of variants) {
    const key = v.folded.join(' ');
    if (seen.has(key) || v.words.length < 2 || v.folded.every((t) => KIND_WORDS.has(t) || acting.has(t))) continue;
    seen.add(key);
    out.push(v.words.join(' '));
  }
  return out;
}
