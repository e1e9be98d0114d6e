import { SpanKind, trace } from '@opentelemetry/api';
import { inSpan, tracingEnabled } from '@joined-up/core';

/**
 * The database client with a span around each statement sent (PGlite's `query`, node-postgres'
 * pool and the clients it lends for transactions alike), each named after its operation and
 * table as OpenTelemetry's database conventions ask. PGlite runs in the process, so no driver
 * instrumentation sees it; one wrapper for both engines gives both the same spans. A statement's
 * text is recorded with any literal blanked, and its parameters never: they are NHS numbers,
 * names and notes. A statement run outside any span (migrations, seeding) makes none.
 */
export function traceSql<T extends object>(client: T, engine: 'pglite' | 'postgresql', namespace: string): T {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property === 'query') {
        return (...args: unknown[]) => {
          // Only statements of traced work (a request) are traced: migrations and seeding are not.
          if (!tracingEnabled() || !trace.getActiveSpan() || typeof args.at(-1) === 'function')
            return method.apply(target, args);
          return statementSpan(
            engine,
            namespace,
            textOf(args[0]),
            () => method.apply(target, args) as Promise<unknown>,
          );
        };
      }
      // node-postgres lends a client for each transaction: its statements are traced too.
      if (property === 'connect') {
        return (...args: unknown[]) => {
          if (typeof args[0] === 'function') return method.apply(target, args);
          return (method.apply(target, args) as Promise<object>).then((lent) => traceSql(lent, engine, namespace));
        };
      }
      // PGlite hands a transaction's statements to a transaction object of its own.
      if (property === 'transaction') {
        return (work: (tx: object) => unknown, ...rest: unknown[]) =>
          method.call(target, (tx: object) => work(traceSql(tx, engine, namespace)), ...rest);
      }
      return method.bind(target);
    },
  });
}

function textOf(query: unknown): string {
  if (typeof query === 'string') return query;
  const text = (query as { text?: unknown } | undefined)?.text;
  return typeof text === 'string' ? text : '';
}

function statementSpan<T>(engine: string, namespace: string, text: string, run: () => Promise<T>): Promise<T> {
  const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'QUERY';
  const table = /\b(?:from|into|update|table)\s+"?([A-Za-z_][\w]*)"?/i.exec(text)?.[1];
  return inSpan(
    table ? `${operation} ${table}` : operation,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.namespace': namespace,
        'db.operation.name': operation,
        ...(table ? { 'db.collection.name': table } : {}),
        'db.query.text': sanitisedStatement(text),
        'joined_up.database.engine': engine,
      },
    },
    run,
  );
}

/** A statement with every string and number literal replaced by `?`, and cut at 2,000 characters. */
export function sanitisedStatement(text: string): string {
  return text
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/(?<![\w$"])-?\d+(?:\.\d+)?\b/g, '?')
    .slice(0, 2_000);
}
