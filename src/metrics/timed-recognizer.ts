import type { Recognizer } from '../nlu/recognizer.js';

// The serving recognizer with each parse timed (the NLU latency metric). Retraining swaps the
// recognizer: each one gets its timed view once.

export function timedRecognizer(current: () => Recognizer, time: <T>(work: () => T) => T): () => Recognizer {
  const views = new WeakMap<Recognizer, Recognizer>();
  return () => {
    const recognizer = current();
    let view = views.get(recognizer);
    if (!view) {
      view = new Proxy(recognizer, {
        get(target, property) {
          const value: unknown = Reflect.get(target, property, target);
          if (property !== 'parse' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
          return (text: string) => time(() => Reflect.apply(value, target, [text]));
        },
      });
      views.set(recognizer, view);
    }
    return view;
  };
}
