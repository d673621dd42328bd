/** The q-quantile (0..1) of samples, nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

/** Milliseconds rounded for reading: three significant decimals below 1 ms, fewer above. */
export function ms(value: number): number {
  if (!Number.isFinite(value)) return value;
  return value < 1 ? Math.round(value * 1000) / 1000 : value < 100 ? Math.round(value * 100) / 100 : Math.round(value);
}

/** Times each call of `work` over `items`, in milliseconds. */
export function timeEach<T>(items: readonly T[], work: (item: T) => unknown): number[] {
  const out: number[] = [];
  for (const item of items) {
    const started = performance.now();
    work(item);
    out.push(performance.now() - started);
  }
  return out;
}
