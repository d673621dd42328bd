import type { Server } from 'restify';

// A page embedding the chat widget on another site calls Direct Line from the browser.
// Access is by bearer token, never by cookie, so any origin may call.
const HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, x-ms-bot-agent, x-requested-with',
  'Access-Control-Max-Age': '600',
};

/** CORS headers on every answer under `prefix`, and preflight requests answered there with 204. */
export function allowCors(server: Server, prefix: string): void {
  server.pre((req, res, next) => {
    if (!req.url?.startsWith(prefix)) return next();
    for (const [name, value] of Object.entries(HEADERS)) res.header(name, value);
    if (req.method !== 'OPTIONS') return next();
    res.writeHead(204);
    res.end();
    return next(false);
  });
}
