import Fuse from 'fuse.js';
import path from 'node:path';
import type { Config } from '../config.js';
import { loadKnowledge } from '../catalogue/load-knowledge.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { withTrainingData } from '../nlu/load.js';
import { trainRecognizer } from '../nlu/train.js';
import { readGold } from './eval.js';

// `eval --catalogue FILE GOLD.jsonl…`: how well questions about a catalogue's procedures are
// understood. For each gold file: with knowledge/ alone and with the catalogue, procedure
// accuracy (questions naming one), intent accuracy, both right; and the name search that
// spreadsheet-based provincial bots use (fuse.js over the official names, top hit) as the
// baseline to beat.

interface Scores {
  procedure: [number, number];
  intent: [number, number];
  both: [number, number];
  nameSearch: [number, number];
}

/** The baseline: fuse.js, as documented, over the official names; the top hit is the answer. */
export function nameSearch(knowledge: KnowledgeBase): (text: string) => string | null {
  const fuse = new Fuse(knowledge.procedures.map((p) => ({ id: p.id, name: p.name })), { keys: ['name'], ignoreLocation: true, threshold: 0.6 });
  return (text) => fuse.search(text, { limit: 1 })[0]?.item.id ?? null;
}

function score(knowledge: KnowledgeBase, intentsDir: string, gold: string): Scores {
  const recognizer = trainRecognizer(withTrainingData(knowledge, intentsDir));
  const search = nameSearch(knowledge);
  const s: Scores = { procedure: [0, 0], intent: [0, 0], both: [0, 0], nameSearch: [0, 0] };
  for (const c of readGold(gold)) {
    const p = recognizer.parse(c.text);
    const intentOk = c.intents.includes(p.intent);
    const procedureOk = p.procedure === c.procedure;
    s.intent[1]++;
    s.both[1]++;
    if (intentOk) s.intent[0]++;
    if (intentOk && procedureOk) s.both[0]++;
    if (c.procedure !== null) {
      s.procedure[1]++;
      s.nameSearch[1]++;
      if (procedureOk) s.procedure[0]++;
      if (search(c.text) === c.procedure) s.nameSearch[0]++;
    }
  }
  return s;
}

const pct = ([n, d]: [number, number]): string => (d ? `${((100 * n) / d).toFixed(1).padStart(5)}% (${n}/${d})` : '  n/a');

export async function runCatalogueEval(config: Config, catalogue: string, golds: string[]): Promise<number> {
  const plain = await loadKnowledge({ ...config, CATALOGUE_FILE: undefined });
  const withCatalogue = await loadKnowledge({ ...config, CATALOGUE_FILE: catalogue });
  const out: string[] = [`catalogue ${catalogue}: ${withCatalogue.procedures.length - plain.procedures.length} procedures besides the ${plain.procedures.length} of knowledge/`];
  for (const gold of golds) {
    const before = score(plain, config.INTENTS_DIR, gold);
    const after = score(withCatalogue, config.INTENTS_DIR, gold);
    out.push('', path.relative(process.cwd(), gold) || gold, '                        knowledge/ alone     with the catalogue');
    for (const [label, key] of [['procedure accuracy', 'procedure'], ['intent accuracy', 'intent'], ['intent + procedure', 'both'], ['name search (fuse.js)', 'nameSearch']] as const) {
      out.push(`  ${label.padEnd(22)}${pct(before[key]).padEnd(21)}${pct(after[key])}`);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
