import { chmod, mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../log/logger.js';
import type { KeptSecret, SecretName, SecretStore } from '../secret-store.js';
import { readTextIfAny } from './read-text.js';

// Secrets as files in DATA_DIR (`directline-secret`, `admin-token`, `helpdesk-token`),
// readable by their owner only; a file someone made readable by others is made owner-only
// again, with a warning.

export class FileSecretStore implements SecretStore {
  private constructor(private readonly dir: string, private readonly logger: Logger) {}

  static async open(dir: string, logger: Logger): Promise<FileSecretStore> {
    await mkdir(dir, { recursive: true });
    return new FileSecretStore(dir, logger);
  }

  async obtain(name: SecretName, make: () => string): Promise<KeptSecret> {
    const file = path.join(this.dir, name);
    const kept = await this.read(file);
    if (kept) return { value: kept, created: false, where: file };
    const value = make();
    try {
      // An empty file is replaced; otherwise the first writer wins and the others read its secret.
      await writeFile(file, `${value}\n`, { mode: 0o600, flag: kept === '' ? 'w' : 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const theirs = await this.read(file);
      if (theirs) return { value: theirs, created: false, where: file };
      throw err;
    }
    return { value, created: true, where: file };
  }

  /** The file's secret; '' for an empty file, null when there is none. */
  private async read(file: string): Promise<string | null> {
    const text = await readTextIfAny(file);
    if (text === null) return null;
    if (((await stat(file)).mode & 0o077) !== 0) {
      await chmod(file, 0o600);
      this.logger.warn({ file }, `${path.basename(file)} was readable by others; made it owner-only`);
    }
    return text.trim();
  }
}
