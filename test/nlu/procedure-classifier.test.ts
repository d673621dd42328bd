import { ProcedureClassifier, procedureFeatures } from '../../src/nlu/procedure-classifier.js';
import type { ProcedurePhrases } from '../../src/nlu/procedure-matcher.js';
import { EMPTY_LEXICON } from '../../src/nlu/vi/lexicon.js';
import { normalizeText } from '../../src/nlu/vi/normalize.js';
import { projectRecognizer } from '../helpers/recognizer.js';

// The procedure classifier learns which procedure a question is about from names, aliases and
// questions; its sparse scoring must equal naive Bayes computed in full.

const norm = (text: string) => normalizeText(text, EMPTY_LEXICON);
const procedures: ProcedurePhrases[] = [
  { id: 'khai-sinh', phrases: [norm('đăng ký khai sinh'), norm('làm giấy khai sinh')], questions: [norm('con mới sinh cần làm giấy gì'), norm('bé mới chào đời đi đăng ký ở đâu')] },
  { id: 'khai-tu', phrases: [norm('đăng ký khai tử'), norm('làm giấy chứng tử')], questions: [norm('người nhà vừa mất cần làm thủ tục gì'), norm('bà mất ở nhà báo ở đâu')] },
  { id: 'ket-hon', phrases: [norm('đăng ký kết hôn')], questions: [norm('sắp cưới cần giấy gì'), norm('cưới xong đi đăng ký ở đâu')] },
];

/** Naive Bayes in full: every feature of the vocabulary, every procedure. */
function dense(question: string): Array<{ id: string; logp: number }> {
  const docs = procedures.map((p) => [...p.phrases, ...(p.questions ?? [])].map((d) => procedureFeatures(d.folded)));
  const vocabulary = new Set(docs.flat(2));
  const features = procedureFeatures(norm(question).folded).filter((f) => vocabulary.has(f));
  return procedures.map((p, k) => {
    const counts = new Map<string, number>();
    for (const d of docs[k]!) for (const f of d) counts.set(f, (counts.get(f) ?? 0) + 1);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const logp = features.reduce((sum, f) => sum + Math.log((counts.get(f) ?? 0) + 0.1) - Math.log(total + 0.1 * vocabulary.size), 0);
    return { id: p.id, logp };
  });
}

describe('the procedure classifier', () => {
  const classifier = new ProcedureClassifier(procedures, 1);

  it.each(['người nhà mới mất thì làm gì', 'bé nhà tôi vừa chào đời', 'cưới rồi thì đăng ký ở đâu'])('ranks "%s" exactly as naive Bayes in full', (question) => {
    const full = dense(question).sort((a, b) => b.logp - a.logp);
    const sparse = classifier.logScores(norm(question).folded).sort((a, b) => b.logp - a.logp);
    expect(sparse.map((s) => s.id)).toEqual(full.filter((f) => sparse.some((s) => s.id === f.id)).map((f) => f.id));
    // Differences between procedures are the same (the unseen-feature constant cancels).
    const [a, b] = sparse;
    const fa = full.find((f) => f.id === a!.id)!;
    const fb = full.find((f) => f.id === b!.id)!;
    expect(a!.logp - b!.logp).toBeCloseTo(fa.logp - fb.logp, 5);
  });

  it('finds the procedure from questions where no name is written', () => {
    expect(classifier.classify(norm('người nhà mới mất thì làm gì').folded)[0]?.id).toBe('khai-tu');
  });

  it('answers probabilities that sum to at most one, best first', () => {
    const guesses = classifier.classify(norm('đăng ký ở đâu').folded);
    expect(guesses.reduce((a, g) => a + g.probability, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(guesses.map((g) => g.probability)).toEqual([...guesses.map((g) => g.probability)].sort((a, b) => b - a));
  });

  it('answers nothing for a question sharing no word with any procedure', () => {
    expect(classifier.classify(norm('thời tiết mai ra sao').folded)).toEqual([]);
  });

  it('fits a temperature of at least one, which spreads a follow-up question over procedures', () => {
    const tempered = new ProcedureClassifier(procedures);
    expect(tempered.temperature).toBeGreaterThanOrEqual(1);
    expect(tempered.classify(norm('đăng ký ở đâu').folded)[0]!.probability).toBeLessThanOrEqual(classifier.classify(norm('đăng ký ở đâu').folded)[0]!.probability + 1e-9);
  });

  it('holds a question out exactly as training without it would', () => {
    const question = procedures[1]!.questions![0]!;
    const without = new ProcedureClassifier(procedures.map((p, k) => (k === 1 ? { ...p, questions: p.questions!.slice(1) } : p)), 1);
    const held = classifier.heldOutLogScores(question.folded, 'khai-tu');
    const retrained = without.logScores(question.folded);
    const gap = (scores: Array<{ id: string; logp: number }>): number => scores.find((s) => s.id === 'khai-tu')!.logp - scores.find((s) => s.id === 'khai-sinh')!.logp;
    expect(gap(held)).toBeCloseTo(gap(retrained), 6);
  });
});

describe('the procedure of a question with no name in it', () => {
  const { recognizer } = projectRecognizer();

  it.each([
    ['bà ngoại tôi vừa mất, gia đình cần làm thủ tục gì với chính quyền', 'dang-ky-khai-tu'],
    ['mẹ tôi năm nay 80 tuổi, không có lương hưu, có được nhận tiền trợ cấp không', 'tro-cap-xa-hoi-hang-thang'],
  ])('"%s" is about %s', (text, procedure) => {
    expect(recognizer.parse(text).procedure).toBe(procedure);
  });

  it('leaves a follow-up question without a procedure', () => {
    for (const text of ['lệ phí bao nhiêu?', 'nộp ở đâu vậy', 'bao lâu thì có kết quả']) expect(recognizer.parse(text).procedure).toBeNull();
  });
});

describe('the procedure classifier with weighted words', () => {
  const classifier = new ProcedureClassifier(procedures, 1);
  const ids = (guesses: ReadonlyArray<{ id: string; probability: number }>): Array<[string, number]> => guesses.map((g) => [g.id, Math.round(g.probability * 1e6)]);

  it('reads a word weighted 0 as if it were not there', () => {
    const folded = norm('bà mất rồi, con mới sinh cần làm giấy gì').folded;
    const ruledOut = folded.map((w) => (w === 'ba' || w === 'mat' ? 0 : 1));
    expect(ids(classifier.classify(folded, 3, ruledOut))).toEqual(ids(classifier.classify(folded.map((w, i) => (ruledOut[i] ? w : '')), 3)));
  });

  it('reads the same weight on every word as no weights at all', () => {
    const folded = norm('người nhà vừa mất, cưới rồi thì đăng ký ở đâu').folded;
    expect(ids(classifier.classify(folded, 3, folded.map(() => 0.5)))).toEqual(ids(classifier.classify(folded, 3)));
  });

  it('leans towards the procedure of the heavier words', () => {
    const folded = norm('người nhà vừa mất sắp cưới cần giấy gì').folded;
    const cut = folded.indexOf('sap');
    const story = (heavy: 'first' | 'last'): string => classifier.classify(folded, 1, folded.map((_, i) => ((i < cut) === (heavy === 'first') ? 1 : 0.2)))[0]!.id;
    expect(story('first')).toBe('khai-tu');
    expect(story('last')).toBe('ket-hon');
  });
});
