import type { AppConfig } from '../config';

/** Structured JSON logs (pino) for both entries; secrets never reach them. */
export function loggerOptions(config: AppConfig) {
  return { level: config.logLevel, redact: ['req.headers.authorization'] };
}
