import { connect } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpHandler, requestTargetOf } from './createHttpHandler.ts';
import { createLogger } from './createLogger.ts';
import { listen, type RunningServer } from './listen.ts';

/** Sends raw bytes, as no HTTP client would, and returns the status line's code and the body. */
async function sendRaw(port: number, raw: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      resolve({ status, body: received.slice(received.indexOf('\r\n\r\n') + 4) });
    });
    socket.end(raw);
  });
}

// Apollo's CSRF prevention answers a GET only with this header.
const preflight = 'Apollo-Require-Preflight: true\r\n';

describe('createHttpHandler', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const apollo = new ApolloServer({
      typeDefs: 'type Query { hello: String }',
      resolvers: { Query: { hello: () => 'hi' } },
    });
    await apollo.start();
    const listener = createHttpHandler({
      apollo,
      context: async () => ({}),
      logger: createLogger('test', 'silent'),
      routes: {
        '/throws': () => {
          throw new Error('a route that throws');
        },
        '/rejects': async () => Promise.reject(new Error('a route that rejects')),
      },
    });
    server = await listen(listener, 0, '/graphql', () => apollo.stop());
  });
  afterAll(() => server?.stop());

  it('answers request targets that new URL() throws on, and the process goes on serving', async () => {
    for (const [target, status] of [
      ['//', 404],
      ['//graphql', 404],
      ['/%', 404],
      ['/%zz?%', 404],
      ['*', 400],
      ['http://[::1', 400],
      ['/graphql?query=%7Bhello%7D', 200],
      ['http://host/graphql?query=%7Bhello%7D', 200],
    ] as const) {
      const answer = await sendRaw(
        server.port,
        `GET ${target} HTTP/1.1\r\nHost: x\r\n${preflight}Connection: close\r\n\r\n`,
      );
      expect(answer.status, target).toBe(status);
    }
    const after = await sendRaw(
      server.port,
      `GET /graphql?query=%7Bhello%7D HTTP/1.1\r\nHost: x\r\n${preflight}Connection: close\r\n\r\n`,
    );
    expect(JSON.parse(after.body)).toEqual({ data: { hello: 'hi' } });
  });

  it('fails a route that throws or rejects with INTERNAL_SERVER_ERROR, without its message', async () => {
    for (const path of ['/throws', '/rejects']) {
      const response = await fetch(new URL(path, server.url));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        errors: [{ message: 'Something failed on our side.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    }
  });

  it('shows at most 100 characters of an unknown path back', async () => {
    const response = await fetch(new URL(`/${'a'.repeat(500)}`, server.url));
    expect(response.status).toBe(404);
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toBe(`Nothing is served at /${'a'.repeat(99)}....`);
  });
});

describe('requestTargetOf', () => {
  it('reads the path and query as sent, and refuses what is not a path', () => {
    expect(requestTargetOf('//a?b=1')).toEqual({ pathname: '//a', search: '?b=1' });
    expect(requestTargetOf(undefined)).toEqual({ pathname: '/', search: '' });
    expect(requestTargetOf('http://host/graphql?x')).toEqual({ pathname: '/graphql', search: '?x' });
    expect(requestTargetOf('*')).toBeUndefined();
    expect(requestTargetOf('host:443')).toBeUndefined();
  });
});
