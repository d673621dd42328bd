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
  const visit = (node: unknown, item = false): void => {
    if (node === null || typeof node !== 'object') return;
    if (item) {
      if (walked.has(node)) return;
      walked.add(node);
    }
    if (Array.isArray(node) && !Object.isFrozen(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (typeof v === 'string') node[i] = one(v);
        else if (v !== null && typeof v === 'object') visit(v);
      }
    } else if (!Object.isFrozen(node)) {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const v = record[key];
        if (typeof v === 'string') record[key] = one(v);
        else if (v !== null && typeof v === 'object') visit(v);
      }
    }
  };
  if (Array.isArray(tree)) for (const item of tree) visit(item, true);
  else visit(tree);
  return tree;
}
