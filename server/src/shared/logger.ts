import pino from 'pino';

/** Structured JSON logs (pino): one line per event, fields not prose. */
export function createLogger(level: string): pino.Logger {
  return pino({ level, base: { service: 'takt' }, redact: ['req.headers.cookie', 'password'] });
}
export type Logger = pino.Logger;
