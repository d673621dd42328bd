import { $ } from '../../admin/js/dom.js';

// Telling the officer something happened while they look elsewhere: a short tone and a count
// in the tab's title. The checkbox in the header turns both off (kept for the tab's session).

const KEY = 'dvc-helpdesk-alerts';
const TITLE = document.title;
let unseen = 0;
let audio;

export function setupAlerts() {
  const box = $('#alerts');
  box.checked = sessionStorage.getItem(KEY) !== 'off';
  box.addEventListener('change', () => {
    sessionStorage.setItem(KEY, box.checked ? 'on' : 'off');
    if (!box.checked) clearTitle();
  });
  document.addEventListener('visibilitychange', () => { if (!document.hidden) clearTitle(); });
  window.addEventListener('focus', clearTitle);
}

const enabled = () => $('#alerts').checked;

function clearTitle() {
  unseen = 0;
  document.title = TITLE;
}

export function alertOfficer(what) {
  if (!enabled()) return;
  if (document.hidden || !document.hasFocus()) {
    unseen += 1;
    document.title = `(${unseen}) ${what} — ${TITLE}`;
  }
  beep();
}

function beep() {
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.25);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.25);
  } catch {
    // No sound available: the title still says it.
  }
}
