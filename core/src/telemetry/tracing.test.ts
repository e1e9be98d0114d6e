import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../createLogger.ts';
import { startTracing, type Tracing } from './startTracing.ts';
import { currentTraceIds, inSpan, tracingEnabled } from './tracing.ts';

const lines: string[] = [];
const logger = createLogger('test', 'info', { write: (line: string) => void lines.push(line) });

describe('tracing', () => {
  it('is off until started: work runs bare, no ids, log lines without them', async () => {
    expect(tracingEnabled()).toBe(false);
    expect(await inSpan('nothing', {}, async (span) => span)).toBeUndefined();
    logger.info('untraced');
    expect(JSON.parse(lines.pop()!)).not.toHaveProperty('trace_id');
  });

  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | undefined;
  afterAll(() => tracing?.stop());

  it('once started, makes spans', async () => {
    tracing = await startTracing({ serviceName: 'test', exporter });
    expect(tracingEnabled()).toBe(true);
    expect(await inSpan('something', {}, async (span) => span !== undefined)).toBe(true);
    exporter.reset();
  });

  it('puts the trace and span ids in every log line written inside a span', async () => {
    const ids = await inSpan('work', {}, async () => {
      logger.info('traced');
      return currentTraceIds();
    });
    const line = JSON.parse(lines.pop()!) as Record<string, unknown>;
    expect(line).toMatchObject({ trace_id: ids?.traceId, span_id: ids?.spanId, msg: 'traced' });
    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(['work']);
  });

  it("marks a failed span with the error's code or class, never its message", async () => {
    const failure = Object.assign(new Error('9990000018 is not allowed'), { extensions: { code: 'FORBIDDEN' } });
    await expect(inSpan('refused', {}, () => Promise.reject(failure))).rejects.toBe(failure);
    const span = exporter.getFinishedSpans().find((candidate) => candidate.name === 'refused');
    expect(span?.attributes['error.type']).toBe('FORBIDDEN');
    expect(JSON.stringify([span?.attributes, span?.events, span?.status])).not.toContain('9990000018');
  });
});
