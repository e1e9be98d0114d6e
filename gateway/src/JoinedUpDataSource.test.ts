import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@joined-up/core';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgencyTraffic, defaultTrafficShaping, type TrafficShaping } from './AgencyTraffic.ts';
import type { GatewayContext } from './GatewayContext.ts';
import { JoinedUpDataSource } from './JoinedUpDataSource.ts';

const agency = { name: 'social-care', displayName: 'Riverside Council Adult Social Care' };
const named = { agency: agency.displayName, serviceName: agency.name };
const root = '{ socialCareCaseload { totalCount } socialCareProviders { name } }';
const entities = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Person { careActAssessments { id } allocatedSocialWorker { name } }
  ... on SocialCareWorker { competencies { skill } } } }`;
const representations = [
  { __typename: 'Person', nhsNumber: '9990000018' },
  { __typename: 'SocialCareWorker', id: 'w-1' },
];

describe('JoinedUpDataSource', () => {
  let server: Server;
  let base: string;
  const agent = new Agent();
  const received: Array<{ url: string | undefined; headers: IncomingHttpHeaders }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received.push({ url: request.url, headers: request.headers });
        if (request.url === '/slow') return; // never answers
        if (request.url === '/down') {
          response.writeHead(502, { 'content-type': 'text/html' });
          response.end('<h1>Bad gateway at 10.0.0.7</h1>');
          return;
        }
        if (request.url === '/refuses') {
          response.writeHead(401, { 'content-type': 'application/json' });
          response.end('{"errors":[{"message":"The token has expired.","extensions":{"code":"UNAUTHENTICATED"}}]}');
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

  const dataSource = (path: string, options: { timeoutMs?: number; traffic?: Partial<TrafficShaping> } = {}) =>
    new JoinedUpDataSource({
      ...agency,
      url: path.startsWith('http') ? path : `${base}${path}`,
      timeoutMs: options.timeoutMs ?? 5_000,
      dispatcher: agent,
      traffic: new AgencyTraffic(agency, { ...defaultTrafficShaping, ...options.traffic }, createLogger('t', 'silent')),
    });
  const context = (more: Partial<GatewayContext> = {}): GatewayContext =>
    ({
      requestId: 'req-42',
      caller: { subject: 'gp-1', token: 'the-callers-token' },
      correlationId: 'the-callers-own-id',
      breakGlass: { nhsNumber: '9990000018', reason: 'unconscious in A&E' },
      unavailable: new Map(),
      ...more,
    }) as never;
  const call = (
    source: JoinedUpDataSource,
    query = root,
    options: { context?: GatewayContext; variables?: object } = {},
  ) =>
    source.process({
      // GraphQLDataSourceRequestKind.INCOMING_OPERATION, an enum @apollo/gateway does not export.
      kind: 'incoming operation' as never,
      request: { query, variables: { ...options.variables } },
      context: options.context ?? context(),
      incomingRequestContext: {} as never,
    });
  const sentTo = (path: string) => received.filter((request) => request.url === path).length;

  it("forwards the caller's token, both ids and a break-glass declaration, and returns the answer", async () => {
    expect(await call(dataSource('/graphql'))).toMatchObject({ data: { hello: 'world' } });
    expect(received.at(-1)?.headers).toMatchObject({
      authorization: 'Bearer the-callers-token',
      'x-request-id': 'req-42',
      'x-correlation-id': 'the-callers-own-id',
      'x-break-glass': '9990000018; unconscious in A&E',
      'content-type': 'application/json',
    });
  });

  it(
    'answers a bad answer with an error at every field it ' +
      'blanked, naming the agency and nothing internal; a read is ' +
      'retried once',
    async () => {
      const before = sentTo('/down');
      const message =
        'Riverside Council Adult Social Care answered with an error (HTTP 502); its part of this answer is missing.';
      const extensions = { code: 'SUBGRAPH_UNAVAILABLE', ...named, reason: 'bad-answer', status: 502 };
      expect(await call(dataSource('/down'))).toEqual({
        errors: [
          { message, path: ['socialCareCaseload'], extensions },
          { message, path: ['socialCareProviders'], extensions },
        ],
      });
      expect(sentTo('/down') - before).toBe(2);
    },
  );

  it(
    "gives each entity's own fields their errors, by its type, " + 'for Apollo Gateway to place in the answer',
    async () => {
      const result = await call(dataSource('http://127.0.0.1:9/graphql'), entities, { variables: { representations } });
      expect(result.errors?.map((error) => [error.path, error.extensions?.['reason']])).toEqual([
        [['_entities', 0, 'careActAssessments'], 'unreachable'],
        [['_entities', 0, 'allocatedSocialWorker'], 'unreachable'],
        [['_entities', 1, 'competencies'], 'unreachable'],
      ]);
      expect(result.errors?.[0]?.message).toBe(
        'Riverside Council Adult Social Care could not be reached; its part of this answer is missing.',
      );
    },
  );

  it('gives up on an agency that does not answer within its timeout, without retrying', async () => {
    const before = sentTo('/slow');
    const result = await call(dataSource('/slow', { timeoutMs: 200 }));
    expect(result.errors?.[0]).toEqual({
      message: 'Riverside Council Adult Social Care did not answer in time; its part of this answer is missing.',
      path: ['socialCareCaseload'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', ...named, reason: 'timeout' },
    });
    expect(sentTo('/slow') - before).toBe(1);
  });

  it("keeps the agency's own code and words when it refused the request itself", async () => {
    const result = await call(dataSource('/refuses'));
    expect(result.errors?.[0]).toEqual({
      message: 'The token has expired.',
      path: ['socialCareCaseload'],
      extensions: { code: 'UNAUTHENTICATED', ...named },
    });
  });

  it(
    "respects the request's deadline: the call gets only what is " + 'left, and none is made once it has passed',
    async () => {
      const slow = dataSource('/slow', { timeoutMs: 5_000 });
      const started = performance.now();
      const cut = await call(slow, root, { context: context({ deadlineAt: performance.now() + 200 }) });
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(cut.errors?.[0]).toEqual({
        message:
          'The request ran out of time before Riverside Council Adult ' +
          'Social Care answered; its part of this answer is missing.',
        path: ['socialCareCaseload'],
        extensions: { code: 'GATEWAY_TIMEOUT', ...named, reason: 'deadline' },
      });
      const before = sentTo('/slow');
      await call(slow, root, { context: context({ deadlineAt: performance.now() - 1 }) });
      expect(sentTo('/slow')).toBe(before);
      // The request's deadline says nothing about the agency: its circuit stays closed.
      expect(slow.traffic.state).toBe('closed');
    },
  );

  it('fails later calls of the same request at once once the agency has failed it', async () => {
    const slow = dataSource('/slow', { timeoutMs: 200 });
    const shared = context();
    await call(slow, root, { context: shared });
    const before = sentTo('/slow');
    const started = performance.now();
    const again = await call(slow, root, { context: shared });
    expect(performance.now() - started).toBeLessThan(100);
    expect(again.errors?.[0]?.extensions?.['reason']).toBe('timeout');
    expect(sentTo('/slow')).toBe(before);
  });

  it(
    'opens the circuit after consecutive failures, failing fast, ' + 'then probes the agency again (half-open)',
    async () => {
      const down = dataSource('/down', { traffic: { breakerFailures: 3, halfOpenAfterMs: 300, retries: 0 } });
      for (let failure = 0; failure < 3; failure += 1) await call(down);
      expect(down.traffic.state).toBe('open');
      const before = sentTo('/down');
      const fast = await call(down);
      expect(fast.errors?.[0]?.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', ...named, reason: 'circuit-open' });
      expect(sentTo('/down')).toBe(before);
      await new Promise((resolve) => setTimeout(resolve, 350));
      await call(down);
      // The probe reached the agency, failed, and opened the circuit again.
      expect(sentTo('/down')).toBe(before + 1);
      expect(down.traffic.state).toBe('open');
    },
  );

  it(
    'counts timeouts and unreachable calls against the circuit ' + 'too, and retries a read that could not connect',
    async () => {
      const slow = dataSource('/slow', { timeoutMs: 100, traffic: { breakerFailures: 2, retries: 0 } });
      await call(slow);
      await call(slow);
      expect(slow.traffic.state).toBe('open');
      const refused = dataSource('http://127.0.0.1:9/graphql', { traffic: { breakerFailures: 2, retries: 1 } });
      // One read: its first attempt and its retry both fail, which opens the circuit.
      await call(refused);
      expect(refused.traffic.state).toBe('open');
    },
  );

  it('never retries a mutation', async () => {
    const before = sentTo('/down');
    await call(dataSource('/down'), 'mutation { addCarerRecord(input: {}) { id } }');
    expect(sentTo('/down') - before).toBe(1);
  });
});
