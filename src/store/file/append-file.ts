import { open, type FileHandle } from 'node:fs/promises';
import { writeFileAtomic } from '../write-file-atomic.js';

/**
 * A file written by appending to it through a handle held open, and now and then replaced
 * whole (temp file, then rename). An append is one write call, where replacing a file is an
 * open, a write, a close and a rename; a process killed after an append returned has the line
 * in the file (the kernel holds it), so only a crash of the machine itself can lose it.
 */
export class AppendFile {
  private handle: FileHandle | undefined;

  constructor(readonly file: string, private readonly mode = 0o600) {}

  async append(text: string): Promise<void> {
    this.handle ??= await open(this.file, 'a', this.mode);
    await this.handle.appendFile(text);
  }

  async replace(text: string): Promise<void> {
    await this.close();
    await writeFileAtomic(this.file, text, { mode: this.mode });
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close();
  }
}
