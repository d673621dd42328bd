/**
 * The one k-fold split: item i is held out in fold i mod k, so the same data always splits
 * the same way (used to fit the classifier's temperature and to cross-validate a model).
 */
export function kFolds<T>(items: ReadonlyArray<T>, k: number): Array<{ train: T[]; test: T[] }> {
  return Array.from({ length: k }, (_, fold) => ({
    train: items.filter((_, i) => i % k !== fold),
    test: items.filter((_, i) => i % k === fold),
  }));
}
