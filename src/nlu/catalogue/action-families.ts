// The actions that tell near-twins of one catalogue apart ("Cấp", "Cấp lại", "Gia hạn",
// "Điều chỉnh", "Thu hồi"…), grouped in families, each with the official words a procedure's
// name says it by and the everyday words a citizen says it by: "làm lại" or "bị mất" for a
// re-issue, "hết hạn" for a renewal, "đổi tên" or "thêm" for an adjustment, "trả lại" or
// "không kinh doanh nữa" for an ending. A word said officially weighs more than a paraphrase,
// so that "hết hạn rồi xin cấp lại" is a re-issue, not a renewal.
//
// Every sequence is of folded words (no diacritics), matched on whole words.

export type ActionFamily = 'reissue' | 'renew' | 'exchange' | 'adjust' | 'end' | 'suspend' | 'resume' | 'reregister' | 'correct';

/** Strength of an action said in the official words... */
export const OFFICIAL = 2;
/** ...and in a citizen's paraphrase... */
export const PARAPHRASE = 1;
/** ...and of one the citizen says happened to them ("đã bị tạm dừng"): the story, not what they ask for. */
export const UNDERGONE = 0.5;

/** Words before an action that make it something undergone. */
const PASSIVE = new Set(['bi', 'da']);

interface Family {
  family: ActionFamily;
  /** The official words: in a name they make the procedure this action; in a question they say it plainly. */
  official: string[][];
  /** Everyday words that say it. */
  said: string[][];
  /** Said after "bị"/"đã" it is the citizen's story ("đã bị tạm dừng… giờ muốn hưởng tiếp"), not the request. */
  undergone?: boolean;
}

const seqs = (...list: string[]): string[][] => list.map((s) => s.split(' '));

/** The plain actions, which tell no twin apart. */
const PLAIN = seqs('cap', 'cap moi', 'dang ky', 'thanh lap', 'cho phep', 'giai quyet', 'cong nhan', 'xac nhan', 'tiep nhan', 'thong bao', 'ho tro');

const FAMILIES: Family[] = [
  { family: 'reissue', official: seqs('cap lai'), said: seqs('lam lai', 'xin lai', 'in lai', 'bi mat', 'danh mat', 'lam mat', 'lo mat', 'that lac', 'hu hong', 'bi hong', 'bi rach', 'rach nat', 'bi chay', 'chay mat', 'bi uot', 'bi nat', 'tieu huy') },
  { family: 'renew', official: seqs('gia han'), said: seqs('het han', 'sap het han', 'het thoi han', 'keo dai', 'them thoi gian') },
  { family: 'exchange', official: seqs('cap doi'), said: seqs('doi sang', 'doi the', 'doi bang', 'doi giay', 'doi moi', 'doi lai', 'het han', 'bi mo') },
  {
    family: 'adjust',
    official: seqs('dieu chinh', 'sua doi', 'thay doi', 'bo sung', 'chinh sua'),
    said: seqs('sua', 'doi ten', 'doi dia chi', 'chuyen dia chi', 'chuyen tru so', 'doi tru so', 'nang cap', 'mo rong', 'doi chu', 'doi nganh', 'doi noi', 'chuyen noi', 'chuyen sang', 'cap nhat', 'thay nguoi', 'thay chu', 'thay ten'),
  },
  {
    family: 'end',
    official: seqs('thu hoi', 'xoa', 'cham dut', 'giai the', 'thoi huong', 'huy bo'),
    said: seqs('tra lai', 'nop lai', 'dong cua', 'ngung han', 'nghi han', 'khong con', 'bi chim', 'pha huy', 'ban lai', 'ban di', 'khong lam nua', 'khong kinh doanh nua', 'khong hoat dong nua', 'ngung hoat dong'),
    undergone: true,
  },
  { family: 'suspend', official: seqs('tam ngung', 'tam dung', 'dinh chi'), said: seqs('tam nghi', 'nghi tam', 'nghi mot thoi gian'), undergone: true },
  { family: 'resume', official: seqs('tiep tuc', 'tro lai', 'khoi phuc'), said: seqs('hoat dong lai', 'huong tiep', 'nhan tiep', 'mo lai', 'lam tiep', 'day lai', 'kinh doanh lai') },
  { family: 'reregister', official: seqs('dang ky lai'), said: seqs('lam lai', 'bi mat') },
  { family: 'correct', official: seqs('dinh chinh', 'cai chinh'), said: seqs('ghi sai', 'bi sai', 'sai ten', 'sai ngay', 'sai thong tin', 'nham lan', 'bi nham', 'ghi nham', 'sua sai') },
];

/** The words of the official actions and the plain ones ("cấp", "lại", "gia", "hạn", "điều", "chỉnh"…), folded. */
export const ACTION_WORDS: ReadonlySet<string> = new Set([...PLAIN, ...FAMILIES.flatMap((f) => f.official)].flat());

/** Words that say what happened to a paper ("bị mất", "cháy", "rách nát"), never what a procedure acts on. */
export const LOSS_WORDS: ReadonlySet<string> = new Set(['mat', 'chay', 'rach', 'nat', 'uot']);

/** Words that follow "mất" when it is the time or money a procedure takes, not something lost. */
const MAT_COST = new Set(['bao', 'phi', 'tien', 'may', 'nhieu', 'khoang', 'thoi', 'ca', 'chi', 'ngay', 'tuan', 'thang', 'le', 'het', 'gi', 'cong', 'lau']);
/** Words before "mất" that make it a death ("mẹ tôi vừa mất"), not a loss. */
const MAT_DEATH = new Set(['vua', 'moi', 'da', 'cha', 'me', 'ba', 'ong', 'bo', 'chong', 'vo', 'nguoi', 'ngay', 'khi', 'sau', 'truoc']);

function at(folded: readonly string[], seq: readonly string[], i: number): boolean {
  for (let k = 0; k < seq.length; k++) if (folded[i + k] !== seq[k]) return false;
  return true;
}

function holds(folded: readonly string[], seq: readonly string[]): boolean {
  return strength(folded, seq, 1, false) > 0;
}

/** `full` where the question says `seq` as asked for, UNDERGONE where only after "bị"/"đã" (when `undergone` counts), 0 where not at all. */
function strength(folded: readonly string[], seq: readonly string[], full: number, undergone: boolean): number {
  let best = 0;
  for (let i = 0; i + seq.length <= folded.length; i++) {
    if (!at(folded, seq, i)) continue;
    if (!undergone || !PASSIVE.has(folded[i - 1] ?? '')) return full;
    best = UNDERGONE;
  }
  return best;
}

/** At most this many words from "không" to "nữa" ("không kinh doanh dịch vụ karaoke nữa"). */
const STOP_SPAN = 8;

/** "không … nữa" within a few words: the citizen stops doing something. */
function stopsDoing(folded: readonly string[]): boolean {
  for (let i = 0; i < folded.length; i++) {
    if (folded[i] !== 'khong') continue;
    for (let k = i + 2; k <= i + STOP_SPAN && k < folded.length; k++) if (folded[k] === 'nua') return true;
  }
  return false;
}

/** "mất" said of a paper lost, not of time, money or a person. */
function saysLost(folded: readonly string[]): boolean {
  return folded.some((t, i) => t === 'mat' && (folded[i - 1] === 'bi' || (!MAT_COST.has(folded[i + 1] ?? '') && !MAT_DEATH.has(folded[i - 1] ?? ''))));
}

/** Words after "đối" (folded like "đổi") that make it "đối với", "đối tượng"…, not a change. */
const DOI_NOT_CHANGE = new Set(['voi', 'tuong', 'chieu', 'tac', 'thu', 'dien', 'ngoai', 'xu', 'thoai', 'lap', 'khang', 'ung']);
/** Words after "thêm" that ask for more, not add to a licence ("cần thêm gì"). */
const THEM_ASKING = new Set(['gi', 'nua', 'khong', 'nhung', 'cac', 'thong', 'giay', 'ho']);

/** "đổi" said as a change ("đổi bằng", "doi ten"), not "đối với". */
function saysChange(folded: readonly string[]): boolean {
  return folded.some((t, i) => t === 'doi' && !DOI_NOT_CHANGE.has(folded[i + 1] ?? ''));
}

/** Words before "đổi" that make it part of another verb ("thay đổi", "sửa đổi", "chuyển đổi"). */
const DOI_COMPOUND = new Set(['thay', 'sua', 'bien', 'trao', 'chuyen', 'hoan', 'cap', 'quy']);
/** Words after "đổi" that say what changes in a paper, not the paper exchanged. */
const DOI_ADJUSTS = new Set(['ten', 'dia', 'chu', 'nganh', 'noi', 'tru', 'ho', 'thong', 'noi', 'dan', 'gioi', 'nghe']);

/** "đổi" opening what is exchanged ("đổi bằng lái", "doi bien so"). */
function saysExchange(folded: readonly string[]): boolean {
  return folded.some((t, i) => t === 'doi' && !DOI_COMPOUND.has(folded[i - 1] ?? '') && i + 1 < folded.length && !DOI_NOT_CHANGE.has(folded[i + 1] ?? '') && !DOI_ADJUSTS.has(folded[i + 1] ?? ''));
}

/** "thêm" said of something added ("thêm 2 phòng hát"). */
function saysAdded(folded: readonly string[]): boolean {
  return folded.some((t, i) => t === 'them' && i + 1 < folded.length && !THEM_ASKING.has(folded[i + 1] ?? ''));
}

/** Words that name the register a civil-status event was entered in ("sổ hộ tịch", "sổ gốc", "ủy ban còn lưu"). */
const REGISTER = seqs('so ho tich', 'so goc', 'so o xa', 'so cua xa', 'so o phuong', 'so luu', 'luu so', 'ban luu', 'luu');
/** Words after "lưu" that make it another word ("lưu trú", "lưu động"). */
const LUU_OTHER = new Set(['tru', 'dong', 'hanh', 'y', 'giu']);
/** Words that say the register is gone. */
const GONE = seqs('khong con', 'mat', 'chay', 'that lac', 'khong luu', 'tieu huy', 'hu hong', 'khong tim thay', 'khong co');
/** How many words apart the register and its loss may be said. */
const REGISTER_SPAN = 5;

/** "sổ hộ tịch cũng mất", "ủy ban không còn lưu sổ": the register lost too, which only a re-registration mends. */
function saysRegisterGone(folded: readonly string[]): boolean {
  for (let i = 0; i < folded.length; i++) {
    const reg = REGISTER.find((r) => at(folded, r, i) && !(r.length === 1 && LUU_OTHER.has(folded[i + 1] ?? '')));
    if (!reg) continue;
    for (let j = Math.max(0, i - REGISTER_SPAN); j <= i + reg.length + REGISTER_SPAN && j < folded.length; j++) {
      if (GONE.some((g) => at(folded, g, j))) return true;
    }
  }
  return false;
}

/** The action families a question says, each with its strength (OFFICIAL or PARAPHRASE). */
export function saidFamilies(folded: readonly string[]): Map<ActionFamily, number> {
  const out = new Map<ActionFamily, number>();
  const put = (f: ActionFamily, s: number): void => {
    if (s > 0 && (out.get(f) ?? 0) < s) out.set(f, s);
  };
  for (const f of FAMILIES) {
    for (const s of f.official) put(f.family, strength(folded, s, OFFICIAL, f.undergone ?? false));
    for (const s of f.said) put(f.family, strength(folded, s, PARAPHRASE, f.undergone ?? false));
  }
  if (saysLost(folded)) {
    put('reissue', PARAPHRASE);
    put('reregister', PARAPHRASE);
  }
  if (stopsDoing(folded)) put('end', PARAPHRASE);
  // The paper lost and the register too: as plain as "đăng ký lại".
  if (saysRegisterGone(folded)) put('reregister', OFFICIAL);
  // "đổi" alone: an exchange or an adjustment, weakly.
  if (saysChange(folded)) {
    // "đổi bằng lái", "đổi biển số": the everyday word for an exchange; "đổi tên", "đổi địa chỉ" adjust.
    put('exchange', saysExchange(folded) ? OFFICIAL : PARAPHRASE);
    put('adjust', PARAPHRASE);
  }
  if (saysAdded(folded)) put('adjust', PARAPHRASE);
  return out;
}

/** The families a name's head says officially ("Cấp lại …", "Cấp Giấy phép điều chỉnh …", "Đổi, cấp lại …"). */
export function headFamilies(head: readonly string[]): Set<ActionFamily> {
  const out = new Set<ActionFamily>();
  for (const f of FAMILIES) if (f.official.some((s) => holds(head, s))) out.add(f.family);
  // "Đổi giấy phép lái xe…": a name opening with "đổi" is an exchange.
  if (head[0] === 'doi' && !DOI_NOT_CHANGE.has(head[1] ?? '')) out.add('exchange');
  // "Đăng ký lại" is its own action, not an adjustment's "lại".
  if (out.has('reregister')) out.delete('reissue');
  return out;
}

/** The families a whole name accepts: its head's, and those its scope gives as the reason ("do bị mất", "khi thay đổi nơi cư trú"). */
export function nameFamilies(head: readonly string[], whole: readonly string[]): Set<ActionFamily> {
  const out = headFamilies(head);
  for (const [f] of saidFamilies(whole.slice(head.length))) out.add(f);
  for (const f of headFamilies(whole.slice(head.length))) out.add(f);
  return out;
}

/** Positions of a name's head that say its action (official words of any family, and the plain "cấp", "đăng ký"). */
export function actionWords(head: readonly string[]): Set<number> {
  const out = new Set<number>();
  const mark = (seq: readonly string[]): void => {
    for (let i = 0; i + seq.length <= head.length; i++) if (at(head, seq, i)) for (let k = 0; k < seq.length; k++) out.add(i + k);
  };
  for (const f of FAMILIES) f.official.forEach(mark);
  PLAIN.forEach(mark);
  return out;
}
