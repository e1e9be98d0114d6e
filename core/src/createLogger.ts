import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs, one line per event, named after the service so that the lines of all
 * services in a development process can be told apart.
 */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({ name: service, level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}
