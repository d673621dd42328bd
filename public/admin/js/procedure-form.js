import { h } from './dom.js';

// A form for any procedure, built from the procedure itself: the knowledge schema lives on the
// server, which checks every save, so a field added to the format later gets an editor here
// without a change. Texts get a text box, numbers a number box, yes/no a checkbox, a list of
// texts one line per item, an object a group of its fields, a list of objects one group per
// item (add, remove), and what has no shape to follow (an empty list) JSON. Every field carries
// its path (`cases.0.fees.0.amount`), so the server's error is shown beside the field at fault.

/** Vietnamese names of the fields staff see; a field not listed shows its own name. */
const LABELS = {
  version: 'Phiên bản định dạng', id: 'Mã', name: 'Tên thủ tục', aliases: 'Tên gọi người dân hay dùng', field: 'Lĩnh vực',
  catalogCode: 'Mã trong danh mục quốc gia', agency: 'Cơ quan thực hiện', level: 'Cấp thực hiện (commune, province, central)',
  submitAt: 'Nơi nộp hồ sơ', online: 'Dịch vụ công trực tuyến', availability: 'Mức độ (full, partial, none, unknown)', url: 'Đường dẫn',
  cases: 'Trường hợp', when: 'Áp dụng khi', documents: 'Giấy tờ', explain: 'Giải thích (giấy này là gì, xin ở đâu)',
  form: 'Số bản, hình thức', optional: 'Không bắt buộc', procedure: 'Thủ tục tạo ra giấy này (mã)', fees: 'Phí, lệ phí',
  label: 'Khoản thu', amount: 'Số tiền (đồng)', onlineAmount: 'Số tiền khi nộp trực tuyến (đồng)', note: 'Ghi chú',
  exemptions: 'Được miễn', duration: 'Thời hạn giải quyết', steps: 'Các bước thực hiện', legalBasis: 'Căn cứ pháp lý',
  sources: 'Nguồn (đường dẫn)', caveats: 'Lưu ý, điều chưa kiểm chứng được', applicants: 'Đối tượng thực hiện',
  conditions: 'Yêu cầu, điều kiện', results: 'Kết quả thực hiện', reviewedAt: 'Ngày rà soát', origin: 'Nguồn danh mục', select: 'Câu hỏi chọn trường hợp',
};

/** Inside a case, a document or a fee, `name` and `id` are the item's own. */
const ITEM_LABELS = { name: 'Tên', id: 'Mã (chữ thường không dấu, nối bằng gạch ngang)' };

export const fieldLabel = (key, nested = false) => (nested ? ITEM_LABELS[key] : undefined) ?? LABELS[key] ?? key;

/** A value the form could not read (bad JSON): shown beside its field, nothing is sent. */
export class FormError extends Error {
  constructor(path, message) {
    super(message);
    this.path = path;
  }
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const inputId = (path) => `pf-${path.replace(/[^A-Za-z0-9]/g, '-')}`;
const lastKey = (path) => path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;

/** A field: its label, its input, and the place for its error. */
function field(path, label, input, hint) {
  return h('div', { class: 'pf-field', dataset: { path } },
    h('label', { for: inputId(path) }, label),
    input,
    hint ? h('p', { class: 'hint' }, hint) : null,
    h('p', { class: 'error', dataset: { errorFor: path } }));
}

/** `{ el, read }` for a value at `path`; `read()` answers the value as edited, or `undefined` to leave the field out. */
export function editorFor(value, path, label = fieldLabel(lastKey(path), path.includes('.'))) {
  if (Array.isArray(value)) {
    if (value.length && value.every((v) => typeof v === 'string')) return linesEditor(value, path, label);
    if (value.length && value.every(isObject)) return listEditor(value, path, label);
    return jsonEditor(value, path, label);
  }
  if (isObject(value)) return objectEditor(value, path, label);
  if (typeof value === 'boolean') {
    const input = h('input', { type: 'checkbox', id: inputId(path), checked: value });
    const el = field(path, label, input);
    el.classList.add('pf-check');
    return { el, read: () => input.checked };
  }
  if (typeof value === 'number') {
    const input = h('input', { type: 'number', id: inputId(path), value: String(value), step: 'any' });
    return { el: field(path, label, input), read: () => (input.value.trim() === '' ? null : Number(input.value)) };
  }
  if (typeof value === 'string') {
    const long = value.length > 90 || value.includes('\n');
    const input = long ? h('textarea', { id: inputId(path), rows: Math.min(8, Math.ceil(value.length / 90) + 1) }, value) : h('input', { id: inputId(path), value, size: 60 });
    // Emptied: left out (an optional field goes; a required one is named by the server). An empty cell stays empty.
    return { el: field(path, label, input), read: () => (input.value.trim() === '' && value !== '' ? undefined : input.value) };
  }
  // null: nothing known yet; a number typed is a number.
  const input = h('input', { id: inputId(path), value: '', size: 30, placeholder: '(chưa có)' });
  return {
    el: field(path, label, input),
    read: () => {
      const typed = input.value.trim();
      if (!typed) return null;
      return /^-?\d+(\.\d+)?$/.test(typed) ? Number(typed) : typed;
    },
  };
}

function linesEditor(value, path, label) {
  const input = h('textarea', { id: inputId(path), rows: Math.min(12, value.length + 1) }, value.join('\n'));
  return {
    el: field(path, label, input, 'Mỗi dòng một mục.'),
    read: () => input.value.split('\n').map((l) => l.trim()).filter(Boolean),
  };
}

function jsonEditor(value, path, label) {
  const input = h('textarea', { id: inputId(path), rows: 3, class: 'code', spellcheck: 'false' }, JSON.stringify(value, null, 2));
  return {
    el: field(path, label, input, 'Dạng JSON, ví dụ [] hoặc [{"label": "Lệ phí", "amount": 0}].'),
    read: () => {
      try {
        return JSON.parse(input.value);
      } catch (err) {
        throw new FormError(path, `JSON chưa đúng: ${err.message}`);
      }
    },
  };
}

function objectEditor(value, path, label) {
  const editors = Object.entries(value).map(([key, v]) => [key, editorFor(v, `${path}.${key}`)]);
  const el = h('fieldset', { class: 'pf-group', dataset: { path } },
    h('legend', {}, label),
    h('p', { class: 'error', dataset: { errorFor: path } }),
    editors.map(([, e]) => e.el));
  return {
    el,
    read: () => Object.fromEntries(editors.map(([key, e]) => [key, e.read()]).filter(([, v]) => v !== undefined)),
  };
}

/** An item like `template` with nothing filled in: texts empty, numbers unknown, lists empty. */
function blank(template) {
  if (Array.isArray(template)) return [];
  if (isObject(template)) return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, blank(v)]));
  if (typeof template === 'boolean') return false;
  if (typeof template === 'number') return null;
  return typeof template === 'string' ? '' : null;
}

function listEditor(value, path, label) {
  let items = value;
  let editors = [];
  const body = h('div');
  const el = h('fieldset', { class: 'pf-group pf-list', dataset: { path } }, h('legend', {}, label), h('p', { class: 'error', dataset: { errorFor: path } }), body);
  const readAll = () => editors.map((e) => e.read());
  const render = () => {
    editors = items.map((item, i) => editorFor(item, `${path}.${i}`, `${label} ${i + 1}`));
    body.replaceChildren(
      ...editors.map((e, i) => h('div', { class: 'pf-item' }, e.el,
        h('button', { type: 'button', class: 'danger', onclick: () => { items = readAll().filter((_, k) => k !== i); render(); } }, `Bỏ ${label.toLowerCase()} ${i + 1}`))),
      h('button', { type: 'button', onclick: () => { items = [...readAll(), blank(items[items.length - 1] ?? {})]; render(); } }, `Thêm ${label.toLowerCase()}`));
  };
  render();
  return { el, read: readAll };
}

/**
 * Shows each problem (`{field, message}`) beside the field at fault, or beside the nearest
 * group that holds it; answers the problems that found no place.
 */
export function showProblems(root, problems) {
  for (const el of root.querySelectorAll('[data-error-for]')) el.textContent = '';
  const unplaced = [];
  for (const { field: path, message } of problems) {
    let at = path;
    let target = null;
    while (at && !target) {
      target = root.querySelector(`[data-error-for="${CSS.escape(at)}"]`);
      at = at.includes('.') ? at.slice(0, at.lastIndexOf('.')) : '';
    }
    if (!target) {
      unplaced.push({ field: path, message });
      continue;
    }
    const text = `Chưa hợp lệ${path === target.dataset.errorFor ? '' : ` (${path})`}: ${message}`;
    target.textContent = target.textContent ? `${target.textContent} ${text}` : text;
  }
  const first = root.querySelector('[data-error-for]:not(:empty)');
  first?.closest('[data-path]')?.querySelector('input, textarea, select')?.focus();
  return unplaced;
}
