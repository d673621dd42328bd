import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { folderCycles as cycles } from '../../scripts/folder-cycles.mjs';

let root: string;
beforeEach(() => { root = mkdtempSync(path.join(tmpdir(), 'dvc-cycles-')); });
afterEach(() => rmSync(root, { recursive: true, force: true }));

function file(name: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), text);
}

describe('the folder-cycle check of the lint', () => {
  it('finds a cycle through three folders, type imports and re-exports included, and names the imports', () => {
    file('bot/a.ts', "import { b } from '../store/b.js';\nexport const a = b;\n");
    file('store/b.ts', "import type { C } from '../helpdesk/c.js';\nexport const b = 1;\n");
    file('helpdesk/c.ts', "export { a } from '../bot/a.js';\nexport interface C { x: number }\n");
    file('errors.ts', "import { a } from './bot/a.js';\n");
    expect(cycles(root)).toEqual([{
      units: ['bot', 'helpdesk', 'store'],
      imports: expect.arrayContaining(['bot/a.ts imports ../store/b.js', 'store/b.ts imports ../helpdesk/c.js', 'helpdesk/c.ts imports ../bot/a.js']),
    }]);
  });

  it('lets a folder import itself and its subfolders, and files at the top stand alone', () => {
    file('bot/dialogs/d.ts', "import { x } from '../x.js';\nimport { e } from '../../errors.js';\n");
    file('bot/x.ts', "import { d } from './dialogs/d.js';\n");
    file('errors.ts', 'export const e = 1;\n');
    file('app.ts', "import { x } from './bot/x.js';\nimport { e } from './errors.js';\n");
    expect(cycles(root)).toEqual([]);
  });

  it('finds none in src/', () => {
    expect(cycles(path.join(PROJECT_ROOT, 'src'))).toEqual([]);
  });
});
