import pino, { type Logger } from 'pino';
import type { Env } from './env';

/** Structured JSON logs; pretty, single-line output when a person watches a terminal in development. */
export function createLogger(env: Pick<Env, 'LOG_LEVEL' | 'NODE_ENV'>, pretty = false): Logger {
  return pino({
    level: env.LOG_LEVEL,
    base: { service: 'api' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', '*.secret'],
      censor: '[redacted]',
    },
    transport: pretty
      ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,service' } }
      : undefined,
  });
}
