import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseDataText } from '../../src/data/read-data-file.js';
import { DataFileError } from '../../src/errors.js';
import { PROJECT_ROOT } from '../../src/config.js';

// Data files are read with js-yaml (fast enough for the national catalogue); they must read
// exactly as the YAML 1.2 core schema of the `yaml` package reads them.

const anything = z.unknown();
const dataFiles = ['knowledge', 'intents'].flatMap((dir) => (readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true }) as string[])
  .filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f)));

describe('reading data files', () => {
  it('finds the bundled data files', () => {
    expect(dataFiles.length).toBeGreaterThan(50);
  });

  it.each(dataFiles)('reads %s as the yaml package does', (file) => {
    const raw = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
    expect(parseDataText(file, raw, anything)).toEqual(parse(raw));
  });

  it.each([
    ['dates stay text', 'reviewedAt: 2026-11-22', { reviewedAt: '2026-11-22' }],
    ['yes and on stay text (YAML 1.2)', 'a: yes\nb: on', { a: 'yes', b: 'on' }],
    ['numbers, booleans and null', 'a: 135000\nb: 1.5\nc: true\nd: null\ne: ~', { a: 135000, b: 1.5, c: true, d: null, e: null }],
    ['JSON', '{"a": [1, "x"]}', { a: [1, 'x'] }],
  ])('reads %s as YAML 1.2 does', (_what, raw, expected) => {
    expect(parseDataText('f.yaml', raw, anything)).toEqual(expected);
    expect(parse(raw)).toEqual(expected);
  });

  it('names the line of a syntax error', () => {
    expect(() => parseDataText('f.yaml', 'version: 1\nid: [unclosed\n', anything)).toThrow(DataFileError);
    expect(() => parseDataText('f.yaml', 'version: 1\nid: x\nid: y\n', anything)).toThrow(/f\.yaml.*not valid YAML at line 3/s);
  });
});
