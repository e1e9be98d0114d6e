import type { RequestListener, ServerResponse } from 'node:http';
import { execute, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

// A gateway sends a handful of distinct operations, so the cache stays small; the bound only
// stops a stray client posting endless distinct queries from growing it without limit.
const maxCachedDocuments = 1_000;

interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/**
 * A bare GraphQL-over-HTTP handler for the benchmark subgraphs: POST /graphql with a JSON body,
 * executed against `schema`. The Rust originals are bare async-graphql on axum, so this stays as
 * thin: no Apollo Server, no plugins, and each query string parsed and validated once.
 */
export function createGraphQLRequestListener(schema: GraphQLSchema): RequestListener {
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();

  const prepare = (query: string): DocumentNode | readonly GraphQLError[] => {
    let prepared = documents.get(query);
    if (prepared === undefined) {
      try {
        const document = parse(query);
        const errors = validate(schema, document);
        prepared = errors.length > 0 ? errors : document;
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        prepared = [error];
      }
      if (documents.size >= maxCachedDocuments) documents.clear();
      documents.set(query, prepared);
    }
    return prepared;
  };

  const respond = async (text: string, response: ServerResponse): Promise<void> => {
    let body: GraphQLRequestBody;
    try {
      body = JSON.parse(text) as GraphQLRequestBody;
    } catch {
      send(response, 400, { errors: [{ message: 'The request body is not JSON.' }] });
      return;
    }
    if (typeof body !== 'object' || body === null || typeof body.query !== 'string') {
      send(response, 400, { errors: [{ message: 'The request body has no query string.' }] });
      return;
    }
    const prepared = prepare(body.query);
    if (!('kind' in prepared)) {
      send(response, 200, { errors: prepared });
      return;
    }
    const result = await execute({
      schema,
      document: prepared,
      variableValues:
        typeof body.variables === 'object' && body.variables !== null
          ? (body.variables as Record<string, unknown>)
          : undefined,
      operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
      contextValue: {},
    });
    send(response, 200, result);
  };

  return (request, response) => {
    if (request.method !== 'POST' || request.url !== '/graphql') {
      request.resume();
      send(response, request.url === '/graphql' ? 405 : 404, {
        errors: [{ message: 'POST GraphQL requests to /graphql.' }],
      });
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      respond(Buffer.concat(chunks).toString('utf8'), response).catch((error: unknown) => {
        if (response.headersSent) {
          response.destroy();
          return;
        }
        send(response, 500, { errors: [{ message: error instanceof Error ? error.message : String(error) }] });
      });
    });
  };
}

function send(response: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  // Content-Length rather than chunked encoding: one write, and the connection stays reusable.
  response
    .writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    .end(body);
}
