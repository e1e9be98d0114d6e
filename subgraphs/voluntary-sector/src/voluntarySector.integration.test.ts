import { type Database, encodeCursor } from '@joined-up/kit';
import { startSubgraphForTest, type TestEngine, type TestSubgraph } from '@joined-up/test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voluntarySectorSubgraph } from './index.ts';
import type { VoluntarySectorTables } from './tables.ts';

const people = 400;
const communityLinks = { code: 'DEMOV2', name: 'Community Links Social Prescribing' };
const carersGroup = { code: 'DEMOV1', name: "Riverside Carers' Support Group" };
const amira = { id: 'w-lw-hassan', name: 'Amira Hassan', jobTitle: 'Social prescribing link worker', organisation: communityLinks };
const recordedBy = (worker: typeof amira, recordedAt: string) => ({ recordedBy: worker.name, recordedByRole: worker.jobTitle, organisation: worker.organisation, recordedAt });

const personFields = /* GraphQL */ `
  nhsNumber
  socialPrescribingReferrals {
    id
    code { system code display }
    referredOn
    referrer { name role organisationName organisation { code name } }
    referredTo { code name }
    reason
    status
    statusHistory { status changedOn changedBy reason provenance { recordedBy recordedByRole organisation { code name } recordedAt } }
    linkWorker { id name jobTitle organisation { code name } }
    agreedToShare
    provenance { recordedBy recordedByRole organisation { code name } recordedAt }
  }
  whatMattersToMe { id heldOn heldBy { id name jobTitle organisation { code name } } whatMatters goals provenance { recordedBy recordedByRole organisation { code name } recordedAt } }
`;
const entitiesQuery = /* GraphQL */ `
  query People($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Person { ${personFields} engagements(first: 3) { edges { node { id service { name } } } } } }
  }
`;
const representations = (...nhsNumbers: string[]) => ({ representations: nhsNumbers.map((nhsNumber) => ({ __typename: 'Person', nhsNumber })) });

interface PersonResult {
  nhsNumber: string;
  socialPrescribingReferrals: Array<Record<string, unknown>>;
  whatMattersToMe: Array<Record<string, unknown>>;
  engagements: { edges: Array<{ node: { id: string } }> };
}
interface EngagementPage {
  _entities: Array<{ engagements: { edges: Array<{ node: { id: string; occurredOn: string; organisation: { code: string }; attended: boolean } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }>;
}
interface ClientPage {
  voluntarySectorClients: {
    edges: Array<{ node: { id: string; displayName: string; nhsNumber: string | null; linkedWithAgreementOn: string | null; person: { nhsNumber: string } | null } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}

describe.each<TestEngine>(['pglite', 'postgresql'])('voluntary-sector subgraph on %s', (engine) => {
  let subgraph: TestSubgraph;
  const db = () => subgraph.subgraph.database.db as unknown as Database<VoluntarySectorTables>;
  const count = async (table: string) => ((await db().execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: Array<{ n: number }> }).rows[0]?.n;

  beforeAll(async () => {
    subgraph = await startSubgraphForTest(voluntarySectorSubgraph, { engine, people });
  });
  afterAll(async () => subgraph?.stop());

  it("returns Sam's social prescribing referral with its SNOMED CT code, status history and provenance", async () => {
    const { status, body } = await subgraph.query<{ _entities: PersonResult[] }>('gp', entitiesQuery, representations('999 000 0018'));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const [sam] = body.data!._entities;
    expect(sam?.nhsNumber).toBe('9990000018');
    expect(sam?.socialPrescribingReferrals).toEqual([
      {
        id: 'sam-referral-1',
        code: { system: 'http://snomed.info/sct', code: '871731000000106', display: 'Referral to social prescribing service' },
        referredOn: '2026-05-12',
        referrer: { name: 'Dr Priya Shah', role: 'GP', organisationName: 'Riverside Medical Centre', organisation: { code: 'DEMOP1', name: 'Riverside Medical Centre' } },
        referredTo: communityLinks,
        reason: 'Lonely since moving into his new flat and would like to meet people. Wants confidence cooking for himself, with his diabetes in mind.',
        status: 'ACCEPTED',
        statusHistory: [
          { status: 'SENT', changedOn: '2026-05-12', changedBy: 'Dr Priya Shah, GP', reason: null, provenance: recordedBy(amira, '2026-05-12T15:10:00.000Z') },
          { status: 'ACCEPTED', changedOn: '2026-05-15', changedBy: 'Amira Hassan, Social prescribing link worker', reason: null, provenance: recordedBy(amira, '2026-05-15T10:30:00.000Z') },
        ],
        linkWorker: amira,
        agreedToShare: [
          'His referral, what matters to him and the groups he goes to, with his GP practice and his care coordinator',
          'The days of his groups, with Oakfield Supported Living, so his support workers can plan meals and insulin around them',
        ],
        provenance: recordedBy(amira, '2026-05-12T15:10:00.000Z'),
      },
    ]);
  });

  it('returns what matters to Sam, in his own words', async () => {
    const { body } = await subgraph.query<{ _entities: PersonResult[] }>('link-worker', entitiesQuery, representations('9990000018'));
    expect(body.data!._entities[0]?.whatMattersToMe).toEqual([
      {
        id: 'sam-what-matters-1',
        heldOn: '2026-05-28',
        heldBy: amira,
        whatMatters: ['Living in my own flat and it working this time', 'Cooking my own tea', 'Climbing on Saturdays', 'Mum not worrying all the time'],
        goals: ['Cook my own tea once a week by the end of the summer', 'Go climbing every Saturday, with Lucy at first and then on my own', 'Make a friend I can text'],
        provenance: recordedBy(amira, '2026-05-28T16:00:00.000Z'),
      },
    ]);
  });

  it("pages through Sam's engagements newest first without repeating or skipping", async () => {
    const page = `query($after: String) { _entities(representations: [{ __typename: "Person", nhsNumber: "9990000018" }]) { ... on Person { engagements(first: 3, after: $after) { edges { node { id occurredOn organisation { code } attended } } pageInfo { hasNextPage endCursor } } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const result: Awaited<ReturnType<typeof subgraph.query<EngagementPage>>> = await subgraph.query<EngagementPage>('link-worker', page, { after });
      const connection = result.body.data!._entities[0]!.engagements;
      seen.push(...connection.edges.map((edge) => edge.node.id));
      expect(connection.edges.every((edge) => edge.node.organisation.code === 'DEMOV2')).toBe(true);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const forged = await subgraph.query('link-worker', page, { after: encodeCursor({ key: 'yesterday', id: 'x' }) });
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(seen).toEqual(['sam-engagement-7', 'sam-engagement-6', 'sam-engagement-5', 'sam-engagement-4', 'sam-engagement-3', 'sam-engagement-2', 'sam-engagement-1']);
  });

  it("holds Margaret's support from the carers' group, with her own words and her sessions", async () => {
    const query = `{ _entities(representations: [{ __typename: "Person", nhsNumber: "9990000026" }]) { ... on Person {
      socialPrescribingReferrals { referredTo { code name } status linkWorker { name } }
      whatMattersToMe { heldOn heldBy { name } whatMatters goals }
      engagements { edges { node { occurredOn organisation { code name } service { name category howToContact } activity attended notes provenance { recordedBy organisation { code } } } } pageInfo { hasNextPage } }
    } } }`;
    const { body } = await subgraph.query<{ _entities: Array<Record<string, unknown>> }>('link-worker', query);
    expect(body.errors).toBeUndefined();
    const margaret = body.data!._entities[0]!;
    expect(margaret['socialPrescribingReferrals']).toEqual([{ referredTo: carersGroup, status: 'ACCEPTED', linkWorker: { name: 'Jo Bennett' } }]);
    expect(margaret['whatMattersToMe']).toEqual([
      {
        heldOn: '2025-11-20',
        heldBy: { name: 'Jo Bennett' },
        whatMatters: ["Knowing Sam will be all right when I can't do this any more", 'A full night of sleep without the phone by the bed', 'Getting back to my allotment'],
        goals: ["Write down everything Sam needs, so someone else could do it if I couldn't", "Come to the carers' café once a month", "Ask the council for a carer's assessment"],
      },
    ]);
    const cafe = { name: "Carers' café", category: 'PEER_SUPPORT', howToContact: 'Drop in, first Tuesday of the month, 10:00 to 12:00, Riverside Library community room. Call 01632 960500.' };
    const session = (occurredOn: string, service: object, activity: string, attended: boolean, notes: string) => ({
      node: { occurredOn, organisation: carersGroup, service, activity, attended, notes, provenance: { recordedBy: 'Jo Bennett', organisation: { code: 'DEMOV1' } } },
    });
    expect(margaret['engagements']).toEqual({
      edges: [
        session('2026-03-03', cafe, "Carers' café", true, 'Shared the finished emergency plan with the group as an example.'),
        session('2026-02-03', cafe, "Carers' café", false, 'Phoned to say Sam was unsettled after a change of support worker.'),
        session('2026-01-20', { name: "Carers' information and advice", category: 'INFORMATION_AND_ADVICE', howToContact: 'Call 01632 960500, weekdays 9:00 to 17:00, to book an appointment.' }, 'Planning ahead appointment', true, "Started an emergency plan for Sam: who to call, his insulin routine, what calms him. Referred to the council for a carer's assessment."),
        session('2026-01-06', cafe, "Carers' café", true, 'Met two other parent carers of adults with a learning disability.'),
        session('2025-12-02', cafe, "Carers' café", true, 'First visit. Talked about the two placements that broke down and how tired she is.'),
      ],
      pageInfo: { hasNextPage: false },
    });
  });

  it("lists the link worker's own clients by name, those without an NHS number never as a Person", async () => {
    const page = `query($after: String) { voluntarySectorClients(first: 25, after: $after) { edges { node { id displayName nhsNumber linkedWithAgreementOn person { nhsNumber } } } pageInfo { hasNextPage endCursor } } }`;
    const clients: ClientPage['voluntarySectorClients']['edges'][number]['node'][] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i += 1) {
      const result: Awaited<ReturnType<typeof subgraph.query<ClientPage>>> = await subgraph.query<ClientPage>('link-worker', page, { after });
      expect(result.body.errors).toBeUndefined();
      clients.push(...result.body.data!.voluntarySectorClients.edges.map((edge) => edge.node));
      if (!result.body.data!.voluntarySectorClients.pageInfo.hasNextPage) break;
      after = result.body.data!.voluntarySectorClients.pageInfo.endCursor;
    }
    expect(new Set(clients.map((client) => client.id)).size).toBe(clients.length);
    expect(clients.find((client) => client.id === 'sam-client')).toEqual({ id: 'sam-client', displayName: 'Sam Taylor', nhsNumber: '9990000018', linkedWithAgreementOn: '2026-05-15', person: { nhsNumber: '9990000018' } });
    expect(clients.find((client) => client.id === 'local-story-2')).toEqual({ id: 'local-story-2', displayName: 'Niamh Kelly', nhsNumber: null, linkedWithAgreementOn: null, person: null });
    const local = clients.filter((client) => client.nhsNumber === null);
    expect(local.length).toBeGreaterThanOrEqual(3);
    expect(local.every((client) => client.person === null && client.linkedWithAgreementOn === null)).toBe(true);
    expect(clients.filter((client) => client.nhsNumber !== null).every((client) => client.person?.nhsNumber === client.nhsNumber)).toBe(true);
    expect(clients.some((client) => client.id === 'margaret-client')).toBe(false);
    const surnames = clients.map((client) => client.displayName.split(' ').slice(1).join(' ').toLowerCase());
    expect(surnames).toEqual([...surnames].sort());
  });

  it('resolves several people in one request with one statement per table, and nothing held is an empty list', async () => {
    const { statements } = subgraph.subgraph.database;
    const few = ['9990000018', '9990000026'];
    const known = ((await db().execute(sql`select distinct nhs_number from referrals order by nhs_number limit 12`)) as unknown as { rows: Array<{ nhs_number: string }> }).rows.map((row) => row.nhs_number);
    const statementsFor = async (nhsNumbers: string[]) => {
      const before = statements.count;
      const { body } = await subgraph.query<{ _entities: PersonResult[] }>('gp', entitiesQuery, representations(...nhsNumbers));
      expect(body.errors).toBeUndefined();
      expect(body.data!._entities.map((person) => person.nhsNumber)).toEqual(nhsNumbers);
      return { statements: statements.count - before, people: body.data!._entities };
    };
    const small = await statementsFor(few);
    const large = await statementsFor([...known, '9434765919']);
    expect(known.length).toBe(12);
    // referrals, status changes, conversations, engagements, workers, organisations, services
    expect(large.statements).toBe(7);
    expect(small.statements).toBe(7);
    expect(large.people.slice(0, -1).every((person) => person.socialPrescribingReferrals.length === 1)).toBe(true);
    expect(large.people.at(-1)).toEqual({ nhsNumber: '9434765919', socialPrescribingReferrals: [], whatMattersToMe: [], engagements: { edges: [] } });
  });

  it('refuses an invalid NHS number in a representation with BAD_USER_INPUT naming it', async () => {
    const { body } = await subgraph.query<{ _entities: Array<{ nhsNumber: string } | null> }>('gp', entitiesQuery, representations('9990000017', '9990000018'));
    expect(body.data?._entities.map((person) => person?.nhsNumber ?? null)).toEqual([null, '9990000018']);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Argument "representations" is not a valid NHS number: it must be 10 digits with a correct Modulus 11 check digit.',
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'representations', agency: 'Riverside Voluntary Sector Partnership', serviceName: 'voluntary-sector' },
      }),
    ]);
  });

  it('answers nothing, _entities included, without a valid token', async () => {
    for (const result of [await subgraph.query(undefined, entitiesQuery, representations('9990000018')), await subgraph.query(undefined, '{ voluntarySectorClients { edges { cursor } } }')]) {
      expect(result.status).toBe(401);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('lists the charities with their services and volunteers', async () => {
    const { body } = await subgraph.query<{ voluntaryOrganisations: Array<{ code: string; charityKind: string; services: Array<{ name: string; organisation: { code: string }; volunteerCount: number; volunteers: Array<{ id: string; name: string; role: string }> }> }> }>(
      'link-worker',
      '{ voluntaryOrganisations { code charityKind services { name organisation { code } volunteerCount volunteers { id name role } } } }',
    );
    expect(body.errors).toBeUndefined();
    const organisations = body.data!.voluntaryOrganisations;
    expect(organisations.map((organisation) => [organisation.code, organisation.charityKind])).toEqual([
      ['DEMOV3', 'UNINCORPORATED_ASSOCIATION'],
      ['DEMOV2', 'CHARITABLE_COMPANY'],
      ['DEMOV1', 'CHARITABLE_INCORPORATED_ORGANISATION'],
    ]);
    const services = organisations.flatMap((organisation) => organisation.services.map((service) => ({ ...service, owner: organisation.code })));
    expect(services.every((service) => service.organisation.code === service.owner && service.volunteerCount === service.volunteers.length)).toBe(true);
    expect(services.find((service) => service.name === 'Saturday climbing club')?.volunteers.map((volunteer) => volunteer.role)).toEqual(expect.arrayContaining(['Activity leader', 'Session helper']));
    expect(services.reduce((sum, service) => sum + service.volunteerCount, 0)).toBe(19);
  });

  it('writes the same rows when the seed runs again', async () => {
    const tables = ['referrals', 'referral_status_changes', 'what_matters_conversations', 'engagements', 'clients', 'volunteers'];
    const before = await Promise.all(tables.map(count));
    await voluntarySectorSubgraph.seed(db(), { people });
    expect(await Promise.all(tables.map(count))).toEqual(before);
    expect(before.every((n) => (n ?? 0) > 0)).toBe(true);
  });
});
