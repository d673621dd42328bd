import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { ActivityLog, ActivitySet } from '../store/activity-log.js';
import type { TokenService } from './token-service.js';

// Direct Line streaming (contract section 9): the `streamUrl` of a conversation is a
// WebSocket that sends `{"activities": [...], "watermark": "M"}` as activities are logged,
// by whichever process (ActivityLog.watch), as Direct Line 3.0 does; botframework-webchat
// opens it when `webSocket` is true. It carries nothing from the client but Web Chat's empty
// keep-alive messages. An idle socket costs no request and no timer of its own: one sweep a
// minute pings the sockets that said nothing since the last one and drops those that did not
// answer the ping before.

const STREAM_PATH = /^\/v3\/directline\/conversations\/([A-Za-z0-9_-]{1,64})\/stream$/;
const SWEEP_MS = 60_000;
/** A client this far behind in reading (bytes queued) is dropped; it reconnects and catches up. */
const MAX_BUFFERED = 1024 * 1024;

interface Client {
  socket: WebSocket;
  /** Heard from since the last sweep. */
  heard: boolean;
  /** Pinged by the last sweep and not heard from since. */
  pinged: boolean;
  stop?: () => void;
}

export interface DirectLineStream {
  /** The streamUrl of a conversation, for the client that sent `req`, from `watermark` on. */
  urlFor(req: IncomingMessage, conversationId: string, watermark: string): string;
  /** Serves the WebSocket upgrades of `server`. */
  attach(server: HttpServer): void;
  /** Open sockets (for tests and the bench). */
  readonly size: number;
  /** Closes every socket (1001: going away), so clients reconnect, to another process if need be. */
  close(): Promise<void>;
}

export function directLineStream(deps: { logger: Logger; tokens: TokenService; conversations: ActivityLog; trustProxy: boolean }): DirectLineStream {
  const { logger, tokens, conversations } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false, clientTracking: false });
  const clients = new Set<Client>();
  let closing = false;

  const sweep = setInterval(() => {
    for (const client of clients) {
      if (client.heard) {
        client.heard = false;
      } else if (client.socket.readyState === client.socket.OPEN) {
        // Silent for a whole sweep: a ping now; still silent at the next sweep, gone.
        if (client.pinged) client.socket.terminate();
        else {
          client.pinged = true;
          client.socket.ping();
        }
      }
    }
  }, SWEEP_MS);
  sweep.unref();

  const refuse = (socket: Duplex, err: unknown): void => {
    const error = err instanceof AppError ? err : new AppError('INTERNAL');
    if (!(err instanceof AppError)) logger.error({ err: { name: (err as Error)?.name } }, 'could not open a Direct Line stream');
    const body = JSON.stringify(error.toJSON());
    socket.end(`HTTP/1.1 ${error.status} ${error.code}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  };

  const open = async (req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const token = url.searchParams.get('t') ?? '';
    if (!token) throw new AppError('UNAUTHORIZED', 'The streamUrl carries its token in "t".');
    if (tokens.streamConversationOf(token) !== conversationId) throw new AppError('FORBIDDEN', 'This stream token is for another conversation.');
    const watermark = watermarkOf(url.searchParams.get('watermark'));
    if (!(await conversations.info(conversationId))) throw new AppError('CONVERSATION_NOT_FOUND');
    if (closing) throw new AppError('STORE_UNAVAILABLE', 'The server is shutting down; reconnect.');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const client: Client = { socket: ws, heard: true, pinged: false };
      clients.add(client);
      const send = (set: ActivitySet): void => {
        if (ws.readyState !== ws.OPEN) return;
        if (ws.bufferedAmount > MAX_BUFFERED) {
          ws.terminate();
          return;
        }
        ws.send(JSON.stringify(set));
      };
      const alive = (): void => {
        client.heard = true;
        client.pinged = false;
      };
      ws.on('message', alive);
      ws.on('pong', alive);
      ws.on('error', () => ws.terminate());
      ws.on('close', () => {
        clients.delete(client);
        client.stop?.();
      });
      conversations.watch(conversationId, watermark, send).then((stop) => {
        if (ws.readyState === ws.CLOSED || ws.readyState === ws.CLOSING) stop();
        else client.stop = stop;
      }, (err: unknown) => {
        logger.warn({ err: { name: (err as Error)?.name, code: (err as { code?: unknown }).code } }, 'a Direct Line stream could not follow its conversation');
        ws.close(1011);
      });
    });
  };

  return {
    urlFor(req, conversationId, watermark) {
      const forwarded = deps.trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() : '';
      const secure = forwarded ? forwarded === 'https' : Boolean((req.socket as { encrypted?: boolean }).encrypted);
      const host = req.headers.host ?? 'localhost';
      const query = new URLSearchParams({ watermark, t: tokens.issueStream(conversationId) });
      return `${secure ? 'wss' : 'ws'}://${host}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
    },
    attach(server) {
      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        const match = STREAM_PATH.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
        socket.on('error', () => socket.destroy());
        if (!match?.[1]) {
          refuse(socket, new AppError('NOT_FOUND'));
          return;
        }
        open(req, socket, head, match[1]).catch((err: unknown) => refuse(socket, err));
      });
    },
    get size() {
      return clients.size;
    },
    async close() {
      closing = true;
      clearInterval(sweep);
      for (const client of clients) {
        client.stop?.();
        client.socket.close(1001, 'going away');
      }
      // A client that has not answered the close within 200 ms is cut off.
      if (clients.size) await new Promise((resolve) => setTimeout(resolve, 200));
      for (const client of clients) client.socket.terminate();
      clients.clear();
    },
  };
}

/** `watermark=` absent, empty or "-" means from the start, as Direct Line does. */
function watermarkOf(raw: string | null): number {
  if (raw === null || raw === '' || raw === '-') return 0;
  if (!/^\d{1,15}$/.test(raw)) throw new AppError('VALIDATION_FAILED', 'watermark must be the number from the previous answer.');
  return Number(raw);
}
