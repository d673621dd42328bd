import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The project's root folder, wherever the process was started from. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const port = z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number')
  .min(0, 'must be between 0 and 65535').max(65535, 'must be between 0 and 65535');
const optionalText = z.string().trim().min(1).optional();
const probability = z.coerce.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const positiveMs = z.coerce.number().int('must be a whole number of milliseconds').positive('must be positive');
const positiveWhole = z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').positive('must be positive');
const databaseUrl = z.string().trim().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/dvc');
const count = (min: number, max: number) => z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number')
  .min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`);
const hexSecret = z.string().trim().regex(/^([0-9a-fA-F]{2}){32,}$/, 'must be at least 64 hexadecimal characters (openssl rand -hex 32)');
const flag = z.enum(['0', '1', 'false', 'true'], { errorMap: () => ({ message: 'must be 0, 1, false or true' }) })
  .transform((v) => v === '1' || v === 'true');

const configSchema = z.object({
  PORT: port.default(3978),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  KNOWLEDGE_DIR: z.string().trim().min(1).default(path.join(PROJECT_ROOT, 'knowledge')),
  INTENTS_DIR: z.string().trim().min(1).default(path.join(PROJECT_ROOT, 'intents')),
  /** A province's catalogue (CSV or XLSX) served besides knowledge/ (src/catalogue/). */
  CATALOGUE_FILE: optionalText,
  PORTAL_URL: z.string().trim().url('must be a URL such as http://127.0.0.1:3979').optional(),
  // The whole portal call, retries included; a citizen waits for it, and must hear back within 5 s.
  PORTAL_TIMEOUT_MS: positiveMs.max(4000, 'must be at most 4000: a citizen in the chat waits for the portal').default(3000),
  LOOKUPS_PER_CONVERSATION: positiveWhole.default(5),
  LOOKUPS_PER_ADDRESS: positiveWhole.default(60),
  TRUST_PROXY: flag.default('0'),
  DATABASE_URL: databaseUrl.optional(),
  DATABASE_POOL_SIZE: count(1, 200).default(10),
  WORKERS: count(1, 64).default(1),
  DIRECT_LINE_SECRET: hexSecret.optional(),
  // While an officer holds a ticket: minutes without an officer's word before the citizen is told their message waits for them.
  HANDOFF_NOTICE_MINUTES: z.coerce.number({ invalid_type_error: 'must be a number' }).min(0, 'must be 0 or more').max(1440, 'must be at most 1440 (a day)').default(3),
  // A held ticket whose officer has not claimed or replied for this long goes back to the queue.
  HANDOFF_CLAIM_MINUTES: z.coerce.number({ invalid_type_error: 'must be a number' }).min(1, 'must be at least 1').max(1440, 'must be at most 1440 (a day)').default(30),
  ADMIN_TOKEN: optionalText,
  HELPDESK_TOKEN: optionalText,
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  NONE_THRESHOLD: probability.optional(),
  // A procedure not reviewed for this many months is listed as due for review.
  REVIEW_MONTHS: positiveWhole.default(6),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  ANALYTICS_DAYS: z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number of days')
    .min(1, 'must be at least 1').max(3650, 'must be at most 3650').default(365),
  METRICS_PORT: port.optional(),
});

export type Config = z.infer<typeof configSchema> & { DATA_DIR: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads configuration from environment variables; every bad value is named in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.keys(configSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => {
      const key = String(i.path[0]);
      return `${key}=${JSON.stringify(env[key])}: ${i.message}`;
    }));
  }
  if (result.data.WORKERS > 1 && !result.data.DATABASE_URL) {
    throw new ConfigError([`WORKERS=${JSON.stringify(env.WORKERS)}: several processes need DATABASE_URL (PostgreSQL); the files in DATA_DIR serve one process only`]);
  }
  return { ...result.data, DATA_DIR: path.resolve(result.data.DATA_DIR) };
}
