import { $ } from './dom.js';

// What the staff pages (/admin, /helpdesk) share: tabs named by the URL's hash, the sign-in
// form, and reading an API answer (a 401 anywhere signs the page out).

/** `tabs` maps each tab's name to what shows it; the first is the default. */
export function hashTabs(tabs) {
  const names = Object.keys(tabs);
  const current = () => {
    const name = location.hash.replace('#', '');
    return name in tabs ? name : names[0];
  };
  const show = async () => {
    const name = current();
    for (const link of document.querySelectorAll('[data-tab]')) {
      if (link.dataset.tab === name) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    for (const panel of document.querySelectorAll('[data-panel]')) panel.hidden = panel.dataset.panel !== name;
    await tabs[name]();
  };
  window.addEventListener('hashchange', () => { void show(); });
  return { current, show };
}

/** `remember` keeps what was typed in the form, `enter` opens the workspace, `signOut(message)` closes it. */
export function wireSignIn({ remember, enter, signOut }) {
  $('#sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    remember();
    $('#token').value = '';
    try {
      await enter();
    } catch (err) {
      signOut(err.message);
    }
  });
  $('#sign-out').addEventListener('click', () => signOut());
  window.addEventListener('signed-out', (event) => signOut(event.detail));
}

/** The JSON of an answer, or `toError(status, body)` thrown; a 401 also signs the page out. */
export async function jsonAnswer(res, toError) {
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const error = toError(res.status, data);
    if (res.status === 401) window.dispatchEvent(new CustomEvent('signed-out', { detail: error.message }));
    throw error;
  }
  return data;
}
