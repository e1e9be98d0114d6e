import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest } from './graphqlRequest.ts';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

/** Sends raw bytes, as no HTTP client would, and returns the status code of the answer (0 when none). */
async function sendRaw(port: number, raw: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
    socket.end(raw);
  });
}

describe('requests that ended every process before', () => {
  let federation: TestFederation;
  const strays: unknown[] = [];
  const recordStray = (error: unknown) => strays.push(error);
  let services: Array<{ name: string; url: string; port: number }> = [];
  beforeAll(async () => {
    process.on('unhandledRejection', recordStray);
    federation = await startFederationForTest({ people: 100 });
    services = [
      { name: 'gateway', url: federation.gatewayUrl, port: federation.federation.gateway.port },
      ...Object.values(federation.federation.subgraphs).map(({ name, url, port }) => ({ name, url, port })),
      { name: 'identity', url: federation.federation.identity.url, port: federation.federation.identity.port },
    ];
  });
  afterAll(async () => {
    process.off('unhandledRejection', recordStray);
    await federation?.stop();
  });

  it('answers GET // and other targets new URL() cannot parse, on every service', async () => {
    for (const service of services) {
      for (const target of ['//', '/%', '//graphql?%', '*']) {
        const answer = await sendRaw(service.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        expect([400, 404], `${service.name} ${target}`).toContain(answer.status);
      }
    }
  });

  it('settles every representation of _entities, each failing one with its own coded error', async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Person { nhsNumber } }
    }`;
    const representations = [
      { __typename: 'Person', nhsNumber: '1234567890' },
      { __typename: 'NoSuchType', id: 'x' },
      { __typename: 'Person', nhsNumber: '9990000018' },
      42,
      { nhsNumber: '9990000018' },
    ];
    for (const as of ['sam', 'gp', 'coordinator']) {
      const token = await federation.tokenFor(as);
      for (const [name, subgraph] of Object.entries(federation.federation.subgraphs)) {
        const { status, body } = await graphqlRequest(subgraph.url, { query, variables: { representations }, token });
        expect(status, `${name} as ${as}`).toBe(200);
        expect(body.data?.['_entities'], `${name} as ${as}`).toEqual([
          null,
          null,
          { nhsNumber: '9990000018' },
          null,
          null,
        ]);
        expect(
          body.errors?.map((error) => ({ path: error.path, code: error.extensions?.['code'] })),
          `${name} as ${as}`,
        ).toEqual([0, 1, 3, 4].map((index) => ({ path: ['_entities', index], code: 'BAD_USER_INPUT' })));
      }
    }
    expect(
      body(
        await graphqlRequest(federation.federation.subgraphs['social-care']!.url, {
          query,
          variables: { representations: [{ __typename: 'NoSuchType' }] },
          token: await federation.tokenFor('gp'),
        }),
      ),
    ).toEqual([
      'Argument "representations" holds a representation that names "NoSuchType", which is not an entity of this subgraph.',
    ]);
  });

  it('left no rejection unhandled, and every service still answers', async () => {
    // Let any rejection still in flight be reported before counting.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(strays).toEqual([]);
    for (const service of services) {
      const response = await fetch(new URL('/health', service.url));
      expect(response.status, service.name).toBe(200);
    }
  });
});

function body(result: { body: { errors?: Array<{ message: string }> } }): string[] {
  return result.body.errors?.map((error) => error.message) ?? [];
}
