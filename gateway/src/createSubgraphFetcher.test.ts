import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphFetcher, withCallScope } from './createSubgraphFetcher.ts';

describe('createSubgraphFetcher', () => {
  let server: Server;
  let base: string;
  let agent: Agent;
  let connections = 0;
  const received: Array<{ method: string | undefined; headers: IncomingHttpHeaders; body: string }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        received.push({ method: request.method, headers: request.headers, body });
        if (request.url === '/hang') return; // never answers
        if (request.url === '/failing') {
          response.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '5' });
          response.end('agency down for maintenance');
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'set-cookie': ['a=1', 'b=2'] });
        response.end(JSON.stringify({ data: { echo: body } }));
      });
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await agent?.close();
    server.closeAllConnections();
    connections = 0;
    received.length = 0;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends method, headers and body, and answers like a fetch Response', async () => {
    agent = new Agent();
    const fetcher = createSubgraphFetcher({ dispatcher: agent, timeoutMs: 5_000 });
    const response = await fetcher(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer the-callers-token',
        'x-request-id': 'req-1',
      },
      body: '{"query":"{ a }"}',
    });
    expect(received[0]).toMatchObject({
      method: 'POST',
      body: '{"query":"{ a }"}',
      headers: { authorization: 'Bearer the-callers-token', 'x-request-id': 'req-1' },
    });
    expect(response).toMatchObject({
      ok: true,
      status: 200,
      statusText: 'OK',
      url: `${base}/graphql`,
      redirected: false,
      bodyUsed: false,
    });
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(response.headers.has('x-missing')).toBe(false);
    const copy = response.clone();
    expect(await response.json()).toEqual({ data: { echo: '{"query":"{ a }"}' } });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(new TextDecoder().decode(await copy.arrayBuffer())).toBe('{"data":{"echo":"{\\"query\\":\\"{ a }\\"}"}}');
  });

  it('keeps connections alive: sequential calls reuse them instead of connecting each time', async () => {
    agent = new Agent();
    const fetcher = createSubgraphFetcher({ dispatcher: agent, timeoutMs: 5_000 });
    // undici's pool may open a second connection while the first is being handed back, and then
    // alternates between the two; it never needs more for calls made one after another.
    for (let call = 0; call < 6; call += 1) {
      const response = await fetcher(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"call":${call}}`,
      });
      expect(await response.json()).toEqual({ data: { echo: `{"call":${call}}` } });
    }
    expect(received).toHaveLength(6);
    expect(connections).toBeGreaterThanOrEqual(1);
    expect(connections).toBeLessThanOrEqual(2);
  });

  it('passes a failed answer through with its status and body, for the data source to turn into an error', async () => {
    agent = new Agent();
    const response = await createSubgraphFetcher({ dispatcher: agent, timeoutMs: 5_000 })(`${base}/failing`, {
      method: 'POST',
      headers: {},
      body: '{}',
    });
    expect(response).toMatchObject({ ok: false, status: 503, statusText: 'Service Unavailable' });
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.text()).toBe('agency down for maintenance');
  });

  it("gives up with a timeout when the subgraph does not answer within the agency's time", async () => {
    agent = new Agent();
    const started = performance.now();
    await expect(
      createSubgraphFetcher({ dispatcher: agent, timeoutMs: 200 })(`${base}/hang`, {
        method: 'POST',
        headers: {},
        body: '{}',
      }),
    ).rejects.toMatchObject({ name: 'SubgraphFetchError', reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("gives up when the request's deadline passes first, and says so", async () => {
    agent = new Agent();
    const started = performance.now();
    await expect(
      withCallScope({ deadlineAt: performance.now() + 100 }, () =>
        createSubgraphFetcher({ dispatcher: agent, timeoutMs: 5_000 })(`${base}/hang`, {
          method: 'POST',
          headers: {},
          body: '{}',
        }),
      ),
    ).rejects.toMatchObject({ name: 'SubgraphFetchError', reason: 'deadline' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('fails when nothing listens', async () => {
    agent = new Agent();
    await expect(
      createSubgraphFetcher({ dispatcher: agent, timeoutMs: 5_000 })('http://127.0.0.1:9/graphql', {
        method: 'POST',
        headers: {},
        body: '{}',
      }),
    ).rejects.toMatchObject({ reason: 'unreachable', cause: { code: 'ECONNREFUSED' } });
  });
});
