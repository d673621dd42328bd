import { api, get } from './api.js';
import { $, h, notify, replace } from '../../admin/js/dom.js';
import { statusName, when } from './format.js';

// Quá hạn: dossiers still open after their due date. A column header sorts (the server sorts,
// so the CSV comes out in the order on screen); "Xuất CSV" downloads the same list.

const COLUMNS = [
  ['code', 'Mã hồ sơ'],
  ['procedure', 'Thủ tục'],
  ['status', 'Trạng thái'],
  ['agency', 'Cơ quan'],
  ['receivedAt', 'Tiếp nhận'],
  ['dueAt', 'Hẹn trả'],
  ['daysOverdue', 'Số ngày quá hạn'],
];
const sort = { key: 'daysOverdue', order: 'desc' };
const query = (extra = '') => `/api/helpdesk/overdue?sort=${sort.key}&order=${sort.order}${extra}`;

export async function showOverdue() {
  let data;
  try {
    data = await get(query());
  } catch (err) {
    notify(err.message, 'bad');
    return;
  }
  $('#overdue-summary').textContent = `${data.count} hồ sơ quá hạn tính đến ${when(data.now)}.`;
  const header = h('tr', {}, COLUMNS.map(([key, title]) => h('th', {
    scope: 'col',
    class: key === 'daysOverdue' ? 'num' : undefined,
    'aria-sort': sort.key === key ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none',
  }, h('button', { type: 'button', dataset: { sort: key }, onclick: () => resort(key) }, `${title}${sort.key === key ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ''}`))));
  const rows = data.dossiers.map((d) => h('tr', {},
    h('td', {}, d.code),
    h('td', {}, d.procedureName ?? d.procedure),
    h('td', {}, statusName(d.status)),
    h('td', {}, d.agency),
    h('td', {}, when(d.receivedAt)),
    h('td', {}, when(d.dueAt)),
    h('td', { class: 'num' }, String(d.daysOverdue))));
  replace($('#overdue-table'), h('thead', {}, header), h('tbody', {}, rows));
}

function resort(key) {
  sort.order = sort.key === key && sort.order === 'desc' ? 'asc' : sort.key === key ? 'desc' : key === 'daysOverdue' ? 'desc' : 'asc';
  sort.key = key;
  void showOverdue().then(() => $(`#overdue-table th button[data-sort="${key}"]`)?.focus());
}

async function exportCsv() {
  try {
    const res = await api('GET', query('&format=csv'), undefined, { raw: true });
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'ho-so-qua-han.csv';
    const url = URL.createObjectURL(await res.blob());
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    notify(`Đã xuất ${name}.`);
  } catch (err) {
    notify(err.message, 'bad');
  }
}

$('#overdue-refresh').addEventListener('click', () => { void showOverdue(); });
$('#overdue-csv').addEventListener('click', () => { void exportCsv(); });
