import type { RequestListener } from 'node:http';
import { listen, type RunningServer } from '@joined-up/core';
import { execute, type GraphQLSchema, parse, validate } from 'graphql';

/**
 * Serves a subgraph schema (from @apollo/subgraph's buildSubgraphSchema) on a free port, for
 * tests of the gateway itself: POST /graphql runs an operation, GET /health answers ok. No
 * tokens, no database and no agency code, so such a test needs nothing but the gateway.
 */
export async function startTinySubgraph(schema: GraphQLSchema): Promise<RunningServer> {
  const listener: RequestListener = (request, response) => {
    const send = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.method === 'GET' && request.url === '/health') return send(200, { status: 'ok' });
    if (request.method !== 'POST' || request.url !== '/graphql')
      return send(404, { errors: [{ message: 'Not found' }] });
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          query: string;
          variables?: Record<string, unknown>;
          operationName?: string;
        };
        const document = parse(body.query);
        const errors = validate(schema, document);
        if (errors.length > 0) return send(200, { errors });
        send(
          200,
          await execute({ schema, document, variableValues: body.variables, operationName: body.operationName }),
        );
      })().catch((error: unknown) => send(400, { errors: [{ message: String(error) }] }));
    });
  };
  return listen(listener, 0, '/graphql');
}
