import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { requestTargetOf, sendError, sendJson, type Logger } from '@joined-up/core';
import type { AppClientConfig } from './AppClientConfig.ts';
import { contentSecurityPolicy } from './contentSecurityPolicy.ts';
import { createCompressor, type Encoded } from './createCompressor.ts';

export interface AppServerOptions {
  /** The built app (`vite build`'s output), served as it is. */
  distDir: string;
  /** Put in the page at load. */
  config: AppClientConfig;
  logger: Logger;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const acceptEncoding = (request: IncomingMessage) => request.headers['accept-encoding'];

/** The page's config as the JSON element index.html carries, safe inside HTML (no "</script>"). */
export function configElement(config: AppClientConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<script type="application/json" id="app-config">${json}</script>`;
}

/**
 * Serves the built web app: files under /assets/ by their hashed names (cached for a year), and
 * index.html, with the config put in, for every other page path, so that a link to
 * /people/9990000018 opens the app at that page. Every answer carries a strict Content Security
 * Policy: scripts and styles from this origin only, calls to the gateway and the identity provider only.
 */
export function createAppServer(options: AppServerOptions): RequestListener {
  const indexPath = join(options.distDir, 'index.html');
  if (!existsSync(indexPath))
    throw new Error(`No built app at ${options.distDir}: run \`npm run build -w @joined-up/app\`.`);
  const page = Buffer.from(readFileSync(indexPath, 'utf8').replace('<!--app-config-->', configElement(options.config)));
  const policy = contentSecurityPolicy(options.config);
  const root = normalize(options.distDir + sep);
  const compress = createCompressor();
  return (request, response) => {
    try {
      serve(request, response);
    } catch (error) {
      options.logger.error({ err: error }, 'app request failed');
      if (!response.headersSent) sendError(response, 'INTERNAL_SERVER_ERROR', 'Something failed on our side.');
    }
  };

  function serve(request: IncomingMessage, response: ServerResponse): void {
    const target = requestTargetOf(request.url);
    if (!target) return sendError(response, 'BAD_REQUEST', 'The request target is not a path.');
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendError(response, 'BAD_REQUEST', 'The app serves pages: GET or HEAD only.', 405);
    if (target.pathname === '/health') return sendJson(response, 200, { status: 'ok', service: 'app' });
    response.setHeader('content-security-policy', policy);
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    let pathname: string;
    try {
      pathname = decodeURIComponent(target.pathname);
    } catch {
      return sendError(response, 'BAD_REQUEST', 'The path is not valid percent-encoding.');
    }
    const file = normalize(join(root, pathname));
    const isFile = file.startsWith(root) && file !== indexPath && existsSync(file) && statSync(file).isFile();
    if (isFile) {
      response.statusCode = 200;
      response.setHeader('content-type', contentTypes[extname(file)] ?? 'application/octet-stream');
      // Vite names built assets by their content's hash: a changed file is a new name.
      response.setHeader(
        'cache-control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      );
      return send(request, response, compress(file, extname(file), readFileSync(file), acceptEncoding(request)));
    }
    // A missing asset is a 404; anything else is a page of the app.
    if (pathname.startsWith('/assets/') || extname(pathname) !== '')
      return sendError(response, 'NOT_FOUND', 'Nothing is served at that path.');
    response.statusCode = 200;
    response.setHeader('content-type', 'text/html; charset=utf-8');
    // The page names the current assets and carries the config: never cached.
    response.setHeader('cache-control', 'no-store');
    send(request, response, compress(indexPath, '.html', page, acceptEncoding(request)));
  }

  function send(request: IncomingMessage, response: ServerResponse, encoded: Encoded): void {
    // Caches between the app and the browser must keep each encoding apart.
    response.setHeader('vary', 'accept-encoding');
    if (encoded.encoding) response.setHeader('content-encoding', encoded.encoding);
    response.setHeader('content-length', encoded.body.length);
    response.end(request.method === 'HEAD' ? undefined : encoded.body);
  }
}
