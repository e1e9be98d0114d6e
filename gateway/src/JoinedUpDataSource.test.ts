import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JoinedUpDataSource } from './JoinedUpDataSource.ts';

describe('JoinedUpDataSource', () => {
  let server: Server;
  let base: string;
  const agent = new Agent();
  const received: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received.push(request.headers);
        if (request.url === '/slow') return; // never answers
        if (request.url === '/down') {
          response.writeHead(502, { 'content-type': 'text/html' });
          response.end('<h1>Bad gateway at 10.0.0.7</h1>');
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"data":{"hello":"world"}}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await agent.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const call = (path: string, timeoutMs = 5_000) => {
    const dataSource = new JoinedUpDataSource({
      name: 'social-care',
      displayName: 'Riverside Council Adult Social Care',
      url: `${base}${path}`,
      timeoutMs,
      dispatcher: agent,
    });
    const caller = { subject: 'gp-1', token: 'the-callers-token' };
    return dataSource.process({
      // GraphQLDataSourceRequestKind.HEALTH_CHECK, an enum @apollo/gateway does not export.
      kind: 'health check' as never,
      request: { query: '{ hello }' },
      context: { requestId: 'req-42', caller, breakGlassReason: 'unconscious in A&E' },
    });
  };

  it("forwards the caller's token, the request id and a break-glass reason, and returns the answer", async () => {
    expect(await call('/graphql')).toMatchObject({ data: { hello: 'world' } });
    expect(received.at(-1)).toMatchObject({
      authorization: 'Bearer the-callers-token',
      'x-request-id': 'req-42',
      'x-break-glass-reason': 'unconscious in A&E',
      'content-type': 'application/json',
    });
  });

  it('names the agency, and nothing internal, when it answers with an error', async () => {
    await expect(call('/down')).rejects.toMatchObject({
      message:
        'Riverside Council Adult Social Care answered with an error (HTTP 502); its part of this answer is missing.',
      extensions: {
        code: 'SUBGRAPH_UNAVAILABLE',
        agency: 'Riverside Council Adult Social Care',
        serviceName: 'social-care',
      },
    });
  });

  it('gives up on an agency that does not answer within the timeout', async () => {
    await expect(call('/slow', 200)).rejects.toMatchObject({
      message: 'Riverside Council Adult Social Care did not answer in time; its part of this answer is missing.',
      extensions: {
        code: 'SUBGRAPH_UNAVAILABLE',
        agency: 'Riverside Council Adult Social Care',
        serviceName: 'social-care',
      },
    });
  });
});
