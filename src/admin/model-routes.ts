import type { Server } from 'restify';
import { AppError } from '../errors.js';
import { WORSE_BY } from '../training/compare.js';
import { adminRoute, param, type AdminContext } from './context.js';
import { optionalBody } from '../web/respond-error.js';

// Training and the models: retrain (answers once the new model serves), progress, the
// list of saved models, the evaluation report, promotion and rollback.

export function modelRoutes(ctx: AdminContext) {
  return (server: Server): void => {
    server.post('/api/admin/train', adminRoute(ctx, async (req, res) => {
      const body = optionalBody(req);
      const outcome = await ctx.models.train({ force: body.force === true, confirm: body.confirm === true });
      if (!outcome.promoted && !outcome.upToDate) {
        throw new AppError('MODEL_WORSE',
          `The new model ${outcome.model.id} scores clearly worse (${outcome.comparison.reasons.join('; ')}); the previous model keeps serving. ` +
          `Promote it with POST /api/admin/models/${outcome.model.id}/promote {"confirm": true}, or fix the data and retrain.`,
          { details: { model: outcome.model, comparison: outcome.comparison } });
      }
      res.send(200, { ...outcome, serving: ctx.models.servingId });
    }));

    server.get('/api/admin/train/status', adminRoute(ctx, (_req, res) => {
      res.send(200, { ...ctx.models.status(), serving: ctx.models.servingId });
    }));

    server.get('/api/admin/models', adminRoute(ctx, async (_req, res) => {
      res.send(200, { serving: ctx.models.servingId, rollbackTo: await ctx.models.rollbackTarget(), worseBy: WORSE_BY, models: await ctx.models.list() });
    }));

    server.get('/api/admin/report', adminRoute(ctx, async (req, res) => {
      const model = typeof req.query?.model === 'string' && req.query.model ? req.query.model : undefined;
      res.send(200, { ...await ctx.models.report(model), worseBy: WORSE_BY });
    }));

    server.post('/api/admin/models/:id/promote', adminRoute(ctx, async (req, res) => {
      const body = optionalBody(req);
      res.send(200, { model: await ctx.models.promote(param(req, 'id'), body.confirm === true), serving: ctx.models.servingId });
    }));

    server.post('/api/admin/models/rollback', adminRoute(ctx, async (req, res) => {
      optionalBody(req);
      res.send(200, { model: await ctx.models.rollback(), serving: ctx.models.servingId });
    }));
  };
}
