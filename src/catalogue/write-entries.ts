import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { PROCEDURES_FOLDER } from '../knowledge/knowledge-base.js';
import type { Procedure } from '../knowledge/schema.js';

/**
 * Writes one YAML file per entry, `procedures/<code>.yaml`, into the knowledge folder `dir`
 * (made when missing), loadable with KNOWLEDGE_DIR=dir. Refuses a folder whose procedures/
 * already holds YAML files: an earlier import's entries would otherwise linger beside the new ones.
 */
export function writeEntries(dir: string, entries: ReadonlyArray<Procedure>): void {
  const target = path.join(dir, PROCEDURES_FOLDER);
  mkdirSync(target, { recursive: true });
  const existing = (readdirSync(target, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f));
  if (existing.length) throw new Error(`${target} already holds ${existing.length} YAML file(s); give a new or empty folder`);
  // Quoted as YAML 1.1 would need it ("2026-12-07", "no"): the same strings for our YAML 1.2
  // loader, and for any other tool that reads the files.
  for (const entry of entries) writeFileSync(path.join(target, `${entry.id}.yaml`), stringify(entry, { lineWidth: 0, version: '1.1' }));
}
