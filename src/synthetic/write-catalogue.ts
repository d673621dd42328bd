import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { listYamlFiles, loadKnowledgeBase, PROCEDURES_FOLDER } from '../knowledge/knowledge-base.js';
import { SUPERSEDED_FILE } from '../knowledge/superseded.js';
import { generateCatalogue, type CatalogueOptions } from './generate.js';

export interface WrittenCatalogue {
  dir: string;
  bundled: number;
  synthetic: number;
}

/**
 * Writes a catalogue of `options.size` procedures into `dir`, loadable with KNOWLEDGE_DIR=dir:
 * the bundled procedures copied as they are (procedures/bundled/) and the synthetic ones
 * (procedures/synthetic/), one file per procedure as the loader expects, and the bundled
 * superseded.yaml, so `dvc validate` warns of the same reviews.
 */
export function writeCatalogue(dir: string, bundledDir: string, options: CatalogueOptions): WrittenCatalogue {
  const target = path.join(dir, PROCEDURES_FOLDER);
  if (existsSync(target) && readdirSync(target).length) {
    throw new Error(`${target} is not empty; give a new or empty folder`);
  }
  const bundled = loadKnowledgeBase(bundledDir);
  const synthetic = generateCatalogue(bundled.procedures, options);

  const bundledOut = path.join(target, 'bundled');
  mkdirSync(bundledOut, { recursive: true });
  for (const file of listYamlFiles(bundledDir)) copyFileSync(file, path.join(bundledOut, path.basename(file)));
  const syntheticOut = path.join(target, 'synthetic');
  mkdirSync(syntheticOut, { recursive: true });
  for (const procedure of synthetic) {
    writeFileSync(path.join(syntheticOut, `${procedure.id}.yaml`), stringify(procedure, { lineWidth: 0 }));
  }
  const superseded = path.join(bundledDir, SUPERSEDED_FILE);
  if (existsSync(superseded)) copyFileSync(superseded, path.join(dir, SUPERSEDED_FILE));
  return { dir, bundled: bundled.procedures.length, synthetic: synthetic.length };
}
