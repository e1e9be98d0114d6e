import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sendError } from '@joined-up/core';

const assetPrefix = '/explorer/';

/** A static file of the explorer, with the content hash its URL carries. */
export interface Asset {
  path: string;
  contentType: string;
  body: Buffer;
  version: string;
  gzipped?: Buffer;
}

/** GraphiQL's bundle, styles and Monaco workers from the installed package, and the bar's own files. */
export function loadAssets(): Map<string, Asset> {
  // Resolved through Node's module resolution, so hoisting or a workspace-local install both work.
  let packageJson: string;
  try {
    packageJson = createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json');
  } catch (error) {
    // An optional dependency: production images leave it out, since production serves no explorer.
    throw new Error('The explorer needs @graphql-yoga/graphiql, which is not installed here (npm install adds it).', {
      cause: error,
    });
  }
  const dist = join(dirname(packageJson), 'dist');
  const workers = join(dist, 'monacoeditorwork');
  // 4.5.0 publishes "graphql.worker..bundle.js" (sic); match any number of dots to survive a fix.
  const graphqlWorker = readdirSync(workers).find((name) => /^graphql\.worker\.+bundle\.js$/.test(name));
  if (!graphqlWorker) throw new Error(`No GraphQL language worker in ${workers}.`);
  const javascript = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  const sources: Array<[name: string, contentType: string, body: Buffer]> = [
    ['yoga-graphiql.js', javascript, readFileSync(join(dist, 'yoga-graphiql.umd.js'))],
    ['graphiql.css', css, readFileSync(join(dist, 'graphiql.css'))],
    ['editor.worker.js', javascript, readFileSync(join(workers, 'editor.worker.bundle.js'))],
    ['json.worker.js', javascript, readFileSync(join(workers, 'json.worker.bundle.js'))],
    ['graphql.worker.js', javascript, readFileSync(join(workers, graphqlWorker))],
    ['explorer.js', javascript, readFileSync(new URL('../../assets/explorerClient.js', import.meta.url))],
    ['explorer.css', css, readFileSync(new URL('../../assets/explorerClient.css', import.meta.url))],
  ];
  return new Map(
    sources.map(([name, contentType, body]) => [
      name,
      {
        path: assetPrefix + name,
        contentType,
        body,
        version: createHash('sha256').update(body).digest('hex').slice(0, 16),
      },
    ]),
  );
}

export function serveAsset(request: IncomingMessage, response: ServerResponse, asset: Asset, policy: string): void {
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return sendError(response, 'BAD_REQUEST', `${asset.path} answers GET only.`, 405);
  }
  const etag = `"${asset.version}"`;
  response.setHeader('content-type', asset.contentType);
  // The page asks for each file with ?v=<content hash>, so a new package version is a new URL.
  response.setHeader('cache-control', 'public, max-age=31536000, immutable');
  response.setHeader('etag', etag);
  response.setHeader('vary', 'accept-encoding');
  // Workers take their CSP from their own response, so the assets carry the page's policy too.
  setSecurityHeaders(response, policy);
  if (request.headers['if-none-match'] === etag) {
    response.statusCode = 304;
    response.end();
    return;
  }
  let body = asset.body;
  if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    // The bundle is 5 MB; compressed once, on first use, it is about a fifth of that.
    asset.gzipped ??= gzipSync(asset.body);
    body = asset.gzipped;
    response.setHeader('content-encoding', 'gzip');
  }
  response.statusCode = 200;
  response.setHeader('content-length', body.length);
  response.end(method === 'HEAD' ? undefined : body);
}

/**
 * Only this origin, plus the identity provider for tokens. Inline styles are allowed because
 * React, Radix and Monaco set style attributes and inject <style> elements; scripts are not.
 * Fonts and icons in graphiql.css are data: URLs.
 */
export function contentSecurityPolicy(identityProviderOrigin: string | undefined): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${identityProviderOrigin ? ` ${identityProviderOrigin}` : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function setSecurityHeaders(response: ServerResponse, policy: string): void {
  response.setHeader('content-security-policy', policy);
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
}
