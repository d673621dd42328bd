import { get, post, session } from './api.js';
import { $, h, notify, replace } from '../../admin/js/dom.js';
import { intentLabel } from '../../admin/js/labels.js';
import { clock, sameOfficer, when } from './format.js';
import { queue, renderQueue } from './queue.js';

// One ticket: the masked conversation with what the assistant understood of each turn, the
// citizen's new messages as they arrive, and the officer's reply box. Enter sends, Shift+Enter
// starts a new line, Alt+1…9 puts a ready-made reply in the box. Sending claims the ticket
// first when nobody holds it; "Trả lại cho trợ lý" and "Đóng" give the conversation back.

let detail = null;
let readyReplies = [];

export async function loadReadyReplies() {
  readyReplies = (await get('/api/helpdesk/replies')).replies;
}

const holdsIt = () => Boolean(detail?.claim && sameOfficer(detail.claim.officer, session.officer()));
const path = (code, action = '') => `/api/helpdesk/tickets/${encodeURIComponent(code)}${action}`;

export async function openTicket(code) {
  queue.current = code;
  queue.fresh.delete(code);
  renderQueue();
  try {
    detail = await get(path(code));
  } catch (err) {
    notify(err.message, 'bad');
    return;
  }
  renderTicket();
  $('#reply-text')?.focus();
}

/** A ticket event for the ticket on screen: new lines and replies are added, the rest refreshed. */
export function applyToTicket(event) {
  if (!detail || event.code !== detail.code) return;
  const known = new Set(detail.transcript.map(lineKey));
  if (event.lines) detail.transcript.push(...event.lines.filter((l) => !known.has(lineKey(l))));
  if (event.reply) {
    const at = detail.replies.findIndex((r) => r.id === event.reply.id);
    if (at >= 0) detail.replies[at] = event.reply;
    else detail.replies.push(event.reply);
  }
  detail.status = event.ticket.status;
  detail.claim = event.ticket.claim;
  detail.closedReason = event.ticket.closedReason;
  if (event.ticket.procedure && event.ticket.procedureName) detail.procedures = { ...detail.procedures, [event.ticket.procedure]: event.ticket.procedureName };
  renderTicket();
}

const lineKey = (l) => `${l.from}|${l.at}|${l.text}`;

function renderTicket() {
  const box = $('#ticket');
  const kept = $('#reply-text')?.value ?? '';
  const hadFocus = document.activeElement?.id === 'reply-text';
  const open = detail.status === 'open';
  replace(box,
    h('h2', { id: 'ticket-title' }, `Yêu cầu ${detail.code}`),
    h('p', { class: 'meta', id: 'ticket-state' }, stateLine()),
    open ? actions() : null,
    h('ol', { class: 'transcript', id: 'transcript', 'aria-label': 'Cuộc trò chuyện' }, lines().map(line)),
    open ? replyForm(kept) : h('p', { class: 'muted' }, 'Yêu cầu đã đóng.'));
  const list = $('#transcript');
  list.scrollTop = list.scrollHeight;
  if (hadFocus) $('#reply-text')?.focus();
}

function stateLine() {
  const opened = `Mở lúc ${when(detail.createdAt)}`;
  if (detail.status !== 'open') {
    const by = detail.closedBy ? ` bởi ${detail.closedBy}` : '';
    return `${opened} · ${detail.closedReason === 'handed_back' ? 'Đã trả lại cho trợ lý' : 'Đã đóng'}${by}${detail.closedAt ? ` lúc ${when(detail.closedAt)}` : ''}`;
  }
  if (!detail.claim) return `${opened} · Chưa ai nhận: trợ lý vẫn trả lời người dân.`;
  if (holdsIt()) return `${opened} · Bạn đang xử lý từ ${clock(detail.claim.at)}: trợ lý tạm im lặng trong cuộc trò chuyện này.`;
  return `${opened} · Cán bộ ${detail.claim.officer} đang xử lý từ ${clock(detail.claim.at)}.`;
}

function actions() {
  const mine = holdsIt();
  const other = detail.claim && !mine;
  return h('div', { class: 'actions' },
    mine
      ? h('button', { type: 'button', id: 'release', onclick: () => act('/release', 'Đã trả yêu cầu về hàng chờ.') }, 'Nhả yêu cầu')
      : h('button', { type: 'button', id: 'claim', class: 'primary', disabled: other, onclick: () => act('/claim', 'Bạn đã nhận xử lý yêu cầu này.') }, 'Nhận xử lý'),
    h('button', { type: 'button', id: 'hand-back', disabled: other, onclick: () => act('/handback', 'Đã trả cuộc trò chuyện lại cho trợ lý.') }, 'Trả lại cho trợ lý'),
    h('button', { type: 'button', id: 'close-ticket', class: 'danger', disabled: other, onclick: () => act('/close', 'Đã đóng yêu cầu.') }, 'Đóng'));
}

async function act(action, done) {
  try {
    detail = { ...detail, ...(await post(path(detail.code, action))) };
    notify(done);
    renderTicket();
  } catch (err) {
    notify(err.message, 'bad');
  }
}

/** The conversation and the officers' replies, in time order. */
function lines() {
  const replies = detail.replies.map((r) => ({ from: 'officer', text: r.text, at: r.at, officer: r.officer, delivered: r.delivered }));
  return [...detail.transcript, ...replies].sort((a, b) => a.at.localeCompare(b.at));
}

function line(l) {
  const who = l.from === 'citizen' ? 'Người dân' : l.from === 'bot' ? 'Trợ lý' : `Cán bộ${l.officer ? ` ${l.officer}` : ''}${l.delivered ? '' : ' · chưa tới được khung chat'}`;
  const procedure = l.procedure ? detail.procedures?.[l.procedure] ?? l.procedure : null;
  const understood = l.from === 'bot' && l.intent
    ? h('span', { class: 'understood' }, `Trợ lý hiểu: ${intentLabel(l.intent)}${procedure ? ` · ${procedure}` : ''}`)
    : null;
  return h('li', { class: l.from }, h('span', { class: 'who' }, `${who} · ${clock(l.at)}`), l.text, understood);
}

function replyForm(text) {
  const area = h('textarea', { id: 'reply-text', rows: 3, maxlength: 2000, 'aria-label': 'Trả lời người dân', placeholder: 'Nhập câu trả lời… (Enter để gửi, Shift+Enter xuống dòng)' });
  area.value = text;
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void send();
    } else if (event.altKey && /^[1-9]$/.test(event.key)) {
      const ready = readyReplies[Number(event.key) - 1];
      if (ready) {
        event.preventDefault();
        area.value = ready.text;
      }
    }
  });
  const ready = readyReplies.map((r, i) => h('button', { type: 'button', class: 'chip', title: r.text, onclick: () => { area.value = r.text; area.focus(); } },
    i < 9 ? `${i + 1}. ${r.title}` : r.title));
  return h('form', { class: 'reply', onsubmit: (event) => { event.preventDefault(); void send(); } },
    h('div', { class: 'ready', 'aria-label': 'Câu trả lời mẫu (Alt+số)' }, ready),
    area,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'send' }, 'Gửi'),
      h('span', { class: 'hint' }, 'Không gửi số điện thoại hay số giấy tờ trong câu trả lời.')));
}

async function send() {
  const area = $('#reply-text');
  const text = area.value.trim();
  if (!text || !detail) return;
  try {
    if (!holdsIt()) detail = { ...detail, ...(await post(path(detail.code, '/claim'))) };
    const { reply, ticket } = await post(path(detail.code, '/replies'), { text });
    detail = { ...detail, ...ticket, procedures: detail.procedures };
    area.value = '';
    notify(reply.delivered ? 'Đã gửi tới khung chat của người dân.' : 'Đã lưu câu trả lời; người dân sẽ đọc được bằng mã yêu cầu.');
    renderTicket();
    $('#reply-text')?.focus();
  } catch (err) {
    notify(err.message, 'bad');
    if (err.code === 'TICKET_HELD' || err.code === 'TICKET_CLOSED') await openTicket(detail.code);
  }
}

/** c claims, r goes to the reply box (not while typing). */
export function ticketKeys(event) {
  if (!detail) return false;
  if (event.key === 'c') $('#claim')?.click();
  else if (event.key === 'r') $('#reply-text')?.focus();
  else return false;
  return true;
}
