import type { Stores } from '../store/stores.js';

// Every store operation timed, without the stores knowing: each store behind a Proxy whose
// methods report their duration (a promise's when it settles). In-memory helpers that are not
// storage (the turn queue, the rate counters) and plain data are left alone.

const NOT_STORAGE = new Set(['turns', 'rates', 'close']);

export type ObserveOperation = (store: string, operation: string, seconds: number) => void;

function timed<T extends object>(name: string, store: T, observe: ObserveOperation): T {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || typeof property !== 'string' || property === 'constructor') return value;
      return (...args: unknown[]): unknown => {
        const start = process.hrtime.bigint();
        const done = () => observe(name, property, Number(process.hrtime.bigint() - start) / 1e9);
        const result: unknown = Reflect.apply(value, target, args);
        if (result instanceof Promise) return result.finally(done);
        done();
        return result;
      };
    },
  });
}

/** An object with methods; plain data (the stores' location, sent to the training process) stays as it is. */
function isStore(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  return Object.getPrototypeOf(value) !== Object.prototype || Object.values(value).some((v) => typeof v === 'function');
}

/** The same stores, each operation reported to `observe`. */
export function timedStores(stores: Stores, observe: ObserveOperation): Stores {
  const wrapped: Record<string, unknown> = { ...stores };
  for (const [name, store] of Object.entries(stores)) {
    if (!NOT_STORAGE.has(name) && isStore(store)) wrapped[name] = timed(name, store, observe);
  }
  return wrapped as unknown as Stores;
}
