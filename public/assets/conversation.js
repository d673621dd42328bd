// The conversation the chat is on, kept in sessionStorage so that a reload continues it and
// closing the tab ends it (the chat may run on a shared computer). Used by chat.js.
(() => {
  'use strict';

  const DIRECT_LINE = `${location.origin}/v3/directline`;
  const STORAGE_KEY = 'dvc-chat.conversation';

  const storage = (() => {
    try {
      window.sessionStorage.getItem(STORAGE_KEY);
      return window.sessionStorage;
    } catch {
      return null; // storage blocked (privacy settings): the chat still works, without resuming
    }
  })();

  function loadSaved() {
    try {
      const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
      const valid = saved && ['conversationId', 'token', 'userId'].every((key) => typeof saved[key] === 'string');
      return valid ? saved : null;
    } catch {
      return null;
    }
  }

  function save(session) {
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch {
      // full or blocked storage: the conversation simply will not resume
    }
  }

  function forget() {
    try {
      storage?.removeItem(STORAGE_KEY);
    } catch {
      // nothing stored
    }
  }

  // --- Direct Line: open the stored conversation, or a new one ---------------------------

  async function call(method, path, token, body) {
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${DIRECT_LINE}${path}`, {
      method, headers, body: body ? JSON.stringify(body) : undefined, credentials: 'omit', cache: 'no-store',
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }

  function randomId() {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
  }

  /**
   * The stored conversation with a fresh token; when it is gone (404) or its token no longer
   * opens it (401, 403), a new conversation, silently. Any other failure keeps what is stored.
   */
  async function openSession(fresh) {
    const saved = fresh ? null : loadSaved();
    if (saved) {
      const res = await call('GET', `/conversations/${encodeURIComponent(saved.conversationId)}`, saved.token);
      if (res.status === 200 && typeof res.body?.token === 'string') {
        const session = { ...saved, token: res.body.token };
        save(session);
        return session;
      }
      if (![401, 403, 404].includes(res.status)) throw new Error(`Direct Line answered ${res.status}`);
    }
    forget();
    const userId = `web_${randomId()}`; // Web Chat reserves "dl_" for ids signed into a token
    const res = await call('POST', '/conversations', null, { user: { id: userId } });
    if (res.status !== 201 || typeof res.body?.conversationId !== 'string' || typeof res.body?.token !== 'string') {
      throw new Error(`Direct Line answered ${res.status}`);
    }
    const session = { conversationId: res.body.conversationId, token: res.body.token, userId };
    save(session);
    return session;
  }

  async function refreshToken(session) {
    const res = await call('POST', '/tokens/refresh', session.token).catch(() => null);
    if (res?.status === 200 && typeof res.body?.token === 'string' && loadSaved()?.conversationId === session.conversationId) {
      session.token = res.body.token;
      save(session);
    }
  }

  window.dvcConversation = { directLineUrl: DIRECT_LINE, open: openSession, refresh: refreshToken, forget };
})();
