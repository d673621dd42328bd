import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { route } from '../web/respond-error.js';
import type { Account, ActivityLog, ConversationInfo, JsonActivity } from '../store/activity-log.js';
import type { TokenService } from './token-service.js';
import { parseIncomingActivity, type IncomingActivity } from './incoming-activity.js';
import { allowCors } from './cors.js';
import { clientAddress } from '../web/client-address.js';
import type { DirectLineStream } from './stream.js';

// The Direct Line 3.0 REST subset that botframework-webchat uses (contract sections 4 and 9):
// starting and reconnecting answer a streamUrl (stream.ts), and polling works as well, for
// clients with `webSocket: false`. Every route but "start a conversation" needs the
// conversation's token.

export const DIRECT_LINE_BASE = '/v3/directline';

/** The bot side, as the routes see it (DirectLineAdapter in src/bot). */
export interface DirectLineTurns {
  start(conversation: ConversationInfo): Promise<void>;
  receive(conversationId: string, activity: IncomingActivity, meta?: { clientAddress?: string | undefined }): Promise<JsonActivity>;
}

export interface DirectLineDeps {
  logger: Logger;
  tokens: TokenService;
  conversations: ActivityLog;
  turns: DirectLineTurns;
  /** Behind a reverse proxy: take the citizen's address from X-Forwarded-For (rate limits). */
  trustProxy?: boolean;
  /** The WebSockets; without it no streamUrl is answered. */
  stream?: DirectLineStream;
}

export function directLineRoutes(deps: DirectLineDeps): (server: Server) => void {
  const { logger, tokens, conversations, turns } = deps;
  const base = DIRECT_LINE_BASE;

  /** Answers the conversation with a fresh token for it, and its streamUrl from `watermark` when asked for. */
  const sendConversation = (res: Response, status: number, conversationId: string, stream?: { req: Request; watermark: string }): void => {
    const { token, expiresIn } = tokens.issue(conversationId);
    const streamUrl = stream && deps.stream ? { streamUrl: deps.stream.urlFor(stream.req, conversationId, stream.watermark) } : {};
    res.send(status, { conversationId, token, expires_in: expiresIn, ...streamUrl });
  };

  const startConversation = async (req: Request): Promise<string> => {
    const conversation = await conversations.create(userFrom(req.body));
    await turns.start(conversation);
    return conversation.id;
  };

  /** The conversation id in the URL, once the bearer token proves access to it. */
  const authorizedId = (req: Request): string => {
    const id = req.params.id ?? '';
    tokens.authorize(req.header('authorization'), id);
    return id;
  };

  /** The conversation in the URL, once the bearer token proves access to it. */
  const authorized = async (req: Request): Promise<ConversationInfo> => {
    const conversation = await conversations.info(authorizedId(req));
    if (!conversation) throw new AppError('CONVERSATION_NOT_FOUND');
    return conversation;
  };

  /** The conversation the bearer token was issued for. */
  const fromToken = async (req: Request): Promise<string> => {
    const id = tokens.conversationOf(req.header('authorization'));
    if (!(await conversations.info(id))) throw new AppError('CONVERSATION_NOT_FOUND');
    return id;
  };

  return (server) => {
    allowCors(server, base);

    // Anyone may start a conversation (the public chat page). With a token from
    // tokens/generate, Direct Line opens that token's conversation instead.
    server.post(`${base}/conversations`, route(logger, async (req, res) => {
      const id = req.header('authorization') ? await fromToken(req) : await startConversation(req);
      sendConversation(res, 201, id, { req, watermark: '' });
    }));

    // For a page that hands its widget a token rather than letting it start the conversation.
    server.post(`${base}/tokens/generate`, route(logger, async (req, res) => {
      sendConversation(res, 200, await startConversation(req));
    }));

    server.post(`${base}/tokens/refresh`, route(logger, async (req, res) => {
      sendConversation(res, 200, await fromToken(req));
    }));

    // Reconnecting (Web Chat after a lost WebSocket, or a reload): a new token and streamUrl.
    server.get(`${base}/conversations/:id`, route(logger, async (req, res) => {
      const watermark = watermarkOf(req);
      sendConversation(res, 200, (await authorized(req)).id, { req, watermark: watermark ? String(watermark) : '' });
    }));

    server.post(`${base}/conversations/:id/activities`, route(logger, async (req, res) => {
      const conversation = await authorized(req);
      const stored = await turns.receive(conversation.id, parseIncomingActivity(req.body, conversation.user), {
        clientAddress: clientAddress(req, deps.trustProxy ?? false),
      });
      res.send(200, { id: stored.id });
    }));

    // Polled about once a second per open chat: the log alone answers (and 404s an unknown id).
    server.get(`${base}/conversations/:id/activities`, route(logger, async (req, res) => {
      res.send(200, await conversations.since(authorizedId(req), watermarkOf(req)));
    }));
  };
}

/** The user named in the body of a start request, else a random one. */
function userFrom(body: unknown): Account {
  const user = (body as { user?: { id?: unknown; name?: unknown } } | null | undefined)?.user;
  if (typeof user?.id === 'string' && user.id.length > 0 && user.id.length <= 128) {
    return { id: user.id, ...(typeof user.name === 'string' ? { name: user.name.slice(0, 128) } : {}) };
  }
  return { id: `dl_${randomBytes(9).toString('base64url')}` };
}

/** webchat sends `watermark=` (empty) on its first poll: that means from the start. */
function watermarkOf(req: Request): number {
  const raw: unknown = (req.query as Record<string, unknown> | undefined)?.watermark;
  if (raw === undefined || raw === '') return 0;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
    throw new AppError('VALIDATION_FAILED', 'watermark must be the number from the previous answer.');
  }
  return Number(raw);
}
