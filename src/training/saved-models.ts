import { randomBytes } from 'node:crypto';
import type { ModelFiles } from '../store/model-store.js';
import { evaluationReportSchema, type EvaluationReport } from './evaluation.js';
import { modelFileSchema, type ModelFile } from './model-codec.js';

// Models and evaluations as the model store keeps them, read back through their schemas.

export function newModelId(now = new Date()): string {
  return `m-${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}-${randomBytes(2).toString('hex')}`;
}

/** A saved model; an error when it is missing or not a model of this code's format. */
export async function readSavedModel(models: ModelFiles, id: string): Promise<ModelFile> {
  return modelFileSchema.parse(await models.readModel(id));
}

/** A saved evaluation; null when there is none, or one of an older shape (it is then made again). */
export async function readSavedEvaluation(models: ModelFiles, id: string): Promise<EvaluationReport | null> {
  const parsed = evaluationReportSchema.safeParse(await models.readEvaluation(id));
  return parsed.success ? parsed.data : null;
}
