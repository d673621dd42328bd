import { token } from './api.js';
import { $ } from './dom.js';
import { hashTabs, wireSignIn } from './staff-page.js';
import { loadShared, refreshServing } from './state.js';
import { showInbox, inboxKeys } from './inbox.js';
import { showIntents } from './intents.js';
import { showTraining } from './training.js';
import { showProcedures } from './procedures.js';
import { showAnalytics } from './analytics.js';

// The staff page: sign-in and tabs.

const { current: currentTab, show: showTab } = hashTabs({ inbox: showInbox, intents: showIntents, training: showTraining, procedures: showProcedures, analytics: showAnalytics });

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

wireSignIn({ remember: () => token.set($('#token').value.trim()), enter, signOut });
document.addEventListener('keydown', (event) => {
  if (currentTab() === 'inbox' && !$('#workspace').hidden) inboxKeys(event);
});

if (token.get()) enter().catch((err) => signOut(err.message));
else signOut();
