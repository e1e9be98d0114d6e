import { auditEvents } from '@joined-up/kit';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryFields, expectedAccess } from './accessMatrix.ts';
import { graphqlRequest } from './graphqlRequest.ts';
import { personFieldOwners, personFieldParts } from './personFieldOwners.ts';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

const sam = '9990000018';
type Agency = keyof typeof categoryFields;
const agencies = Object.keys(categoryFields) as Agency[];
const agencyNames: Record<Agency, string> = {
  health: 'Riverside GP Federation and Community Health Services',
  'social-care': 'Riverside Council Adult Social Care',
  'voluntary-sector': 'Riverside Voluntary Sector Partnership',
  'care-coordination': 'Riverside Place Partnership',
};
const fieldName = (selection: string) => selection.split(/[ ({]/)[0] as string;
/** Each Person field the matrix reads, once, with the categories it answers (usually one). */
const matrixFields = agencies.flatMap((agency) => {
  const fields = new Map<string, { agency: Agency; field: string; selection: string; categories: string[] }>();
  for (const [category, selection] of Object.entries(categoryFields[agency]) as Array<[string, string]>) {
    const field = fieldName(selection);
    const known = fields.get(field) ?? { agency, field, selection, categories: [] };
    known.categories.push(category);
    fields.set(field, known);
  }
  return [...fields.values()];
});
const matrixQuery = `query Matrix($nhsNumber: NHSNumber!) { person(nhsNumber: $nhsNumber) {
                      ${matrixFields.map((entry) => entry.selection).join(' ')} } }`;
const owners = personFieldOwners();
const parts = personFieldParts();
/** Whether an error at a Person field names its owner, or the owner of a part it is built from. */
const namesAnOwner = (field: string, agency: string) =>
  owners.get(field) === agency || (parts.get(field) ?? []).some((part) => owners.get(part) === agency);
/** The fields a user is expected to see in an agency: those of any category the user is granted there. */
const expectedFields = (user: string, agency: Agency) => {
  const granted = expectedAccess[user]![agency] as readonly string[];
  return matrixFields
    .filter((entry) => entry.agency === agency && entry.categories.some((category) => granted.includes(category)))
    .map((entry) => entry.field);
};

/** Reads an agency's audit rows for one request, straight from its database. */
/** The audit rows of the requests a test sent with its own x-request-id (kept as their correlation id). */
async function auditRowsFor(federation: TestFederation, agency: Agency, correlationId: string) {
  const db = federation.federation.subgraphs[agency]!.database.db;
  return db.select().from(auditEvents).where(eq(auditEvents.correlationId, correlationId));
}

describe('information governance, end to end through the gateway', () => {
  let federation: TestFederation;
  const reads: Array<{ user: string; requestId: string }> = [];

  beforeAll(async () => {
    federation = await startFederationForTest({ people: 200 });
  });
  afterAll(async () => federation?.stop());

  it.each(Object.keys(expectedAccess))(
    'shows %s exactly what the agencies’ policies allow of Sam’s record',
    async (user) => {
      const requestId = `matrix-${user}`;
      const { status, body } = await federation.query<{ person: Record<string, unknown> | null }>(
        user,
        matrixQuery,
        { nhsNumber: sam },
        { 'x-request-id': requestId },
      );
      expect(status).toBe(200);
      const person = body.data?.person ?? null;
      const seen = (agency: Agency) =>
        matrixFields
          .filter((entry) => entry.agency === agency && person !== null && person[entry.field] !== null)
          .map((entry) => entry.field)
          .sort();
      expect(Object.fromEntries(agencies.map((agency) => [agency, seen(agency)]))).toEqual(
        Object.fromEntries(agencies.map((agency) => [agency, expectedFields(user, agency).sort()])),
      );
      // Every refusal is FORBIDDEN, names the agency that holds the field, and says nothing more.
      for (const error of body.errors ?? []) {
        expect(error.extensions?.['code']).toBe('FORBIDDEN');
        const agency = error.extensions?.['serviceName'] as Agency;
        expect(error).toMatchObject({
          message: `${agencyNames[agency]} does not share this part of the record with you.`,
          extensions: { agency: agencyNames[agency] },
        });
        const field = String(error.path?.[1]);
        if (person !== null) expect(namesAnOwner(field, agency), JSON.stringify(error.path)).toBe(true);
      }
      const refused = matrixFields
        .filter((entry) => person === null || person[entry.field] === null)
        .map((entry) => entry.field);
      if (person === null) expect(body.errors?.map((error) => error.path)).toEqual([['person']]);
      else {
        // One error from its owner for each field refused...
        const asked = (body.errors ?? []).filter(
          (error) =>
            matrixFields.some((entry) => entry.field === error.path?.[1]) &&
            owners.get(String(error.path?.[1])) === error.extensions?.['serviceName'],
        );
        expect(asked.map((error) => error.path?.[1]).sort()).toEqual(refused.sort());
        // ...and, at a field built from other agencies' parts (@requires: the timeline, the skill
        // check), one for each of those agencies that refused its part.
        const unasked = (body.errors ?? []).filter((error) => !asked.includes(error));
        for (const error of unasked)
          expect(parts.has(String(error.path?.[1])) && error.path?.length === 2, JSON.stringify(error.path)).toBe(true);
      }
      reads.push({ user, requestId });
    },
  );

  it(
    'audited every read it answered, in the agency that holds the ' +
      'data, under the categories granted, before answering',
    async () => {
      expect(reads.length).toBe(Object.keys(expectedAccess).length);
      for (const read of reads) {
        for (const agency of agencies) {
          const rows = await auditRowsFor(federation, agency, read.requestId);
          const recorded = rows.filter((row) => row.nhsNumber === sam).flatMap((row) => row.categories);
          // The audit names the category the policy granted, where one field answers two; a name
          // read with the demographics that hold it (health's policy `includes`) is audited as those.
          const granted = expectedAccess[read.user]![agency] as readonly string[];
          const audited = granted.filter((category) => !(category === 'name' && granted.includes('demographics')));
          expect(new Set(recorded), `${read.user} in ${agency}`).toEqual(new Set(audited));
          for (const row of rows)
            expect(row).toMatchObject({ action: 'read', purpose: 'direct-care', breakGlass: false });
        }
      }
    },
  );

  it("keys the audit by the gateway's own request id, not the id a caller chose", async () => {
    // Two callers choose the same x-request-id; each agency's audit still tells their requests apart.
    const query = `{ person(nhsNumber: "${sam}") { name { full } } }`;
    const chosen = { 'x-request-id': 'chosen-by-two-callers' };
    const answers = [
      await federation.query('gp', query, {}, chosen),
      await federation.query('carer', query, {}, chosen),
    ];
    const rows = await auditRowsFor(federation, 'health', 'chosen-by-two-callers');
    expect(rows.map((row) => row.actorRole).sort()).toEqual(['carer', 'gp']);
    expect(new Set(rows.map((row) => row.requestId)).size).toBe(2);
    expect(rows.map((row) => row.requestId).sort()).toEqual(
      answers.map((answer) => answer.headers.get('x-request-id')).sort(),
    );
    expect(rows.map((row) => row.requestId)).not.toContain('chosen-by-two-callers');
  });

  it('refuses to alter the audit in every agency: the database rejects UPDATE and DELETE', async () => {
    for (const agency of agencies) {
      const db = federation.federation.subgraphs[agency]!.database.db;
      // drizzle wraps the database's error; the trigger's message is in its cause.
      const refusal = (statement: ReturnType<typeof sql>) =>
        db.execute(statement).then(
          () => 'allowed',
          (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
        );
      expect(await refusal(sql`update audit_events set actor_name = 'nobody'`), agency).toBe(
        'audit_events is append-only: UPDATE is not allowed',
      );
      expect(await refusal(sql`delete from audit_events`), agency).toBe(
        'audit_events is append-only: DELETE is not allowed',
      );
      expect(await refusal(sql`truncate audit_events`), agency).toBe(
        'audit_events is append-only: TRUNCATE is not allowed',
      );
    }
  });

  it('lets Sam see who has looked at his record, newest first, across the agencies', async () => {
    const query = `query { person(nhsNumber: "${sam}") {
      healthAccessLog(first: 50) { edges { node { actorName actorRole occurredAt categories } } }
      socialCareAccessLog(first: 50) { edges { node { actorName } } }
      voluntarySectorAccessLog(first: 50) { edges { node { actorName } } }
      careCoordinationAccessLog(first: 50) { edges { node { actorName } } }
    } }`;
    const { body } = await federation.query<{
      person: Record<string, { edges: Array<{ node: { actorName: string; occurredAt?: string } }> }>;
    }>('sam', query);
    expect(body.errors).toBeUndefined();
    const health = body.data!.person['healthAccessLog']!.edges.map((edge) => edge.node);
    expect(health.map((event) => event.actorName)).toEqual(
      expect.arrayContaining(['Dr Priya Shah', 'Lucy Evans', 'Margaret Taylor']),
    );
    const times = health.map((event) => event.occurredAt as string);
    expect([...times].sort().reverse()).toEqual(times);
    expect(body.data!.person['socialCareAccessLog']!.edges.map((edge) => edge.node.actorName)).toContain(
      'Daniel Moore',
    );
    expect(body.data!.person['voluntarySectorAccessLog']!.edges.map((edge) => edge.node.actorName)).toContain(
      'Amira Hassan',
    );
    expect(body.data!.person['careCoordinationAccessLog']!.edges.map((edge) => edge.node.actorName)).toEqual(
      expect.arrayContaining(['Rachel Green', 'Lucy Evans', 'Grace Okafor']),
    );
  });

  it('does not let Sam read anyone else, and answers an unknown number exactly as a refused one', async () => {
    const ask = (user: string, nhsNumber: string, selection = 'name { full }') =>
      federation.query(user, `query($n: NHSNumber!) { person(nhsNumber: $n) { nhsNumber ${selection} } }`, {
        n: nhsNumber,
      });
    const refusal = (nhsNumber: string) => ({
      data: { person: { nhsNumber, name: null } },
      errors: [
        {
          message: `${agencyNames.health} does not share this part of the record with you.`,
          path: ['person', 'name'],
          extensions: { code: 'FORBIDDEN', agency: agencyNames.health, serviceName: 'health' },
        },
      ],
    });
    expect((await ask('sam', '9990000034')).body).toEqual(refusal('9990000034'));
    // His mother's name he sees, as the council records her as his unpaid carer; nothing else of her record.
    expect((await ask('sam', '9990000026')).body).toEqual({
      data: { person: { nhsNumber: '9990000026', name: { full: 'Margaret Taylor' } } },
    });
    const hers = (await ask('sam', '9990000026', 'dateOfBirth')).body;
    expect(hers.data).toEqual({ person: { nhsNumber: '9990000026', dateOfBirth: null } });
    expect(hers.errors).toMatchObject([{ path: ['person', 'dateOfBirth'], extensions: { code: 'FORBIDDEN' } }]);
    const unknown = (await ask('unrelated-gp', '9434765919')).body;
    const known = (await ask('unrelated-gp', sam)).body;
    expect(unknown).toEqual(refusal('9434765919'));
    expect(JSON.stringify(unknown).replace('9434765919', sam)).toBe(JSON.stringify(known));
    // Asking only for the key, or for many people at once, tells nothing either.
    expect((await ask('unrelated-gp', '9434765919', '')).body).toEqual({
      data: { person: { nhsNumber: '9434765919' } },
    });
    expect((await ask('unrelated-gp', sam, '')).body).toEqual({ data: { person: { nhsNumber: sam } } });
    const many = await federation.query<{ people: Array<{ name: unknown }> }>(
      'unrelated-gp',
      `{ people(nhsNumbers: ["${sam}", "9434765919"]) { name { full } } }`,
    );
    expect(many.body.data?.people).toEqual([{ name: null }, { name: null }]);
    const search = await federation.query<{ searchPeople: unknown }>(
      'unrelated-gp',
      '{ searchPeople(name: "Taylor", first: 50) { edges { node { nhsNumber } } } }',
    );
    expect(JSON.stringify(search.body.data?.searchPeople)).not.toContain(sam);
  });

  it('withholds sensitive entries unless the rule allows them, without a trace in pages or cursors', async () => {
    const page = `{ person(nhsNumber: "${sam}") { encounters(first: 20) { edges { cursor node { type } } pageInfo {
                   hasNextPage } } } }`;
    type Page = { person: { encounters: { edges: Array<{ cursor: string; node: { type: string } }> } } };
    const gp = (await federation.query<Page>('gp', page)).body.data!.person.encounters.edges;
    const nurse = (await federation.query<Page>('diabetes-nurse', page)).body.data!.person.encounters.edges;
    expect(gp.map((edge) => edge.node.type)).toContain('Safeguarding discussion');
    expect(nurse.map((edge) => edge.node.type)).not.toContain('Safeguarding discussion');
    expect(nurse).toHaveLength(gp.length - 1);
    const hidden = gp.find((edge) => edge.node.type === 'Safeguarding discussion')!.cursor;
    expect(nurse.map((edge) => edge.cursor)).not.toContain(hidden);
  });

  it(
    'refuses _entities enumeration straight at each subgraph ' + 'without telling held records from unknown ones',
    async () => {
      const token = await federation.tokenFor('unrelated-gp');
      const probes: Record<Agency, string> = {
        health: 'name { full }',
        'social-care': 'careAndSupportPlan { status }',
        'voluntary-sector': 'socialPrescribingReferrals { status }',
        'care-coordination': 'carePlan { version }',
      };
      for (const agency of Object.keys(probes) as Agency[]) {
        const query = `{ _entities(representations: [{ __typename: "Person", nhsNumber: "${sam}" }, { __typename:
          "Person",
                      nhsNumber: "9434765919" }]) { ... on Person { ${probes[agency]} } } }`;
        const { body } = await graphqlRequest(federation.federation.subgraphs[agency]!.url, { query, token });
        const [held, unknown] = body.errors ?? [];
        expect(body.errors, agency).toHaveLength(2);
        expect({ ...held, path: undefined }, agency).toEqual({ ...unknown, path: undefined });
        expect(held?.extensions?.['code'], agency).toBe('FORBIDDEN');
      }
    },
  );

  it(
    'opens an emergency to a GP without a relationship, flags it, ' +
      'keeps it open briefly and lists it for the privacy officer',
    async () => {
      const query = `{ person(nhsNumber: "${sam}") { name { full } problems { code { display } } encounters(first: 1) {
                    edges { node { type } } } } }`;
      const reason = 'Found collapsed at the surgery; checking diabetes history';
      const emergency = await federation.query<{
        person: { name: { full: string }; problems: unknown[]; encounters: unknown };
      }>('unrelated-gp', query, {}, { 'x-break-glass': `${sam}; ${reason}` });
      expect(emergency.body.data?.person).toMatchObject({ name: { full: 'Sam Taylor' }, encounters: null });
      expect(emergency.body.data?.person.problems.length).toBeGreaterThan(0);
      // Consultations are not opened by break-glass in health's policy.
      expect(emergency.body.errors?.map((error) => error.path)).toEqual([['person', 'encounters']]);
      const withoutReason = await federation.query<{ person: { name: { full: string } } }>(
        'unrelated-gp',
        query,
        {},
        { 'x-request-id': 'still-open' },
      );
      expect(withoutReason.body.data?.person.name.full).toBe('Sam Taylor');
      // Still flagged, but not a new declaration: reading under an emergency does not extend it.
      const continued = await auditRowsFor(federation, 'health', 'still-open');
      expect(
        continued.map((row) => ({
          breakGlass: row.breakGlass,
          declared: row.breakGlassDeclared,
          reason: row.breakGlassReason,
        })),
      ).toEqual([{ breakGlass: true, declared: false, reason }]);
      const review = await federation.query<{
        healthBreakGlassAccesses: { edges: Array<{ node: Record<string, unknown> }> };
      }>(
        'privacy-officer',
        '{ healthBreakGlassAccesses(first: 10) { edges { node { ' +
          'actorName nhsNumber breakGlass breakGlassReason categories } ' +
          '} } }',
      );
      expect(review.body.errors).toBeUndefined();
      expect(review.body.data?.healthBreakGlassAccesses.edges.map((edge) => edge.node)).toContainEqual({
        actorName: 'Dr Michael Brown',
        nhsNumber: sam,
        breakGlass: true,
        breakGlassReason: reason,
        categories: ['demographics', 'problems'],
      });
      const refused = await federation.query('gp', '{ healthBreakGlassAccesses(first: 1) { edges { node { id } } } }');
      expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    },
  );

  it('lets Sam change his sharing decision, which takes effect at once and is audited', async () => {
    const referrals = `{ person(nhsNumber: "${sam}") { socialPrescribingReferrals { status } } }`;
    expect((await federation.query('social-worker', referrals)).body.errors?.[0]?.extensions?.['code']).toBe(
      'FORBIDDEN',
    );
    const share =
      'mutation($shared: Boolean!) { ' +
      'setVoluntarySectorSharing(nhsNumber: "9990000018", sector: ' +
      '"social-care", shared: $shared) { sector shared } }';
    const refusedChange = await federation.query('social-worker', share, { shared: true });
    expect(refusedChange.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const changed = await federation.query('sam', share, { shared: true }, { 'x-request-id': 'sam-shares' });
    expect(changed.body).toEqual({ data: { setVoluntarySectorSharing: { sector: 'social-care', shared: true } } });
    expect((await federation.query('social-worker', referrals)).body.errors).toBeUndefined();
    const audited = await federation.federation.subgraphs['voluntary-sector']!.database.db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.correlationId, 'sam-shares'), eq(auditEvents.action, 'write')));
    expect(audited.map((row) => ({ actor: row.actorName, categories: row.categories }))).toEqual([
      { actor: 'Sam Taylor', categories: ['sharing-decisions'] },
    ]);
    await federation.query('carer', share, { shared: false });
    expect((await federation.query('social-worker', referrals)).body.errors?.[0]?.extensions?.['code']).toBe(
      'FORBIDDEN',
    );
  });

  it('audited every answer of person data this suite received, in each agency that answered', async () => {
    const { checked, missing } = await federation.unauditedReads();
    expect(checked).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});
