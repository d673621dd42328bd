// The qualifiers a citizen says in other words than a procedure's name: "có yếu tố nước ngoài"
// is said by naming the partner's country ("bạn trai người Pháp", "lấy chồng Đài Loan", "quốc
// tịch Canada"), and ruled out in so many words ("không phải kết hôn với người nước ngoài").
// catalogue-evidence.ts reads a question's words through readQualifiers before it weighs the
// near-twins, so that "Đăng ký kết hôn có yếu tố nước ngoài" is told from "Đăng ký kết hôn".
//
// Every sequence is of folded words (no diacritics), matched on whole words.

const seqs = (...list: string[]): string[][] => list.map((s) => s.split(' '));

/** The words a foreign element stands for in the names of a catalogue. */
const FOREIGN = seqs('yeu to nuoc ngoai', 'nuoc ngoai');

/** Countries and nationalities named in more than one word, foreign wherever said. */
const COUNTRIES = seqs(
  'nuoc ngoai', 'ngoai quoc', 'viet kieu', 'kieu bao', 'hai quoc tich', 'song tich', 'trung quoc', 'han quoc', 'dai loan', 'nhat ban', 'hoa ky', 'thai lan',
  'hong kong', 'ma cao', 'cam pu chia', 'campuchia', 'singapore', 'malaysia', 'indonesia', 'philippines', 'an do', 'tay ban nha', 'bo dao nha', 'ha lan',
  'thuy si', 'thuy dien', 'na uy', 'dan mach', 'phan lan', 'ba lan', 'new zealand', 'nam phi', 'ai cap', 'anh quoc', 'chau au', 'chau phi', 'trieu tien',
  'canada', 'brazil', 'mexico', 'myanmar', 'ukraine', 'australia', 'nigeria', 'pakistan', 'bangladesh', 'nepal', 'sri lanka', 'mong co', 'cu ba',
);

/** Country names of one word that are also everyday words ("lào" of "lao động", "mỹ" of "mỹ phẩm"): foreign only after one of CUES. */
const SHORT_COUNTRIES = new Set(['phap', 'my', 'duc', 'nga', 'nhat', 'han', 'uc', 'lao', 'y', 'anh', 'bi', 'sec', 'iran', 'israel', 'tay', 'hoa']);
/** Words before a short country name that make it a nationality or a place abroad: "người Pháp", "chồng Đài Loan", "ở Úc". */
const CUES = seqs('quoc tich', 'nguoi', 'chong', 'vo', 'ban trai', 'ban gai', 'o', 'tai', 'sang', 'ben', 'dan', 'goc');
/** Cues that are not enough for a short name that is also a common word in that place ("người anh" is a brother, "người Hoa" is Vietnamese). */
const WEAK_CUES = new Set(['nguoi', 'o', 'tai', 'sang', 'ben', 'dan', 'goc']);
const NEEDS_STRONG_CUE = new Set(['anh', 'hoa', 'tay', 'y', 'bi']);
/** Words after a short country name that make it another word: "lào" of "lao động", "mỹ" of "mỹ phẩm", "nhất" of "nhất định". */
const NOT_COUNTRY_AFTER = new Set(['dong', 'pham', 'dinh', 'thuat', 'tam', 'nguyen', 'ninh', 'bac', 'ho', 'te', 'tru', 'khoa', 'hoc', 'quan', 'luc', 'tieu', 'ca']);

/** Words before a qualifier that rule it out: "không phải kết hôn với người nước ngoài", "không có yếu tố nước ngoài". */
const NEGATIONS = seqs('khong phai', 'khong co', 'chu khong', 'khong lien quan', 'khong thuoc');
/** How many words before a qualifier a negation rules it out from. */
const NEGATION_SPAN = 6;

function at(folded: readonly string[], seq: readonly string[], i: number): boolean {
  for (let k = 0; k < seq.length; k++) if (folded[i + k] !== seq[k]) return false;
  return true;
}

/** The positions where a foreign country, nationality or "nước ngoài" is said, each with its length. */
function foreignMentions(folded: readonly string[]): Array<{ at: number; length: number }> {
  const out: Array<{ at: number; length: number }> = [];
  for (let i = 0; i < folded.length; i++) {
    const long = COUNTRIES.find((c) => at(folded, c, i));
    if (long) {
      out.push({ at: i, length: long.length });
      i += long.length - 1;
      continue;
    }
    const t = folded[i] ?? '';
    if (!SHORT_COUNTRIES.has(t) || NOT_COUNTRY_AFTER.has(folded[i + 1] ?? '')) continue;
    const cue = CUES.find((c) => i >= c.length && at(folded, c, i - c.length));
    if (cue && !(NEEDS_STRONG_CUE.has(t) && cue.length === 1 && WEAK_CUES.has(cue[0] ?? ''))) out.push({ at: i, length: 1 });
  }
  return out;
}

/** True when a negation stands within a few words before position `i` (and no clause break lies between). */
function negatedAt(folded: readonly string[], i: number): boolean {
  for (let j = Math.max(0, i - NEGATION_SPAN); j < i; j++) if (NEGATIONS.some((n) => at(folded, n, j))) return true;
  return false;
}

export interface Qualified {
  /** The question's words, with a qualifier it rules out blanked. */
  folded: string[];
  /** Words of the names a qualifier it says in other words stands for ("nước ngoài" for "người Pháp"). */
  implied: string[];
  /** Where it says them. */
  impliedAt: number[];
}

/** The question's words as the near-twins' names would say its qualifiers. */
export function readQualifiers(folded: readonly string[]): Qualified {
  const out = [...folded];
  const implied = new Set<string>();
  const impliedAt: number[] = [];
  for (const m of foreignMentions(folded)) {
    if (negatedAt(folded, m.at)) {
      for (let k = 0; k < m.length; k++) out[m.at + k] = '';
      // "yếu tố" before a ruled-out "nước ngoài" goes with it.
      for (let k = m.at - 2; k < m.at; k++) if (k >= 0 && FOREIGN[0]?.includes(folded[k] ?? '')) out[k] = '';
      continue;
    }
    for (const seq of FOREIGN) for (const t of seq) implied.add(t);
    for (let k = 0; k < m.length; k++) impliedAt.push(m.at + k);
  }
  return { folded: out, implied: [...implied], impliedAt };
}

/** The words that rule a qualifier out in a procedure's name ("… mà người dịch không phải là cộng tác viên …"). */
const NAME_NEGATIONS = seqs('khong phai la', 'khong phai');
/** How many words after a name's negation make the qualifier it rules out. */
const QUALIFIER_WORDS = 2;

/** Where `seq` is said in the question and not ruled out ("tôi là cộng tác viên", not "không phải cộng tác viên"). */
export function saidUnnegated(folded: readonly string[], seq: readonly string[]): boolean {
  return folded.some((_, i) => at(folded, seq, i) && !negatedAt(folded, i));
}

/**
 * Imported procedures whose names differ only by a qualifier one rules out: "Chứng thực chữ ký
 * người dịch mà người dịch là cộng tác viên…" and "… không phải là cộng tác viên…". Answers,
 * by the id of each, its sibling, the qualifier's first words and what both are about.
 */
export interface NegatedSibling {
  sibling: string;
  /** The first words of the qualifier. */
  qualifier: string[];
  /** The last words of what both names are about ("người dịch" of "Chứng thực chữ ký người dịch mà…"). */
  subject: string[];
  negating: boolean;
}

/** How many words before a name's "mà" say what both names are about. */
const SUBJECT_WORDS = 2;

export function negatedSiblings(names: ReadonlyArray<{ id: string; folded: readonly string[] }>): Map<string, NegatedSibling> {
  const byName = new Map(names.map((n) => [n.folded.join(' '), n.id]));
  const out = new Map<string, NegatedSibling>();
  for (const n of names) {
    for (let i = 0; i < n.folded.length; i++) {
      const neg = NAME_NEGATIONS.find((s) => at(n.folded, s, i));
      if (!neg) continue;
      const plain = [...n.folded.slice(0, i), ...n.folded.slice(i + neg.length)];
      // "… không phải là cộng tác viên" beside "… là cộng tác viên".
      const sibling = byName.get(plain.join(' ')) ?? byName.get([...n.folded.slice(0, i), 'la', ...n.folded.slice(i + neg.length)].join(' '));
      const qualifier = n.folded.slice(i + neg.length, i + neg.length + QUALIFIER_WORDS);
      if (!sibling || sibling === n.id || qualifier.length < QUALIFIER_WORDS) break;
      // The subject ends where "mà" joins the qualifier on.
      const join = n.folded.lastIndexOf('ma', i);
      const subject = n.folded.slice(Math.max(0, (join > 0 ? join : i) - SUBJECT_WORDS), join > 0 ? join : i);
      out.set(n.id, { sibling, qualifier, subject, negating: true });
      out.set(sibling, { sibling: n.id, qualifier, subject, negating: false });
      break;
    }
  }
  return out;
}
