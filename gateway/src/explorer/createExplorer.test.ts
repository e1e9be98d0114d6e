import type { IncomingMessage, ServerResponse } from 'node:http';
import { Script } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { ApolloServer } from '@apollo/server';
import { createHttpHandler, createLogger, listen, type RunningServer } from '@joined-up/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExplorer, prefersHtml } from './createExplorer.ts';

const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

// The explorer behind the kit's real HTTP handler, as the gateway mounts it.
async function startServer(
  explorer: ReturnType<typeof createExplorer>,
): Promise<{ server: RunningServer; stop(): Promise<void> }> {
  const apollo = new ApolloServer({
    typeDefs: 'type Query { hello: String }',
    resolvers: { Query: { hello: () => 'world' } },
  });
  await apollo.start();
  const server = await listen(
    createHttpHandler({
      apollo,
      logger: createLogger('explorer-test', 'silent'),
      context: async () => ({}),
      routes: explorer.routes,
      beforeGraphQL: (request, response) => explorer.beforeGraphQL(request, response),
    }),
    0,
  );
  return {
    server,
    stop: async () => {
      await server.stop();
      await apollo.stop();
    },
  };
}

describe('createExplorer', () => {
  const explorer = createExplorer({
    graphqlPath: '/graphql',
    identityProviderUrl: 'http://localhost:4100',
    title: 'Test explorer',
  });
  let running: Awaited<ReturnType<typeof startServer>>;
  let base: string;

  beforeAll(async () => {
    running = await startServer(explorer);
    base = `http://localhost:${running.server.port}`;
  });
  afterAll(() => running.stop());

  it('serves the page to a browser GET of the GraphQL path', async () => {
    const response = await fetch(`${base}/graphql?query=%7Bhello%7D`, { headers: { accept: browserAccept } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self' http://localhost:4100");
    const html = await response.text();
    expect(html).toContain('<title>Test explorer</title>');
    expect(html).toContain('id="explorer-user"');
    expect(html).not.toContain('https://');
    // Every script and stylesheet is one of the explorer's own routes.
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(references.length).toBeGreaterThanOrEqual(5);
    for (const reference of references) {
      if (reference === 'data:,') continue;
      expect(Object.keys(explorer.routes)).toContain(reference.split('?')[0]);
    }
  });

  it('answers HEAD for the page without a body', async () => {
    const response = await fetch(`${base}/graphql`, { method: 'HEAD', headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it('leaves GraphQL GET and POST to Apollo', async () => {
    const get = await fetch(`${base}/graphql?query=%7Bhello%7D`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(get.headers.get('content-type')).toContain('application/json');
    expect(await get.json()).toEqual({ data: { hello: 'world' } });
    const post = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { accept: browserAccept, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(post.headers.get('content-type')).toContain('application/json');
    expect(await post.json()).toEqual({ data: { hello: 'world' } });
  });

  it('returns false, writing nothing, for anything but a browser GET', () => {
    const call = (method: string, accept: string | undefined): boolean => {
      let written = false;
      const response = { setHeader: () => (written = true), end: () => (written = true) } as unknown as ServerResponse;
      const answered = explorer.beforeGraphQL(
        { method, headers: accept ? { accept } : {} } as IncomingMessage,
        response,
      );
      expect(written).toBe(answered);
      return answered;
    };
    expect(call('GET', browserAccept)).toBe(true);
    expect(call('POST', browserAccept)).toBe(false);
    expect(call('GET', 'application/json')).toBe(false);
    expect(call('GET', 'application/graphql-response+json, application/json;q=0.9')).toBe(false);
    expect(call('GET', '*/*')).toBe(false);
    expect(call('GET', undefined)).toBe(false);
    expect(call('OPTIONS', browserAccept)).toBe(false);
  });

  it.each([
    ['/explorer/yoga-graphiql.js', 'text/javascript; charset=utf-8', 'renderYogaGraphiQL'],
    ['/explorer/graphiql.css', 'text/css; charset=utf-8', '.graphiql-container'],
    ['/explorer/editor.worker.js', 'text/javascript; charset=utf-8', ''],
    ['/explorer/json.worker.js', 'text/javascript; charset=utf-8', ''],
    ['/explorer/graphql.worker.js', 'text/javascript; charset=utf-8', ''],
    ['/explorer/explorer.js', 'text/javascript; charset=utf-8', 'MonacoEnvironment'],
    ['/explorer/explorer.css', 'text/css; charset=utf-8', '#explorer-bar'],
  ])('serves %s as %s with a long cache lifetime', async (path, contentType, marker) => {
    const response = await fetch(`${base}${path}?v=anything`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await response.text();
    expect(body.length).toBeGreaterThan(100);
    expect(body).toContain(marker);
    // A repeat visit with the ETag costs nothing.
    const again = await fetch(`${base}${path}`, { headers: { 'if-none-match': response.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });

  it('compresses the large bundle when the client accepts gzip', async () => {
    const { request } = await import('node:http');
    const { headers, body } = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>(
      (resolve, reject) => {
        request(`${base}/explorer/yoga-graphiql.js`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      },
    );
    expect(headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(body).toString('utf8')).toContain('renderYogaGraphiQL');
    expect(body.length).toBeLessThan(2_000_000);
  });

  it('refuses to change an asset', async () => {
    const response = await fetch(`${base}/explorer/explorer.js`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('serves nothing at a path it does not know', async () => {
    const response = await fetch(`${base}/explorer/nope.js`);
    expect(response.status).toBe(404);
    expect(explorer.routes['/explorer/nope.js']).toBeUndefined();
  });

  it('ships browser code that parses', async () => {
    const code = await (await fetch(`${base}/explorer/explorer.js`)).text();
    expect(() => new Script(code)).not.toThrow();
  });
});

describe('createExplorer without an identity provider', () => {
  it('asks for a pasted token and allows connections to its own origin only', async () => {
    const explorer = createExplorer({ graphqlPath: '/graphql', identityProviderUrl: undefined });
    const running = await startServer(explorer);
    try {
      const response = await fetch(`http://localhost:${running.server.port}/graphql`, {
        headers: { accept: browserAccept },
      });
      const html = await response.text();
      expect(html).toContain('id="explorer-token"');
      expect(html).not.toContain('id="explorer-user"');
      expect(html).toContain('"identity":null');
      expect(response.headers.get('content-security-policy')).toContain("connect-src 'self';");
    } finally {
      await running.stop();
    }
  });
});

describe('createExplorer escaping', () => {
  it('escapes the title in HTML and in the page settings', () => {
    const explorer = createExplorer({
      graphqlPath: '/graphql',
      identityProviderUrl: undefined,
      title: '</script><script>alert("x")</script>',
    });
    let html = '';
    const response = {
      statusCode: 0,
      setHeader: () => undefined,
      end: (body?: Buffer) => (html = body?.toString('utf8') ?? ''),
    } as unknown as ServerResponse;
    explorer.beforeGraphQL({ method: 'GET', headers: { accept: 'text/html' } } as IncomingMessage, response);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&#60;/script&#62;&#60;script&#62;alert(&#34;x&#34;)');
    // Inside the JSON settings, "<" is escaped so nothing can close the script element.
    const settings = /<script type="application\/json" id="explorer-config">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(settings).titleHtml).toBe('&#60;/script&#62;&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
  });

  it('refuses a GraphQL path that is not absolute', () => {
    expect(() => createExplorer({ graphqlPath: 'graphql', identityProviderUrl: undefined })).toThrow(/must start with/);
  });
});

describe('prefersHtml', () => {
  it.each([
    [browserAccept, true],
    ['text/html', true],
    ['text/*', true],
    ['text/html;q=0.5, application/json', false],
    ['application/json, text/html;q=0.9', false],
    ['*/*', false],
    ['text/html;q=0', false],
    ['', false],
  ])('%j → %s', (accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });
});
