import type { NluData } from './load.js';
import { trainRecognizer } from './train.js';
import { INTENTS } from './intents.js';

export interface EvalCase {
  text: string;
  /** Accepted intents (a gold line may accept two). */
  intents: string[];
  procedure: string | null;
  dossierCode?: string;
}

interface Prediction {
  intent: string;
  procedure: string | null;
  entities: { dossierCode?: string };
}

type Ratio = { correct: number; total: number };

export interface EvalReport {
  intent: Ratio;
  procedure: Ratio;
  oosRejected: Ratio;
  falseNone: Ratio;
  dossierCode: Ratio;
  perIntent: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  confusions: Array<[string, number]>;
  procedureConfusions: Array<[string, number]>;
  /** Every case the model got wrong, for reading. */
  errors: Array<{ text: string; gold: string; predicted: string }>;
}

export function evaluate(cases: ReadonlyArray<EvalCase>, parse: (text: string) => Prediction): EvalReport {
  const r: EvalReport = {
    intent: { correct: 0, total: 0 },
    procedure: { correct: 0, total: 0 },
    oosRejected: { correct: 0, total: 0 },
    falseNone: { correct: 0, total: 0 },
    dossierCode: { correct: 0, total: 0 },
    perIntent: {},
    confusions: [],
    procedureConfusions: [],
    errors: [],
  };
  const tp = new Map<string, number>();
  const predicted = new Map<string, number>();
  const support = new Map<string, number>();
  const confusions = new Map<string, number>();
  const procConfusions = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => { m.set(k, (m.get(k) ?? 0) + 1); };
  for (const c of cases) {
    const p = parse(c.text);
    const intentOk = c.intents.includes(p.intent);
    const gold = intentOk ? p.intent : c.intents[0] ?? 'none';
    r.intent.total++;
    if (intentOk) r.intent.correct++;
    bump(support, gold);
    bump(predicted, p.intent);
    if (intentOk) bump(tp, gold);
    else bump(confusions, `${gold} → ${p.intent}`);
    if (c.procedure !== null) {
      r.procedure.total++;
      if (p.procedure === c.procedure) r.procedure.correct++;
      else bump(procConfusions, `${c.procedure} → ${p.procedure}`);
    }
    if (c.intents.includes('none')) {
      r.oosRejected.total++;
      if (p.intent === 'none') r.oosRejected.correct++;
    } else {
      r.falseNone.total++;
      if (p.intent === 'none') r.falseNone.correct++;
    }
    if (c.dossierCode) {
      r.dossierCode.total++;
      if (p.entities.dossierCode === c.dossierCode.toUpperCase().replace(/\s+/g, '')) r.dossierCode.correct++;
    }
    if (!intentOk || (c.procedure !== null && p.procedure !== c.procedure)) {
      r.errors.push({ text: c.text, gold: `${c.intents.join('|')} ${c.procedure}`, predicted: `${p.intent} ${p.procedure}` });
    }
  }
  for (const intent of INTENTS) {
    const n = support.get(intent) ?? 0;
    const hit = tp.get(intent) ?? 0;
    const pred = predicted.get(intent) ?? 0;
    if (!n && !pred) continue;
    const precision = pred ? hit / pred : 0;
    const recall = n ? hit / n : 0;
    r.perIntent[intent] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support: n };
  }
  r.confusions = [...confusions.entries()].sort((a, b) => b[1] - a[1]);
  r.procedureConfusions = [...procConfusions.entries()].sort((a, b) => b[1] - a[1]);
  return r;
}

/** k-fold cross-validation over the training utterances (deterministic folds). */
export function crossValidate(data: NluData, k: number): EvalReport {
  const cases: EvalCase[] = [];
  const predictions: Prediction[] = [];
  for (let fold = 0; fold < k; fold++) {
    const train = data.examples.filter((_, i) => i % k !== fold);
    const test = data.examples.filter((_, i) => i % k === fold);
    const recognizer = trainRecognizer({ ...data, examples: train });
    for (const ex of test) {
      cases.push({ text: ex.text, intents: [ex.intent], procedure: ex.procedure });
      predictions.push(recognizer.parse(ex.text));
    }
  }
  let i = 0;
  return evaluate(cases, () => predictions[i++] ?? { intent: 'none', procedure: null, entities: {} });
}
