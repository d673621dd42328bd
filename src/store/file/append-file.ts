import { closeSync, openSync, writeSync } from 'node:fs';
import { writeFileAtomic } from '../write-file-atomic.js';

/**
 * A file written by appending to it through a descriptor held open, and now and then replaced
 * whole (temp file, then rename). An append is one write call, made at once rather than
 * through the thread pool: a few hundred bytes into the page cache cost microseconds, less
 * than handing them to another thread and back (as pino writes its logs). A process killed
 * after an append returned has the line in the file (the kernel holds it); only a crash of
 * the machine itself can lose it.
 */
export class AppendFile {
  private fd: number | undefined;

  constructor(readonly file: string, private readonly mode = 0o600) {}

  async append(text: string): Promise<void> {
    this.fd ??= openSync(this.file, 'a', this.mode);
    const bytes = Buffer.from(text);
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written);
  }

  async replace(text: string): Promise<void> {
    this.close();
    await writeFileAtomic(this.file, text, { mode: this.mode });
  }

  close(): void {
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) closeSync(fd);
  }
}
