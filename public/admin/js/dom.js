// Tiny DOM helpers: h('tag', {attrs}, ...children). Text is always set as text, never HTML.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

export const $ = (selector, root = document) => root.querySelector(selector);

const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const pct = (x) => (x === null || x === undefined ? '—' : percent.format(x));

const number = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const num = (x) => (x === null || x === undefined ? '—' : number.format(x));

/** "+1,2 điểm" / "−0,4 điểm", classed up/down. */
export function delta(d, digits = 1) {
  if (d === null || d === undefined) return h('span', { class: 'muted' }, '—');
  const points = (d * 100).toFixed(digits).replace('.', ',').replace('-', '−');
  return h('span', { class: d > 0.0005 ? 'up' : d < -0.0005 ? 'down' : 'muted' }, `${d > 0 ? '+' : ''}${points} điểm`);
}

const dateTime = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short' });
export const when = (iso) => dateTime.format(new Date(iso));

/** A status line for the whole page (aria-live). */
export function notify(message, kind = 'ok') {
  const el = $('#notice');
  el.className = `notice ${kind}`;
  el.textContent = message;
}
