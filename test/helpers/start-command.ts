import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';

/**
 * The arguments of `node` in package.json's start script, so that tests and the bench run
 * the server exactly as `npm start` does (the build in dist/, with its V8 flags). The build
 * itself is made by jest's global setup, and by the bench before it starts.
 */
export function startArguments(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [command, ...args] = (scripts.start ?? '').trim().split(/\s+/);
  if (command !== 'node' || !args.length) throw new Error(`package.json's start script should be "node [flags] FILE", not "${scripts.start}"`);
  return args;
}
