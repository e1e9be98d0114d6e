import type { ReadableSpan, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { markTracingEnabled } from './tracing.ts';

export interface TracingOptions {
  /** `service.name` of every span this process exports. */
  serviceName: string;
  /**
   * The OTLP/HTTP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT, such as http://collector:4318); spans go
   * to `<endpoint>/v1/traces` in batches. The exporter reads the other OTEL_EXPORTER_OTLP_*
   * settings (headers, timeout) itself, as every OpenTelemetry SDK does.
   */
  endpoint?: string;
  /** Export to this instead, each span as it ends (tests use an in-memory exporter). */
  exporter?: SpanExporter;
}

/** Tracing, once started: `stop` flushes what is buffered and uninstalls it. */
export interface Tracing {
  provider: NodeTracerProvider;
  stop(): Promise<void>;
}

let running: Promise<Tracing> | undefined;

/**
 * Installs OpenTelemetry tracing for the process: the official Node tracer provider (W3C trace
 * context and baggage propagation, AsyncLocalStorage context), the undici instrumentation (the
 * gateway's calls to agencies, which then carry `traceparent`), and our own spans (each HTTP
 * request served, SQL statements, loader batches, policy decisions, audit writes) and Apollo
 * Gateway's (request, plan, fetch). Node's http instrumentation is not used: it patches node:http
 * through require hooks that ESM entry points do not pass through, and the one HTTP handler every
 * service uses makes the server span itself. Called once per process, before any service starts;
 * services in one process (npm start, tests) share it, and a second call gets the first's.
 */
export function startTracing(options: TracingOptions): Promise<Tracing> {
  running ??= install(options).catch((error: unknown) => {
    running = undefined;
    throw error;
  });
  return running;
}

/**
 * The SDK, its exporter and its instrumentation are loaded here, when tracing is asked for, and
 * not when `@joined-up/core` is: with tracing off (the default) no process pays their memory
 * (about 16 MiB resident) or their start-up time.
 */
async function install(options: TracingOptions): Promise<Tracing> {
  const [{ registerInstrumentations }, { UndiciInstrumentation }, { resourceFromAttributes }, otlp, base, node, conv] =
    await Promise.all([
      import('@opentelemetry/instrumentation'),
      import('@opentelemetry/instrumentation-undici'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/semantic-conventions'),
    ]);
  const exporter =
    options.exporter ?? new otlp.OTLPTraceExporter({ url: `${trimSlash(options.endpoint ?? '')}/v1/traces` });
  const exporting = options.exporter ? new base.SimpleSpanProcessor(exporter) : new base.BatchSpanProcessor(exporter);
  const provider = new node.NodeTracerProvider({
    resource: resourceFromAttributes({ [conv.ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors: [withoutEventDetail(exporting)],
  });
  provider.register();
  const disable = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new UndiciInstrumentation()],
  });
  markTracingEnabled(true);
  return {
    provider,
    stop: async () => {
      markTracingEnabled(false);
      disable();
      running = undefined;
      await provider.shutdown();
    },
  };
}

function trimSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

/**
 * Apollo Gateway records each GraphQL error as a span event with its message and stack; an
 * error's words may name a person or hold an NHS number, so an event keeps only its name and
 * `exception.type` before it is exported.
 */
function withoutEventDetail(next: SpanProcessor): SpanProcessor {
  return {
    onStart: (span, parent) => next.onStart(span, parent),
    onEnd: (span: ReadableSpan) => {
      for (const event of span.events) {
        if (!event.attributes) continue;
        for (const key of Object.keys(event.attributes)) {
          if (key !== 'exception.type') delete (event.attributes as Record<string, unknown>)[key];
        }
      }
      next.onEnd(span);
    },
    forceFlush: () => next.forceFlush(),
    shutdown: () => next.shutdown(),
  };
}
