import type { Server } from 'restify';
import type { AdminContext } from './context.js';
import { inboxRoutes } from './inbox-routes.js';
import { modelRoutes } from './model-routes.js';
import { pageRoutes } from './page-routes.js';
import { procedureRoutes } from './procedure-routes.js';
import { trainingRoutes } from './training-routes.js';

export type { AdminContext } from './context.js';

/** The staff page and every admin route (inbox, training data, models, knowledge), behind the admin token. */
export function adminRoutes(ctx: AdminContext): (server: Server) => void {
  const groups = [pageRoutes(ctx.logger), inboxRoutes(ctx), trainingRoutes(ctx), modelRoutes(ctx), procedureRoutes(ctx)];
  return (server) => { for (const add of groups) add(server); };
}
