import { AsyncLocalStorage } from 'node:async_hooks';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { type Dispatcher, request } from 'undici';

/** The fetch function Apollo Gateway calls a subgraph with (@apollo/utils.fetcher's Fetcher). */
export type SubgraphFetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<SubgraphFetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

/** What a call carries beyond what Apollo Gateway passes the fetcher: the request's own deadline. */
export interface CallScope {
  /**
   * When the whole request's deadline passes, in performance.now() time: cheaper than a signal, as
   * the call's one timer then serves both its timeout and the deadline, whichever comes first.
   */
  deadlineAt?: number;
}

const callScopes = new AsyncLocalStorage<CallScope>();

/**
 * Runs `work` (a call of RemoteGraphQLDataSource's, which reaches the fetcher) within `scope`:
 * Apollo Gateway's fetcher signature has no room for a per-call signal, so it travels this way.
 */
export function withCallScope<T>(scope: CallScope, work: () => Promise<T>): Promise<T> {
  return callScopes.run(scope, work);
}

/** Why a call failed before an answer came: the agency's own timeout, the request's deadline, or the connection. */
export class SubgraphFetchError extends Error {
  readonly reason: 'timeout' | 'deadline' | 'unreachable';
  constructor(reason: 'timeout' | 'deadline' | 'unreachable', cause: unknown) {
    super(`subgraph call failed: ${reason}`, { cause });
    this.name = 'SubgraphFetchError';
    this.reason = reason;
  }
}

export interface SubgraphFetcherOptions {
  /** The connection pool every subgraph call goes through: a keep-alive undici Agent shared by all agencies. */
  dispatcher: Dispatcher;
  /**
   * Give up on a call (connecting, waiting, and reading the answer) after this many milliseconds: the agency's timeout.
   */
  timeoutMs: number;
}

/**
 * A fetcher for Apollo Gateway over undici's `request` rather than global fetch: the same
 * connection pooling, without the WHATWG Request, Headers and stream objects fetch builds for
 * every call, which cost about as much again as the call itself for a small query. The answer
 * is read in full before it is returned, so the connection goes back to the pool at once.
 * Redirects are not followed (a subgraph has no reason to redirect, and the caller's token must
 * not follow one): a 3xx is returned as the failed answer it is. A call that fails before its
 * answer is read fails with a SubgraphFetchError saying why: the agency's timeout, the request's
 * deadline (from the call's scope, withCallScope), or the connection.
 */
export function createSubgraphFetcher(options: SubgraphFetcherOptions): SubgraphFetcher {
  return async (url, init = {}) => {
    const scope = callScopes.getStore();
    const remaining = scope?.deadlineAt === undefined ? Infinity : scope.deadlineAt - performance.now();
    // One controller and one timer a call, for whichever of the agency's timeout and the request's
    // deadline comes first (AbortSignal.any costs a composite signal and weak references a call).
    // The timer is cleared once the answer is read, unlike AbortSignal.timeout's.
    const controller = new AbortController();
    let ended: 'timeout' | 'deadline' | undefined;
    const deadlineFirst = remaining < options.timeoutMs;
    const armed = setTimeout(
      () => {
        ended = deadlineFirst ? 'deadline' : 'timeout';
        controller.abort();
      },
      deadlineFirst ? Math.max(0, Math.ceil(remaining)) : options.timeoutMs,
    );
    const abort = () => controller.abort();
    // A signal the caller passed still ends the call.
    const outer = init.signal as AbortSignal | undefined;
    if (outer?.aborted) controller.abort();
    else outer?.addEventListener('abort', abort, { once: true });
    let status: number;
    let statusText: string;
    let headers: Record<string, string | string[] | undefined>;
    let body: string;
    try {
      const response = await request(url, {
        method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
        headers: init.headers,
        body: init.body,
        dispatcher: options.dispatcher,
        signal: controller.signal,
      });
      ({ statusCode: status, statusText, headers } = response);
      body = await response.body.text();
    } catch (error) {
      // The deadline first: when both have passed, the agency's timeout was not what ended the call.
      if (ended === 'deadline') throw new SubgraphFetchError('deadline', error);
      if (ended === 'timeout') throw new SubgraphFetchError('timeout', error);
      throw new SubgraphFetchError('unreachable', error);
    } finally {
      clearTimeout(armed);
      outer?.removeEventListener('abort', abort);
    }
    return new SubgraphResponse(url, status, statusText, new ResponseHeaders(headers), body);
  };
}

/** A fully read answer, behaving as a fetch Response does for what Apollo Gateway uses. */
class SubgraphResponse implements FetcherResponse {
  readonly redirected = false;
  readonly #body: string;
  #bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: FetcherHeaders,
    body: string,
  ) {
    this.#body = body;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get bodyUsed(): boolean {
    return this.#bodyUsed;
  }

  async text(): Promise<string> {
    if (this.#bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    this.#bodyUsed = true;
    return this.#body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(await this.text(), 'utf8');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): FetcherResponse {
    if (this.#bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    return new SubgraphResponse(
      this.url,
      this.status,
      this.statusText,
      new ResponseHeaders(Object.fromEntries(this.headers)),
      this.#body,
    );
  }
}

/** Response headers over undici's plain object (lower-case names), case-insensitive like fetch's Headers. */
class ResponseHeaders implements FetcherHeaders {
  readonly #values = new Map<string, string>();

  constructor(raw: Record<string, string | string[] | undefined>) {
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined) this.#values.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
    }
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const existing = this.#values.get(key);
    this.#values.set(key, existing === undefined ? value : `${existing}, ${value}`);
  }

  delete(name: string): void {
    this.#values.delete(name.toLowerCase());
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.#values.set(name.toLowerCase(), value);
  }

  entries(): IterableIterator<[string, string]> {
    return this.#values.entries();
  }

  keys(): IterableIterator<string> {
    return this.#values.keys();
  }

  values(): IterableIterator<string> {
    return this.#values.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#values.entries();
  }
}
