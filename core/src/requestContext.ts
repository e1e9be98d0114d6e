import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServerResponse } from 'node:http';

/** The HTTP request a piece of work belongs to, wherever in its asynchronous tree it runs. */
export interface RequestScope {
  requestId: string;
  response: ServerResponse;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `work` as part of the request, so a failure anywhere below it can be traced back to it. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return scopes.run(scope, work);
}

/**
 * The request whose work is running now, or undefined outside any request. Node runs an
 * 'unhandledRejection' listener in the asynchronous context of the promise that was rejected,
 * and an 'uncaughtException' listener in that of the callback that threw, so the process-level
 * safety net can name the request a stray failure came from.
 */
export function currentRequestScope(): RequestScope | undefined {
  return scopes.getStore();
}
