import { createInterface } from 'node:readline';
import { loadConfig } from '../config.js';
import { validateData } from './validate.js';
import { withTrainingData } from '../nlu/load.js';
import { storeLocation } from '../store/open-stores.js';
import { loadStaffTrainingSet } from '../training/cli-training-set.js';
import { trainModel } from '../training/model-codec.js';
import { runEval } from './eval.js';
import { runCatalogueEval } from './eval-catalogue.js';
import { isIntent } from '../nlu/intents.js';
import { runGenCatalogue } from './gen-catalogue.js';
import { runImportCatalogue } from './import-catalogue.js';
import { runExportKnowledge } from './export-knowledge.js';
import { servedKnowledge } from './served-knowledge.js';

const USAGE = `usage: npm run -s dvc -- <command>
  validate              check knowledge/ and intents/ (schema and cross-references); warn of
                        procedures due for review (REVIEW_MONTHS, knowledge/superseded.yaml)
  parse [TEXT]          parse TEXT, or one question per line of standard input, to JSON lines
  export-training       every training utterance (intents/ merged with staff labels in DATA_DIR) as JSON lines;
                        --all adds the utterances of staff FAQ intents (faq.<slug>)
  export-knowledge DIR [--replace]
                        write the knowledge served (knowledge/ with the staff edits in DATA_DIR, and
                        CATALOGUE_FILE's entries when set) as DIR/procedures/<id>.yaml and
                        DIR/superseded.yaml, and check that DIR loads back as served
  eval [GOLD.jsonl]     k-fold cross-validation, and the score on the dev sample
  eval --catalogue FILE GOLD.jsonl…
                        scores on each gold file with knowledge/ alone and with the catalogue,
                        beside a fuse.js name search over the official names
  gen-catalogue DIR [--size 6842] [--seed 1]  (or --table FILE.csv|FILE.xlsx: synthetic rows as a catalogue)
                        write the bundled procedures plus synthetic ones up to the national
                        catalogue's size into DIR (for benchmarks: KNOWLEDGE_DIR=DIR)
  situations [--set=dev|holdout|all] [--verbose] [--show] [FILE|DIR…]
                        play the situation conversations (test/conversations/situations/) over
                        Direct Line on the real app; print the pass rate and words per answer kind
                        (--verbose: every turn; --show: the answers' text too)
  import-catalogue FILE [--out DIR]
                        check a province's catalogue (CSV or XLSX) and write one knowledge entry
                        per row into DIR; prints what was read, imported and skipped
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = loadConfig();
  switch (command) {
    case 'validate': {
      const report = validateData(config.KNOWLEDGE_DIR, config.INTENTS_DIR, { now: new Date(), reviewMonths: config.REVIEW_MONTHS });
      if (report.warnings.length) {
        process.stderr.write(`${report.warnings.length} warning(s), due for review:\n${report.warnings.map((w) => `  - ${w}`).join('\n')}\n`);
      }
      if (report.problems.length) {
        process.stderr.write(`${report.problems.length} problem(s):\n${report.problems.map((p) => `  - ${p}`).join('\n')}\n`);
        return 1;
      }
      process.stdout.write(`ok: ${report.procedures} procedures, ${report.utterances} utterances\n`);
      return 0;
    }
    case 'parse': {
      // The same model the server trains: intents/ merged with the staff data in DATA_DIR.
      const data = withTrainingData((await servedKnowledge(config)).knowledge, config.INTENTS_DIR);
      const options = config.NONE_THRESHOLD === undefined ? {} : { noneThreshold: config.NONE_THRESHOLD };
      const set = (await loadStaffTrainingSet(storeLocation(config), data)).json;
      const { recognizer } = trainModel({ procedures: data.knowledge.procedures, lexicon: data.lexicon, situation: data.situation.data, options }, set);
      const emit = (text: string): void => {
        const { text: t, intent, confidence, procedure, entities, intents, procedures, ambiguous } = recognizer.parse(text);
        process.stdout.write(`${JSON.stringify({ text: t, intent, confidence, procedure, entities, intents, procedures, ambiguous })}\n`);
      };
      if (args.length) {
        emit(args.join(' '));
        return 0;
      }
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) emit(line);
      return 0;
    }
    case 'export-training': {
      const { set } = await loadStaffTrainingSet(storeLocation(config), withTrainingData((await servedKnowledge(config)).knowledge, config.INTENTS_DIR));
      const all = args.includes('--all');
      for (const { text, intent, procedure } of set.utterances) {
        if (all || isIntent(intent)) process.stdout.write(`${JSON.stringify({ text, intent, procedure })}\n`);
      }
      return 0;
    }
    case 'eval': {
      const at = args.indexOf('--catalogue');
      if (at < 0) return runEval(config, args[0]);
      const catalogue = args[at + 1];
      const golds = args.filter((_, i) => i !== at && i !== at + 1);
      if (!catalogue || !golds.length) {
        process.stderr.write('usage: npm run -s dvc -- eval --catalogue FILE GOLD.jsonl [GOLD.jsonl…]\n');
        return 2;
      }
      return runCatalogueEval(config, catalogue, golds);
    }
    case 'export-knowledge':
      return runExportKnowledge(config, args);
    case 'gen-catalogue':
      return runGenCatalogue(config.KNOWLEDGE_DIR, args);
    case 'situations':
      // Loaded on demand: it starts the whole server (restify and all), which no other command needs.
      return (await import('./situations/report.js')).runSituations(config, args);
    case 'import-catalogue':
      return runImportCatalogue(args);
    default:
      process.stderr.write(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`dvc: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
