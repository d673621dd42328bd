import type { Server } from 'restify';
import { AppError } from '../errors.js';
import { jsonBody } from '../web/respond-error.js';
import type { InboxItem, InboxStatus } from '../inbox/inbox.js';
import { adminRoute, param, type AdminContext } from './context.js';
import { optionalBody } from '../web/respond-error.js';
import { maskPlaceholder } from '../privacy/mask.js';

// The inbox of misunderstood questions: list, label (→ training utterance), alias (→ a
// name of a procedure), dismiss. One action applies to a question and its near-identical twins.

const STATUSES: ReadonlyArray<InboxStatus | 'all'> = ['open', 'labelled', 'aliased', 'dismissed', 'all'];
/** The masked dossier code becomes a well-formed one, so that the label trains like a real question. */
const SAMPLE_DOSSIER_CODE = 'G22.71-261105-0007';

export function inboxRoutes(ctx: AdminContext) {
  return (server: Server): void => {
    server.get('/api/admin/misunderstood', adminRoute(ctx, async (req, res) => {
      const status = typeof req.query?.status === 'string' ? req.query.status : 'open';
      if (!STATUSES.includes(status as InboxStatus)) throw new AppError('VALIDATION_FAILED', `"status" must be one of ${STATUSES.join(', ')}.`);
      const limit = Math.min(1000, Math.max(1, Number(req.query?.limit) || 200));
      const groups = await ctx.inbox.list(status as InboxStatus | 'all');
      res.send(200, groups.slice(0, limit).map((g) => ({
        ...g,
        guesses: {
          intents: g.guesses.intents,
          procedures: g.guesses.procedures.map((p) => ({ ...p, name: ctx.knowledge.get(p.id)?.name ?? p.id })),
        },
      })));
    }));

    server.post('/api/admin/misunderstood/:id/label', adminRoute(ctx, async (req, res) => {
      const body = jsonBody(req);
      const group = await openGroup(ctx, param(req, 'id'));
      const texts = [...new Set(group.map((i) => i.text.replaceAll(maskPlaceholder('dossierCode'), SAMPLE_DOSSIER_CODE)))];
      const utterances = await ctx.data.addUtterances(texts.map((text) => ({ text, intent: body.intent, procedure: body.procedure ?? null })), group[0]?.id);
      const intent = utterances[0]?.intent ?? String(body.intent);
      await ctx.inbox.resolve(group.map((i) => i.id), 'labelled', { intent, procedure: utterances[0]?.procedure ?? null });
      res.send(200, { labelled: group.map((i) => i.id), utterances, retrainNeeded: true });
    }));

    server.post('/api/admin/misunderstood/:id/alias', adminRoute(ctx, async (req, res) => {
      const body = jsonBody(req);
      const group = await openGroup(ctx, param(req, 'id'));
      const alias = await ctx.data.addAlias(body.procedure, body.text ?? group[0]?.text, group[0]?.id);
      await ctx.inbox.resolve(group.map((i) => i.id), 'aliased', { procedure: alias.procedure });
      res.send(200, { aliased: group.map((i) => i.id), alias, retrainNeeded: true });
    }));

    server.post('/api/admin/misunderstood/:id/dismiss', adminRoute(ctx, async (req, res) => {
      optionalBody(req);
      const group = await openGroup(ctx, param(req, 'id'));
      await ctx.inbox.resolve(group.map((i) => i.id), 'dismissed');
      res.send(200, { dismissed: group.map((i) => i.id) });
    }));
  };
}

async function openGroup(ctx: AdminContext, id: string): Promise<InboxItem[]> {
  const group = await ctx.inbox.groupOf(id);
  const first = group[0];
  if (!first) throw new AppError('NOT_FOUND', `No misunderstood question has id "${id}".`);
  if (first.status !== 'open') throw new AppError('CONFLICT', `This question was already handled (${first.status}); change the training data from the intents page instead.`);
  return group;
}
