import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { createError } from '@joined-up/core';
import type { Dispatcher } from 'undici';
import { createSubgraphFetcher } from './createSubgraphFetcher.ts';
import type { GatewayContext } from './GatewayContext.ts';

export interface JoinedUpDataSourceOptions {
  name: string;
  displayName: string;
  url: string;
  /** Give up on a subgraph that has not answered within this many milliseconds. */
  timeoutMs: number;
  /** The keep-alive connection pool shared by every agency's calls. */
  dispatcher: Dispatcher;
}

/**
 * How the gateway calls an agency: it forwards the caller's own token (each agency verifies it
 * and decides for itself) and the request id, and turns a failed call into an error that names
 * the agency without leaking its internal URL.
 */
export class JoinedUpDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly agency: { name: string; displayName: string };

  constructor(options: JoinedUpDataSourceOptions) {
    super({
      url: options.url,
      // Pooled keep-alive connections; the timeout stops one slow agency from holding the whole answer.
      fetcher: createSubgraphFetcher({ dispatcher: options.dispatcher, timeoutMs: options.timeoutMs }),
    });
    this.agency = { name: options.name, displayName: options.displayName };
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('caller' in context) || !context.caller) return;
    request.http?.headers.set('authorization', `Bearer ${context.caller.token}`);
    request.http?.headers.set('x-request-id', context.requestId);
    // Each agency decides for itself whether an emergency opens its records; the gateway only
    // carries the declaration.
    if (context.breakGlassReason) request.http?.headers.set('x-break-glass-reason', context.breakGlassReason);
  }

  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    const details = { agency: this.agency.displayName, serviceName: this.agency.name };
    if (response.status === 401)
      return createError('UNAUTHENTICATED', `${this.agency.displayName} refused the credentials.`, details);
    if (response.status === 403)
      return createError('FORBIDDEN', `${this.agency.displayName} refused this request.`, details);
    return createError(
      'SUBGRAPH_UNAVAILABLE',
      `${this.agency.displayName} answered with an error (HTTP ${response.status}); its part of this answer is missing.`,
      details,
    );
  }

  override didEncounterError(error: Error): never {
    if ('extensions' in error && (error as { extensions: Record<string, unknown> }).extensions['agency']) throw error;
    const timedOut = error.name === 'TimeoutError' || error.name === 'AbortError';
    throw createError(
      'SUBGRAPH_UNAVAILABLE',
      `${this.agency.displayName} ${timedOut ? 'did not answer in time' : 'could not be reached'}; its part of this answer is missing.`,
      { agency: this.agency.displayName, serviceName: this.agency.name },
      error,
    );
  }
}
