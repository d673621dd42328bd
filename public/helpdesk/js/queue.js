import { get, session } from './api.js';
import { $, h, replace } from '../../admin/js/dom.js';
import { duration, sameOfficer } from './format.js';

// The queue: open tickets, those waiting for an officer first (the longest wait on top), with
// the wait, the procedure in play, the last message and who holds it. Kept up to date by the
// event stream; the waits tick every 30 seconds.

/** A wait past this is shown in red. */
const LONG_WAIT_MS = 10 * 60_000;

export const queue = { tickets: new Map(), current: null, fresh: new Set(), open: () => undefined };

export async function loadQueue() {
  const { tickets } = await get('/api/helpdesk/tickets?status=open');
  queue.tickets = new Map(tickets.map((t) => [t.code, t]));
  renderQueue();
}

/** A ticket event: the row changes, appears or (closed) goes. */
export function applyToQueue(event) {
  if (event.ticket.status === 'open') queue.tickets.set(event.code, event.ticket);
  else queue.tickets.delete(event.code);
  if ((event.kind === 'created' || event.kind === 'message') && event.code !== queue.current) queue.fresh.add(event.code);
  renderQueue();
}

function ordered() {
  return [...queue.tickets.values()].sort((a, b) => {
    if (a.awaitingReply !== b.awaitingReply) return a.awaitingReply ? -1 : 1;
    return (a.waitingSince ?? a.updatedAt).localeCompare(b.waitingSince ?? b.updatedAt);
  });
}

export function renderQueue() {
  const list = $('#queue');
  const rows = ordered();
  $('#queue-count').textContent = rows.length ? String(rows.length) : '';
  if (!rows.length) {
    replace(list, h('li', { class: 'muted empty' }, 'Không có yêu cầu nào đang chờ.'));
    return;
  }
  const focused = document.activeElement?.closest?.('#queue > li')?.dataset.code;
  replace(list, rows.map(row));
  if (focused) list.querySelector(`li[data-code="${focused}"] > button`)?.focus();
}

function row(t) {
  const classes = [t.code === queue.current ? 'current' : '', queue.fresh.has(t.code) ? 'fresh' : ''].filter(Boolean).join(' ');
  const waitMs = t.waitingSince ? Date.now() - Date.parse(t.waitingSince) : 0;
  const wait = t.awaitingReply
    ? h('span', { class: `waiting${waitMs > LONG_WAIT_MS ? ' long' : ''}` }, `chờ ${duration(t.waitingSince)}`)
    : h('span', { class: 'muted' }, 'đã trả lời');
  const mine = t.claim && sameOfficer(t.claim.officer, session.officer());
  const holder = t.claim
    ? h('span', { class: `holder${mine ? ' mine' : ''}` }, mine ? 'Bạn đang xử lý' : `${t.claim.officer} đang xử lý`)
    : h('span', { class: 'holder free' }, 'Chưa ai nhận');
  return h('li', { class: classes || undefined, dataset: { code: t.code } },
    h('button', { type: 'button', 'aria-current': t.code === queue.current ? 'true' : undefined, onclick: () => queue.open(t.code) },
      h('span', { class: 'row1' }, h('span', {}, t.code), wait),
      h('span', { class: 'meta' }, t.procedureName ?? t.procedure ?? 'Chưa rõ thủ tục'),
      h('span', { class: 'last' }, t.lastCitizenMessage ? `“${t.lastCitizenMessage}”` : ''),
      h('span', {}, holder)));
}

setInterval(() => { if (!$('#workspace').hidden) renderQueue(); }, 30_000);
