import path from 'node:path';
import { validateData } from './validate.js';

const root = process.cwd();
const [command] = process.argv.slice(2);

function main(): number {
  switch (command) {
    case 'validate': {
      const report = validateData(path.join(root, 'knowledge'), path.join(root, 'intents'));
      if (report.problems.length) {
        process.stderr.write(`${report.problems.length} problem(s):\n${report.problems.map((p) => `  - ${p}`).join('\n')}\n`);
        return 1;
      }
      process.stdout.write(`ok: ${report.procedures} procedures, ${report.utterances} utterances\n`);
      return 0;
    }
    default:
      process.stderr.write('usage: dvc <validate|parse|export-training|eval>\n');
      return 2;
  }
}

process.exitCode = main();
