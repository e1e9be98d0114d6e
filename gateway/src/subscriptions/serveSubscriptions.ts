import { type IncomingMessage, STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  type Caller,
  createError,
  type ErrorCodeEntry,
  errorCodes,
  httpStatusOf,
  type Logger,
  type RequestErrorCode,
} from '@joined-up/core';
import { type ExecutionResult, GraphQLError } from 'graphql';
import { createHandler as createSseHandler, type OperationArgs, type Response as SseResponse } from 'graphql-sse';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { PreparedSubscription, SubscriptionRequest, SubscriptionService } from './createSubscriptionService.ts';

export interface SubscriptionTransportOptions {
  service: SubscriptionService;
  /** The gateway's token check, as for every HTTP request (refused credentials count against the address). */
  verify: (request: IncomingMessage, authorization: string | undefined) => Promise<Caller>;
  /** The gateway's rate limit: each subscription counts as one request of its caller; throws RATE_LIMITED. */
  admit: (caller: Caller) => Promise<void>;
  /** Pages of these origins may subscribe from a browser; a page of any other is refused. */
  allowedOrigins: readonly string[];
  /** Largest message a WebSocket client may send, as for HTTP bodies. */
  maxPayloadBytes: number;
  logger: Logger;
}

/** What the gateway's HTTP server hands the subscription transports. */
export interface SubscriptionTransports {
  /** An HTTP upgrade to `/graphql`: GraphQL over WebSocket (the graphql-transport-ws protocol). */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** A request to `/graphql` asking for `text/event-stream`, its body read: GraphQL over Server-Sent Events. */
  eventStream(request: IncomingMessage, response: ServerResponse, body: unknown): Promise<void>;
  /** Ends every open subscription (their clients reconnect) and stops accepting new ones. */
  close(): Promise<void>;
}

/** Refused before the socket opens: an origin not allowed, or not the GraphQL path. */
function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
}

/**
 * Serves `myNotifications` over both transports a client app may use: graphql-ws over WebSocket
 * (the token in the connection's `authorization` parameter, as browsers cannot set headers on a
 * WebSocket) and graphql-sse's distinct connections over Server-Sent Events (the token in the
 * Authorization header). Both check the token and the rate limit as HTTP requests do, and prepare
 * and stream through the one subscription service.
 */
export function serveSubscriptions(options: SubscriptionTransportOptions): SubscriptionTransports {
  const { service, logger } = options;
  const begin = async (caller: Caller, request: SubscriptionRequest) => {
    await options.admit(caller);
    return service.prepare(request, caller);
  };
  const errorsOf = (error: unknown): readonly GraphQLError[] => [
    error instanceof Error && 'extensions' in error
      ? (error as GraphQLError)
      : createError('INTERNAL_SERVER_ERROR', 'Something failed on our side.'),
  ];

  // The answers are Apollo Server's, already formatted as they are sent over HTTP; the libraries
  // take graphql-js errors, which serialise back to the same JSON (message, path, extensions).
  async function* streamOf(context: SubscriptionContext): AsyncGenerator<ExecutionResult> {
    for await (const result of service.stream(context.prepared)) {
      const { errors, ...rest } = result;
      yield errors
        ? {
            ...rest,
            errors: errors.map(
              (error) =>
                new GraphQLError(error.message, {
                  ...(error.path ? { path: error.path } : {}),
                  ...(error.extensions ? { extensions: error.extensions } : {}),
                }),
            ),
          }
        : (rest as ExecutionResult);
    }
  }
  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes });
  const callers = new WeakMap<object, Caller>();
  const webSockets = useServer(
    {
      onConnect: async (context) => {
        const authorization = context.connectionParams?.['authorization'];
        try {
          const request = context.extra.request;
          callers.set(
            context,
            await options.verify(request, typeof authorization === 'string' ? authorization : undefined),
          );
          return true;
        } catch {
          // graphql-ws closes the socket with 4403 Forbidden.
          return false;
        }
      },
      onSubscribe: async (context, _id, payload) => {
        try {
          const prepared = await begin(callers.get(context)!, payload);
          if (Array.isArray(prepared)) return prepared;
          return preparedArguments(prepared as PreparedSubscription, payload);
        } catch (error) {
          return errorsOf(error);
        }
      },
      subscribe: (args) => streamOf(args.contextValue as SubscriptionContext),
    },
    sockets,
  );

  const events = createSseHandler<IncomingMessage, { response: ServerResponse }, SubscriptionContext>({
    // One stream per subscription (distinct connections mode): no tokens of graphql-sse's own to guess.
    authenticate: () => null,
    onSubscribe: async (request, params): Promise<SseResponse | OperationArgs<SubscriptionContext>> => {
      let caller: Caller;
      try {
        caller = await options.verify(request.raw, request.headers.get('authorization') ?? undefined);
      } catch (error) {
        return refusal(errorsOf(error));
      }
      try {
        const prepared = await begin(caller, params);
        if (Array.isArray(prepared)) return refusal(prepared);
        return preparedArguments(prepared as PreparedSubscription, params);
      } catch (error) {
        return refusal(errorsOf(error));
      }
    },
    subscribe: (args) => streamOf(args.contextValue),
  });

  return {
    upgrade(request, socket, head) {
      const origin = request.headers.origin;
      if (new URL(request.url ?? '/', 'http://gateway').pathname !== '/graphql') {
        return refuseUpgrade(socket, 404, 'Not Found');
      }
      // A page of another site must not open a socket that a signed-in user's browser would carry.
      if (origin !== undefined && !options.allowedOrigins.includes(origin)) {
        return refuseUpgrade(socket, 403, 'Forbidden');
      }
      sockets.handleUpgrade(request, socket, head, (webSocket) => sockets.emit('connection', webSocket, request));
    },
    async eventStream(request, response, body) {
      const [answer, init] = await events({
        method: request.method ?? 'POST',
        url: request.url ?? '/graphql',
        headers: {
          get: (key: string) => {
            const value = request.headers[key.toLowerCase()];
            return Array.isArray(value) ? value.join(', ') : value;
          },
        },
        body: () => (typeof body === 'string' ? body : (body as Record<string, unknown> | null)),
        raw: request,
        context: { response },
      });
      response.writeHead(init.status, init.statusText, init.headers);
      if (!answer || typeof answer === 'string') {
        response.end(answer ?? undefined);
        return;
      }
      // The headers go at once, so the client knows it is subscribed before the first notification.
      response.flushHeaders();
      // The client going away ends the subscription, and with it the gateway's queue for it.
      response.once('close', () => void answer.return(undefined));
      for await (const chunk of answer) response.write(chunk);
      response.end();
    },
    async close() {
      await webSockets.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      logger.info('subscriptions closed');
    },
  };
}

/** A subscription refused before it began, as a JSON answer with the status the catalog gives its code. */
function refusal(errors: readonly GraphQLError[]): SseResponse {
  const code = errors[0]?.extensions['code'];
  const entry = typeof code === 'string' ? (errorCodes as Record<string, ErrorCodeEntry>)[code] : undefined;
  const status = entry?.refuses ? httpStatusOf(code as RequestErrorCode) : 400;
  return [
    JSON.stringify({ errors: errors.map((error) => error.toJSON()) }),
    { status, statusText: STATUS_CODES[status] ?? '', headers: { 'content-type': 'application/json; charset=utf-8' } },
  ];
}

/**
 * What both libraries execute: the client's own subscription document (so they call `subscribe`,
 * not `execute`), over the schema it was checked against, carrying what the service prepared.
 */
function preparedArguments(prepared: PreparedSubscription, request: SubscriptionRequest) {
  return {
    schema: prepared.schema,
    document: prepared.document,
    variableValues: prepared.variables,
    operationName: typeof request.operationName === 'string' ? request.operationName : null,
    contextValue: { prepared } satisfies SubscriptionContext,
  };
}

/** What each library hands the stream: the prepared subscription. */
type SubscriptionContext = { prepared: PreparedSubscription };
