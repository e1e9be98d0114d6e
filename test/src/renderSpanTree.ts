import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** The attributes shown beside a span's name in a rendered tree: where it ran and how it ended. */
const shown = [
  'service',
  'http.route',
  'http.response.status_code',
  'db.namespace',
  'dataloader.batch.size',
  'joined_up.policy.category',
  'joined_up.policy.outcome',
  'joined_up.audit.rows',
  'joined_up.audit.outcome',
];

/** The parent span's id, across the SDK's 1.x and 2.x span shapes. */
export function parentIdOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}

/**
 * A trace as indented text, children in start order. Runs of siblings with the same line are
 * folded into one with a count, so that forty policy decisions read as one line.
 */
export function renderSpanTree(spans: readonly ReadableSpan[]): string {
  const children = new Map<string | undefined, ReadableSpan[]>();
  const ids = new Set(spans.map((span) => span.spanContext().spanId));
  for (const span of spans) {
    const parent = parentIdOf(span);
    const key = parent && ids.has(parent) ? parent : undefined;
    children.set(key, [...(children.get(key) ?? []), span]);
  }
  const lines: string[] = [];
  const label = (span: ReadableSpan): string => {
    const attributes = shown
      .filter((name) => span.attributes[name] !== undefined)
      .map((name) => `${name}=${String(span.attributes[name])}`);
    return attributes.length > 0 ? `${span.name} (${attributes.join(', ')})` : span.name;
  };
  const walk = (parent: string | undefined, depth: number): void => {
    const below = [...(children.get(parent) ?? [])].sort((a, b) => compareTime(a.startTime, b.startTime));
    for (let index = 0; index < below.length;) {
      const first = below[index]!;
      let run = 1;
      const hasChildren = (span: ReadableSpan) => (children.get(span.spanContext().spanId) ?? []).length > 0;
      while (
        index + run < below.length &&
        !hasChildren(first) &&
        !hasChildren(below[index + run]!) &&
        label(below[index + run]!) === label(first)
      )
        run += 1;
      lines.push(`${'  '.repeat(depth)}${label(first)}${run > 1 ? ` x${run}` : ''}`);
      walk(first.spanContext().spanId, depth + 1);
      index += run;
    }
  };
  walk(undefined, 0);
  return lines.join('\n');
}

function compareTime(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}
