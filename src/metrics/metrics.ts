import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Request, Response, Server } from 'restify';
import type { TurnEvent } from '../analytics/analytics.js';

// Operators' metrics in Prometheus' text format (prom-client): HTTP requests and their
// latency by route, citizen turns, NLU and store latency, the serving model, and the
// conversations active lately; plus Node's own process metrics. Labels are route templates
// (`/v3/directline/conversations/:id/activities`), never a raw URL: no conversation id,
// dossier code or anything a citizen typed is ever a label.

/** A conversation with a turn in this window counts as open. */
export const OPEN_WINDOW_MS = 15 * 60 * 1000;
/** Conversations remembered for the open count, at most. */
const MAX_TRACKED = 50_000;
const START = Symbol('dvc.metricsStart');

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * How often Node's event-loop delay histogram samples (prom-client's default is 10 ms): a
 * timer that wakes an idle process 100 times a second costs it about 0.3% of a core, a sixth
 * of what 1,000 idle open chats may cost (issue 14). The histogram's figures
 * (`nodejs_eventloop_lag_{min,mean,max,p50,p90,p99}_seconds`) count the sampling interval, so
 * they read about 0.1 s on an idle loop; `nodejs_eventloop_lag_seconds` is measured at the scrape.
 */
const EVENT_LOOP_SAMPLE_MS = 100;

/** Node's process metrics, collected once per process however many apps it builds. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  }
  return processRegistry;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly httpSeconds: Histogram<'method' | 'route'>;
  private readonly turns: Counter<'channel' | 'kind' | 'outcome'>;
  private readonly nluSeconds: Histogram;
  private readonly storeSeconds: Histogram<'store' | 'operation'>;
  private readonly recent = new Map<string, number>();
  private readonly now: () => number;

  constructor(deps: { model: () => string | null; now?: () => number }) {
    const now = deps.now ?? Date.now;
    this.now = now;
    const registers = [this.registry];
    this.httpRequests = new Counter({ name: 'dvc_http_requests_total', help: 'HTTP requests answered, by route template and status.', labelNames: ['method', 'route', 'status'], registers });
    this.httpSeconds = new Histogram({ name: 'dvc_http_request_duration_seconds', help: 'Time to answer an HTTP request, by route template.', labelNames: ['method', 'route'], buckets: SECONDS, registers });
    this.turns = new Counter({ name: 'dvc_turns_total', help: 'Citizen turns: messages (understood or not), votes and ratings.', labelNames: ['channel', 'kind', 'outcome'], registers });
    this.nluSeconds = new Histogram({ name: 'dvc_nlu_parse_duration_seconds', help: 'Time to parse one message.', buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1], registers });
    this.storeSeconds = new Histogram({ name: 'dvc_store_operation_duration_seconds', help: 'Time of a store operation, by store and operation.', labelNames: ['store', 'operation'], buckets: SECONDS, registers });
    new Gauge({
      name: 'dvc_model_info', help: 'The model serving now (value 1, its id as a label).', labelNames: ['model'], registers, aggregator: 'max',
      collect() {
        this.reset();
        this.set({ model: deps.model() ?? 'none' }, 1);
      },
    });
    const recent = this.recent;
    new Gauge({
      name: 'dvc_open_conversations', help: `Conversations with a citizen turn in the last ${OPEN_WINDOW_MS / 60_000} minutes.`, registers,
      collect() {
        const since = now() - OPEN_WINDOW_MS;
        for (const [id, at] of recent) {
          if (at >= since) break;
          recent.delete(id);
        }
        this.set(recent.size);
      },
    });
  }

  /** Times every request by its route template (restify's pre and after hooks). */
  instrument(server: Server): void {
    server.pre((req: Request, _res: Response, next: () => void) => {
      (req as unknown as Record<symbol, bigint>)[START] = process.hrtime.bigint();
      next();
    });
    server.on('after', (req: Request, res: Response) => {
      const start = (req as unknown as Record<symbol, bigint | undefined>)[START];
      const route = req.getRoute?.()?.path;
      const labels = { method: req.method ?? 'GET', route: typeof route === 'string' ? route : 'unmatched' };
      this.httpRequests.inc({ ...labels, status: String(res.statusCode) });
      if (start !== undefined) this.httpSeconds.observe(labels, Number(process.hrtime.bigint() - start) / 1e9);
    });
  }

  /** Counts a citizen turn (and its conversation as open). */
  turn(event: TurnEvent): void {
    const outcome = event.kind === 'message' ? (event.understood ? 'understood' : 'not_understood') : event.kind === 'feedback' ? event.feedback?.vote ?? 'vote' : 'rated';
    this.turns.inc({ channel: event.channel, kind: event.kind, outcome });
    this.recent.delete(event.conversationId);
    this.recent.set(event.conversationId, this.now());
    if (this.recent.size > MAX_TRACKED) this.recent.delete(this.recent.keys().next().value as string);
  }

  /** Times one parse. */
  parse<T>(work: () => T): T {
    const end = this.nluSeconds.startTimer();
    try {
      return work();
    } finally {
      end();
    }
  }

  /** Records the time of one store operation. */
  storeOperation(store: string, operation: string, seconds: number): void {
    this.storeSeconds.observe({ store, operation }, seconds);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every metric, the process' own included, in Prometheus' text format. */
  async text(): Promise<string> {
    return `${await processMetrics().metrics()}\n${await this.registry.metrics()}`;
  }

  /** In a worker of WORKERS=N: answers the primary's requests for this process's metrics (clusterMetrics). */
  shareWithPrimary(): void {
    AggregatorRegistry.setRegistries([processMetrics(), this.registry]);
    new AggregatorRegistry();
  }
}

/** What the metrics port serves. */
export interface MetricsSource {
  contentType: string;
  text(): Promise<string>;
}

/** In the primary of WORKERS=N: every worker's metrics, added up (prom-client's AggregatorRegistry), so a scrape sees the service, not one worker. */
export function clusterMetrics(): MetricsSource {
  const aggregator = new AggregatorRegistry();
  return { contentType: aggregator.contentType, text: () => aggregator.clusterMetrics() };
}
