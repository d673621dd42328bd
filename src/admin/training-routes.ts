import type { Server } from 'restify';
import { AppError } from '../errors.js';
import { INTENTS, isIntent } from '../nlu/intents.js';
import { jsonBody } from '../web/respond-error.js';
import { adminRoute, param, type AdminContext } from './context.js';

// Browsing and editing the training data: intents (the contract's, and staff FAQs with
// their answers), their utterances, and staff aliases of procedures (the list of procedures
// is procedure-routes.ts'). Changes are kept in DATA_DIR and take effect at the next training.

export function trainingRoutes(ctx: AdminContext) {
  return (server: Server): void => {
    server.get('/api/admin/intents', adminRoute(ctx, async (_req, res) => {
      const set = await ctx.data.set();
      const counts = new Map<string, { all: number; staff: number }>();
      for (const u of set.utterances) {
        const c = counts.get(u.intent) ?? { all: 0, staff: 0 };
        c.all++;
        if (u.origin === 'staff') c.staff++;
        counts.set(u.intent, c);
      }
      res.send(200, [
        ...INTENTS.map((intent) => ({ intent, kind: 'contract', utterances: counts.get(intent)?.all ?? 0, staffUtterances: counts.get(intent)?.staff ?? 0 })),
        ...set.faqs.map((f) => ({ ...f, kind: 'faq', utterances: counts.get(f.intent)?.all ?? 0, staffUtterances: counts.get(f.intent)?.staff ?? 0 })),
      ]);
    }));

    server.get('/api/admin/intents/:intent', adminRoute(ctx, async (req, res) => {
      const intent = param(req, 'intent');
      const set = await ctx.data.set();
      const faq = set.faq(intent);
      if (!isIntent(intent) && !faq) throw new AppError('NOT_FOUND', `No intent is named "${intent}".`);
      res.send(200, {
        intent,
        kind: faq ? 'faq' : 'contract',
        ...(faq ? { title: faq.title, answer: faq.answer } : {}),
        utterances: set.utterances.filter((u) => u.intent === intent),
      });
    }));

    server.post('/api/admin/intents', adminRoute(ctx, async (req, res) => {
      const body = jsonBody(req);
      const faq = await ctx.data.createFaq({ intent: body.intent, title: body.title, answer: body.answer, utterances: body.utterances });
      res.send(201, { ...faq, kind: 'faq', retrainNeeded: true });
    }));

    server.put('/api/admin/intents/:intent', adminRoute(ctx, async (req, res) => {
      const body = jsonBody(req);
      const intent = param(req, 'intent');
      if (isIntent(intent)) throw new AppError('VALIDATION_FAILED', `${intent} is a contract intent: it has no title or answer to edit here.`);
      res.send(200, await ctx.data.updateFaq(intent, { title: body.title, answer: body.answer }));
    }));

    server.del('/api/admin/intents/:intent', adminRoute(ctx, async (req, res) => {
      const intent = param(req, 'intent');
      if (isIntent(intent)) throw new AppError('VALIDATION_FAILED', `${intent} is a contract intent and cannot be deleted.`);
      await ctx.data.deleteFaq(intent);
      res.send(200, { deleted: intent, retrainNeeded: true });
    }));

    server.post('/api/admin/intents/:intent/utterances', adminRoute(ctx, async (req, res) => {
      const body = jsonBody(req);
      const [utterance] = await ctx.data.addUtterances([{ text: body.text, intent: param(req, 'intent'), procedure: body.procedure ?? null }]);
      res.send(201, { ...utterance, retrainNeeded: true });
    }));

    server.put('/api/admin/utterances/:id', adminRoute(ctx, async (req, res) => {
      const body = jsonBody(req);
      const patch = {
        ...(body.text !== undefined ? { text: body.text } : {}),
        ...(body.intent !== undefined ? { intent: body.intent } : {}),
        ...(body.procedure !== undefined ? { procedure: body.procedure } : {}),
      };
      res.send(200, { ...await ctx.data.editUtterance(param(req, 'id'), patch), retrainNeeded: true });
    }));

    server.del('/api/admin/utterances/:id', adminRoute(ctx, async (req, res) => {
      const id = param(req, 'id');
      await ctx.data.removeUtterance(id);
      res.send(200, { deleted: id, retrainNeeded: true });
    }));

    server.post('/api/admin/procedures/:id/aliases', adminRoute(ctx, async (req, res) => {
      const body = jsonBody(req);
      res.send(201, { ...await ctx.data.addAlias(param(req, 'id'), body.text), retrainNeeded: true });
    }));

    server.del('/api/admin/aliases/:id', adminRoute(ctx, async (req, res) => {
      const id = param(req, 'id');
      await ctx.data.removeAlias(id);
      res.send(200, { deleted: id, retrainNeeded: true });
    }));
  };
}
