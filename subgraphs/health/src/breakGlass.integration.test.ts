import { graphqlRequest, startSubgraphForTest, type TestSubgraph } from '@joined-up/test';
import { auditEvents } from '@joined-up/kit';
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthSubgraph } from './index.ts';
import { patients } from './tables.ts';

const sam = '9990000018';
const reason = 'Found collapsed at the surgery; checking diabetes history';

/**
 * An emergency declaration opens the one person it names: a request asking for many people, or for
 * the same people under aliases, gets the others exactly as it would have without a declaration.
 */
describe('break-glass names the person', () => {
  let health: TestSubgraph;
  let strangers: string[];
  const asUnrelatedGp = async (query: string, headers: Record<string, string> = {}) =>
    graphqlRequest<Record<string, unknown>>(health.subgraph.url, {
      query,
      token: await health.idp.tokenFor('unrelated-gp'),
      headers,
    });

  const entity = (nhsNumber: string) =>
    `_entities(representations: [{ __typename: "Person", nhsNumber: "${nhsNumber}" }]) {
      ... on Person { name { full } } }`;

  beforeAll(async () => {
    health = await startSubgraphForTest(healthSubgraph, { engine: 'pglite', people: 120 });
    const db = health.subgraph.database.db;
    const rows = await db.select({ nhsNumber: patients.nhsNumber }).from(patients).where(ne(patients.nhsNumber, sam));
    strangers = rows.slice(0, 60).map((row) => row.nhsNumber);
  });
  afterAll(async () => health?.stop());

  it('opens only the named person among the NHS numbers of people(nhsNumbers:)', async () => {
    // The gateway asks health for many people at once as one _entities call: `people` is the directory's.
    const representations = [...strangers.slice(0, 30), sam, ...strangers.slice(30)].map(
      (nhsNumber) => `{ __typename: "Person", nhsNumber: "${nhsNumber}" }`,
    );
    const query = `{ _entities(representations: [${representations.join(', ')}]) {
      ... on Person { nhsNumber name { full } } } }`;
    const without = await asUnrelatedGp(query);
    const withDeclaration = await asUnrelatedGp(query, { 'x-break-glass': `${sam}; ${reason}` });
    expect(withDeclaration.status).toBe(200);
    const named = (result: typeof without) =>
      (result.body.data?.['_entities'] as Array<{ nhsNumber: string; name: unknown }>).map((person) => person.name);
    // Everyone else is answered exactly as without the declaration (some are his own practice's patients).
    const expected = named(without);
    expected[30] = { full: 'Sam Taylor' };
    expect(named(withDeclaration)).toEqual(expected);
    expect(withDeclaration.body.errors).toHaveLength((without.body.errors?.length ?? 0) - 1);
    expect(withDeclaration.body.errors?.map((error) => error.path?.[1])).not.toContain(30);
    // One declared row, for Sam alone: nobody else's record is held open for the next half hour.
    const declared = await health.subgraph.database.db
      .select({ nhsNumber: auditEvents.nhsNumber, breakGlass: auditEvents.breakGlass })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorSubject, 'w-gp-brown'), eq(auditEvents.breakGlass, true)));
    expect(declared).toEqual([{ nhsNumber: sam, breakGlass: true }]);
  });

  it('opens no one more through aliases, and keeps only the named person open afterwards', async () => {
    const aliases = strangers
      .slice(0, 20)
      .map((nhsNumber, i) => `p${i}: ${entity(nhsNumber)}`)
      .join(' ');
    const query = `{ sam: ${entity(sam)} ${aliases} }`;
    const withDeclaration = await asUnrelatedGp(query, { 'x-break-glass': `${sam}; ${reason}` });
    // Sam is still open from the declaration above: asking again without one shows the same.
    const later = await asUnrelatedGp(query);
    expect(withDeclaration.body).toEqual(later.body);
    expect(later.body.data?.['sam']).toEqual([{ name: { full: 'Sam Taylor' } }]);
    const strangersSeen = await asUnrelatedGp(`{ ${aliases} }`);
    const paths = (result: typeof later) =>
      result.body.errors?.map((error) => [error.path, error.extensions?.['code']]);
    expect(paths(later)).toEqual(paths(strangersSeen));
    const breakGlassRows = await health.subgraph.database.db
      .selectDistinct({ nhsNumber: auditEvents.nhsNumber })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorSubject, 'w-gp-brown'), eq(auditEvents.breakGlass, true)));
    expect(breakGlassRows).toEqual([{ nhsNumber: sam }]);
  });

  it("verifies health's hash-chained audit for its privacy officer alone", async () => {
    const query = '{ healthAuditVerification { intact rowsChecked headPosition firstBreak { kind } breaks { kind } } }';
    const officer = await graphqlRequest<Record<string, unknown>>(health.subgraph.url, {
      query,
      token: await health.idp.tokenFor('privacy-officer'),
    });
    expect(officer.body.errors).toBeUndefined();
    expect(officer.body.data?.['healthAuditVerification']).toMatchObject({
      intact: true,
      firstBreak: null,
      breaks: [],
    });
    const gp = await asUnrelatedGp(query);
    expect(gp.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it.each([
    ['the old header, which named no one', { 'x-break-glass-reason': reason }],
    ['no NHS number', { 'x-break-glass': reason }],
    ['an invalid NHS number', { 'x-break-glass': `9990000019; ${reason}` }],
    ['no reason', { 'x-break-glass': `${sam}; ` }],
  ])('refuses a declaration with %s, naming the header', async (_case, headers) => {
    const { status, body } = await asUnrelatedGp(`{ person(nhsNumber: "${sam}") { nhsNumber } }`, headers);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'x-break-glass' });
  });
});
