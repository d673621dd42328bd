import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON lines on stderr, so that stdout stays clean for the CLI's output. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined }, pino.destination({ dest: 2, sync: true }));
}

export const silentLogger: Logger = pino({ level: 'silent' });
