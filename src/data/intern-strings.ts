/**
 * Makes equal strings in a tree of plain objects and arrays one string, in place (the values
 * do not change, only how many copies of them memory holds), and answers the tree. A catalogue
 * repeats the same texts in thousands of procedures (agencies, documents' copies, fees' names,
 * portals' addresses); each read from its own file or JSON field is its own copy otherwise.
 */
/**
 * The items of the trees already walked (their top level only: a WeakSet of every nested
 * object would cost megabytes): a knowledge base made again of the same procedures (a
 * catalogue merged in, staff aliases added) walks only the procedures that are new.
 */
const walked = new WeakSet<object>();

export function internStrings<T>(tree: T, pool: Map<string, string> = new Map()): T {
  const one = (s: string): string => {
    const kept = pool.get(s);
    if (kept !== undefined) return kept;
    pool.set(s, s);
    return s;
  };
  // Arrays and records alike: an array's keys are its indices.
  const visit = (node: object): void => {
    if (Object.isFrozen(node)) return;
    const slots = node as Record<string, unknown>;
    for (const key of Object.keys(slots)) {
      const v = slots[key];
      if (typeof v === 'string') slots[key] = one(v);
      else if (v !== null && typeof v === 'object') visit(v);
    }
  };
  if (Array.isArray(tree)) {
    for (const item of tree as unknown[]) {
      if (item === null || typeof item !== 'object' || walked.has(item)) continue;
      walked.add(item);
      visit(item);
    }
  } else if (tree !== null && typeof tree === 'object') {
    visit(tree);
  }
  return tree;
}
