/**
 * Where the gateway gets its supergraph: SDL text, served as given for the gateway's lifetime; a
 * file, read at start and watched; or a URL, fetched at start and polled. A watched or polled
 * supergraph replaces the served one only once it builds (see createSupergraphHook).
 */
export type SupergraphSource =
  | { sdl: string }
  | {
      path: string;
      /** Quiet time after the last change to the file's folder before it is read again. @default 250 */
      debounceMs?: number;
    }
  | {
      url: string;
      /** Time between the end of one fetch and the start of the next. @default 10_000 */
      pollIntervalMs?: number;
      /** Give up on one fetch after this long; the next poll tries again. @default 5_000 */
      timeoutMs?: number;
    };

/** The supergraph being served: a short hash of the SDL as its source holds it, and when it was loaded. */
export interface ServedSupergraph {
  /** The first 12 hex digits of the SDL's SHA-256 (`sha256sum schema/supergraph.graphql | cut -c1-12`). */
  id: string;
  /** ISO 8601. */
  loadedAt: string;
}

/** The source as logs show it: the path, or the URL without credentials, query or fragment. */
export function describeSupergraphSource(source: SupergraphSource): string {
  if ('path' in source) return source.path;
  if ('url' in source) {
    const url = new URL(source.url);
    return `${url.origin}${url.pathname}`;
  }
  return 'static SDL';
}
