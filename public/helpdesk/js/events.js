import { session, headers } from './api.js';

// The ticket events as server-sent events, read with fetch so that the token travels in the
// Authorization header (EventSource cannot set one, and a token in a URL ends up in logs).
// Reconnects by itself; `ready` comes first on every connection.

const RETRY_MS = [1000, 2000, 5000, 10000];

export function listen({ onReady, onEvent, onState }) {
  const controller = new AbortController();
  let attempt = 0;
  const run = async () => {
    while (!controller.signal.aborted && session.token()) {
      try {
        const res = await fetch('/api/helpdesk/events', { headers: headers(), signal: controller.signal });
        if (res.status === 401) {
          window.dispatchEvent(new CustomEvent('signed-out', { detail: 'Mã truy cập không đúng. Vui lòng đăng nhập lại.' }));
          return;
        }
        if (!res.ok || !res.body) throw new Error(`stream ${res.status}`);
        attempt = 0;
        await readEventStream(res.body, (name, data) => {
          if (name === 'ready') { onState(true); onReady(); } else if (name === 'ticket') onEvent(data);
        });
      } catch {
        if (controller.signal.aborted) return;
      }
      onState(false);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      attempt += 1;
    }
  };
  void run();
  return () => controller.abort();
}

/** Reads a text/event-stream to its end: blocks separated by a blank line, `event:` and JSON `data:` fields. */
export async function readEventStream(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length) dispatch(name, JSON.parse(data.join('\n')));
    }
  }
}
