// The citizens' chat, shared by the page at `/` and the frame the widget opens (`/embed`):
// Bot Framework Web Chat against this server's Direct Line, on the conversation that
// conversation.js keeps across reloads, and a "start over" button. The page loads Web Chat
// (window.WebChat) and conversation.js (window.dvcConversation) before this script.
(() => {
  'use strict';

  const TEXT = {
    title: 'Trợ lý ảo dịch vụ công',
    subtitle: 'Hỏi đáp thủ tục hành chính',
    restart: 'Bắt đầu lại',
    restartTitle: 'Xoá cuộc trò chuyện này và bắt đầu cuộc trò chuyện mới',
    restarted: 'Đã bắt đầu cuộc trò chuyện mới.',
    close: 'Đóng trợ lý ảo',
    chat: 'Cuộc trò chuyện với trợ lý ảo',
    connectFailed: 'Chưa kết nối được với trợ lý ảo. Bạn vui lòng thử lại sau ít phút.',
    retry: 'Thử lại',
    voteUp: 'Câu trả lời hữu ích',
    voteDown: 'Câu trả lời chưa hữu ích',
  };

  // Tokens live an hour; the stored one is renewed well before, so a reload can still use it.
  const TOKEN_REFRESH_MS = 10 * 60 * 1000;

  // Colours meet WCAG AA contrast on white; buttons wrap ("flow") so they fit a phone screen.
  const BLUE = '#0b4f8a';
  const GREY_TEXT = '#4b5563';
  const STYLE_OPTIONS = {
    accent: BLUE,
    subtle: GREY_TEXT,
    primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
    backgroundColor: '#ffffff',
    bubbleBackground: '#f1f4f8',
    bubbleBorderColor: '#d6dde6',
    bubbleBorderRadius: 10,
    bubbleTextColor: '#111827',
    bubbleFromUserBackground: BLUE,
    bubbleFromUserBorderColor: BLUE,
    bubbleFromUserBorderRadius: 10,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMinWidth: 0,
    bubbleMaxWidth: 640,
    // Raw HTML in a message is shown as text, never rendered.
    markdownRenderHTML: false,
    hideUploadButton: true,
    sendBoxButtonColor: BLUE,
    sendBoxPlaceholderColor: GREY_TEXT,
    sendBoxBorderTop: 'solid 1px #d6dde6',
    sendBoxTextWrap: true,
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: BLUE,
    suggestedActionBorderWidth: 1,
    suggestedActionBorderRadius: 18,
    suggestedActionHeight: 36,
    suggestedActionTextColor: BLUE,
    suggestedActionBackgroundColorOnHover: '#e8f0f8',
    suggestedActionKeyboardFocusIndicatorBorderColor: '#111827',
    timestampColor: GREY_TEXT,
    // Each answer keeps its own status line, where its thumbs are (grouped, only the last would).
    groupTimestamp: 0,
  };

  const root = document.querySelector('[data-dvc-chat]');
  if (!root) return;
  const conversation = window.dvcConversation;
  const embedded = root.dataset.dvcChat === 'embed';
  const nonce = document.querySelector('meta[name="csp-nonce"]')?.content || undefined;

  // --- The panel: header with "start over", Web Chat below ------------------------------

  const el = (tag, props = {}, children = []) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };

  const titleId = 'dvc-chat-title';
  const restartButton = el('button', { type: 'button', className: 'dvc-chat__button dvc-chat__restart', title: TEXT.restartTitle }, [TEXT.restart]);
  const status = el('p', { className: 'dvc-chat__status visually-hidden' });
  status.setAttribute('role', 'status');
  const body = el('div', { className: 'dvc-chat__body' });
  body.setAttribute('role', 'region');
  body.setAttribute('aria-label', TEXT.chat);
  const actions = el('div', { className: 'dvc-chat__actions' }, [restartButton]);
  if (embedded) {
    const closeButton = el('button', { type: 'button', className: 'dvc-chat__button dvc-chat__close', title: TEXT.close }, ['×']);
    closeButton.setAttribute('aria-label', TEXT.close);
    closeButton.addEventListener('click', () => closePanel());
    actions.append(closeButton);
  }
  const bar = el('div', { className: 'dvc-chat__bar' }, [
    el('div', { className: 'dvc-chat__heading' }, [
      el(embedded ? 'h1' : 'h2', { className: 'dvc-chat__title', id: titleId }, [TEXT.title]),
      el('p', { className: 'dvc-chat__subtitle' }, [TEXT.subtitle]),
    ]),
    actions,
  ]);
  root.replaceChildren(bar, status, body);
  root.setAttribute('aria-labelledby', titleId);

  // --- Thumbs up and down on each answer about a procedure ------------------------------
  // Web Chat 4.18 draws them small, beside the answer's time, for an activity whose schema.org
  // Message entity offers a LikeAction and a DislikeAction, and posts an event when one is
  // pressed. The page adds the entity to the bot's answers that carry `channelData.procedure`,
  // and sends the press as the assistant expects it (a hidden postBack message with
  // `{feedback: "up" | "down", replyTo: <the answer's id>}`); pressing the other thumb changes
  // the vote.

  const FEEDBACK_EVENT = 'webchat:activity-status/feedback';
  const VOTE_ID = /^dvc-vote:(up|down):(.+)$/;

  function withVotes(activity) {
    if (!activity || activity.type !== 'message' || activity.from?.role !== 'bot' || !activity.id || !activity.channelData?.procedure) return activity;
    const message = {
      '@context': 'https://schema.org',
      '@id': '',
      '@type': 'Message',
      type: 'https://schema.org/Message',
      potentialAction: [
        { '@type': 'LikeAction', '@id': `dvc-vote:up:${activity.id}` },
        { '@type': 'DislikeAction', '@id': `dvc-vote:down:${activity.id}` },
      ],
    };
    return { ...activity, entities: [...(activity.entities ?? []), message] };
  }

  function createStore() {
    return window.WebChat.createStore({}, ({ dispatch }) => (next) => (action) => {
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
        return next({ ...action, payload: { ...action.payload, activity: withVotes(action.payload.activity) } });
      }
      const posted = action.type === 'DIRECT_LINE/POST_ACTIVITY' ? action.payload?.activity : null;
      if (posted?.type === 'event' && posted.name === FEEDBACK_EVENT) {
        const vote = VOTE_ID.exec(posted.entities?.[0]?.['@id'] ?? '');
        if (vote) dispatch({ type: 'WEB_CHAT/SEND_POST_BACK', payload: { value: { feedback: vote[1], replyTo: vote[2] } } });
        return undefined;
      }
      return next(action);
    });
  }

  let current = null;

  function stop() {
    if (!current) return;
    clearInterval(current.refreshTimer);
    current.directLine.end();
    current = null;
  }

  function showError(retry) {
    const button = el('button', { type: 'button', className: 'dvc-chat__button dvc-chat__retry' }, [TEXT.retry]);
    button.addEventListener('click', retry);
    body.replaceChildren(el('div', { className: 'dvc-chat__notice' }, [el('p', {}, [TEXT.connectFailed]), button]));
    status.textContent = TEXT.connectFailed;
  }

  /** Renders Web Chat on a conversation; a new container each time, so no state leaks between conversations. */
  async function start(fresh) {
    stop();
    const container = el('div', { className: 'dvc-chat__webchat' });
    body.replaceChildren(container);
    let session;
    try {
      if (!window.WebChat || !conversation) throw new Error('a script did not load');
      session = await conversation.open(fresh);
    } catch {
      showError(() => start(false));
      return;
    }
    // Web Chat's default: activities arrive on the conversation's WebSocket (its streamUrl), so
    // an open chat sends no request while it is idle.
    const directLine = window.WebChat.createDirectLine({
      token: session.token, conversationId: session.conversationId, domain: conversation.directLineUrl, webSocket: true,
    });
    window.WebChat.renderWebChat({
      directLine, store: createStore(), userID: session.userId, locale: 'vi-VN', styleOptions: STYLE_OPTIONS, nonce,
      overrideLocalizedStrings: { VOTE_LIKE_ALT: TEXT.voteUp, VOTE_DISLIKE_ALT: TEXT.voteDown },
    }, container);
    current = { directLine, refreshTimer: setInterval(() => conversation.refresh(session), TOKEN_REFRESH_MS) };
  }

  /** Puts the cursor in the send box once Web Chat has drawn it. */
  function focusSendBox(tries = 100) {
    const input = body.querySelector('[data-id="webchat-sendbox-input"], .webchat__send-box-text-box__input');
    if (input) input.focus();
    else if (tries > 0) setTimeout(() => focusSendBox(tries - 1), 50);
  }

  let restarting = false;
  restartButton.addEventListener('click', async () => {
    if (restarting) return;
    restarting = true;
    restartButton.disabled = true;
    status.textContent = '';
    conversation?.forget();
    try {
      await start(true);
      if (current) {
        status.textContent = TEXT.restarted;
        focusSendBox();
      }
    } finally {
      restarting = false;
      restartButton.disabled = false;
    }
  });

  // --- In the widget's frame: the host page opens and closes the panel ------------------

  function closePanel() {
    if (embedded && window.parent !== window) window.parent.postMessage({ type: 'dvc-chat:close' }, '*');
  }

  if (embedded) {
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) closePanel();
    });
    window.addEventListener('message', (event) => {
      if (event.source === window.parent && event.data?.type === 'dvc-chat:focus') focusSendBox();
    });
  }

  start(false);
})();
