import { z } from 'zod';
import { readDataFile } from '../data/read-data-file.js';

// The help desk's ready-made replies (intents/helpdesk/replies.yaml): what officers send
// often, one click or Alt+digit away in the console, edited as data. The officer can change
// the text before sending; a reply never carries a citizen's personal data.

export const READY_REPLIES_FILE = ['helpdesk', 'replies.yaml'] as const;

export const readyRepliesSchema = z.object({
  version: z.literal(1),
  replies: z.array(z.object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
    title: z.string().trim().min(1).max(60),
    text: z.string().trim().min(1).max(2000),
  }).strict()).max(30),
}).strict().superRefine((data, ctx) => {
  const seen = new Set<string>();
  data.replies.forEach((reply, i) => {
    if (seen.has(reply.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['replies', i, 'id'], message: `"${reply.id}" is used twice` });
    seen.add(reply.id);
  });
});

export type ReadyReply = z.infer<typeof readyRepliesSchema>['replies'][number];

export function loadReadyReplies(file: string): ReadyReply[] {
  return readDataFile(file, readyRepliesSchema).replies;
}
