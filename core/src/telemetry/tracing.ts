import {
  type Attributes,
  type Context,
  context,
  propagation,
  type Span,
  type SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

/** The name every span of ours is made under (the instrumentation scope), beside Apollo Gateway's own. */
export const tracerName = '@joined-up/core';

let enabled = false;

/** Whether a tracer provider of ours is installed; until then no span is made and nothing is paid. */
export function tracingEnabled(): boolean {
  return enabled;
}

/** Called by startTracing alone. */
export function markTracingEnabled(on: boolean): void {
  enabled = on;
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** The parent; the active context when left out. */
  parent?: Context;
}

/**
 * Runs `work` inside a span that ends when it settles, or runs it bare when tracing is off, so
 * that turning tracing off costs one boolean test. A failure marks the span as an error with the
 * error's name only: messages can hold SQL parameters, NHS numbers or names, and no span carries
 * person data.
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!enabled) return work(undefined);
  const tracer = trace.getTracer(tracerName);
  const parent = options.parent ?? context.active();
  return tracer.startActiveSpan(
    name,
    { ...(options.kind === undefined ? {} : { kind: options.kind }), attributes: options.attributes ?? {} },
    parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.setAttribute('error.type', errorTypeOf(error));
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** An error's kind for `error.type`: its code when it has one of ours, else its class name. */
export function errorTypeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'Error';
}

/** The trace and span the running work belongs to, when tracing is on and a span is active. */
export function currentTraceIds(): { traceId: string; spanId: string } | undefined {
  if (!enabled) return undefined;
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/** The context a request arrived with (its W3C traceparent), for the server span to continue. */
export function extractTraceContext(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(context.active(), headers);
}
