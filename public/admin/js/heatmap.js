import { h } from './dom.js';
import { INTENT_NAMES } from './labels.js';

// A confusion matrix as a table: rows are the true intents, columns what the model said.
// The colour of a cell is its share of the row: green on the diagonal, red off it.

export function heatmap(evaluation, caption) {
  const { labels, matrix } = evaluation;
  const short = (l) => l.replace(/^procedure\./, 'p.');
  return h('table', { class: 'heatmap', 'aria-label': caption },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', {}, ''), labels.map((l) => h('th', { scope: 'col', title: INTENT_NAMES[l] ?? l }, short(l))))),
    h('tbody', {}, labels.map((gold, i) => {
      const row = matrix[i] ?? [];
      const total = row.reduce((a, b) => a + b, 0) || 1;
      return h('tr', {}, h('th', { scope: 'row', title: INTENT_NAMES[gold] ?? gold }, short(gold)), row.map((n, j) => {
        const share = n / total;
        const colour = i === j ? `rgba(27, 110, 58, ${share.toFixed(3)})` : `rgba(179, 38, 30, ${Math.min(1, share * 3).toFixed(3)})`;
        const td = h('td', { title: `${gold} → ${labels[j]}: ${n}` }, n || '');
        // CSSOM, not a style attribute: the page's CSP allows no inline styles.
        td.style.backgroundColor = colour;
        if (share > 0.5) td.style.color = '#fff';
        return td;
      }));
    })));
}
