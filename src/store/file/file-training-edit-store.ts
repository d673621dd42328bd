import path from 'node:path';
import type { Logger } from '../../log/logger.js';
import { emptyTrainingEdits, trainingEditsSchema, type TrainingEdits, type TrainingEditStore } from '../training-edit-store.js';
import { JsonDocument, readJsonDocument } from './json-document.js';

// Staff training edits in DATA_DIR/training-store.json: a change is made on a copy and
// written (temp file, rename) before it is seen.

export const TRAINING_EDITS_FILE = 'training-store.json';

export class FileTrainingEditStore implements TrainingEditStore {
  private constructor(private readonly doc: JsonDocument<TrainingEdits>) {}

  static async open(dataDir: string, logger: Logger): Promise<FileTrainingEditStore> {
    return new FileTrainingEditStore(await JsonDocument.open(path.join(dataDir, TRAINING_EDITS_FILE), trainingEditsSchema, emptyTrainingEdits, logger));
  }

  /** The edits in DATA_DIR without opening the store (nothing is moved or written): for the CLI. */
  static peek(dataDir: string): Promise<TrainingEdits> {
    return readJsonDocument(path.join(dataDir, TRAINING_EDITS_FILE), trainingEditsSchema, emptyTrainingEdits);
  }

  async read(): Promise<TrainingEdits> {
    return this.doc.data;
  }

  update<R>(change: (draft: TrainingEdits) => R): Promise<R> {
    return this.doc.update(change);
  }

  close(): Promise<void> {
    return this.doc.idle();
  }
}
