import { type DestinationStream, pino, type Logger } from 'pino';
import { currentTraceIds } from './telemetry/tracing.ts';

export type { Logger };

/**
 * Structured JSON logs, one line per event, named after the service so that the lines of all
 * services in a development process can be told apart. While tracing is on, every line written
 * during a traced request carries its `trace_id` and `span_id` (OpenTelemetry's names for them in
 * logs), so a log line leads to its trace and a trace to its lines.
 */
export function createLogger(service: string, level = 'info', destination?: DestinationStream): Logger {
  const options = {
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const ids = currentTraceIds();
      return ids ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
