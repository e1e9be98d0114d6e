import { readFileSync } from 'node:fs';
import { createExplorer } from '@joined-up/gateway';
import { sql } from 'drizzle-orm';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphqlRequest } from './graphqlRequest.ts';
import { badTokens } from './signTestToken.ts';
import { readRegisteredOperations } from '@joined-up/schema';
import { readmeOperations } from './readmeOperations.ts';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

const sam = '9990000018';

/** Posts a raw body to the gateway as a demo user, for requests graphqlRequest cannot make. */
async function post(
  federation: TestFederation,
  as: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) {
  const response = await fetch(federation.gatewayUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${await federation.tokenFor(as)}`, ...headers },
    body,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

/** Runs `request`, and checks that no agency's database was asked anything meanwhile. */
async function withoutAgencies<T>(federation: TestFederation, request: () => Promise<T>): Promise<T> {
  const before = federation.statementCounts();
  const result = await request();
  expect(federation.statementCounts()).toEqual(before);
  return result;
}

const tooComplex = (message: string, measure: string, limit: number, measured: number) => ({
  errors: [{ message, extensions: { code: 'QUERY_TOO_COMPLEX', measure, limit, measured } }],
});

describe('the gateway in production, with the default limits', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startFederationForTest({ people: 100, gateway: { environment: 'production' } });
  });
  afterAll(async () => federation?.stop());

  it("lets every README example through, and a caseload page of 100 with each person's alerts and plan", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    // The registered operations the README shows, in the README's order (its story runs in order),
    // each run as the demo user its file names.
    const registered = readRegisteredOperations();
    const operations = readmeOperations(readme, () => 'nobody').map(({ name }) => {
      const operation = registered.find((candidate) => candidate.name === name)!;
      return { name, query: operation.body, as: operation.runAs! };
    });
    expect(operations.length).toBeGreaterThanOrEqual(4);
    const caseload = operations.find((operation) => operation.name === 'MyCaseload')!;
    // The README's story runs in order: a step given "<id>" uses the referral the story sent.
    let referralId: string | undefined;
    for (const operation of [
      ...operations,
      { ...caseload, query: caseload.query.replace('first: 20', 'first: 100') },
    ]) {
      const query = referralId ? operation.query.replace('"<id>"', JSON.stringify(referralId)) : operation.query;
      const { status, body } = await federation.query<Record<string, { referral?: { id?: string } } | null>>(
        operation.as,
        query,
      );
      const context = `${operation.name} as ${operation.as}`;
      expect(status, context).toBe(200);
      expect(body.data, context).toBeTruthy();
      // Agencies may withhold parts (their own access decisions); the gateway's limits never do.
      expect(body.errors?.filter((error) => error.extensions?.['code'] !== 'FORBIDDEN') ?? [], context).toEqual([]);
      referralId = body.data?.['sendReferral']?.referral?.id ?? referralId;
    }
  });

  it('refuses a document that does not pick out one operation with 400 naming operationName, not a 500', async () => {
    const two = await withoutAgencies(federation, () =>
      federation.query('gp', 'query A { gpPractices { name } } query B { gpPractices { code } }'),
    );
    expect(two.status).toBe(400);
    expect(two.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'operationName' });
    const unknown = await withoutAgencies(federation, () =>
      post(federation, 'gp', JSON.stringify({ query: 'query A { gpPractices { name } }', operationName: 'Z' })),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      errors: [
        {
          message: 'The document has no operation named "Z".',
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'operationName' },
        },
      ],
    });
  });

  it('refuses an alias bomb before any agency is called', async () => {
    const aliases = Array.from(
      { length: 20 },
      (_, index) => `a${index}: person(nhsNumber: "${sam}") { nhsNumber }`,
    ).join(' ');
    const { status, body } = await withoutAgencies(federation, () => federation.query('gp', `{ ${aliases} }`));
    expect(status).toBe(400);
    expect(body).toEqual(tooComplex('The operation has 20 aliases, over the limit of 15.', 'aliases', 15, 20));
  });

  it('refuses a depth bomb (carers of carers of carers ...) before any agency is called', async () => {
    const nest = (levels: number): string =>
      levels === 0 ? 'name { full }' : `unpaidCarers { carer { ${nest(levels - 1)} } }`;
    const { status, body } = await withoutAgencies(federation, () =>
      federation.query('gp', `{ person(nhsNumber: "${sam}") { ${nest(5)} } }`),
    );
    expect(status).toBe(400);
    // Each level's unpaidCarers is a list the schema does not size, taken as 10 long: 10 × (2 + the level below),
    // from name's 1 up, 5 levels and the person's own 1: 322,221, over the cost limit too.
    expect(body).toEqual({
      errors: [
        ...tooComplex('The operation is 13 fields deep, over the limit of 10.', 'depth', 10, 13).errors,
        ...tooComplex('The operation has an estimated cost of 322221, over the limit of 10000.', 'cost', 10000, 322221)
          .errors,
      ],
    });
  });

  it('refuses a token bomb before parsing it, or even checking the token', async () => {
    const query = `{ ${'__typename '.repeat(1_100)}}`;
    const { status, body } = await withoutAgencies(federation, () =>
      graphqlRequest(federation.gatewayUrl, { query, token: 'not checked' }),
    );
    expect(status).toBe(400);
    expect(body).toEqual(tooComplex('The operation has 1102 tokens, over the limit of 1000.', 'tokens', 1000, 1102));
  });

  it('refuses a cost bomb (100 people, 100 encounters each) before any agency is called', async () => {
    const query =
      '{ socialCareCaseload(first: 100) { edges { node { person { ' +
      'encounters(first: 100) { edges { node { type summary } } } } ' +
      '} } } }';
    const { status, body } = await withoutAgencies(federation, () => federation.query('social-worker', query));
    expect(status).toBe(400);
    expect(body).toEqual(
      tooComplex('The operation has an estimated cost of 20401, over the limit of 10000.', 'cost', 10000, 20401),
    );
  });

  it('refuses a batch of operations in one request', async () => {
    const batch = JSON.stringify([
      { query: '{ __typename }' },
      { query: `{ person(nhsNumber: "${sam}") { nhsNumber } }` },
    ]);
    const { status, body } = await withoutAgencies(federation, () => post(federation, 'gp', batch));
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          message: 'Batched operations are not accepted: send one operation per request.',
          extensions: { code: 'BATCH_NOT_ALLOWED', limit: 0, measured: 2 },
        },
      ],
    });
  });

  it('refuses simple requests a browser would send cross-site without asking (CSRF)', async () => {
    const csrf = {
      errors: [
        {
          message:
            'This operation has been blocked as a potential Cross-Site ' +
            'Request Forgery (CSRF). Please either specify a ' +
            "'content-type' header (with a type that is not one of " +
            'application/x-www-form-urlencoded, multipart/form-data, ' +
            'text/plain) or provide a non-empty value for one of the ' +
            'following headers: x-apollo-operation-name, ' +
            'apollo-require-preflight\n',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    };
    const authorization = `Bearer ${await federation.tokenFor('gp')}`;
    const get = (headers: Record<string, string>) =>
      fetch(`${federation.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { authorization, ...headers },
      });
    const refusedGet = await get({});
    expect(refusedGet.status).toBe(400);
    expect(await refusedGet.json()).toEqual(csrf);
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const refused = await post(federation, 'gp', JSON.stringify({ query: '{ __typename }' }), {
        'content-type': contentType,
      });
      expect(refused.status, contentType).toBe(400);
      expect(refused.body, contentType).toEqual(csrf);
    }
    // The same GET with the header a cross-site form cannot set goes through.
    const allowed = await get({ 'apollo-require-preflight': 'true' });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses introspection and serves no explorer', async () => {
    const { status, body } = await federation.query('gp', '{ __schema { types { name } } }');
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          message:
            'GraphQL introspection is not allowed by Apollo Server, but ' +
            'the query contained __schema or __type. To enable ' +
            'introspection, pass introspection: true to ApolloServer in ' +
            'production',
          locations: [{ line: 1, column: 3 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', validationErrorCode: 'INTROSPECTION_DISABLED' },
        },
      ],
    });
    const page = await fetch(federation.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).not.toMatch(/html/);
    await page.body?.cancel();
    const assets = Object.keys(createExplorer({ graphqlPath: '/graphql', identityProviderUrl: undefined }).routes);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const response = await fetch(new URL(asset, federation.gatewayUrl));
      expect(response.status, asset).toBe(404);
      expect(await response.json(), asset).toEqual({
        errors: [{ message: `Nothing is served at ${asset}.`, extensions: { code: 'NOT_FOUND' } }],
      });
    }
  });

  it('suggests no field, argument or enum value names', async () => {
    const field = await federation.query('gp', `{ person(nhsNumber: "${sam}") { nam } }`);
    expect(field.status).toBe(400);
    expect(field.body).toEqual({
      errors: [
        {
          message: 'Cannot query field "nam" on type "Person".',
          locations: [{ line: 1, column: 37 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
    const enumValue = await federation.query(
      'gp',
      'query($status: HealthMedicationStatus) { person(nhsNumber: ' +
        '"9990000018") { medications(status: $status) { name } } }',
      { status: 'ACTIV' },
    );
    expect(enumValue.status).toBe(400);
    expect(enumValue.body).toEqual({
      errors: [
        {
          message:
            'Variable "$status" got invalid value "ACTIV"; Value "ACTIV" ' +
            'does not exist in "HealthMedicationStatus" enum.',
          locations: [{ line: 1, column: 7 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
  });

  it('answers an internal failure without its message or a stack trace', async () => {
    // The voluntary sector's referrals table goes missing for a moment: its subgraph (not in
    // production) answers with the database's own message, which the gateway must not pass on.
    const { db } = federation.federation.subgraphs['voluntary-sector']!.database;
    await db.execute(sql.raw('ALTER TABLE referrals RENAME TO referrals_hidden'));
    try {
      const { status, body } = await federation.query(
        'gp',
        `{ person(nhsNumber: "${sam}") { nhsNumber socialPrescribingReferrals { status } } }`,
      );
      expect(status).toBe(200);
      expect(body).toEqual({
        data: { person: { nhsNumber: sam, socialPrescribingReferrals: null } },
        errors: [
          {
            message: 'Something failed on our side.',
            path: ['person', 'socialPrescribingReferrals'],
            extensions: {
              code: 'INTERNAL_SERVER_ERROR',
              serviceName: 'voluntary-sector',
              agency: 'Riverside Voluntary Sector Partnership',
            },
          },
        ],
      });
    } finally {
      await db.execute(sql.raw('ALTER TABLE referrals_hidden RENAME TO referrals'));
    }
  });
});

describe('the gateway outside production, with a small rate limit', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    // Each test here calls as different users, so that only the rate limit test meets the limit.
    federation = await startFederationForTest({
      people: 50,
      gateway: {
        rateLimit: { limit: 3, windowSeconds: 60 },
        unauthenticatedRateLimit: { limit: 4, windowSeconds: 60 },
        // As behind an ingress on this host: the test's connections come from loopback.
        trustedProxies: ['loopback'],
        limits: { maxBatchSize: 2 },
      },
    });
  });
  afterAll(async () => federation?.stop());

  it('answers 429 with Retry-After once a caller has used up the window, leaving other callers alone', async () => {
    for (let request = 1; request <= 3; request += 1)
      expect((await federation.query('gp', '{ __typename }')).status, `request ${request}`).toBe(200);
    const { status, headers, body } = await withoutAgencies(federation, () =>
      federation.query('gp', `{ person(nhsNumber: "${sam}") { nhsNumber } }`),
    );
    expect(status).toBe(429);
    const retryAfter = Number(headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body).toEqual({
      errors: [
        {
          message: `Too many requests: at most 3 every 60 seconds. Try again in ${retryAfter} seconds.`,
          extensions: { code: 'RATE_LIMITED', limit: 3, windowSeconds: 60, retryAfterSeconds: retryAfter },
        },
      ],
    });
    const other = await federation.query('social-worker', `{ person(nhsNumber: "${sam}") { nhsNumber } }`);
    expect(other.status).toBe(200);
    expect(other.body).toEqual({ data: { person: { nhsNumber: sam } } });
  });

  // Refused tokens counted against nobody: one address could guess or replay tokens without end.
  it('counts requests with no or bad credentials against their address, then answers 429', async () => {
    const bad = await badTokens(federation.key);
    for (const token of [undefined, bad['expired'], bad['key not in the JWKS'], bad['not a JWT']]) {
      const { status, body } = await graphqlRequest(federation.gatewayUrl, { query: '{ __typename }', token });
      expect([status, body.errors?.[0]?.extensions?.['code']]).toEqual([401, 'UNAUTHENTICATED']);
    }
    for (const token of [undefined, bad['tampered claims']]) {
      const { status, headers, body } = await graphqlRequest(federation.gatewayUrl, { query: '{ __typename }', token });
      expect(status).toBe(429);
      const retryAfter = Number(headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(50);
      expect(body).toEqual({
        errors: [
          {
            message:
              'Too many requests without valid credentials from this address: at most 4 every 60 seconds. ' +
              `Try again in ${retryAfter} seconds.`,
            extensions: { code: 'RATE_LIMITED', limit: 4, windowSeconds: 60, retryAfterSeconds: retryAfter },
          },
        ],
      });
    }
    // A caller with valid credentials is counted as themselves, not by the address they share.
    const valid = await federation.query('diabetes-nurse', `{ person(nhsNumber: "${sam}") { nhsNumber } }`);
    expect(valid.body).toEqual({ data: { person: { nhsNumber: sam } } });
  });

  it('counts a subscription opened with bad credentials, and each client behind a trusted proxy apart', async () => {
    const bad = await badTokens(federation.key);
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const wsUrl = `${federation.gatewayUrl.replace(/^http/, 'ws')}`;
    // Over WebSocket the token is in the connection's first message; refused, the socket closes 4403.
    const openSocket = (address: string, token: string) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { headers: from(address) });
        socket.on('open', () =>
          socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
        );
        socket.on('close', (code) => resolve(code));
        socket.on('error', reject);
      });
    expect(await openSocket('203.0.113.9', bad['expired']!)).toBe(4403);
    expect(await openSocket('203.0.113.9', bad['not a JWT']!)).toBe(4403);
    // Over Server-Sent Events the token is in the Authorization header.
    for (const token of [bad['key not in the JWKS'], bad['tampered claims']]) {
      const response = await fetch(federation.gatewayUrl, {
        method: 'POST',
        headers: {
          ...from('203.0.113.9'),
          'content-type': 'application/json',
          accept: 'text/event-stream',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ query: 'subscription { myNotifications { id } }' }),
      });
      expect(response.status).toBe(401);
      await response.body?.cancel();
    }
    // Four refused from that client: its fifth request without valid credentials is refused 429 ...
    const fifth = await graphqlRequest(federation.gatewayUrl, {
      query: '{ __typename }',
      headers: from('203.0.113.9'),
    });
    expect([fifth.status, fifth.body.errors?.[0]?.extensions?.['code']]).toEqual([429, 'RATE_LIMITED']);
    expect(await openSocket('203.0.113.9', bad['expired']!)).toBe(4403);
    // ... while another client behind the same proxy has its own allowance, and X-Forwarded-For
    // written by a client in front of the proxy does not choose the address counted.
    const other = await graphqlRequest(federation.gatewayUrl, {
      query: '{ __typename }',
      headers: from('203.0.113.10'),
    });
    expect([other.status, other.body.errors?.[0]?.extensions?.['code']]).toEqual([401, 'UNAUTHENTICATED']);
    const spoofed = await graphqlRequest(federation.gatewayUrl, {
      query: '{ __typename }',
      headers: from('198.51.100.1, 203.0.113.9'),
    });
    expect(spoofed.status).toBe(429);
  });

  it("lets the explorer's introspection query through the default limits", async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const { status, body } = await federation.query('coordinator', query);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect((body.data?.['__schema'] as { types: unknown[] }).types.length).toBeGreaterThan(50);
  });

  it('accepts a batch within the configured size', async () => {
    const batch = JSON.stringify([
      { query: '{ __typename }' },
      { query: `{ person(nhsNumber: "${sam}") { nhsNumber } }` },
    ]);
    expect(await post(federation, 'link-worker', batch)).toMatchObject({
      status: 200,
      body: [{ data: { __typename: 'Query' } }, { data: { person: { nhsNumber: sam } } }],
    });
    const tooMany = await post(
      federation,
      'link-worker',
      JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }, { query: '{ __typename }' }]),
    );
    expect(tooMany).toMatchObject({
      status: 400,
      body: {
        errors: [
          {
            message: 'A batch may hold at most 2 operations; this one has 3.',
            extensions: { code: 'BATCH_NOT_ALLOWED', limit: 2, measured: 3 },
          },
        ],
      },
    });
  });

  it('keeps field suggestions for developers', async () => {
    const { body } = await federation.query('diabetes-nurse', `{ person(nhsNumber: "${sam}") { nam } }`);
    expect(body.errors?.[0]?.message).toBe('Cannot query field "nam" on type "Person". Did you mean "name"?');
  });
});
