import { get } from './api.js';
import { $, h, notify, replace } from '../../admin/js/dom.js';
import { statusName, when } from './format.js';

// Tra cứu hồ sơ: a dossier by its code in any spelling, with its status, dates, whether it is
// overdue and its history. Each lookup is audited by the server. Phone and id numbers show
// only their last 4 digits: enough to check a caller, no more.

const lastFour = (value) => (value ? `•••${String(value).slice(-4)}` : '—');

async function lookUp(event) {
  event.preventDefault();
  const code = $('#dossier-code').value.trim();
  if (!code) return;
  const out = $('#dossier-result');
  replace(out, h('p', { class: 'muted' }, 'Đang tra cứu…'));
  let d;
  try {
    d = await get(`/api/helpdesk/dossiers/${encodeURIComponent(code)}`);
  } catch (err) {
    replace(out, h('p', { class: 'error', role: 'alert' }, err.message));
    return;
  }
  notify('');
  replace(out, h('div', { class: 'card' },
    h('h3', {}, `Hồ sơ ${d.code}`),
    h('dl', { class: 'facts' },
      fact('Trạng thái', h('strong', {}, statusName(d.status))),
      fact('Quá hạn', d.overdue ? h('span', { class: 'overdue-flag' }, `Có — ${d.daysOverdue} ngày`) : 'Không'),
      fact('Thủ tục', d.procedureName ? `${d.procedureName} (${d.procedure})` : d.procedure),
      fact('Cơ quan', d.agency),
      fact('Tiếp nhận', when(d.receivedAt)),
      fact('Hẹn trả', when(d.dueAt)),
      d.finishedAt ? fact('Hoàn thành', when(d.finishedAt)) : null,
      fact('Người nộp', d.applicant?.name ?? '—'),
      fact('Điện thoại / giấy tờ', `${lastFour(d.applicant?.phone)} / ${lastFour(d.applicant?.idNumber)}`)),
    h('h3', {}, 'Quá trình xử lý'),
    h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Thời gian'), h('th', {}, 'Trạng thái'), h('th', {}, 'Người xử lý'))),
      h('tbody', {}, (d.history ?? []).map((step) => h('tr', {}, h('td', {}, when(step.at)), h('td', {}, statusName(step.status)), h('td', {}, step.by)))))));
}

function fact(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

export function showDossier() {
  $('#dossier-code').focus();
}

$('#dossier-form').addEventListener('submit', (event) => { void lookUp(event); });
