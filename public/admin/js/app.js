import { token } from './api.js';
import { $ } from './dom.js';
import { loadShared, refreshServing } from './state.js';
import { showInbox, inboxKeys } from './inbox.js';
import { showIntents } from './intents.js';
import { showTraining } from './training.js';
import { showAnalytics } from './analytics.js';

// The staff page: sign-in and tabs.

const TABS = { inbox: showInbox, intents: showIntents, training: showTraining, analytics: showAnalytics };

function currentTab() {
  const name = location.hash.replace('#', '');
  return name in TABS ? name : 'inbox';
}

async function showTab() {
  const name = currentTab();
  for (const link of document.querySelectorAll('[data-tab]')) {
    if (link.dataset.tab === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  for (const panel of document.querySelectorAll('[data-panel]')) panel.hidden = panel.dataset.panel !== name;
  await TABS[name]();
}

async function enter() {
  $('#sign-in').hidden = true;
  $('#workspace').hidden = false;
  $('#sign-out').hidden = false;
  await loadShared();
  await refreshServing();
  await showTab();
}

function signOut(message = '') {
  token.clear();
  $('#workspace').hidden = true;
  $('#sign-out').hidden = true;
  $('#sign-in').hidden = false;
  $('#serving').textContent = '';
  $('#sign-in-error').textContent = message;
  $('#token').focus();
}

$('#sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  token.set($('#token').value.trim());
  $('#token').value = '';
  try {
    await enter();
  } catch (err) {
    signOut(err.message);
  }
});

$('#sign-out').addEventListener('click', () => signOut());
window.addEventListener('signed-out', (event) => signOut(event.detail));
window.addEventListener('hashchange', () => { void showTab(); });
document.addEventListener('keydown', (event) => {
  if (currentTab() === 'inbox' && !$('#workspace').hidden) inboxKeys(event);
});

if (token.get()) enter().catch((err) => signOut(err.message));
else signOut();
