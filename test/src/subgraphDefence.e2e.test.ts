import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest } from './graphqlRequest.ts';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

const directRate = 40;

// An outside review reached the agencies around the gateway with a valid token: 800 aliases,
// depth 241, and 350 of 350 requests after the gateway had answered 429. Each subgraph now
// measures and counts its callers itself.
describe('a subgraph called directly, around the gateway', () => {
  let federation: TestFederation;
  const direct = async (agency: string, as: string, query: string) =>
    graphqlRequest(federation.federation.subgraphs[agency]!.url, { query, token: await federation.tokenFor(as) });
  beforeAll(async () => {
    federation = await startFederationForTest({
      people: 100,
      subgraphLimits: { rateLimit: { limit: directRate, windowSeconds: 60 } },
    });
  });
  afterAll(async () => federation?.stop());

  it('refuses 800 aliases, or 300 in fewer tokens, before resolving any', async () => {
    const alias = (index: number) => `a${index}: _entities(representations: []) { __typename }`;
    const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, index) => alias(index)).join(' ')} }`;
    const before = federation.statementCounts()['health'];
    const measures = async (count: number) => {
      const { status, body } = await direct('health', 'gp', aliased(count));
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      return body.errors?.map((error) => [error.extensions?.['code'], error.extensions?.['measure']]);
    };
    expect(await measures(800)).toEqual([['QUERY_TOO_COMPLEX', 'tokens']]);
    expect(await measures(300)).toEqual([['QUERY_TOO_COMPLEX', 'aliases']]);
    expect(federation.statementCounts()['health']).toBe(before);
  });

  it('refuses depth 241', async () => {
    // A carer's cared-for person is a person with their own cared-for people: social care's types recurse.
    const deep = `${'caringFor { person { '.repeat(120)}nhsNumber${' } }'.repeat(120)}`;
    const query = `{ _entities(representations: []) { ... on Person { ${deep} } } }`;
    const { status, body } = await direct('social-care', 'social-worker', query);
    expect(status).toBe(400);
    // So deep a query's estimated cost is past any limit too.
    expect(body.errors?.map((error) => [error.extensions?.['code'], error.extensions?.['measure']])).toEqual([
      ['QUERY_TOO_COMPLEX', 'depth'],
      ['QUERY_TOO_COMPLEX', 'cost'],
    ]);
  });

  it('refuses a token bomb and a batch, as the gateway does', async () => {
    const bomb = await direct('health', 'gp', `{ __typename ${'__typename '.repeat(5000)}}`);
    expect(bomb.status).toBe(400);
    expect(bomb.body.errors?.[0]?.extensions?.['measure']).toBe('tokens');
    const batch = await fetch(federation.federation.subgraphs['health']!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await federation.tokenFor('gp')}` },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batch.status).toBe(400);
    expect(
      ((await batch.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code,
    ).toBe('BATCH_NOT_ALLOWED');
  });

  it('refuses a body over its limit', async () => {
    const response = await fetch(federation.federation.subgraphs['health']!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await federation.tokenFor('gp')}` },
      body: JSON.stringify({ query: `{ __typename }`, variables: { padding: 'x'.repeat(1_100_000) } }),
    });
    expect(response.status).toBe(413);
  });

  it("counts each caller's requests itself, whatever the gateway let through", async () => {
    const statuses: number[] = [];
    for (let request = 0; request <= directRate; request += 1)
      statuses.push((await direct('voluntary-sector', 'link-worker', '{ __typename }')).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(directRate);
    const refused = await direct('voluntary-sector', 'link-worker', '{ __typename }');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    // Per caller, not per connection: another caller on the same connections is untouched.
    expect((await direct('voluntary-sector', 'coordinator', '{ __typename }')).status).toBe(200);
  });

  it("still answers the gateway's own plans: 100 people across every agency", async () => {
    const rows = (await federation.federation.subgraphs['health']!.database.db.execute(
      sql`select nhs_number from patients order by nhs_number limit 100`,
    )) as unknown as { rows: Array<{ nhs_number: string }> };
    const numbers = rows.rows.map((row) => row.nhs_number);
    expect(numbers.length).toBe(100);
    const { status, body } = await federation.query(
      'coordinator',
      `query($n: [NHSNumber!]!) { people(nhsNumbers: $n) {
        nhsNumber name { full } alerts { description } allocatedSocialWorker { name }
        careCoordinator { role } voluntarySectorTimeline { title }
      } }`,
      { n: numbers },
    );
    expect(status).toBe(200);
    expect(body.errors?.filter((error) => error.extensions?.['code'] !== 'FORBIDDEN') ?? []).toEqual([]);
  });
});
