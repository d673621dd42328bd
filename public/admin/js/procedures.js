import { get, post, put } from './api.js';
import { $, h, notify, replace, when } from './dom.js';
import { editorFor, fieldLabel, FormError, showProblems } from './procedure-form.js';

// The "Thủ tục" tab: find a procedure (or list those due for review), edit any field with the
// server's checks shown beside the field at fault, save (optionally as reviewed), read the
// history and bring an earlier version back. A save is served by the assistant at once.

/** Shown, not edited: the format version, the id, the review date (set by "Đã rà soát") and where an imported entry comes from. */
const READ_ONLY = new Set(['version', 'id', 'reviewedAt', 'origin']);
const OFFICER_KEY = 'dvc-admin-officer';

let open = null; // { id, procedure, version, editors }

const path = (id, rest = '') => `/api/admin/procedures/${encodeURIComponent(id)}${rest}`;
const officerHeaders = () => {
  const name = sessionStorage.getItem(OFFICER_KEY)?.trim();
  return name ? { 'x-officer': encodeURIComponent(name) } : {};
};

export async function showProcedures() {
  $('#procedure-officer').value = sessionStorage.getItem(OFFICER_KEY) ?? '';
  await search();
}

function reasonText(reason) {
  if (reason.kind === 'review-overdue') return `Chưa rà soát từ ${reason.reviewedAt}; đến hạn rà soát ngày ${reason.dueAt}.`;
  const s = reason.superseded;
  return `Căn cứ pháp lý “${reason.legalBasis}” dẫn ${s.document}, đã được thay bằng ${s.replacedBy} từ ${s.since}${s.scope ? ` (${s.scope})` : ''}.`;
}

async function search() {
  const q = $('#procedure-search').value.trim();
  const staleOnly = $('#procedure-stale').checked;
  let rows;
  try {
    const [found, stale] = await Promise.all([
      get(`/api/admin/procedures?${staleOnly ? 'stale=1&' : ''}q=${encodeURIComponent(q)}`),
      get('/api/admin/procedures?stale=1'),
    ]);
    rows = found;
    $('#stale-count').textContent = stale.length ? String(stale.length) : '';
  } catch (err) {
    notify(err.message, 'bad');
    return;
  }
  const list = $('#procedure-results');
  if (!rows.length) {
    replace(list, h('li', { class: 'muted' }, staleOnly ? 'Không có thủ tục nào cần rà soát.' : 'Không tìm thấy thủ tục nào.'));
    return;
  }
  replace(list, rows.map((r) => h('li', {},
    h('button', { type: 'button', 'aria-pressed': String(r.id === open?.id), onclick: () => { void openProcedure(r.id); } },
      h('span', {}, r.name, h('br'), h('small', { class: 'muted' }, `${r.id} · ${r.field}${r.reviewedAt ? ` · rà soát ${r.reviewedAt}` : ''}`))),
    r.reasons ? h('ul', { class: 'reasons' }, r.reasons.map((reason) => h('li', {}, reasonText(reason)))) : null)));
}

async function openProcedure(id) {
  let procedure;
  let history;
  try {
    [procedure, history] = await Promise.all([get(path(id)), get(path(id, '/history'))]);
  } catch (err) {
    notify(err.message, 'bad');
    return;
  }
  const editors = Object.entries(procedure).filter(([key]) => !READ_ONLY.has(key)).map(([key, value]) => [key, editorFor(value, key)]);
  open = { id, procedure, version: history.version, editors };
  const facts = [...READ_ONLY].filter((key) => key in procedure)
    .map((key) => h('li', {}, `${fieldLabel(key)}: `, h('code', {}, typeof procedure[key] === 'object' ? JSON.stringify(procedure[key]) : String(procedure[key]))));
  const reviewed = h('input', { type: 'checkbox', id: 'procedure-reviewed' });
  const form = h('form', { id: 'procedure-form', novalidate: true, onsubmit: (event) => { event.preventDefault(); void save(reviewed.checked); } },
    h('p', { class: 'error', id: 'procedure-errors', role: 'alert' }),
    editors.map(([, e]) => e.el),
    h('div', { class: 'actions sticky' },
      h('label', { class: 'inline', for: 'procedure-reviewed' }, reviewed, ' Đã rà soát (đặt ngày rà soát là hôm nay)'),
      h('button', { type: 'submit', class: 'primary' }, 'Lưu')));
  replace($('#procedure-editor'),
    h('h3', {}, procedure.name),
    h('ul', { class: 'facts muted' }, facts, h('li', {}, `Phiên bản đang dùng: ${history.version === 0 ? 'bản gốc' : history.version}`)),
    form,
    h('h3', {}, 'Lịch sử thay đổi'),
    historyTable(history));
  void search();
}

function historyTable(history) {
  const who = (v) => (v.version === 0 ? (v.actor === 'catalogue' ? 'danh mục' : 'tệp knowledge/') : v.officer ?? 'quản trị');
  return h('table', { class: 'grid', id: 'procedure-history' },
    h('thead', {}, h('tr', {}, ['Phiên bản', 'Lúc', 'Người sửa', 'Đã đổi', ''].map((t) => h('th', {}, t)))),
    h('tbody', {}, history.versions.map((v) => h('tr', { dataset: { version: String(v.version) } },
      h('td', {}, v.version === 0 ? '0 (bản gốc)' : String(v.version), v.current ? h('strong', {}, ' · đang dùng') : null),
      h('td', {}, v.at ? when(v.at) : '—'),
      h('td', {}, who(v)),
      h('td', {}, v.revertOf !== undefined ? `khôi phục bản ${v.revertOf}: ` : '', v.fields.map(fieldLabel).join(', ')),
      h('td', {}, v.current ? null : h('button', { type: 'button', onclick: () => { void revert(v.version); } }, 'Khôi phục'))))));
}

function readForm() {
  const edited = {};
  for (const [key, editor] of open.editors) {
    // A top-level field left out would keep its value: emptied, it is sent empty for the server to judge.
    const value = editor.read() ?? '';
    if (JSON.stringify(value) !== JSON.stringify(open.procedure[key])) edited[key] = value;
  }
  return edited;
}

async function save(reviewed) {
  const form = $('#procedure-form');
  let body;
  try {
    body = readForm();
  } catch (err) {
    if (!(err instanceof FormError)) throw err;
    showProblems(form, [{ field: err.path, message: err.message }]);
    return;
  }
  if (!Object.keys(body).length && !reviewed) {
    notify('Không có thay đổi nào để lưu.');
    return;
  }
  try {
    const saved = await put(path(open.id), { ...body, ...(reviewed ? { reviewed: true } : {}) }, { 'if-match': `"${open.version}"`, ...officerHeaders() });
    notify(saved.changed.length
      ? `Đã lưu phiên bản ${saved.version}; trợ lý trả lời theo nội dung mới ngay.${saved.retrainNeeded ? ' Tên gọi mới đã được nhận ra ngay; bấm “Huấn luyện lại” để mô hình học đầy đủ.' : ''}`
      : 'Không có gì thay đổi.');
    await openProcedure(open.id);
  } catch (err) {
    const problems = err.details?.problems;
    if (problems) {
      const unplaced = showProblems(form, problems);
      $('#procedure-errors').textContent = unplaced.map((p) => `${p.field}: ${p.message}`).join('; ');
      notify('Chưa lưu: có trường chưa hợp lệ (xem ghi chú đỏ cạnh trường).', 'bad');
    } else {
      notify(err.message, 'bad');
    }
  }
}

async function revert(version) {
  try {
    const saved = await post(path(open.id, '/revert'), { version }, officerHeaders());
    notify(saved.changed.length ? `Đã khôi phục bản ${version} (thành phiên bản ${saved.version}).` : 'Bản này giống bản đang dùng.');
    await openProcedure(open.id);
  } catch (err) {
    notify(err.message, 'bad');
  }
}

$('#procedure-search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void search();
});
$('#procedure-stale').addEventListener('change', () => { void search(); });
$('#procedure-officer').addEventListener('change', (event) => sessionStorage.setItem(OFFICER_KEY, event.target.value.trim()));
