import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRoute } from '@joined-up/core';
import { contentSecurityPolicy, loadAssets, serveAsset, setSecurityHeaders } from './explorerAssets.ts';
import { prefersHtml } from './prefersHtml.ts';
import { renderExplorerPage } from './renderExplorerPage.ts';

export { prefersHtml } from './prefersHtml.ts';
export { defaultExplorerQuery } from './renderExplorerPage.ts';

export interface ExplorerOptions {
  /** Where the gateway serves GraphQL; a browser GET there gets the explorer page. */
  graphqlPath: string;
  /** The development identity provider, for the demo-user picker; undefined shows a token field. */
  identityProviderUrl: string | undefined;
  /** @default "Joined-up explorer" */
  title?: string;
}

export interface Explorer {
  /** The explorer's static files, by exact path under /explorer/. */
  routes: Record<string, HttpRoute>;
  /** Answers a browser's GET of the GraphQL path with the page; false for everything else. */
  beforeGraphQL: (request: IncomingMessage, response: ServerResponse) => boolean;
}

/**
 * The offline schema explorer: Yoga's self-contained GraphiQL bundle, served from the installed
 * package rather than a CDN (the development machines and CI have no internet), with a bar that
 * signs GraphiQL's requests in as a demo user, because every gateway request needs a token.
 */
export function createExplorer(options: ExplorerOptions): Explorer {
  if (!options.graphqlPath.startsWith('/'))
    throw new Error(`The explorer's graphqlPath must start with "/", not "${options.graphqlPath}".`);
  const identityProvider = options.identityProviderUrl === undefined ? undefined : new URL(options.identityProviderUrl);
  const title = options.title ?? 'Joined-up explorer';
  const assets = loadAssets();
  const policy = contentSecurityPolicy(identityProvider?.origin);
  const page = Buffer.from(renderExplorerPage({ title, graphqlPath: options.graphqlPath, identityProvider, assets }));

  const routes: Record<string, HttpRoute> = {};
  for (const asset of assets.values())
    routes[asset.path] = (request, response) => serveAsset(request, response, asset, policy);

  return {
    routes,
    beforeGraphQL: (request, response) => {
      const method = request.method ?? 'GET';
      if ((method !== 'GET' && method !== 'HEAD') || !prefersHtml(request.headers.accept)) return false;
      response.statusCode = 200;
      response.setHeader('content-type', 'text/html; charset=utf-8');
      // The page is tiny and names the current asset versions, so it is never cached.
      response.setHeader('cache-control', 'no-store');
      response.setHeader('content-length', page.length);
      setSecurityHeaders(response, policy);
      response.end(method === 'HEAD' ? undefined : page);
      return true;
    },
  };
}
