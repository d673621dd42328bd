import { z } from 'zod';
import { AppError } from '../errors.js';
import { jsonDepth, MAX_BODY_DEPTH } from '../web/body-depth.js';

// What a Direct Line client may post. Fields the service sets itself (id, timestamp,
// conversation, recipient, channelId, serviceUrl) are dropped, unknown fields too, and the
// sender is always the citizen: a client cannot post as the bot.

/** An activity past this size is refused with 413: a chat message is far smaller, and logs stay bounded. */
export const MAX_ACTIVITY_BYTES = 64 * 1024;

const short = z.string().max(256);
const attachmentSchema = z.object({
  contentType: short,
  contentUrl: z.string().max(2048).optional(),
  content: z.unknown().optional(),
  name: short.optional(),
  thumbnailUrl: z.string().max(2048).optional(),
});

const incomingSchema = z.object({
  type: z.enum(['message', 'event', 'typing'], {
    errorMap: () => ({ message: 'must be "message", "event" or "typing"' }),
  }).default('message'),
  from: z.object({ id: z.string().min(1).max(128), name: z.string().max(128).optional() }).optional(),
  text: z.string().optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().max(35).optional(),
  attachments: z.array(attachmentSchema).max(10).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  value: z.unknown().optional(),
  name: short.optional(),
  replyToId: z.string().max(128).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
});

export type IncomingActivity = Omit<z.infer<typeof incomingSchema>, 'from'> & {
  from: { id: string; name?: string | undefined; role: 'user' };
};

/** The posted body as an activity from `user`, or a 400/413 that says what is wrong. */
export function parseIncomingActivity(body: unknown, user: { id: string; name?: string | undefined }): IncomingActivity {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('VALIDATION_FAILED', 'Post one activity as a JSON object, e.g. {"type": "message", "from": {"id": "u1"}, "text": "xin chào"}.');
  }
  // Measured without recursion first: JSON.stringify overflows the stack on a body thousands of levels deep.
  if (jsonDepth(body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    throw new AppError('VALIDATION_FAILED', `An activity may nest at most ${MAX_BODY_DEPTH} levels deep.`);
  }
  if (Buffer.byteLength(JSON.stringify(body)) > MAX_ACTIVITY_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `An activity may hold at most ${MAX_ACTIVITY_BYTES / 1024} KB; send a shorter message.`);
  }
  const parsed = incomingSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('VALIDATION_FAILED', `The activity's "${issue?.path.join('.')}" ${issue?.message ?? 'is invalid'}.`);
  }
  const { from, ...rest } = parsed.data;
  return { ...rest, from: { id: from?.id ?? user.id, ...(from?.name ? { name: from.name } : {}), role: 'user' } };
}
