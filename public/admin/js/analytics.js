import { get, token } from './api.js';
import { $, h, notify, pct, replace } from './dom.js';
import { INTENT_NAMES } from './labels.js';
import { shared } from './state.js';

// The "Thống kê" tab: for a date range, conversations and messages per day, how often the
// assistant understood, what citizens ask most, where it does not understand, handoffs,
// satisfaction against the 90 % target and answer times; charts with Chart.js (served by
// this server from node_modules, loaded the first time the tab opens), each with its
// numbers in a table beside it; the same figures as CSV.

const REASONS = {
  'wrong-info': 'Sai thông tin',
  'not-my-question': 'Không đúng câu tôi hỏi',
  'hard-to-understand': 'Khó hiểu',
  other: 'Khác',
};
const COLORS = { blue: '#0b57d0', green: '#1b6e3a', red: '#b3261e', amber: '#8a5a00', grey: '#5b6b7c' };
const TOP = 10;

const integer = new Intl.NumberFormat('vi-VN');
const average = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const charts = new Map();
let chartLibrary = null;

/** Chart.js, loaded once from this server. */
function loadCharts() {
  chartLibrary ??= new Promise((resolve, reject) => {
    const script = h('script', { src: '/vendor/chart.js' });
    script.addEventListener('load', () => resolve(window.Chart));
    script.addEventListener('error', () => { chartLibrary = null; reject(new Error('Không tải được thư viện biểu đồ.')); });
    document.head.append(script);
  });
  return chartLibrary;
}

const isoDay = (date) => date.toISOString().slice(0, 10);
/** Today in Vietnam (UTC+7), as the server counts days. */
const vietnamToday = () => isoDay(new Date(Date.now() + 7 * 3600_000));
const daysBefore = (day, n) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000));

function range() {
  if (!$('#stats-to').value) $('#stats-to').value = vietnamToday();
  if (!$('#stats-from').value) $('#stats-from').value = daysBefore($('#stats-to').value, 29);
  return { from: $('#stats-from').value, to: $('#stats-to').value };
}

export async function showAnalytics() {
  const { from, to } = range();
  const box = $('#stats');
  box.setAttribute('aria-busy', 'true');
  let report;
  try {
    [report] = await Promise.all([get(`/api/admin/analytics?from=${from}&to=${to}`), loadCharts()]);
  } catch (err) {
    box.removeAttribute('aria-busy');
    replace(box, h('p', { class: 'error' }, err.message));
    notify(err.message, 'bad');
    return;
  }
  render(box, report);
  box.removeAttribute('aria-busy');
}

const procedureName = (id) => shared.procedures.find((p) => p.id === id)?.name ?? id;
const intentName = (id) => INTENT_NAMES[id] ?? shared.faqs.find((f) => f.intent === id)?.title ?? id;
const shortDay = (day) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
const ms = (x) => (x === null ? '—' : x >= 1000 ? `${average.format(x / 1000)} giây` : `${integer.format(x)} ms`);

function card(label, value, note, id, kind = '') {
  return h('div', { class: `card stat ${kind}` }, h('div', { class: 'muted' }, label), h('div', { class: 'big', id }, value), note ? h('div', { class: 'hint' }, note) : null);
}

function render(box, r) {
  const satisfied = r.satisfaction === null ? '' : r.satisfaction >= r.target ? 'good' : 'bad';
  const votes = r.feedback.up + r.feedback.down;
  replace(box,
    h('div', { class: 'stats-summary' },
      card('Cuộc trò chuyện', integer.format(r.conversations), `${integer.format(r.messages)} tin nhắn`, 'stat-conversations'),
      card('Trợ lý hiểu được', pct(r.understoodRate), `${integer.format(r.understood)} / ${integer.format(r.messages)} tin nhắn`, 'stat-understood'),
      card('Mức hài lòng', pct(r.satisfaction), `${integer.format(r.feedback.up)} hữu ích · ${integer.format(r.feedback.down)} chưa hữu ích · mục tiêu ${pct(r.target)}`, 'stat-satisfaction', satisfied),
      card('Điểm đánh giá', r.rating.average === null ? '—' : `${average.format(r.rating.average)} / 5`, `${integer.format(r.rating.count)} lượt đánh giá`, 'stat-rating'),
      card('Chuyển cán bộ', integer.format(r.handoffs), null, 'stat-handoffs'),
      card('Thời gian trả lời', ms(r.latency.p50), `95 % dưới ${ms(r.latency.p95)}`, 'stat-latency')),
    satisfied === 'bad' ? h('p', { class: 'card warning', role: 'status' },
      `Mức hài lòng ${pct(r.satisfaction)} thấp hơn mục tiêu ${pct(r.target)} (trên ${integer.format(votes)} lượt bình chọn).`) : null,
    h('div', { class: 'charts' },
      panel('chart-days', 'Cuộc trò chuyện và tin nhắn theo ngày', ['Ngày', 'Cuộc trò chuyện', 'Tin nhắn'],
        r.byDay.map((d) => [d.date, d.conversations, d.messages])),
      panel('chart-rates', 'Tỷ lệ hiểu được và mức hài lòng theo ngày', ['Ngày', 'Hiểu được', 'Hài lòng'],
        r.byDay.map((d) => [d.date, pct(d.messages ? d.understood / d.messages : null), pct(d.satisfaction)])),
      panel('chart-procedures', 'Thủ tục được hỏi nhiều nhất', ['Thủ tục', 'Tin nhắn'],
        Object.entries(r.byProcedure).slice(0, TOP).map(([id, n]) => [procedureName(id), n])),
      panel('chart-intents', 'Câu hỏi theo ý định', ['Ý định', 'Tin nhắn'],
        Object.entries(r.byIntent).slice(0, TOP).map(([id, n]) => [intentName(id), n])),
      panel('chart-misunderstood', 'Chủ đề trợ lý chưa hiểu (thủ tục gần nhất)', ['Chủ đề', 'Tin nhắn'],
        r.misunderstood.map((m) => [m.procedure ? procedureName(m.procedure) : 'Không gần thủ tục nào', m.count])),
      panel('chart-feedback', 'Bình chọn và lý do chưa hài lòng', ['', 'Số lượt'],
        [['Hữu ích', r.feedback.up], ['Chưa hữu ích', r.feedback.down], ...Object.entries(r.reasons).map(([k, n]) => [`Lý do: ${REASONS[k] ?? k}`, n])])));
  draw('chart-days', {
    type: 'bar',
    data: {
      labels: r.byDay.map((d) => shortDay(d.date)),
      datasets: [
        { type: 'line', label: 'Cuộc trò chuyện', data: r.byDay.map((d) => d.conversations), borderColor: COLORS.green, backgroundColor: COLORS.green, yAxisID: 'y' },
        { label: 'Tin nhắn', data: r.byDay.map((d) => d.messages), backgroundColor: '#9dbdf2', yAxisID: 'y' },
      ],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  draw('chart-rates', {
    type: 'line',
    data: {
      labels: r.byDay.map((d) => shortDay(d.date)),
      datasets: [
        { label: 'Hiểu được', data: r.byDay.map((d) => (d.messages ? d.understood / d.messages : null)), borderColor: COLORS.blue, backgroundColor: COLORS.blue, spanGaps: true },
        { label: 'Hài lòng', data: r.byDay.map((d) => d.satisfaction), borderColor: COLORS.green, backgroundColor: COLORS.green, spanGaps: true },
        { label: `Mục tiêu ${pct(r.target)}`, data: r.byDay.map(() => r.target), borderColor: COLORS.red, borderDash: [6, 4], pointRadius: 0, fill: false },
      ],
    },
    options: { scales: { y: { min: 0, max: 1, ticks: { callback: (v) => pct(v) } } }, plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${pct(c.parsed.y)}` } } } },
  });
  const bars = (id, entries, color) => draw(id, {
    type: 'bar',
    data: { labels: entries.map(([label]) => label), datasets: [{ label: 'Tin nhắn', data: entries.map(([, n]) => n), backgroundColor: color }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  bars('chart-procedures', Object.entries(r.byProcedure).slice(0, TOP).map(([id, n]) => [procedureName(id), n]), COLORS.blue);
  bars('chart-intents', Object.entries(r.byIntent).slice(0, TOP).map(([id, n]) => [intentName(id), n]), COLORS.grey);
  bars('chart-misunderstood', r.misunderstood.map((m) => [m.procedure ? procedureName(m.procedure) : 'Không gần thủ tục nào', m.count]), COLORS.amber);
  bars('chart-feedback', [['Hữu ích', r.feedback.up], ['Chưa hữu ích', r.feedback.down], ...Object.entries(r.reasons).map(([k, n]) => [REASONS[k] ?? k, n])], [COLORS.green, COLORS.red, ...Object.keys(r.reasons).map(() => '#e8a09b')]);
}

/** A chart and, for screen readers and exact figures, its numbers as a table. */
function panel(id, title, columns, rows) {
  return h('figure', { class: 'card chart', id: `${id}-panel` },
    h('figcaption', {}, title),
    rows.length
      ? h('div', { class: 'chart-box' }, h('canvas', { id, role: 'img', 'aria-label': title }))
      : h('p', { class: 'muted' }, 'Chưa có số liệu trong khoảng thời gian này.'),
    rows.length ? h('details', {}, h('summary', {}, 'Bảng số liệu'),
      h('table', { class: 'grid' },
        h('thead', {}, h('tr', {}, columns.map((c, i) => h('th', { class: i ? 'num' : undefined }, c)))),
        h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => h('td', { class: i ? 'num' : undefined }, typeof cell === 'number' ? integer.format(cell) : cell))))))) : null);
}

function draw(id, config) {
  charts.get(id)?.destroy();
  charts.delete(id);
  const canvas = document.getElementById(id);
  if (!canvas) return;
  config.options = { responsive: true, maintainAspectRatio: false, animation: false, ...config.options };
  charts.set(id, new window.Chart(canvas, config));
}

/** The figures as CSV, downloaded with the token (a plain link could not send it). */
async function downloadCsv() {
  const { from, to } = range();
  try {
    const res = await fetch(`/api/admin/analytics?from=${from}&to=${to}&format=csv`, { headers: { authorization: `Bearer ${token.get() ?? ''}` } });
    if (!res.ok) throw new Error((await res.json().catch(() => null))?.message ?? `HTTP ${res.status}`);
    const url = URL.createObjectURL(await res.blob());
    const link = h('a', { href: url, download: `thong-ke-${from}-${to}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (err) {
    notify(`Không tải được tệp CSV: ${err.message}`, 'bad');
  }
}

$('#stats-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void showAnalytics();
});
$('#stats-preset').addEventListener('change', (event) => {
  const days = Number(event.target.value);
  if (!days) return;
  $('#stats-to').value = vietnamToday();
  $('#stats-from').value = daysBefore($('#stats-to').value, days - 1);
  void showAnalytics();
});
$('#stats-csv').addEventListener('click', () => { void downloadCsv(); });
