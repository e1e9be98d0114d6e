import { readRegisteredOperations } from '@joined-up/schema';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationshipsElsewhereCases } from './accessMatrix.ts';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

// Health's policy accepts relationships the council and the partnership record (an allocation, a
// care team, an unpaid carer), read through the gateway with the caller's own token. Over real
// HTTP: the social worker's caseload is named, strangers stay refused, Sam and his mother see her
// name, and with the agency that records the relationship stopped health decides on its own data
// alone, as it did before.

const sam = '9990000018';
const mother = '9990000026';
/** A person in the demo population the social worker has no relationship with. */
const stranger = '9990000034';

/** The README's caseload example, as registered: health's name beside the council's allocation. */
const caseload = readRegisteredOperations().find((operation) => operation.name === 'MyCaseload')!.body;
const names = /* GraphQL */ `
  query Names($nhsNumbers: [NHSNumber!]!) {
    people(nhsNumbers: $nhsNumbers) {
      nhsNumber
      name {
        full
      }
    }
  }
`;
const carerName = /* GraphQL */ `
  query CarerName {
    person(nhsNumber: "${sam}") {
      unpaidCarers {
        carer {
          nhsNumber
          name {
            full
          }
        }
      }
    }
  }
`;

type Errors = Array<{ path?: ReadonlyArray<string | number>; extensions?: { code?: string; agency?: string } }>;
type NamesData = { people: Array<{ nhsNumber: string; name: { full: string } | null }> };
type CarerData = {
  person: { unpaidCarers: Array<{ carer: { nhsNumber: string; name: { full: string } | null } }> | null };
};

const forbidden = (errors: Errors | undefined) =>
  (errors ?? []).filter((error) => error.extensions?.code === 'FORBIDDEN' && error.path?.at(-1) === 'name').length;

describe('relationships another agency records, accepted by health’s policy', () => {
  let federation: TestFederation;
  let allocated: string[] = [];

  beforeAll(async () => {
    federation = await startFederationForTest();
  }, 120_000);
  afterAll(async () => {
    await federation?.stop();
  });

  it("names every person on the social worker's caseload (the issue's 19 of 20 refused are now 0)", async () => {
    const result = await federation.query<{
      socialCareCaseload: { edges: Array<{ node: { person: { nhsNumber: string; name: { full: string } | null } } }> };
    }>('social-worker', caseload);
    const people = result.body.data!.socialCareCaseload.edges.map((edge) => edge.node.person);
    allocated = people.map((person) => person.nhsNumber);
    expect(people).toHaveLength(20);
    expect(forbidden(result.body.errors as Errors)).toBe(0);
    expect(people.every((person) => person.name !== null)).toBe(true);
  });

  it('still refuses her a stranger’s name', async () => {
    const result = await federation.query<NamesData>('social-worker', names, { nhsNumbers: [stranger] });
    expect(allocated).not.toContain(stranger);
    expect(result.body.data!.people[0]!.name).toBeNull();
    expect(result.body.errors).toMatchObject([{ path: ['people', 0, 'name'], extensions: { code: 'FORBIDDEN' } }]);
  });

  it('shows Sam his mother’s name, and her own to his mother', async () => {
    for (const user of ['sam', 'carer']) {
      const result = await federation.query<CarerData>(user, carerName);
      expect(result.body.errors, user).toBeUndefined();
      expect(result.body.data!.person.unpaidCarers).toEqual([
        { carer: { nhsNumber: mother, name: { full: 'Margaret Taylor' } } },
      ]);
    }
  });

  it('shows Sam nothing of his mother’s record but her name', async () => {
    const result = await federation.query<{ person: { dateOfBirth: string | null } }>(
      'sam',
      `{ person(nhsNumber: "${mother}") { dateOfBirth } }`,
    );
    expect(result.body.data!.person.dateOfBirth).toBeNull();
    expect(result.body.errors).toMatchObject([{ extensions: { code: 'FORBIDDEN' } }]);
  });

  it.each(relationshipsElsewhereCases)(
    'decides as the access matrix says: $user, $category of $subject ($relationship)',
    async ({ user, subject, field, sees }) => {
      const result = await federation.query<{ person: Record<string, unknown> }>(
        user,
        `{ person(nhsNumber: "${subject}") { ${field} } }`,
      );
      const answered = result.body.data?.person[field.split(/[ ({]/)[0]!] ?? null;
      expect(answered !== null, JSON.stringify(result.body.errors)).toBe(sees);
    },
  );

  it('the council audits what it told, keyed to the request whose decision it informed', async () => {
    const rowsOf = async (agency: string, query: SQL) =>
      (
        (await federation.federation.subgraphs[agency]!.database.db.execute(query)) as unknown as {
          rows: Array<Record<string, unknown>>;
        }
      ).rows;
    const told = await rowsOf(
      'social-care',
      sql`select correlation_id from audit_events
          where actor_role = 'social-worker' and 'relationships' = any(categories) and nhs_number = ${allocated[1]}`,
    );
    expect(told.length).toBeGreaterThan(0);
    // Health's audit of what it showed her, under the request the council names as its correlation id.
    const decided = await rowsOf(
      'health',
      sql`select categories from audit_events
          where request_id = ${told[0]!['correlation_id'] as string} and nhs_number = ${allocated[1]}`,
    );
    expect(decided).toEqual([{ categories: ['demographics'] }]);
  });

  it("tells health nothing of a person who declined to share the council's and partnership's record", async () => {
    // One of her caseload whom health knows of only through the council (and the partnership's care team).
    const person = allocated.find((nhsNumber) => nhsNumber !== sam)!;
    const agencies = ['social-care', 'care-coordination'].map((name) => federation.federation.subgraphs[name]!);
    const decline = (declined: boolean) =>
      Promise.all(
        agencies.map((agency) =>
          agency.database.db.execute(
            declined
              ? sql`insert into sharing_decisions (nhs_number, sector, decided_by_subject)
                  values (${person}, 'health', ${person})`
              : sql`delete from sharing_decisions where nhs_number = ${person} and sector = 'health'`,
          ),
        ),
      );
    await decline(true);
    try {
      const result = await federation.query<NamesData>('social-worker', names, { nhsNumbers: [person] });
      expect(result.body.data!.people[0]!.name).toBeNull();
      expect(forbidden(result.body.errors as Errors)).toBe(1);
    } finally {
      await decline(false);
    }
    const again = await federation.query<NamesData>('social-worker', names, { nhsNumbers: [person] });
    expect(again.body.data!.people[0]!.name).not.toBeNull();
  });

  it('with the agency that records them stopped, decides on its own data alone: no more is shown', async () => {
    await federation.federation.subgraphs['care-coordination']!.stop();
    await federation.federation.subgraphs['social-care']!.stop();
    const result = await federation.query<NamesData>('social-worker', names, { nhsNumbers: allocated });
    // As in the issue: health knows of the one person whose practice puts her on the care team.
    expect(forbidden(result.body.errors as Errors)).toBe(19);
    const mine = await federation.query<{ person: { name: { full: string } | null } }>(
      'sam',
      `{ person(nhsNumber: "${mother}") { name { full } } }`,
    );
    expect(mine.body.data!.person.name).toBeNull();
  });
});

describe('through a gateway that serves only registered operations', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startFederationForTest({
      gateway: {
        trustedDocuments: {
          documents: readRegisteredOperations().map(({ id, body }) => ({ id, body })),
          refuseUnregistered: true,
        },
      },
    });
  }, 120_000);
  afterAll(async () => {
    await federation?.stop();
  });

  it("still names the social worker's caseload: health's own question is registered", async () => {
    const result = await federation.query<{ socialCareCaseload: { edges: unknown[] } }>('social-worker', caseload);
    expect(result.body.data!.socialCareCaseload.edges).toHaveLength(20);
    expect(forbidden(result.body.errors as Errors)).toBe(0);
    // Anything unregistered is still refused, so the names above came through the registered question.
    const adHoc = await federation.query(
      'social-worker',
      '{ socialCareRelationshipsWithCaller(nhsNumbers: [], forSector: "health") { nhsNumber } }',
    );
    expect(adHoc.body.errors?.[0]?.extensions?.['code']).toBeDefined();
  });
});
