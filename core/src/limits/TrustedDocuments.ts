import type { HTTPGraphQLRequest } from '@apollo/server';
import { createRequestError } from '../errorCodes.ts';
import type { GraphQLError } from 'graphql';

/** The registered operations a gateway serves by id: trusted documents. */
export interface TrustedDocumentsOptions {
  /** Each registered operation (schema/operations/): its id, the sha256 of its body in hex, and the body. */
  documents: ReadonlyArray<{ id: string; body: string }>;
  /**
   * Refuse an operation sent as text unless the text is a registered body, as Apollo Router's
   * safelisting and Hive Gateway's trusted documents can: a production gateway that serves only
   * its own clients then runs nothing they were not built with.
   * @default false
   */
  refuseUnregistered?: boolean;
}

/** A request made ready for Apollo: an id swapped for its registered text, or the error refusing it. */
export type ResolvedRequest = { request: HTTPGraphQLRequest; refusal?: undefined } | { refusal: GraphQLError };

/**
 * Serves registered operations by id. A client sends `{ "documentId": "<id>", "variables": ... }`
 * (the GraphQL over HTTP persisted-documents form that Hive Gateway and urql use; a `sha256:`
 * prefix is accepted) or Apollo's `extensions.persistedQuery.sha256Hash`, and the registered text
 * takes the id's place before Apollo sees the request. Unlike automatic persisted queries, an id
 * is never learnt from a client: only what is registered is known, so an unknown id is refused.
 */
export class TrustedDocuments {
  readonly #byId: ReadonlyMap<string, string>;
  readonly #bodies: ReadonlySet<string>;
  readonly refuseUnregistered: boolean;

  constructor(options: TrustedDocumentsOptions) {
    this.#byId = new Map(options.documents.map(({ id, body }) => [id, body]));
    this.#bodies = new Set(options.documents.map(({ body }) => body));
    this.refuseUnregistered = options.refuseUnregistered ?? false;
  }

  /** How many operations are registered. */
  get size(): number {
    return this.#byId.size;
  }

  /** Whether an operation's text is exactly a registered body (and so was reviewed when registered). */
  isRegistered(query: string): boolean {
    return this.#bodies.has(query);
  }

  /** The request with each registered id replaced by its text, or the error that refuses it. */
  resolve(request: HTTPGraphQLRequest): ResolvedRequest {
    if (request.method === 'GET') return this.#resolveGet(request);
    if (request.method !== 'POST') return { request };
    if (Array.isArray(request.body)) {
      const bodies: unknown[] = [];
      for (const body of request.body as unknown[]) {
        const resolved = this.#resolveBody(body);
        if ('refusal' in resolved) return { refusal: resolved.refusal };
        bodies.push(resolved.body);
      }
      return { request: { ...request, body: bodies } };
    }
    const resolved = this.#resolveBody(request.body);
    return 'refusal' in resolved ? { refusal: resolved.refusal } : { request: { ...request, body: resolved.body } };
  }

  #resolveGet(request: HTTPGraphQLRequest): ResolvedRequest {
    const search = new URLSearchParams(request.search);
    const documentId = search.get('documentId');
    if (documentId === null) {
      const query = search.get('query');
      const refusal = query === null ? undefined : this.#refuseText(query);
      return refusal ? { refusal } : { request };
    }
    const body = this.#byId.get(documentId.replace(/^sha256:/, ''));
    if (body === undefined || search.has('query')) return { refusal: this.#unknown(search.has('query')) };
    search.delete('documentId');
    search.set('query', body);
    return { request: { ...request, search: `?${search.toString()}` } };
  }

  #resolveBody(body: unknown): { body: unknown } | { refusal: GraphQLError } {
    if (typeof body !== 'object' || body === null) return { body };
    const { documentId, extensions, query, ...rest } = body as Record<string, unknown>;
    const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
    const id =
      typeof documentId === 'string'
        ? documentId.replace(/^sha256:/, '')
        : typeof persisted?.sha256Hash === 'string'
          ? persisted.sha256Hash
          : undefined;
    if (id === undefined) {
      const refusal = typeof query === 'string' ? this.#refuseText(query) : undefined;
      return refusal ? { refusal } : { body };
    }
    const registered = this.#byId.get(id);
    // An id and a text together could disagree; which one ran would be a guess, so neither does.
    if (registered === undefined || query !== undefined) return { refusal: this.#unknown(query !== undefined) };
    // The persisted-query extension is taken out: Apollo Server would otherwise treat it as an
    // automatic persisted query of its own.
    const { persistedQuery: _persisted, ...otherExtensions } = (extensions ?? {}) as Record<string, unknown>;
    return {
      body: {
        ...rest,
        query: registered,
        ...(Object.keys(otherExtensions).length > 0 ? { extensions: otherExtensions } : {}),
      },
    };
  }

  #refuseText(query: string): GraphQLError | undefined {
    if (!this.refuseUnregistered || this.#bodies.has(query)) return undefined;
    return createRequestError(
      'OPERATION_NOT_REGISTERED',
      'This gateway runs registered operations only: ' +
        'send the id of one registered under schema/operations/ as documentId.',
    );
  }

  #unknown(withText: boolean): GraphQLError {
    return withText
      ? createRequestError(
          'BAD_REQUEST',
          'Send either a registered operation id (documentId) or an operation text (query), not both.',
        )
      : createRequestError(
          'PERSISTED_QUERY_NOT_FOUND',
          'No operation with that id is registered with this gateway (schema/operations/).',
        );
  }
}
