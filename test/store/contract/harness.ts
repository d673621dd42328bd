import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A store under test, on data of its own. */
export interface StoreHarness<S> {
  store: S;
  /** Closes the store and opens it again on the same data, as a restart does. */
  reopen(): Promise<S>;
  /** Closes what is open and removes the data. */
  dispose(): Promise<void>;
}

/** Opens a fresh, empty store for one test. */
export type OpenStore<S> = () => Promise<StoreHarness<S>>;

/** A harness for a file implementation: a temp dir of its own, `open(dir)` for each (re)start. */
export function fileHarness<S extends object>(prefix: string, open: (dir: string) => Promise<S>): OpenStore<S> {
  return async () => {
    const dir = mkdtempSync(path.join(tmpdir(), `dvc-${prefix}-`));
    let current = await open(dir);
    return {
      get store() { return current; },
      async reopen() {
        await closeStore(current);
        current = await open(dir);
        return current;
      },
      async dispose() {
        await closeStore(current);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
}

/** Runs `test` with a fresh store, disposed of afterwards whatever happens. */
export async function withStore<S>(open: OpenStore<S>, test: (h: StoreHarness<S>) => Promise<void>): Promise<void> {
  const h = await open();
  try {
    await test(h);
  } finally {
    await h.dispose();
  }
}

/** Stores that keep files open have a close(); the others need none. */
async function closeStore(store: object): Promise<void> {
  const { close } = store as { close?: () => Promise<void> };
  if (close) await close.call(store);
}
