/**
 * In a typed array of records `stride` numbers long, each keyed by its first number and sorted
 * by it: the index of the first record of `from .. to` whose key is ≥ `key` (`to` if none).
 */
export function lowerBound(sorted: Uint32Array | Float64Array, from: number, to: number, key: number, stride: number): number {
  let lo = from / stride;
  let hi = to / stride;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid * stride] ?? 0) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo * stride;
}
