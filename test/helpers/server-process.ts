import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/config.js';
import { startArguments } from './start-command.js';
import { storeEnv } from './test-app.js';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr (its JSON log lines) so far. */
  log(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start` as a real child process on a free port, on the given DATA_DIR (and its schema, with DVC_TEST_STORE=pg). */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, startArguments(), {
    cwd: PROJECT_ROOT,
    // The listening line is logged at info: the level stays there so the URL can be read.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...(env.DATA_DIR ? await storeEnv(env.DATA_DIR, env) : env), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  child.stdout?.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start in 30 s\n${err}`)); }, 30_000);
    const onData = (): void => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(err);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stderr?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stderr?.on('data', onData);
    void exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`server exited (${code}) before listening\n${err}`)); });
  });
  return { url, child, exited, log: () => err };
}
