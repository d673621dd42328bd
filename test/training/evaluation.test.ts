import { evaluate, parseGold, type EvalCase, type Prediction } from '../../src/training/evaluation.js';

const answers = (table: Record<string, Prediction>) => (text: string): Prediction => table[text] ?? { intent: 'none', procedure: null, entities: {} };
const asked = (intent: string, procedure: string | null = null, dossierCode?: string): Prediction => ({ intent, procedure, entities: dossierCode ? { dossierCode } : {} });

describe('the evaluation', () => {
  it('computes precision, recall and F1 per intent from the confusion matrix', () => {
    const cases: EvalCase[] = [
      { text: 'chào bạn', intents: ['greeting'], procedure: null },
      { text: 'chao ban oi', intents: ['greeting'], procedure: null },
      { text: 'giá vàng hôm nay', intents: ['none'], procedure: null },
    ];
    const r = evaluate(cases, answers({ 'chào bạn': asked('greeting') }));
    expect(r.labels).toEqual(['greeting', 'none']);
    expect(r.matrix).toEqual([[1, 1], [0, 1]]);
    expect(r.perIntent.greeting).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3, support: 2 });
    expect(r.perIntent.none).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3, support: 1 });
    expect(r.intentAccuracy).toBeCloseTo(2 / 3);
    expect(r.confusions).toEqual([['greeting → none', 1]]);
    expect(r.folds).toBeNull();
  });

  it('accepts either of two gold intents, and scores procedures, out-of-scope answers and dossier codes apart', () => {
    const cases: EvalCase[] = [
      { text: 'lam cccd het bao nhieu', intents: ['procedure.fee', 'procedure.info'], procedure: 'cap-the-can-cuoc' },
      { text: 'dk khai sinh o dau', intents: ['procedure.location'], procedure: 'dang-ky-khai-sinh' },
      { text: 'thời tiết mai thế nào', intents: ['none'], procedure: null },
      { text: 'tra cứu hồ sơ g22.71 - 261105 - 0012', intents: ['dossier.status'], procedure: null, dossierCode: 'g22.71-261105-0012' },
    ];
    const r = evaluate(cases, answers({
      'lam cccd het bao nhieu': asked('procedure.info', 'cap-the-can-cuoc'),
      'dk khai sinh o dau': asked('procedure.location', 'dang-ky-ket-hon'),
      'thời tiết mai thế nào': asked('procedure.info'),
      'tra cứu hồ sơ g22.71 - 261105 - 0012': asked('dossier.status', null, 'G22.71-261105-0012'),
    }));
    expect(r.intent).toEqual({ correct: 3, total: 4 });
    expect(r.procedure).toEqual({ correct: 1, total: 2 });
    expect(r.procedureConfusions).toEqual([['dang-ky-khai-sinh → dang-ky-ket-hon', 1]]);
    expect(r.oosRejected).toEqual({ correct: 0, total: 1 });
    expect(r.falseNone).toEqual({ correct: 0, total: 3 });
    expect(r.dossierCode).toEqual({ correct: 1, total: 1 });
    expect(r.errors.map((e) => e.text)).toEqual(['dk khai sinh o dau', 'thời tiết mai thế nào']);
  });

  it('reads a gold file of one or several intents per line, and names a bad line', () => {
    const text = '{"text": "lệ phí cccd", "intent": "procedure.fee", "procedure": "cap-the-can-cuoc"}\n\n{"text": "hi", "intent": ["greeting", "none"]}\n';
    expect(parseGold(text, 'gold.jsonl')).toEqual([
      { text: 'lệ phí cccd', intents: ['procedure.fee'], procedure: 'cap-the-can-cuoc' },
      { text: 'hi', intents: ['greeting', 'none'], procedure: null },
    ]);
    expect(() => parseGold('{"text": "x"}', 'gold.jsonl')).toThrow(/gold\.jsonl:1: intent/);
    expect(() => parseGold('{"text": "x", "intent": "none"}\nnot json', 'gold.jsonl')).toThrow('gold.jsonl:2: not valid JSON');
  });
});
