import { session } from './api.js';
import { $, notify } from '../../admin/js/dom.js';
import { hashTabs, wireSignIn } from '../../admin/js/staff-page.js';
import { listen } from './events.js';
import { alertOfficer, setupAlerts } from './alerts.js';
import { applyToQueue, loadQueue, queue } from './queue.js';
import { applyToTicket, loadReadyReplies, openTicket, ticketKeys } from './ticket.js';
import { showDossier } from './dossier.js';
import { showOverdue } from './overdue.js';
import { sameOfficer } from './format.js';

// The help-desk console: sign-in (name and token), tabs, the live event stream, keys.

const { current: currentTab, show: showTab } = hashTabs({ queue: async () => undefined, dossier: showDossier, overdue: showOverdue });
let stopListening = () => undefined;

queue.open = (code) => { void openTicket(code); };

/** A ticket event: the queue and the open ticket change; new work is announced. */
function onEvent(event) {
  applyToQueue(event);
  applyToTicket(event);
  const holder = event.ticket.claim?.officer;
  const forMe = !holder || sameOfficer(holder, session.officer());
  const fromCitizen = event.kind === 'message' && event.lines?.some((l) => l.from === 'citizen');
  if (event.kind === 'created') alertOfficer(`Yêu cầu mới ${event.code}`);
  else if (fromCitizen && forMe) alertOfficer(`Tin nhắn mới ${event.code}`);
}

function setLive(on) {
  const el = $('#live');
  el.className = on ? 'on' : 'off';
  el.textContent = on ? 'Đang cập nhật trực tiếp' : 'Mất kết nối, đang thử lại…';
}

async function enter() {
  await loadQueue();
  await loadReadyReplies();
  $('#sign-in').hidden = true;
  $('#workspace').hidden = false;
  $('#sign-out').hidden = false;
  $('#alerts-toggle').hidden = false;
  const who = $('#who');
  who.hidden = false;
  who.textContent = `Cán bộ: ${session.officer()}`;
  stopListening();
  stopListening = listen({ onReady: () => { void loadQueue(); }, onEvent, onState: setLive });
  await showTab();
}

function signOut(message = '') {
  stopListening();
  stopListening = () => undefined;
  session.clear();
  $('#workspace').hidden = true;
  $('#sign-out').hidden = true;
  $('#alerts-toggle').hidden = true;
  $('#who').hidden = true;
  $('#live').textContent = '';
  $('#sign-in').hidden = false;
  $('#sign-in-error').textContent = message;
  $('#officer').value = session.officer();
  (session.officer() ? $('#token') : $('#officer')).focus();
}

wireSignIn({ remember: () => session.set($('#token').value.trim(), $('#officer').value.trim()), enter, signOut });

/** j/k move in the queue, Enter opens, c claims, r writes, Escape returns to the queue (not while typing). */
document.addEventListener('keydown', (event) => {
  if ($('#workspace').hidden || currentTab() !== 'queue') return;
  const typing = event.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
  if (event.key === 'Escape') {
    ($('#queue li.current > button') ?? $('#queue li > button'))?.focus();
    event.preventDefault();
    return;
  }
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  const buttons = [...document.querySelectorAll('#queue li > button')];
  const at = buttons.indexOf(document.activeElement);
  if (event.key === 'j' || event.key === 'k') {
    const next = event.key === 'j' ? Math.min(at + 1, buttons.length - 1) : Math.max(at - 1, 0);
    buttons[at < 0 ? 0 : next]?.focus();
  } else if (!ticketKeys(event)) {
    return;
  }
  event.preventDefault();
});

setupAlerts();
notify('');
if (session.token() && session.officer()) enter().catch((err) => signOut(err.message));
else signOut();
