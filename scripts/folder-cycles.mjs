#!/usr/bin/env node
// `npm run lint` (after ESLint): no import cycles between the folders of src/. Each folder of
// src/ is a capability (bot, store, training…) and each file at the top of src/ stands alone
// (app.ts, config.ts, errors.ts); an import from one to another is an edge, and the edges must
// not go round in a circle, so that every capability can be understood, tested and replaced
// with only what it depends on. Reads `import … from`, `export … from` and `import()` specifiers.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

/** The folder (or top-level file) of src/ a path is in. */
function unitOf(root, file) {
  const [first, ...rest] = path.relative(root, file).split(path.sep);
  return rest.length ? first : first.replace(/\.(ts|js)$/, '');
}

/** Edges between units, each with one import that makes it: `{ from, to, where }`. */
export function folderEdges(root) {
  const edges = new Map();
  const files = readdirSync(root, { recursive: true }).filter((f) => f.endsWith('.ts')).map((f) => path.join(root, f));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(SPECIFIER)) {
      const target = path.resolve(path.dirname(file), match[1]);
      if (!target.startsWith(root + path.sep)) continue;
      const from = unitOf(root, file);
      const to = unitOf(root, target);
      const key = `${from}\0${to}`;
      if (from !== to && !edges.has(key)) edges.set(key, { from, to, where: `${path.relative(root, file)} imports ${match[1]}` });
    }
  }
  return [...edges.values()];
}

/** The cycles (strongly connected units of two or more), each with the imports that close it. */
export function folderCycles(root) {
  const edges = folderEdges(root);
  const next = new Map();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  // Tarjan's strongly connected components.
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  let counter = 0;
  const visit = (v) => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return components.map((units) => ({ units, imports: edges.filter((e) => units.includes(e.from) && units.includes(e.to)).map((e) => e.where) }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? 'src');
  const cycles = folderCycles(root);
  if (cycles.length) {
    for (const c of cycles) process.stderr.write(`import cycle between ${c.units.join(', ')}:\n${c.imports.map((i) => `  ${i}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}
