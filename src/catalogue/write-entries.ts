import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Procedure } from '../knowledge/schema.js';

/**
 * Writes one YAML file per entry, `<code>.yaml`, into `dir` (made when missing), loadable with
 * KNOWLEDGE_DIR=dir. Refuses a folder that already holds YAML files: an earlier import's
 * entries would otherwise linger beside the new ones.
 */
export function writeEntries(dir: string, entries: ReadonlyArray<Procedure>): void {
  mkdirSync(dir, { recursive: true });
  const existing = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f));
  if (existing.length) throw new Error(`${dir} already holds ${existing.length} YAML file(s); give a new or empty folder`);
  for (const entry of entries) writeFileSync(path.join(dir, `${entry.id}.yaml`), stringify(entry, { lineWidth: 0 }));
}
