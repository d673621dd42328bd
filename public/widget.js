// The chat widget: <script src="https://<assistant host>/widget.js" defer></script> on any page
// adds a chat button; the button opens the assistant's own chat page (/embed) in a framed panel.
// The frame keeps the host page's styles, scripts and security policy apart from Web Chat, and
// Web Chat (a few MB) loads only when someone opens the chat. The panel runs the same client
// script as the page at `/` (assets/chat.js).
(() => {
  'use strict';

  if (window.DvcChatWidget) return; // the snippet pasted twice adds one button
  const script = document.currentScript
    || [...document.querySelectorAll('script[src]')].find((s) => /\/widget\.js(\?|#|$)/.test(s.src));
  if (!script) return;
  const origin = new URL(script.src, location.href).origin;

  const TEXT = {
    open: 'Mở trợ lý ảo dịch vụ công',
    close: 'Đóng trợ lý ảo dịch vụ công',
    title: 'Trợ lý ảo dịch vụ công',
  };

  const CSS = `
    :host { all: initial; }
    .launcher {
      position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
      width: 60px; height: 60px; border-radius: 50%; border: 2px solid #fff;
      background: #0b4f8a; color: #fff; cursor: pointer;
      display: flex; align-items: center; justify-content: center; padding: 0;
      box-shadow: 0 4px 14px rgba(0, 0, 0, .3);
    }
    .launcher:hover { background: #093f6e; }
    .launcher:focus-visible { outline: 3px solid #111827; outline-offset: 2px; box-shadow: 0 0 0 2px #fff; }
    .launcher svg { width: 30px; height: 30px; fill: currentColor; }
    .panel {
      position: fixed; right: 20px; bottom: 92px; z-index: 2147483000;
      width: 380px; height: min(640px, calc(100vh - 112px));
      max-width: calc(100vw - 40px);
      border-radius: 12px; overflow: hidden; background: #fff;
      box-shadow: 0 8px 30px rgba(0, 0, 0, .3);
    }
    .panel[hidden] { display: none; }
    iframe { width: 100%; height: 100%; border: 0; display: block; }
    @media (max-width: 480px) {
      .panel { right: 0; bottom: 0; width: 100vw; max-width: 100vw; height: 100%; border-radius: 0; }
      .launcher.open { display: none; }
    }
  `;

  const SVG = 'http://www.w3.org/2000/svg';
  function icon(d) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
    return svg;
  }
  const CHAT_ICON = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z';
  const CLOSE_ICON = 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z';

  function mount() {
    const host = document.createElement('div');
    host.id = 'dvc-chat-widget';
    const shadow = host.attachShadow({ mode: 'open' });
    // A constructed style sheet passes a host page's strict style-src; old browsers get a <style>.
    if ('adoptedStyleSheets' in shadow && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } else {
      const style = document.createElement('style');
      style.textContent = CSS;
      shadow.append(style);
    }

    const launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = 'launcher';
    launcher.setAttribute('aria-label', TEXT.open);
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'dvc-chat-panel');
    launcher.append(icon(CHAT_ICON));

    const panel = document.createElement('div');
    panel.className = 'panel';
    panel.id = 'dvc-chat-panel';
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', TEXT.title);

    let frame = null;
    let frameLoaded = false;
    const isOpen = () => !panel.hidden;

    function open() {
      if (!frame) {
        frame = document.createElement('iframe');
        frame.src = `${origin}/embed`;
        frame.title = TEXT.title;
        frame.addEventListener('load', () => {
          frameLoaded = true;
          if (isOpen()) focusChat();
        });
        panel.append(frame);
      }
      panel.hidden = false;
      launcher.classList.add('open');
      launcher.setAttribute('aria-expanded', 'true');
      launcher.setAttribute('aria-label', TEXT.close);
      launcher.replaceChildren(icon(CLOSE_ICON));
      focusChat();
    }

    function close() {
      if (!isOpen()) return;
      panel.hidden = true;
      launcher.classList.remove('open');
      launcher.setAttribute('aria-expanded', 'false');
      launcher.setAttribute('aria-label', TEXT.open);
      launcher.replaceChildren(icon(CHAT_ICON));
      launcher.focus();
    }

    function focusChat() {
      frame.focus();
      // Before it loads the frame is about:blank, of the host's origin: the chat asks for focus on load.
      if (frameLoaded) frame.contentWindow?.postMessage({ type: 'dvc-chat:focus' }, origin);
    }

    launcher.addEventListener('click', () => (isOpen() ? close() : open()));
    shadow.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });
    window.addEventListener('message', (event) => {
      if (event.origin === origin && frame && event.source === frame.contentWindow && event.data?.type === 'dvc-chat:close') close();
    });

    shadow.append(panel, launcher);
    document.body.append(host);
    window.DvcChatWidget = { open, close };
  }

  window.DvcChatWidget = {};
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
})();
