import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadReadyReplies, READY_REPLIES_FILE } from '../../src/helpdesk/ready-replies.js';
import { maskPersonalData } from '../../src/privacy/mask.js';
import { loadTrainingFiles } from '../../src/nlu/training-data.js';

// The help desk's ready-made replies are data with a schema: a bad file names the file and the field.

let dir: string;
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'dvc-ready-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (text: string) => {
  const file = path.join(dir, 'replies.yaml');
  writeFileSync(file, text);
  return file;
};

describe('the ready-made replies', () => {
  const bundled = path.join(loadConfig({}).INTENTS_DIR, ...READY_REPLIES_FILE);

  it('load from the bundled file, each with a distinct id, none holding personal data', () => {
    const replies = loadReadyReplies(bundled);
    expect(replies.length).toBeGreaterThanOrEqual(3);
    expect(new Set(replies.map((r) => r.id)).size).toBe(replies.length);
    for (const reply of replies) expect(maskPersonalData(reply.text, { keepDossierCodes: true })).toBe(reply.text);
  });

  it('are not taken for training utterances', () => {
    const { files } = loadTrainingFiles(loadConfig({}).INTENTS_DIR);
    expect(files.map((f) => f.file).filter((f) => f.endsWith(path.join(...READY_REPLIES_FILE)))).toEqual([]);
    expect(files.length).toBeGreaterThan(10);
  });

  it.each([
    ['a missing version', 'replies: []', 'version'],
    ['an empty text', 'version: 1\nreplies:\n  - { id: a, title: A, text: "" }', 'replies.0.text'],
    ['an id with capitals', 'version: 1\nreplies:\n  - { id: Chao, title: A, text: x }', 'replies.0.id'],
    ['the same id twice', 'version: 1\nreplies:\n  - { id: a, title: A, text: x }\n  - { id: a, title: B, text: y }', 'replies.1.id'],
  ])('refuse %s, naming the file and the field', (_case, text, field) => {
    const file = write(text);
    expect(() => loadReadyReplies(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*${field.replace('.', '\\.')}`));
  });
});
