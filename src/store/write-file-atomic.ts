import { randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';

/** Writes a file whole or not at all (temp file, then rename). */
export async function writeFileAtomic(file: string, text: string, options: { mode?: number } = {}): Promise<void> {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, text, options);
  await rename(tmp, file);
}
