import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type HttpRoute, sendError } from '@joined-up/kit';

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

/** Sam's record: the query a new developer sees first. */
export const defaultExplorerQuery = `query SamsRecord {
  person(nhsNumber: "9990000018") {
    nhsNumber
    name {
      full
    }
    dateOfBirth
    gpPractice {
      name
    }
    problems {
      code {
        display
      }
    }
  }
}
`;

const defaultUser = 'gp';
const assetPrefix = '/explorer/';

/**
 * The offline schema explorer: Yoga's self-contained GraphiQL bundle, served from the installed
 * package rather than a CDN (the development machines and CI have no internet), with a bar that
 * signs GraphiQL's requests in as a demo user, because every gateway request needs a token.
 */
export function createExplorer(options: ExplorerOptions): Explorer {
  if (!options.graphqlPath.startsWith('/')) throw new Error(`The explorer's graphqlPath must start with "/", not "${options.graphqlPath}".`);
  const identityProvider = options.identityProviderUrl === undefined ? undefined : new URL(options.identityProviderUrl);
  const title = options.title ?? 'Joined-up explorer';
  const assets = loadAssets();
  const policy = contentSecurityPolicy(identityProvider?.origin);
  const page = Buffer.from(renderPage({ title, graphqlPath: options.graphqlPath, identityProvider, assets }));

  const routes: Record<string, HttpRoute> = {};
  for (const asset of assets.values()) routes[asset.path] = (request, response) => serveAsset(request, response, asset, policy);

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

interface Asset {
  path: string;
  contentType: string;
  body: Buffer;
  version: string;
  gzipped?: Buffer;
}

function loadAssets(): Map<string, Asset> {
  // Resolved through Node's module resolution, so hoisting or a workspace-local install both work.
  const packageJson = createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json');
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
    ['explorer.js', javascript, Buffer.from(clientScript)],
    ['explorer.css', css, Buffer.from(clientStyles)],
  ];
  return new Map(
    sources.map(([name, contentType, body]) => [
      name,
      { path: assetPrefix + name, contentType, body, version: createHash('sha256').update(body).digest('hex').slice(0, 16) },
    ]),
  );
}

function serveAsset(request: IncomingMessage, response: ServerResponse, asset: Asset, policy: string): void {
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return sendError(response, 405, 'BAD_REQUEST', `${asset.path} answers GET only.`);
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
function contentSecurityPolicy(identityProviderOrigin: string | undefined): string {
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

function setSecurityHeaders(response: ServerResponse, policy: string): void {
  response.setHeader('content-security-policy', policy);
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
}

/** True when the Accept header ranks text/html above every GraphQL response type. */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = accept.split(',').map((part) => {
    const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { type, quality: Number.isFinite(quality) ? quality : 0 };
  });
  // RFC 9110: the most specific matching range decides a type's quality.
  const qualityOf = (mediaType: string): number => {
    const major = mediaType.split('/')[0];
    let best = { specificity: -1, quality: 0 };
    for (const range of ranges) {
      const specificity = range.type === mediaType ? 2 : range.type === `${major}/*` ? 1 : range.type === '*/*' ? 0 : -1;
      if (specificity > best.specificity) best = { specificity, quality: range.quality };
    }
    return best.quality;
  };
  const html = qualityOf('text/html');
  return html > 0 && html > Math.max(qualityOf('application/json'), qualityOf('application/graphql-response+json'));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** JSON for a <script type="application/json"> element: "<" escaped so "</script>" cannot end it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

interface PageInput {
  title: string;
  graphqlPath: string;
  identityProvider: URL | undefined;
  assets: Map<string, Asset>;
}

function renderPage({ title, graphqlPath, identityProvider, assets }: PageInput): string {
  const url = (name: string): string => {
    const asset = assets.get(name);
    if (!asset) throw new Error(`No explorer asset ${name}`);
    return `${asset.path}?v=${asset.version}`;
  };
  const base = identityProvider?.href.replace(/\/+$/, '');
  const config = {
    graphqlPath,
    defaultQuery: defaultExplorerQuery,
    // Yoga's bundle renders a string title as HTML, so it gets the escaped form.
    titleHtml: escapeHtml(title),
    workers: { editorWorkerService: url('editor.worker.js'), json: url('json.worker.js'), graphql: url('graphql.worker.js') },
    identity: base ? { usersUrl: `${base}/users`, tokenUrl: `${base}/token`, defaultUser } : null,
  };
  const signIn = base
    ? `<label for="explorer-user">Demo user</label>
    <select id="explorer-user"><option value="${escapeHtml(defaultUser)}" selected>${escapeHtml(defaultUser)}</option></select>`
    : `<form id="explorer-token-form">
      <label for="explorer-token">Bearer token</label>
      <input id="explorer-token" type="password" autocomplete="off" spellcheck="false" placeholder="Paste an access token">
      <button type="submit">Use token</button>
    </form>`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${url('graphiql.css')}">
  <link rel="stylesheet" href="${url('explorer.css')}">
</head>
<body>
  <header id="explorer-bar">
    <strong class="explorer-title">${escapeHtml(title)}</strong>
    ${signIn}
    <span id="explorer-status" role="status" aria-live="polite"></span>
  </header>
  <main id="graphiql"><p class="explorer-loading">Loading the explorer…</p></main>
  <noscript>The explorer needs JavaScript.</noscript>
  <script type="application/json" id="explorer-config">${scriptJson(config)}</script>
  <script src="${url('yoga-graphiql.js')}"></script>
  <script src="${url('explorer.js')}"></script>
</body>
</html>
`;
}

const clientStyles = `html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
#explorer-bar {
  display: flex; align-items: center; gap: 0.6rem; flex-wrap: wrap;
  padding: 0.4rem 1rem; font-size: 0.9rem;
  background: #f3f4f7; color: #1b2240; border-bottom: 1px solid #d9dce5;
}
#explorer-bar form { display: contents; }
#explorer-bar select, #explorer-bar input, #explorer-bar button { font: inherit; padding: 0.15rem 0.4rem; }
#explorer-bar input { width: 22rem; max-width: 50vw; }
.explorer-title { margin-right: 0.8rem; }
#explorer-status { color: #4a5068; }
#explorer-status.explorer-error { color: #b00020; }
#graphiql { flex: 1; min-height: 0; }
/* Yoga's stylesheet sizes GraphiQL to the whole viewport; here it shares it with the bar. */
#graphiql .graphiql-container { height: 100%; width: 100%; }
.explorer-loading { padding: 1rem; }
body.graphiql-dark #explorer-bar { background: #1b2240; color: #f3f4f7; border-color: #2f3759; }
body.graphiql-dark #explorer-status { color: #c5c9d8; }
@media (prefers-color-scheme: dark) {
  body:not(.graphiql-light) #explorer-bar { background: #1b2240; color: #f3f4f7; border-color: #2f3759; }
  body:not(.graphiql-light) #explorer-status { color: #c5c9d8; }
}
`;

// Browser code, served as /explorer/explorer.js so the CSP needs no 'unsafe-inline' scripts.
// It reads its settings from the JSON element and only ever writes text (never HTML) to the page.
const clientScript = `(() => {
  'use strict';
  const config = JSON.parse(document.getElementById('explorer-config').textContent);
  const status = document.getElementById('explorer-status');
  const setStatus = (text, isError) => {
    status.textContent = text;
    status.classList.toggle('explorer-error', Boolean(isError));
  };

  // Monaco starts its language workers from these same-origin files, never from a CDN.
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: (_moduleId, label) => config.workers[label] || config.workers.editorWorkerService,
  };

  // Every request GraphiQL makes (introspection for the docs included) waits for this, so the
  // first one already carries a token.
  let settleFirst;
  let authorization = new Promise((resolve) => { settleFirst = resolve; });
  const useAuthorization = (pending) => {
    authorization = pending;
    if (settleFirst) { const settle = settleFirst; settleFirst = undefined; pending.then(settle); }
  };

  const fetcher = async (params, options) => {
    const headers = { accept: 'application/graphql-response+json, application/json', 'content-type': 'application/json' };
    const bearer = await authorization;
    if (bearer) headers.authorization = bearer;
    // Headers typed into GraphiQL's headers editor win, so a developer can try another token.
    for (const [name, value] of Object.entries((options && options.headers) || {})) headers[name.toLowerCase()] = String(value);
    const response = await fetch(config.graphqlPath, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify({ query: params.query, operationName: params.operationName || undefined, variables: params.variables || undefined }),
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: 'HTTP ' + response.status + ': ' + text.slice(0, 500) }] };
    }
  };

  const errorMessage = (body, response) =>
    (body && body.errors && body.errors[0] && body.errors[0].message) || 'HTTP ' + response.status;

  if (config.identity) {
    const select = document.getElementById('explorer-user');
    const storageKey = 'joined-up.explorer.user';
    let current = config.identity.defaultUser;
    try { current = localStorage.getItem(storageKey) || current; } catch {}
    const requestToken = async (username) => {
      const response = await fetch(config.identity.tokenUrl + '?user=' + encodeURIComponent(username));
      const body = await response.json().catch(() => undefined);
      if (!response.ok || !body || typeof body.access_token !== 'string') throw new Error(errorMessage(body, response));
      return 'Bearer ' + body.access_token;
    };
    // Says whose token GraphiQL sends, with the identity provider's description of that user.
    let signedIn;
    const describe = () => {
      if (!signedIn) return;
      const option = [...select.options].find((candidate) => candidate.value === signedIn);
      setStatus('Signed in as ' + signedIn + (option && option.title ? ': ' + option.title : '') + '.');
    };
    let latest = 0;
    const signIn = (username, fallback) => {
      const attempt = ++latest;
      current = username;
      setStatus('Signing in as ' + username + '…');
      const pending = requestToken(username)
        .catch((error) => {
          // A remembered user the identity provider no longer knows falls back to the default.
          if (!fallback || fallback === username) throw error;
          current = fallback;
          select.value = fallback;
          return requestToken(fallback);
        })
        .then(
          (bearer) => {
            if (attempt === latest) {
              signedIn = current;
              describe();
              try { localStorage.setItem(storageKey, current); } catch {}
            }
            return bearer;
          },
          (error) => {
            if (attempt === latest) setStatus('No token for ' + current + ': ' + error.message, true);
            return undefined;
          },
        );
      useAuthorization(pending);
    };
    select.options[0].value = current;
    select.options[0].textContent = current;
    signIn(current, config.identity.defaultUser);
    fetch(config.identity.usersUrl)
      .then(async (response) => {
        const users = await response.json();
        if (!response.ok || !Array.isArray(users)) throw new Error(errorMessage(users, response));
        select.replaceChildren(...users.map((user) => {
          const option = document.createElement('option');
          option.value = String(user.username);
          option.textContent = user.name + ' (' + user.username + '), ' + user.organisation;
          option.title = String(user.description || '');
          return option;
        }));
        select.value = current;
        if (signedIn === current) describe();
      })
      .catch((error) => setStatus('Could not list the demo users: ' + error.message, true));
    select.addEventListener('change', () => signIn(select.value));
  } else {
    // Production-like: no demo identity provider, so the developer pastes a token of their own.
    // It is kept in memory only.
    const form = document.getElementById('explorer-token-form');
    const input = document.getElementById('explorer-token');
    setStatus('Paste a bearer token to load the schema.');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const token = input.value.trim().replace(/^Bearer\\s+/i, '');
      if (!token) return setStatus('Paste a token first.', true);
      useAuthorization(Promise.resolve('Bearer ' + token));
      setStatus('GraphiQL sends the pasted token.');
    });
  }

  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('graphiql'), {
    title: config.titleHtml,
    // The bundle's initial editor text is "query"; "defaultQuery" fills new tabs.
    query: config.defaultQuery,
    defaultQuery: config.defaultQuery,
    fetcher,
  });
})();
`;
