import { createHash, randomUUID } from 'node:crypto';
import { type Caller, createError, type Logger } from '@joined-up/core';
import {
  type DocumentNode,
  type FormattedExecutionResult,
  type FieldNode,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import pLimit from 'p-limit';
import type { NotificationFeed } from './NotificationFeed.ts';

/** A subscription as a client sends it, over WebSocket or Server-Sent Events alike. */
export interface SubscriptionRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** A subscription checked and ready to stream: the query each notification is read with. */
export interface PreparedSubscription {
  caller: Caller;
  /** The schema it was checked against, and the client's document, for the transport's library. */
  schema: GraphQLSchema;
  document: DocumentNode;
  /** `query ($joinedUpNotificationId: ID!) { <the client's key>: myNotification(id: ...) { <its selection> } }` */
  perNotification: DocumentNode;
  variables: Record<string, unknown>;
  /** Where the notification is in the answer: the client's alias, or myNotifications. */
  responseKey: string;
  /** The same token, document and variables: subscriptions whose answers to a notification are the same. */
  sameAnswerKey: string;
}

export interface SubscriptionServiceOptions {
  /** The API schema the gateway serves now; undefined until the first supergraph has loaded. */
  schema: () => GraphQLSchema | undefined;
  /** The gateway's own validation rules: depth, aliases, directives and cost, as for queries. */
  rules: () => readonly ValidationRule[];
  /** Whether only registered operations are accepted (GATEWAY_TRUSTED_DOCUMENTS_ONLY), and which are. */
  isRegistered: (query: string) => boolean;
  refuseUnregistered: boolean;
  /** Checks the caller's token again (it may have expired since the subscription began). */
  verify: (authorization: string) => Promise<Caller>;
  /** Runs one query through the federation as `caller`, as an HTTP request would be run. */
  execute: (
    document: DocumentNode,
    variables: Record<string, unknown>,
    caller: Caller,
  ) => Promise<FormattedExecutionResult>;
  /** Care coordination's live notifications; undefined when the gateway runs without the event engine. */
  feed: NotificationFeed | undefined;
  /** Notifications read through the federation at once, by this gateway process. @default 8 */
  maxConcurrentReads?: number;
  logger: Logger;
}

const notificationVariable = 'joinedUpNotificationId';
/**
 * How long a notification's answer is kept for the subscriptions that share it. Every screen of
 * one sign-in hears a notification within the same moment; later ones read it afresh.
 */
const sharedAnswerMs = 5_000;

/**
 * Subscriptions for the gateway, which Apollo Gateway does not execute: `myNotifications` is
 * served here, over both transports. Each notification that arrives for the subscriber is read
 * through the federation as a query with the subscriber's own token (`myNotification(id)` and the
 * client's selection), so every field in the payload is answered, or refused, by the agency that
 * holds it, under its policy, exactly as the same query sent over HTTP would be; and audited so.
 */
export function createSubscriptionService(options: SubscriptionServiceOptions) {
  /** Checks a subscription as the gateway checks a query; a refusal is the errors to send back. */
  const prepare = (request: SubscriptionRequest, caller: Caller): PreparedSubscription | readonly GraphQLError[] => {
    if (!options.feed) {
      return [
        createError(
          'LIVE_UPDATES_UNAVAILABLE',
          'This gateway runs without the event engine (NATS_URL), so it sends no live notifications; ' +
            'the myNotifications query has every one.',
        ),
      ];
    }
    const schema = options.schema();
    if (!schema) return [createError('SUBGRAPH_UNAVAILABLE', 'The gateway has not loaded its supergraph yet.')];
    if (typeof request.query !== 'string' || request.query.length === 0) {
      return [createError('BAD_REQUEST', 'A subscription needs its document in "query".')];
    }
    if (options.refuseUnregistered && !options.isRegistered(request.query)) {
      return [createError('OPERATION_NOT_REGISTERED', 'This gateway serves registered operations only.')];
    }
    const variables = request.variables ?? {};
    if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
      return [createError('BAD_REQUEST', '"variables" must be an object.')];
    }
    const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
    let document: DocumentNode;
    try {
      document = parse(request.query, { maxTokens: 2_000 });
    } catch (error) {
      return [createError('GRAPHQL_PARSE_FAILED', (error as GraphQLError).message)];
    }
    const invalid = validate(schema, document, [...specifiedRules, ...options.rules()]);
    if (invalid.length > 0) {
      return invalid.map((error) =>
        error.extensions['code'] ? error : createError('GRAPHQL_VALIDATION_FAILED', error.message),
      );
    }
    const operation = getOperationAST(document, operationName);
    if (!operation) return [createError('BAD_REQUEST', 'Name the operation to run: the document has several.')];
    if (operation.operation !== 'subscription') {
      return [createError('BAD_REQUEST', 'Only subscriptions are served here; send queries and mutations over HTTP.')];
    }
    // Validation allows one root field in a subscription; myNotifications is the only one there is.
    const [root] = operation.selectionSet.selections as FieldNode[];
    const perNotification = perNotificationQuery(document, operation, root!);
    return {
      caller,
      schema,
      document,
      perNotification,
      variables: variables as Record<string, unknown>,
      responseKey: root!.alias?.value ?? root!.name.value,
      sameAnswerKey: createHash('sha256')
        .update(caller.token)
        .update('\0')
        .update(print(perNotification))
        .update('\0')
        .update(JSON.stringify(variables))
        .digest('base64url'),
    };
  };

  // Screens open under one sign-in with the same subscription (tabs, a phone beside a desk) ask the
  // federation the same question with the same token when a notification arrives: it is asked once
  // and the answer shared, rather than once a screen. Anything else (another token, however alike
  // its subject, or other fields) is read with its own request, under the agencies' policies.
  const answers = new Map<string, Promise<FormattedExecutionResult>>();
  // One event tells every open screen of a care team at the same moment, and each screen's read
  // goes to the agency that published it. Unbounded, a hundred screens are a hundred requests at
  // once: the agency slows, the gateway's breaker opens, and the agency's own writes are refused
  // until it closes. Queued here, screens hear a little later and the agency stays in service.
  const reads = pLimit(options.maxConcurrentReads ?? 8);
  const answer = (prepared: PreparedSubscription, notificationId: string, caller: Caller) => {
    const key = `${notificationId}\0${prepared.sameAnswerKey}`;
    let answered = answers.get(key);
    if (!answered) {
      const variables = { ...prepared.variables, [notificationVariable]: notificationId };
      answered = reads(() => options.execute(prepared.perNotification, variables, caller));
      answers.set(key, answered);
      const forget = () => setTimeout(() => answers.delete(key), sharedAnswerMs).unref();
      answered.then(forget, () => answers.delete(key));
    }
    return answered;
  };

  /** Each of the subscriber's notifications from now on, read through the federation as they arrive. */
  async function* stream(prepared: PreparedSubscription): AsyncGenerator<FormattedExecutionResult> {
    const queue = options.feed!.subscribe(prepared.caller.subject);
    const logger = options.logger.child({ subscription: randomUUID(), caller: prepared.caller.subject });
    logger.info('subscribed to notifications');
    try {
      for await (const notification of queue) {
        let caller: Caller;
        try {
          caller = await options.verify(`Bearer ${prepared.caller.token}`);
        } catch (error) {
          // The token the subscription began with has expired (or its key was withdrawn): it ends.
          const expired = error instanceof GraphQLError ? error : createError('UNAUTHENTICATED', 'Sign in again.');
          yield { errors: [expired.toJSON()] };
          return;
        }
        const result = await answer(prepared, notification.id, caller);
        // Null with no error: not the subscriber's after all; nothing to show.
        if (result.data?.[prepared.responseKey] === null && !result.errors?.length) continue;
        yield result;
      }
    } finally {
      queue.close();
      logger.info('unsubscribed from notifications');
    }
  }

  return { prepare, stream };
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;

/**
 * The query one notification is read with: the client's subscription, made a query whose one field
 * is `myNotification(id:)` under the client's own response key, with the client's selection,
 * variables and fragments, so the answer has the shape the client asked for.
 */
function perNotificationQuery(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  root: FieldNode,
): DocumentNode {
  const field: FieldNode = {
    ...root,
    alias: { kind: Kind.NAME, value: root.alias?.value ?? root.name.value },
    name: { kind: Kind.NAME, value: 'myNotification' },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'id' },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: notificationVariable } },
      },
    ],
  };
  const query: OperationDefinitionNode = {
    ...operation,
    operation: 'query' as OperationDefinitionNode['operation'],
    variableDefinitions: [
      ...(operation.variableDefinitions ?? []),
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: notificationVariable } },
        type: {
          kind: Kind.NON_NULL_TYPE,
          type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } },
        },
      },
    ],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [field] },
  };
  return {
    kind: Kind.DOCUMENT,
    definitions: [query, ...document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)],
  };
}
