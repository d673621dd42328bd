import restify, { type Request, type Response, type Server } from 'restify';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { officerHeader } from '../helpdesk/helpdesk-request.js';
import type { EditOutcome } from '../knowledge/knowledge-service.js';
import { isImported, type Procedure } from '../knowledge/schema.js';
import { staleProcedures } from '../knowledge/stale-procedures.js';
import { foldText } from '../text/fold.js';
import { jsonBody, parseRequest } from '../web/respond-error.js';
import { adminRoute, param, type AdminContext } from './context.js';

// The procedures staff read and edit (contract section 8): the list (with its staff aliases;
// `?q=` searches, `?stale=1` lists those due for review), one procedure in the knowledge files'
// shape, a change (PUT: the whole procedure or only the top-level fields that change, checked
// like `dvc validate`; `"reviewed": true` sets reviewedAt to today), its history and a revert.
// A change is kept in DATA_DIR, served from its answer on, and audited.

const listQuery = z.object({
  stale: z.enum(['1', 'true', '0', 'false']).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  /** The day to judge staleness at (default today): "what falls due by then". */
  now: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').optional(),
}).passthrough();
const revertBody = z.object({ version: z.number().int().nonnegative() }).strict();

export function procedureRoutes(ctx: AdminContext) {
  const { edits } = ctx;

  /** The version number an `If-Match: "N"` header expects, if any. */
  const expectedVersion = (req: Request): number | undefined => {
    const raw = req.header('if-match');
    if (typeof raw !== 'string' || !raw.trim() || raw.trim() === '*') return undefined;
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw.trim());
    if (!match) throw new AppError('BAD_REQUEST', 'If-Match must be the ETag of GET /api/admin/procedures/{id}, e.g. "3".');
    return Number(match[1]);
  };

  /** Answers a change, after it is served and audited. */
  const answerChange = async (req: Request, res: Response, id: string, action: 'procedure.edit' | 'procedure.revert', outcome: EditOutcome): Promise<void> => {
    if (outcome.fields.length) {
      const officer = officerHeader(req);
      await ctx.audit.record({
        action, actor: 'admin', ...(officer ? { officer } : {}), ip: req.socket?.remoteAddress ?? undefined,
        procedure: id, fields: outcome.fields, outcome: 'ok',
      });
    }
    res.header('ETag', `"${outcome.version}"`);
    res.send(200, { procedure: outcome.procedure, version: outcome.version, changed: outcome.fields, retrainNeeded: !await ctx.models.isCurrent() });
  };
  const editor = (req: Request) => {
    const officer = officerHeader(req);
    return { actor: 'admin', ...(officer ? { officer } : {}) };
  };

  return (server: Server): void => {
    // With the national catalogue the whole list is about 3 MB of JSON, a tenth of that gzipped.
    server.get('/api/admin/procedures', restify.plugins.gzipResponse(), adminRoute(ctx, async (req, res) => {
      const query = parseRequest(listQuery, req.query ?? {});
      if (query.stale === '1' || query.stale === 'true') {
        const now = query.now ? new Date(`${query.now}T00:00:00Z`) : new Date();
        const stale = staleProcedures(ctx.knowledge, ctx.review.superseded, { now, reviewMonths: ctx.review.reviewMonths });
        const rows = stale.map((s) => ({ ...s, field: ctx.knowledge.get(s.id)?.field ?? '' }));
        res.send(200, filterByQuery(rows, query.q, (r) => ctx.knowledge.get(r.id)).slice(0, query.limit ?? 1000));
        return;
      }
      if (query.q !== undefined) {
        const found = filterByQuery(ctx.knowledge.procedures, query.q, (p) => p).slice(0, query.limit ?? 50);
        res.send(200, found.map((p) => ({
          id: p.id, name: p.name, field: p.field, aliases: p.aliases, reviewedAt: p.reviewedAt, imported: isImported(p), version: edits.get(p.id).version,
        })));
        return;
      }
      const staff = (await ctx.data.set()).aliases;
      res.send(200, ctx.knowledge.procedures.map((p) => ({
        id: p.id,
        name: p.name,
        field: p.field,
        aliases: p.aliases,
        staffAliases: staff.filter((a) => a.procedure === p.id).map(({ id, text, at }) => ({ id, text, at })),
      })));
    }));

    server.get('/api/admin/procedures/:id', adminRoute(ctx, (req, res) => {
      const { procedure, version } = edits.get(param(req, 'id'));
      res.header('ETag', `"${version}"`);
      res.send(200, procedure);
    }));

    server.put('/api/admin/procedures/:id', adminRoute(ctx, async (req, res) => {
      const id = param(req, 'id');
      edits.get(id); // 404 before looking at the body
      const outcome = await edits.edit(id, jsonBody(req), editor(req), { expectVersion: expectedVersion(req) });
      await answerChange(req, res, id, 'procedure.edit', outcome);
    }));

    server.get('/api/admin/procedures/:id/history', adminRoute(ctx, async (req, res) => {
      const id = param(req, 'id');
      const versions = await edits.history(id);
      res.send(200, { id, version: edits.get(id).version, versions });
    }));

    server.post('/api/admin/procedures/:id/revert', adminRoute(ctx, async (req, res) => {
      const id = param(req, 'id');
      edits.get(id);
      const { version } = parseRequest(revertBody, jsonBody(req));
      await answerChange(req, res, id, 'procedure.revert', await edits.revert(id, version, editor(req)));
    }));
  };
}

/** The rows whose procedure holds every word of `q` (diacritics and case aside) in its id, names or field; name matches first. */
function filterByQuery<T>(rows: ReadonlyArray<T>, q: string | undefined, procedureOf: (row: T) => Procedure | undefined): T[] {
  const words = q ? foldText(q).split(/\s+/).filter(Boolean) : [];
  if (!words.length) return [...rows];
  const scored: Array<{ row: T; score: number }> = [];
  for (const row of rows) {
    const p = procedureOf(row);
    if (!p) continue;
    const name = foldText(p.name);
    const text = [foldText(p.id), foldText(p.catalogCode ?? ''), name, ...p.aliases.map(foldText), foldText(p.field)].join(' \n ');
    if (words.every((w) => text.includes(w))) scored.push({ row, score: words.every((w) => name.includes(w)) ? 1 : 0 });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.row);
}
