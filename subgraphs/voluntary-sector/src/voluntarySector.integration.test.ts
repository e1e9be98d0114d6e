import { type DemoUser, signToken } from '@joined-up/dev';
import { type Database, encodeCursor } from '@joined-up/kit';
import { graphqlRequest, startSubgraphForTest, type TestEngine, type TestSubgraph } from '@joined-up/test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voluntarySectorSubgraph } from './index.ts';
import type { VoluntarySectorTables } from './tables.ts';

const people = 400;
const communityLinks = { code: 'DEMOV2', name: 'Community Links Social Prescribing' };
const carersGroup = { code: 'DEMOV1', name: "Riverside Carers' Support Group" };
const amira = {
  id: 'w-lw-hassan',
  name: 'Amira Hassan',
  jobTitle: 'Social prescribing link worker',
  organisation: communityLinks,
};
const recordedBy = (worker: typeof amira, recordedAt: string) => ({
  recordedBy: worker.name,
  recordedByRole: worker.jobTitle,
  organisation: worker.organisation,
  recordedAt,
});
/** Voluntary-sector staff who are not demo users, signed in by the test's identity provider. */
const staff = (
  subject: string,
  name: string,
  role: string,
  organisation: { code: string; name: string },
): DemoUser => ({
  username: subject,
  subject,
  name,
  role,
  organisation: { ...organisation, sector: 'voluntary-sector' },
  description: name,
});
const jo = staff('w-cs-bennett', 'Jo Bennett', 'carer-support-worker', carersGroup);
const privacyOfficer = staff('w-po-adeyemi', 'Kemi Adeyemi', 'privacy-officer', communityLinks);

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
    statusHistory { status changedOn changedBy reason provenance { recordedBy recordedByRole organisation { code
      name } recordedAt } }
    linkWorker { id name jobTitle organisation { code name } }
    agreedToShare
    provenance { recordedBy recordedByRole organisation { code name } recordedAt }
  }
  whatMattersToMe { id heldOn heldBy { id name jobTitle organisation { code name } } whatMatters goals provenance {
    recordedBy recordedByRole organisation { code name } recordedAt } }
`;
const entitiesQuery = /* GraphQL */ `
  query People($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Person { ${personFields}
      engagements(first: 3) { edges { node { id service { name } } } } } }
  }
`;
const representations = (...nhsNumbers: string[]) => ({
  representations: nhsNumbers.map((nhsNumber) => ({ __typename: 'Person', nhsNumber })),
});

interface PersonResult {
  nhsNumber: string;
  socialPrescribingReferrals: Array<Record<string, unknown>>;
  whatMattersToMe: Array<Record<string, unknown>>;
  engagements: { edges: Array<{ node: { id: string } }> };
}
interface EngagementPage {
  _entities: Array<{
    engagements: {
      edges: Array<{ node: { id: string; occurredOn: string; organisation: { code: string }; attended: boolean } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
  }>;
}
interface ClientPage {
  voluntarySectorClients: {
    edges: Array<{
      node: {
        id: string;
        displayName: string;
        nhsNumber: string | null;
        linkedWithAgreementOn: string | null;
        person: { nhsNumber: string } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}

describe.each<TestEngine>(['pglite', 'postgresql'])('voluntary-sector subgraph on %s', (engine) => {
  let subgraph: TestSubgraph;
  const db = () => subgraph.subgraph.database.db as unknown as Database<VoluntarySectorTables>;
  const count = async (table: string) =>
    (
      (await db().execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
        rows: Array<{ n: number }>;
      }
    ).rows[0]?.n;

  /** Runs an operation as a user who is not among the demo users, or with extra headers. */
  const queryAs = async <TData = Record<string, unknown>>(
    user: DemoUser | string,
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) =>
    graphqlRequest<TData>(subgraph.subgraph.url, {
      query,
      variables,
      headers,
      token:
        typeof user === 'string'
          ? await subgraph.idp.tokenFor(user)
          : await signToken(user, subgraph.idp.key, subgraph.idp.identity),
    });

  beforeAll(async () => {
    subgraph = await startSubgraphForTest(voluntarySectorSubgraph, { engine, people });
  });
  afterAll(async () => subgraph?.stop());

  it("returns Sam's social prescribing referral with its SNOMED CT code, status history and provenance", async () => {
    const { status, body } = await subgraph.query<{ _entities: PersonResult[] }>(
      'gp',
      entitiesQuery,
      representations('999 000 0018'),
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const [sam] = body.data!._entities;
    expect(sam?.nhsNumber).toBe('9990000018');
    expect(sam?.socialPrescribingReferrals).toEqual([
      {
        id: 'sam-referral-1',
        code: {
          system: 'http://snomed.info/sct',
          code: '871731000000106',
          display: 'Referral to social prescribing service',
        },
        referredOn: '2026-05-12',
        referrer: {
          name: 'Dr Priya Shah',
          role: 'GP',
          organisationName: 'Riverside Medical Centre',
          organisation: { code: 'DEMOP1', name: 'Riverside Medical Centre' },
        },
        referredTo: communityLinks,
        reason:
          'Lonely since moving into his new flat and would like to meet ' +
          'people. Wants confidence cooking for himself, with his ' +
          'diabetes in mind.',
        status: 'ACCEPTED',
        statusHistory: [
          {
            status: 'SENT',
            changedOn: '2026-05-12',
            changedBy: 'Dr Priya Shah, GP',
            reason: null,
            provenance: recordedBy(amira, '2026-05-12T15:10:00.000Z'),
          },
          {
            status: 'ACCEPTED',
            changedOn: '2026-05-15',
            changedBy: 'Amira Hassan, Social prescribing link worker',
            reason: null,
            provenance: recordedBy(amira, '2026-05-15T10:30:00.000Z'),
          },
        ],
        linkWorker: amira,
        agreedToShare: [
          'His referral, what matters to him and the groups he goes to, with his GP practice and his care coordinator',
          'The days of his groups, with Oakfield Supported Living, so ' +
            'his support workers can plan meals and insulin around them',
        ],
        provenance: recordedBy(amira, '2026-05-12T15:10:00.000Z'),
      },
    ]);
  });

  it('returns what matters to Sam, in his own words', async () => {
    const { body } = await subgraph.query<{ _entities: PersonResult[] }>(
      'link-worker',
      entitiesQuery,
      representations('9990000018'),
    );
    expect(body.data!._entities[0]?.whatMattersToMe).toEqual([
      {
        id: 'sam-what-matters-1',
        heldOn: '2026-05-28',
        heldBy: amira,
        whatMatters: [
          'Living in my own flat and it working this time',
          'Cooking my own tea',
          'Climbing on Saturdays',
          'Mum not worrying all the time',
        ],
        goals: [
          'Cook my own tea once a week by the end of the summer',
          'Go climbing every Saturday, with Lucy at first and then on my own',
          'Make a friend I can text',
        ],
        provenance: recordedBy(amira, '2026-05-28T16:00:00.000Z'),
      },
    ]);
  });

  it("pages through Sam's engagements newest first without repeating or skipping", async () => {
    const page = `query($after: String) { _entities(representations: [{ __typename: "Person", nhsNumber: "9990000018"
                   }]) { ... on Person { engagements(first: 3, after: $after) { edges { node { id occurredOn
                   organisation { code } attended } } pageInfo { hasNextPage endCursor } } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const result: Awaited<ReturnType<typeof subgraph.query<EngagementPage>>> = await subgraph.query<EngagementPage>(
        'link-worker',
        page,
        { after },
      );
      const connection = result.body.data!._entities[0]!.engagements;
      seen.push(...connection.edges.map((edge) => edge.node.id));
      expect(connection.edges.every((edge) => edge.node.organisation.code === 'DEMOV2')).toBe(true);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const forged = await subgraph.query('link-worker', page, { after: encodeCursor({ key: 'yesterday', id: 'x' }) });
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(seen).toEqual([
      'sam-engagement-7',
      'sam-engagement-6',
      'sam-engagement-5',
      'sam-engagement-4',
      'sam-engagement-3',
      'sam-engagement-2',
      'sam-engagement-1',
    ]);
  });

  it(
    "holds Margaret's support from the carers' group, with her " +
      'own words and her sessions, for the worker who holds it',
    async () => {
      const query = `{ _entities(representations: [{ __typename: "Person", nhsNumber: "9990000026" }]) { ... on Person {
      socialPrescribingReferrals { referredTo { code name } status linkWorker { name } }
      whatMattersToMe { heldOn heldBy { name } whatMatters goals }
      engagements { edges { node { occurredOn organisation { code name } service { name category
        howToContact } activity attended notes provenance { recordedBy organisation { code } } } }
        pageInfo { hasNextPage } }
    } } }`;
      const { body } = await queryAs<{ _entities: Array<Record<string, unknown>> }>(jo, query);
      expect(body.errors).toBeUndefined();
      const margaret = body.data!._entities[0]!;
      expect(margaret['socialPrescribingReferrals']).toEqual([
        { referredTo: carersGroup, status: 'ACCEPTED', linkWorker: { name: 'Jo Bennett' } },
      ]);
      expect(margaret['whatMattersToMe']).toEqual([
        {
          heldOn: '2025-11-20',
          heldBy: { name: 'Jo Bennett' },
          whatMatters: [
            "Knowing Sam will be all right when I can't do this any more",
            'A full night of sleep without the phone by the bed',
            'Getting back to my allotment',
          ],
          goals: [
            "Write down everything Sam needs, so someone else could do it if I couldn't",
            "Come to the carers' café once a month",
            "Ask the council for a carer's assessment",
          ],
        },
      ]);
      const cafe = {
        name: "Carers' café",
        category: 'PEER_SUPPORT',
        howToContact:
          'Drop in, first Tuesday of the month, 10:00 to 12:00, Riverside Library community room. Call 01632 960500.',
      };
      const session = (occurredOn: string, service: object, activity: string, attended: boolean, notes: string) => ({
        node: {
          occurredOn,
          organisation: carersGroup,
          service,
          activity,
          attended,
          notes,
          provenance: { recordedBy: 'Jo Bennett', organisation: { code: 'DEMOV1' } },
        },
      });
      expect(margaret['engagements']).toEqual({
        edges: [
          session(
            '2026-03-03',
            cafe,
            "Carers' café",
            true,
            'Shared the finished emergency plan with the group as an example.',
          ),
          session(
            '2026-02-03',
            cafe,
            "Carers' café",
            false,
            'Phoned to say Sam was unsettled after a change of support worker.',
          ),
          session(
            '2026-01-20',
            {
              name: "Carers' information and advice",
              category: 'INFORMATION_AND_ADVICE',
              howToContact: 'Call 01632 960500, weekdays 9:00 to 17:00, to book an appointment.',
            },
            'Planning ahead appointment',
            true,
            'Started an emergency plan for Sam: who to call, his insulin ' +
              'routine, what calms him. Referred to the council for a ' +
              "carer's assessment.",
          ),
          session(
            '2026-01-06',
            cafe,
            "Carers' café",
            true,
            'Met two other parent carers of adults with a learning disability.',
          ),
          session(
            '2025-12-02',
            cafe,
            "Carers' café",
            true,
            'First visit. Talked about the two placements that broke down and how tired she is.',
          ),
        ],
        pageInfo: { hasNextPage: false },
      });
    },
  );

  it("lists the link worker's own clients by name, those without an NHS number never as a Person", async () => {
    const page = `query($after: String) { voluntarySectorClients(first: 25, after: $after) { edges { node { id
                   displayName nhsNumber linkedWithAgreementOn person { nhsNumber } } } pageInfo { hasNextPage
                   endCursor } } }`;
    const clients: ClientPage['voluntarySectorClients']['edges'][number]['node'][] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i += 1) {
      const result: Awaited<ReturnType<typeof subgraph.query<ClientPage>>> = await subgraph.query<ClientPage>(
        'link-worker',
        page,
        { after },
      );
      expect(result.body.errors).toBeUndefined();
      clients.push(...result.body.data!.voluntarySectorClients.edges.map((edge) => edge.node));
      if (!result.body.data!.voluntarySectorClients.pageInfo.hasNextPage) break;
      after = result.body.data!.voluntarySectorClients.pageInfo.endCursor;
    }
    expect(new Set(clients.map((client) => client.id)).size).toBe(clients.length);
    expect(clients.find((client) => client.id === 'sam-client')).toEqual({
      id: 'sam-client',
      displayName: 'Sam Taylor',
      nhsNumber: '9990000018',
      linkedWithAgreementOn: '2026-05-15',
      person: { nhsNumber: '9990000018' },
    });
    expect(clients.find((client) => client.id === 'local-story-2')).toEqual({
      id: 'local-story-2',
      displayName: 'Niamh Kelly',
      nhsNumber: null,
      linkedWithAgreementOn: null,
      person: null,
    });
    const local = clients.filter((client) => client.nhsNumber === null);
    expect(local.length).toBeGreaterThanOrEqual(3);
    expect(local.every((client) => client.person === null && client.linkedWithAgreementOn === null)).toBe(true);
    expect(
      clients
        .filter((client) => client.nhsNumber !== null)
        .every((client) => client.person?.nhsNumber === client.nhsNumber),
    ).toBe(true);
    expect(clients.some((client) => client.id === 'margaret-client')).toBe(false);
    const surnames = clients.map((client) => client.displayName.split(' ').slice(1).join(' ').toLowerCase());
    expect(surnames).toEqual([...surnames].sort());
  });

  it(
    'decides and resolves a caseload in one request with a fixed ' + 'number of statements, whatever its size',
    async () => {
      const { statements } = subgraph.subgraph.database;
      const caseload = `query People($representations: [_Any!]!) { _entities(representations: $representations) { ... on
                       Person {
      nhsNumber
      socialPrescribingReferrals { id referredTo { name } statusHistory { status } linkWorker { name } }
      engagements(first: 3) { edges { node { id service { name } } } }
    } } }`;
      // Community Links' referrals: Amira is the link worker on some and a member of staff for the rest.
      const referred = (
        (await db().execute(
          sql`select nhs_number, link_worker_id = 'w-lw-hassan' as hers from referrals where referred_to_code =
             'DEMOV2' and nhs_number <> '9990000018' order by nhs_number`,
        )) as unknown as {
          rows: Array<{ nhs_number: string; hers: boolean }>;
        }
      ).rows;
      const hers = referred.filter((row) => row.hers).map((row) => row.nhs_number);
      const others = referred.filter((row) => !row.hers).map((row) => row.nhs_number);
      const statementsFor = async (nhsNumbers: string[]) => {
        const before = statements.count;
        const { body } = await subgraph.query<{ _entities: PersonResult[] }>(
          'link-worker',
          caseload,
          representations(...nhsNumbers),
        );
        expect(body.errors).toBeUndefined();
        expect(body.data!._entities.map((person) => person.nhsNumber)).toEqual(nhsNumbers);
        return { statements: statements.count - before, people: body.data!._entities };
      };
      const small = await statementsFor(['9990000018', others[0]!]);
      const large = await statementsFor([...hers.slice(0, 6), ...others.slice(0, 6)]);
      expect(large.people).toHaveLength(12);
      // Facts: sharing decisions, emergencies, referrals, clients and care team in one statement. Data,
      // read together by the request's batcher: referrals, status changes and engagements with and
      // without sensitive sessions in one statement; then the workers, organisations and services they
      // name in another (or two, when the parts of the first reach their resolvers in different ticks).
      // Then the one audit insert.
      expect(small.statements).toBeGreaterThanOrEqual(4);
      expect(small.statements).toBeLessThanOrEqual(5);
      expect(large.statements).toBeGreaterThanOrEqual(4);
      expect(large.statements).toBeLessThanOrEqual(5);
      expect(large.people.every((person) => person.socialPrescribingReferrals.length === 1)).toBe(true);
    },
  );

  it('refuses an invalid NHS number in a representation with BAD_USER_INPUT naming it', async () => {
    const { body } = await subgraph.query<{ _entities: Array<{ nhsNumber: string } | null> }>(
      'gp',
      entitiesQuery,
      representations('9990000017', '9990000018'),
    );
    expect(body.data?._entities.map((person) => person?.nhsNumber ?? null)).toEqual([null, '9990000018']);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message:
          'Argument "representations" is not a valid NHS number: it ' +
          'must be 10 digits with a correct Modulus 11 check digit.',
        extensions: {
          code: 'BAD_USER_INPUT',
          argumentName: 'representations',
          agency: 'Riverside Voluntary Sector Partnership',
          serviceName: 'voluntary-sector',
        },
      }),
    ]);
  });

  it('answers nothing, _entities included, without a valid token', async () => {
    for (const result of [
      await subgraph.query(undefined, entitiesQuery, representations('9990000018')),
      await subgraph.query(undefined, '{ voluntarySectorClients { edges { cursor } } }'),
    ]) {
      expect(result.status).toBe(401);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('lists the charities with their services and volunteers', async () => {
    const { body } = await subgraph.query<{
      voluntaryOrganisations: Array<{
        code: string;
        charityKind: string;
        services: Array<{
          name: string;
          organisation: { code: string };
          volunteerCount: number;
          volunteers: Array<{ id: string; name: string; role: string }>;
        }>;
      }>;
    }>(
      'link-worker',
      '{ voluntaryOrganisations { code charityKind services { name ' +
        'organisation { code } volunteerCount volunteers { id name ' +
        'role } } } }',
    );
    expect(body.errors).toBeUndefined();
    const organisations = body.data!.voluntaryOrganisations;
    expect(organisations.map((organisation) => [organisation.code, organisation.charityKind])).toEqual([
      ['DEMOV3', 'UNINCORPORATED_ASSOCIATION'],
      ['DEMOV2', 'CHARITABLE_COMPANY'],
      ['DEMOV1', 'CHARITABLE_INCORPORATED_ORGANISATION'],
    ]);
    const services = organisations.flatMap((organisation) =>
      organisation.services.map((service) => ({ ...service, owner: organisation.code })),
    );
    expect(
      services.every(
        (service) =>
          service.organisation.code === service.owner && service.volunteerCount === service.volunteers.length,
      ),
    ).toBe(true);
    expect(
      services
        .find((service) => service.name === 'Saturday climbing club')
        ?.volunteers.map((volunteer) => volunteer.role),
    ).toEqual(expect.arrayContaining(['Activity leader', 'Session helper']));
    expect(services.reduce((sum, service) => sum + service.volunteerCount, 0)).toBe(19);
  });

  describe('the voluntary-sector timeline', () => {
    const agency = voluntarySectorSubgraph.agency.displayName;
    const forbidden = { code: 'FORBIDDEN', agency, serviceName: 'voluntary-sector' };
    const sam = '9990000018';
    const timeline = `query People($representations: [_Any!]!) { _entities(representations: $representations) { ... on
                       Person { nhsNumber voluntarySectorTimeline {
      id occurredOn kind title detail agency provenance { recordedBy recordedByRole organisation {
        code name } recordedAt }
    } } } }`;
    type Entry = {
      id: string;
      occurredOn: string;
      kind: string;
      title: string;
      detail: string | null;
      agency: string;
      provenance: ReturnType<typeof recordedBy>;
    };
    type Timeline = { _entities: Array<{ nhsNumber: string; voluntarySectorTimeline: Entry[] | null }> };
    const auditOf = async (headers: Headers) =>
      (
        (await db().execute(
          sql`select actor_subject, nhs_number, categories from audit_events where request_id =
               ${headers.get('x-request-id')} order by nhs_number, id`,
        )) as unknown as {
          rows: Array<{ actor_subject: string; nhs_number: string; categories: string[] }>;
        }
      ).rows;
    const ids = (body: { data?: Timeline | null }) =>
      body.data?._entities.map((person) => person.voluntarySectorTimeline?.map((item) => item.id) ?? null);
    const session = (n: number, occurredOn: string, title: string, detail: string): Entry => ({
      id: `voluntary-sector:engagement:sam-engagement-${n}`,
      occurredOn,
      kind: 'ENGAGEMENT',
      title,
      detail,
      agency,
      provenance: recordedBy(amira, `${occurredOn}T18:00:00.000Z`),
    });
    const samsSessions = [
      session(
        7,
        '2026-06-27',
        'Saturday climbing session',
        'Came on his own for the first time and stayed for a drink afterwards with the group.',
      ),
      session(
        6,
        '2026-06-24',
        'Cook and eat together: vegetable curry',
        'Made the curry with one prompt from a volunteer. Said he would cook it at home on Sunday.',
      ),
      session(
        5,
        '2026-06-20',
        'Saturday climbing session: did not attend',
        'Texted Amira in the morning to say he was too tired. Keen to come next week.',
      ),
      session(
        4,
        '2026-06-17',
        'Cook and eat together: chicken stir-fry',
        'Cooked the rice on his own. Took the recipe card home.',
      ),
      session(
        3,
        '2026-06-13',
        'Saturday climbing session',
        'Came on the bus with Lucy. Talked with another climber about football.',
      ),
      session(
        2,
        '2026-06-10',
        'Cook and eat together: spaghetti bolognese',
        'Chopped and cooked with the group. Counted the carbs with his card before eating, with Lucy.',
      ),
      session(
        1,
        '2026-06-06',
        'Saturday climbing session',
        'First session; came with Lucy. Climbed three routes and asked to come back.',
      ),
    ];
    const samsConversation: Entry = {
      id: 'voluntary-sector:what-matters:sam-what-matters-1',
      occurredOn: '2026-05-28',
      kind: 'CONVERSATION',
      title: '“What matters to me” conversation',
      detail:
        'What matters: Living in my own flat and it working this ' +
        'time; Cooking my own tea; Climbing on Saturdays; Mum not ' +
        'worrying all the time.',
      agency,
      provenance: recordedBy(amira, '2026-05-28T16:00:00.000Z'),
    };
    const samsReferral: Entry[] = [
      {
        id: 'voluntary-sector:referral-status-change:sam-referral-1-1',
        occurredOn: '2026-05-15',
        kind: 'REFERRAL',
        title: 'Referral to Community Links Social Prescribing accepted',
        detail: 'Accepted by Amira Hassan, Social prescribing link worker.',
        agency,
        provenance: recordedBy(amira, '2026-05-15T10:30:00.000Z'),
      },
      {
        id: 'voluntary-sector:referral-status-change:sam-referral-1-0',
        occurredOn: '2026-05-12',
        kind: 'REFERRAL',
        title: 'Referral to Community Links Social Prescribing sent',
        detail:
          'Referred by Dr Priya Shah, GP: Lonely since moving into his ' +
          'new flat and would like to meet people. Wants confidence ' +
          'cooking for himself, with his diabetes in mind.',
        agency,
        provenance: recordedBy(amira, '2026-05-12T15:10:00.000Z'),
      },
    ];

    it.each([
      ['link-worker', 'w-lw-hassan'],
      ['gp', 'w-gp-shah'],
    ])(
      "gives %s Sam's sessions, what matters to him and each step " +
        'of his referral, newest first, and audits each part read',
      async (user, subject) => {
        const { body, headers } = await subgraph.query<Timeline>(user, timeline, representations(sam));
        expect(body).toEqual({
          data: {
            _entities: [
              { nhsNumber: sam, voluntarySectorTimeline: [...samsSessions, samsConversation, ...samsReferral] },
            ],
          },
        });
        expect(await auditOf(headers)).toEqual([
          { actor_subject: subject, nhs_number: sam, categories: ['engagements', 'referrals', 'what-matters'] },
        ]);
      },
    );

    it.each([
      ['coordinator', 'w-cc-green'],
      ['carer', 'citizen-margaret'],
    ])(
      'gives %s his referral and what matters to him, not his sessions, and audits only those',
      async (user, subject) => {
        const { body, headers } = await subgraph.query<Timeline>(user, timeline, representations(sam));
        expect(body).toEqual({
          data: { _entities: [{ nhsNumber: sam, voluntarySectorTimeline: [samsConversation, ...samsReferral] }] },
        });
        expect(await auditOf(headers)).toEqual([
          { actor_subject: subject, nhs_number: sam, categories: ['referrals', 'what-matters'] },
        ]);
      },
    );

    it(
      'gives a referring practice only the referral when the person ' +
        'agreed to share nothing more, a decline with its reason',
      async () => {
        // Two people of the practice's: one taken on, whose sessions the practice must not see, and one declined.
        const referralOf = async (where: ReturnType<typeof sql>) =>
          (
            (await db().execute(
              sql`select r.nhs_number, o.name, c.id, c.reason from referrals r
              join organisations o on o.code = r.referred_to_code
              join referral_status_changes c on c.referral_id = r.id and c.status = r.status
              where r.referrer_organisation_code = 'DEMOP1' and ${where} order by r.nhs_number limit 1`,
            )) as unknown as { rows: Array<{ nhs_number: string; name: string; id: string; reason: string }> }
          ).rows[0]!;
        const nothingMore = await referralOf(
          sql`r.shared_with_referrer = '{}' and r.status in ('ACCEPTED', 'COMPLETED')`,
        );
        const shared = await subgraph.query<Timeline>('gp', timeline, representations(nothingMore.nhs_number));
        expect(shared.body.errors).toBeUndefined();
        const sharedEntries = shared.body.data!._entities[0]!.voluntarySectorTimeline!;
        expect(sharedEntries.every((item) => item.kind === 'REFERRAL')).toBe(true);
        expect(sharedEntries.at(-1)?.title).toBe(`Referral to ${nothingMore.name} sent`);
        expect(await auditOf(shared.headers)).toEqual([
          { actor_subject: 'w-gp-shah', nhs_number: nothingMore.nhs_number, categories: ['referrals'] },
        ]);

        const declined = await referralOf(sql`r.status = 'DECLINED'`);
        const { body } = await subgraph.query<Timeline>('gp', timeline, representations(declined.nhs_number));
        expect(body.errors).toBeUndefined();
        const entries = body.data!._entities[0]!.voluntarySectorTimeline!;
        expect(entries.every((item) => item.kind === 'REFERRAL')).toBe(true);
        expect(entries[0]).toMatchObject({
          id: `voluntary-sector:referral-status-change:${declined.id}`,
          title: `Referral to ${declined.name} declined`,
          detail: declined.reason,
        });
        expect(entries.at(-1)?.title).toBe(`Referral to ${declined.name} sent`);
      },
    );

    it.each(['social-worker', 'diabetes-nurse', 'unrelated-gp'])(
      'refuses %s, who may see none of its parts, with FORBIDDEN, and audits nothing',
      async (user) => {
        const { body, headers } = await subgraph.query<Timeline>(user, timeline, representations(sam));
        expect(body.data?._entities).toEqual([{ nhsNumber: sam, voluntarySectorTimeline: null }]);
        expect(body.errors).toEqual([
          expect.objectContaining({
            message: `${agency} does not share this part of the record with you.`,
            path: ['_entities', 0, 'voluntarySectorTimeline'],
            extensions: forbidden,
          }),
        ]);
        expect(await auditOf(headers)).toEqual([]);
      },
    );

    it('withholds a session carrying a safeguarding concern from staff who do not hold the support', async () => {
      const flagged = (
        (await db().execute(
          sql`select e.nhs_number, e.id, r.link_worker_id from engagements e join referrals r on r.nhs_number =
               e.nhs_number where e.sensitivity is not null and r.referred_to_code = 'DEMOV2' order by e.id limit 1`,
        )) as unknown as { rows: Array<{ nhs_number: string; id: string; link_worker_id: string }> }
      ).rows[0]!;
      const holder =
        flagged.link_worker_id === amira.id
          ? 'link-worker'
          : staff(flagged.link_worker_id, 'Ben Carter', 'link-worker', communityLinks);
      const colleague =
        flagged.link_worker_id === amira.id
          ? staff('w-lw-carter', 'Ben Carter', 'link-worker', communityLinks)
          : 'link-worker';
      const holders = ids((await queryAs<Timeline>(holder, timeline, representations(flagged.nhs_number))).body)![0]!;
      const colleagues = await queryAs<Timeline>(colleague, timeline, representations(flagged.nhs_number));
      expect(colleagues.body.errors).toBeUndefined();
      expect(holders).toContain(`voluntary-sector:engagement:${flagged.id}`);
      // The colleague sees the referral and the sessions, not what matters to the person, nor the flagged session.
      expect(ids(colleagues.body)![0]).toEqual(
        holders.filter(
          (id) =>
            id !== `voluntary-sector:engagement:${flagged.id}` && !id.startsWith('voluntary-sector:what-matters:'),
        ),
      );
      expect(await auditOf(colleagues.headers)).toEqual([
        expect.objectContaining({ nhs_number: flagged.nhs_number, categories: ['engagements', 'referrals'] }),
      ]);
    });

    it('reads the timelines of a caseload with the same few statements as of one person', async () => {
      const hers = (
        (await db().execute(
          sql`select nhs_number from referrals where link_worker_id = 'w-lw-hassan' order by nhs_number limit 15`,
        )) as unknown as { rows: Array<{ nhs_number: string }> }
      ).rows.map((row) => row.nhs_number);
      const statementsFor = async (nhsNumbers: string[]) => {
        const before = subgraph.subgraph.database.statements.count;
        const { body } = await subgraph.query<Timeline>('link-worker', timeline, representations(...nhsNumbers));
        expect(body.errors).toBeUndefined();
        expect(body.data!._entities.every((person) => (person.voluntarySectorTimeline ?? []).length > 0)).toBe(true);
        return subgraph.subgraph.database.statements.count - before;
      };
      const one = await statementsFor(hers.slice(0, 1));
      expect(await statementsFor(hers)).toBe(one);
      // The access facts (one statement), referrals with their status changes, what matters and
      // sessions (one statement together), and the audit insert.
      expect(one).toBe(3);
    });

    it(
      'resolves workers as entities with their contact details, in ' +
        'one statement, null for an unknown id and BAD_USER_INPUT for ' +
        'an invalid one',
      async () => {
        const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on
                      VoluntarySectorWorker { id name jobTitle organisation { code name } email phone } } }`;
        const before = subgraph.subgraph.database.statements.count;
        const { body } = await subgraph.query<{ _entities: unknown[] }>('care-worker', query, {
          representations: [
            { __typename: 'VoluntarySectorWorker', id: 'w-lw-hassan' },
            { __typename: 'VoluntarySectorWorker', id: 'w-nobody' },
            { __typename: 'VoluntarySectorWorker', id: 'w-lw-carter' },
            { __typename: 'VoluntarySectorWorker', id: '' },
          ],
        });
        expect(body.data?._entities).toEqual([
          { ...amira, email: 'amira.hassan@demov2.example.nhs.uk', phone: '01632 960501' },
          null,
          {
            id: 'w-lw-carter',
            name: 'Ben Carter',
            jobTitle: 'Social prescribing link worker',
            organisation: communityLinks,
            email: 'ben.carter@demov2.example.nhs.uk',
            phone: '01632 960503',
          },
          null,
        ]);
        expect(body.errors).toEqual([
          expect.objectContaining({
            message:
              'Argument "representations" holds an invalid ' +
              'VoluntarySectorWorker id: it must be text of 1 to 200 ' +
              'characters, none of them control characters.',
            path: ['_entities', 3],
            extensions: {
              code: 'BAD_USER_INPUT',
              argumentName: 'representations',
              agency,
              serviceName: 'voluntary-sector',
            },
          }),
        ]);
        // The workers in one statement and their organisations in another, however many are asked for.
        expect(subgraph.subgraph.database.statements.count - before).toBe(2);
      },
    );
  });

  describe("the partnership's policy", () => {
    const agency = 'Riverside Voluntary Sector Partnership';
    const forbidden = { code: 'FORBIDDEN', agency, serviceName: 'voluntary-sector' };
    const everyField = /* GraphQL */ `
      nhsNumber
      socialPrescribingReferrals { id status }
      whatMattersToMe { id }
      engagements(first: 2) { edges { node { id } } }
      voluntarySectorAccessLog(first: 1) { edges { node { id } } }
      voluntarySectorSharingDecisions { sector shared }
    `;
    const wholeRecord = `query People($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on
                          Person { ${everyField} } } }`;
    const personFields = [
      'socialPrescribingReferrals',
      'whatMattersToMe',
      'engagements',
      'voluntarySectorAccessLog',
      'voluntarySectorSharingDecisions',
    ] as const;
    type WholeRecord = { _entities: Array<Record<string, unknown>> };
    const sam = '9990000018';
    const margaret = '9990000026';
    const unheld = '9434765919';
    const setSharing = `mutation Share($nhsNumber: NHSNumber!, $sector: String!, $shared: Boolean!) {
                         setVoluntarySectorSharing(nhsNumber: $nhsNumber, sector: $sector, shared: $shared) { sector
                           shared
                         decidedAt } }`;
    const auditRows = async (where: ReturnType<typeof sql>) =>
      (
        (await db().execute(
          sql`select actor_subject, actor_role, purpose, nhs_number, action, categories, break_glass,
               break_glass_reason, request_id from audit_events where ${where} order by id`,
        )) as unknown as {
          rows: Array<{
            actor_subject: string;
            actor_role: string;
            purpose: string;
            nhs_number: string;
            action: string;
            categories: string[];
            break_glass: boolean;
            break_glass_reason: string | null;
            request_id: string;
          }>;
        }
      ).rows;
    const sortedByPath = <T extends { path?: Array<string | number> }>(errors: T[] | undefined) =>
      [...(errors ?? [])].sort((a, b) => String(a.path).localeCompare(String(b.path)));
    /** Which of the person's fields came back, and which were refused with FORBIDDEN naming the agency. */
    const outcomes = (body: {
      data?: WholeRecord | null;
      errors?: Array<{ path?: Array<string | number>; extensions?: Record<string, unknown> }>;
    }) =>
      Object.fromEntries(
        personFields.map((field) => {
          const error = body.errors?.find((candidate) => candidate.path?.at(-1) === field);
          if (error)
            return [
              field,
              error.extensions?.['code'] === 'FORBIDDEN' && error.extensions?.['agency'] === agency
                ? 'deny'
                : `error ${String(error.extensions?.['code'])}`,
            ];
          return [
            field,
            body.data?._entities[0]?.[field] === null || body.data?._entities[0]?.[field] === undefined
              ? 'missing'
              : 'allow',
          ];
        }),
      );

    // The expected table of who sees what of Sam's voluntary-sector record, kept as data.
    const allow = 'allow';
    const deny = 'deny';
    it.each<[user: string, expected: string[], why: string]>([
      [
        'gp',
        [allow, allow, allow, deny, deny],
        'referred him; he agreed on the referral to share what matters and his groups with the practice',
      ],
      ['practice-nurse', [allow, allow, allow, deny, deny], 'works at the practice that referred him'],
      ['diabetes-nurse', [deny, deny, deny, deny, deny], 'no relationship in the partnership’s data'],
      ['social-worker', [deny, deny, deny, deny, deny], 'on his care team, but Sam declined sharing with social care'],
      ['care-worker', [deny, deny, deny, deny, deny], 'no relationship in the partnership’s data'],
      ['link-worker', [allow, allow, allow, deny, deny], 'his link worker'],
      ['coordinator', [allow, allow, deny, deny, deny], 'his care coordinator, on the care team'],
      ['sam', [allow, allow, allow, allow, allow], 'his own record'],
      ['carer', [allow, allow, deny, allow, allow], 'what Sam delegated to his mother'],
      ['unrelated-gp', [deny, deny, deny, deny, deny], 'no relationship'],
      ['privacy-officer', [deny, deny, deny, deny, deny], "health's privacy officer, not the partnership's"],
    ])("%s sees Sam's %j: %s", async (user, expected) => {
      const { body } = await subgraph.query<WholeRecord>(user, wholeRecord, representations(sam));
      expect(outcomes(body)).toEqual(Object.fromEntries(personFields.map((field, i) => [field, expected[i]])));
    });

    it(
      'refuses a caller without a relationship alike whether or not ' +
        'the partnership holds a record, naming only the agency',
      async () => {
        const asked = async (user: string, nhsNumber: string) =>
          (await subgraph.query<WholeRecord>(user, wholeRecord, representations(nhsNumber))).body;
        const held = await asked('unrelated-gp', sam);
        expect(held.data?._entities).toEqual([
          {
            nhsNumber: sam,
            socialPrescribingReferrals: null,
            whatMattersToMe: null,
            engagements: null,
            voluntarySectorAccessLog: null,
            voluntarySectorSharingDecisions: null,
          },
        ]);
        expect(held.errors).toHaveLength(personFields.length);
        for (const error of held.errors ?? []) {
          expect(error.message).toBe(`${agency} does not share this part of the record with you.`);
          expect(error.extensions).toEqual(forbidden);
        }
        // A valid number the partnership does not hold, and Sam asking for his mother's record: the same answer.
        for (const [user, nhsNumber] of [
          ['unrelated-gp', unheld],
          ['sam', margaret],
        ] as const) {
          const other = await asked(user, nhsNumber);
          expect(other.data?._entities).toEqual([{ ...held.data?._entities[0], nhsNumber }]);
          expect(sortedByPath(other.errors)).toEqual(sortedByPath(held.errors));
        }
      },
    );

    it(
      "lets the referring practice see Sam's referral and only what " +
        'he agreed to share; a referral that shares nothing more ' +
        'opens nothing more',
      async () => {
        const { body } = await subgraph.query<{ _entities: PersonResult[] }>('gp', entitiesQuery, representations(sam));
        expect(body.errors).toBeUndefined();
        expect(body.data!._entities[0]!.socialPrescribingReferrals.map((referral) => referral['id'])).toEqual([
          'sam-referral-1',
        ]);
        const sharesNothing = (
          (await db().execute(
            sql`select nhs_number from referrals where referrer_organisation_code = 'DEMOP1' and
               shared_with_referrer = '{}' order by nhs_number limit 1`,
          )) as unknown as { rows: Array<{ nhs_number: string }> }
        ).rows[0]!.nhs_number;
        const other = await subgraph.query<WholeRecord>('gp', wholeRecord, representations(sharesNothing));
        expect(outcomes(other.body)).toEqual({
          socialPrescribingReferrals: allow,
          whatMattersToMe: deny,
          engagements: deny,
          voluntarySectorAccessLog: deny,
          voluntarySectorSharingDecisions: deny,
        });
      },
    );

    it("reaches the coordinator's whole caseload: everyone known to both the charities and social care", async () => {
      const caseload = (
        (await db().execute(
          sql`select nhs_number from care_team where member_subject = 'w-cc-green' order by nhs_number`,
        )) as unknown as { rows: Array<{ nhs_number: string }> }
      ).rows.map((row) => row.nhs_number);
      expect(caseload).toEqual(expect.arrayContaining([sam, margaret]));
      const { body } = await subgraph.query<{
        _entities: Array<{ nhsNumber: string; socialPrescribingReferrals: unknown[]; whatMattersToMe: unknown[] }>;
      }>(
        'coordinator',
        'query People($representations: [_Any!]!) { ' +
          '_entities(representations: $representations) { ... on Person ' +
          '{ nhsNumber socialPrescribingReferrals { id } ' +
          'whatMattersToMe { id } } } }',
        representations(...caseload),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!._entities.map((person) => person.nhsNumber)).toEqual(caseload);
      expect(body.data!._entities.every((person) => person.socialPrescribingReferrals.length > 0)).toBe(true);
    });

    it(
      'withholds safeguarding sessions from staff who do not hold ' +
        'the support, leaving no trace in pages or cursors',
      async () => {
        const flagged = (
          (await db().execute(
            sql`select e.nhs_number, e.id, r.link_worker_id from engagements e join referrals r on r.nhs_number =
               e.nhs_number where e.sensitivity is not null and r.referred_to_code = 'DEMOV2' order by e.id limit 1`,
          )) as unknown as { rows: Array<{ nhs_number: string; id: string; link_worker_id: string }> }
        ).rows[0]!;
        const holder =
          flagged.link_worker_id === amira.id
            ? 'link-worker'
            : staff(flagged.link_worker_id, 'Ben Carter', 'link-worker', communityLinks);
        const colleague =
          flagged.link_worker_id === amira.id
            ? staff('w-lw-carter', 'Ben Carter', 'link-worker', communityLinks)
            : 'link-worker';
        const page = `query($after: String) { _entities(representations: [{ __typename: "Person", nhsNumber:
                     "${flagged.nhs_number}" }]) { ... on Person { engagements(first: 1, after: $after) { edges { node {
                     id notes } } pageInfo { hasNextPage endCursor } } } } }`;
        const pagesFor = async (user: DemoUser | string) => {
          const ids: string[] = [];
          let after: string | null = null;
          for (let i = 0; i < 10; i += 1) {
            const result: Awaited<ReturnType<typeof queryAs<EngagementPage>>> = await queryAs<EngagementPage>(
              user,
              page,
              { after },
            );
            expect(result.body.errors).toBeUndefined();
            const connection = result.body.data!._entities[0]!.engagements;
            ids.push(...connection.edges.map((edge) => edge.node.id));
            if (!connection.pageInfo.hasNextPage) break;
            after = connection.pageInfo.endCursor;
          }
          return ids;
        };
        const holderSees = await pagesFor(holder);
        const colleagueSees = await pagesFor(colleague);
        expect(holderSees).toContain(flagged.id);
        expect(colleagueSees).toEqual(holderSees.filter((id) => id !== flagged.id));
      },
    );

    it(
      'records every read before answering, one row per person and ' + 'request, with who, why and which parts',
      async () => {
        const { body } = await subgraph.query(
          'gp',
          wholeRecord
            .replace('voluntarySectorAccessLog(first: 1) { edges { node { id } } }', '')
            .replace('voluntarySectorSharingDecisions { sector shared }', ''),
          representations(sam, margaret),
        );
        // Margaret agreed to share what matters to her with her practice, not her sessions: that part is refused, and
        // not
        // recorded as read.
        expect(body.errors?.map((error) => [error.path, error.extensions])).toEqual([
          [['_entities', 1, 'engagements'], forbidden],
        ]);
        const rows = await auditRows(
          sql`actor_subject = 'w-gp-shah' and request_id = (select request_id from audit_events where
             actor_subject = 'w-gp-shah' order by id desc limit 1)`,
        );
        expect(
          rows
            .map(({ request_id: _requestId, ...row }) => row)
            .sort((a, b) => a.nhs_number.localeCompare(b.nhs_number)),
        ).toEqual([
          {
            actor_subject: 'w-gp-shah',
            actor_role: 'gp',
            purpose: 'direct-care',
            nhs_number: sam,
            action: 'read',
            categories: ['engagements', 'referrals', 'what-matters'],
            break_glass: false,
            break_glass_reason: null,
          },
          {
            actor_subject: 'w-gp-shah',
            actor_role: 'gp',
            purpose: 'direct-care',
            nhs_number: margaret,
            action: 'read',
            categories: ['referrals', 'what-matters'],
            break_glass: false,
            break_glass_reason: null,
          },
        ]);
        expect(rows[0]?.request_id).toBeTruthy();
      },
    );

    it(
      'records a client-list read for each listed client linked to ' +
        'an NHS number, and none for those known only locally',
      async () => {
        const before = (await auditRows(sql`actor_subject = 'w-lw-hassan' and 'client-list' = any(categories)`)).length;
        const { body } = await subgraph.query<ClientPage>(
          'link-worker',
          '{ voluntarySectorClients(first: 100) { edges { node { nhsNumber } } } }',
        );
        expect(body.errors).toBeUndefined();
        const linked = body
          .data!.voluntarySectorClients.edges.map((edge) => edge.node.nhsNumber)
          .filter((nhsNumber): nhsNumber is string => nhsNumber !== null);
        const rows = (await auditRows(sql`actor_subject = 'w-lw-hassan' and 'client-list' = any(categories)`)).slice(
          before,
        );
        expect(rows.map((row) => row.nhs_number).sort()).toEqual([...linked].sort());
        expect(linked).toContain(sam);
      },
    );

    it('refuses to change or delete the audit, in the database itself', async () => {
      // drizzle wraps the database's error; its cause carries PostgreSQL's own message.
      const refusal = (statement: ReturnType<typeof sql>) =>
        db()
          .execute(statement)
          .then(
            () => 'allowed',
            (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
          );
      const before = (await auditRows(sql`true`)).length;
      expect(await refusal(sql`update audit_events set actor_name = 'Someone else'`)).toBe(
        'audit_events is append-only: UPDATE is not allowed',
      );
      expect(await refusal(sql`delete from audit_events where nhs_number = ${sam}`)).toBe(
        'audit_events is append-only: DELETE is not allowed',
      );
      expect(await refusal(sql`truncate audit_events`)).toBe('audit_events is append-only: TRUNCATE is not allowed');
      expect((await auditRows(sql`true`)).length).toBe(before);
    });

    it('shows Sam who has seen his record, newest first, a page at a time, and his mother too', async () => {
      await subgraph.query('coordinator', wholeRecord, representations(sam));
      const log = `query($after: String) { _entities(representations: [{ __typename: "Person", nhsNumber: "${sam}" }])
                    { ... on Person { voluntarySectorAccessLog(first: 2, after: $after) { edges { node { occurredAt
                    agency nhsNumber actorName actorRole organisation { code } purpose action categories breakGlass
                    requestId } } pageInfo { hasNextPage endCursor } } } } }`;
      type LogPage = {
        _entities: Array<{
          voluntarySectorAccessLog: {
            edges: Array<{
              node: {
                occurredAt: string;
                agency: string;
                nhsNumber: string;
                actorName: string;
                actorRole: string;
                action: string;
                categories: string[];
              };
            }>;
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        }>;
      };
      const events: LogPage['_entities'][number]['voluntarySectorAccessLog']['edges'][number]['node'][] = [];
      let after: string | null = null;
      for (let i = 0; i < 50; i += 1) {
        const result: Awaited<ReturnType<typeof subgraph.query<LogPage>>> = await subgraph.query<LogPage>('sam', log, {
          after,
        });
        expect(result.body.errors).toBeUndefined();
        const connection = result.body.data!._entities[0]!.voluntarySectorAccessLog;
        events.push(...connection.edges.map((edge) => edge.node));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(events[0]).toMatchObject({
        agency,
        nhsNumber: sam,
        actorName: 'Rachel Green',
        actorRole: 'care-coordinator',
        action: 'READ',
        categories: ['referrals', 'what-matters'],
      });
      expect(events.map((event) => event.actorName)).toEqual(expect.arrayContaining(['Dr Priya Shah', 'Amira Hassan']));
      const times = events.map((event) => Date.parse(event.occurredAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(events.every((event) => event.nhsNumber === sam)).toBe(true);
      // The carer Sam delegated his access log to sees the same, the reads of Sam's own log included.
      const mothers = await subgraph.query<LogPage>('carer', log, { after: null });
      expect(mothers.body.errors).toBeUndefined();
      expect(mothers.body.data!._entities[0]!.voluntarySectorAccessLog.edges[0]?.node).toMatchObject({
        actorName: 'Sam Taylor',
        actorRole: 'person',
        categories: ['access-log'],
      });
    });

    it(
      'lets Sam and his mother change his sharing decisions, at ' + 'once, idempotently and audited; nobody else',
      async () => {
        const share = (user: string, sector: string, shared: boolean) =>
          subgraph.query<{ setVoluntarySectorSharing: { sector: string; shared: boolean; decidedAt: string | null } }>(
            user,
            setSharing,
            { nhsNumber: sam, sector, shared },
          );
        const decisions = await subgraph.query<{ _entities: Array<{ voluntarySectorSharingDecisions: unknown[] }> }>(
          'sam',
          `{ _entities(representations: [{ __typename: "Person", nhsNumber: "${sam}" }]) { ... on Person {
          voluntarySectorSharingDecisions { sector shared decidedAt } } } }`,
        );
        expect(decisions.body.data!._entities[0]!.voluntarySectorSharingDecisions).toEqual([
          { sector: 'health', shared: true, decidedAt: null },
          { sector: 'social-care', shared: false, decidedAt: '2026-05-28T16:30:00.000Z' },
          { sector: 'care-coordination', shared: true, decidedAt: null },
        ]);

        const declined = await share('sam', 'health', false);
        expect(declined.body.errors).toBeUndefined();
        expect(declined.body.data!.setVoluntarySectorSharing).toMatchObject({ sector: 'health', shared: false });
        const again = await share('sam', 'health', false);
        expect(again.body.data!.setVoluntarySectorSharing).toEqual(declined.body.data!.setVoluntarySectorSharing);
        expect(
          outcomes((await subgraph.query<WholeRecord>('gp', wholeRecord, representations(sam))).body)[
            'socialPrescribingReferrals'
          ],
        ).toBe(deny);
        const restored = await share('carer', 'health', true);
        expect(restored.body.data!.setVoluntarySectorSharing).toEqual({
          sector: 'health',
          shared: true,
          decidedAt: null,
        });
        expect(
          outcomes((await subgraph.query<WholeRecord>('gp', wholeRecord, representations(sam))).body)[
            'socialPrescribingReferrals'
          ],
        ).toBe(allow);

        for (const user of ['link-worker', 'social-worker', 'gp']) {
          const refused = await share(user, 'social-care', true);
          expect(refused.body.data?.setVoluntarySectorSharing).toBeNull();
          expect(refused.body.errors?.[0]?.extensions).toEqual(forbidden);
        }
        const ownSector = await share('sam', 'voluntary-sector', false);
        expect(ownSector.body.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          argumentName: 'sector',
        });

        const writes = await auditRows(sql`nhs_number = ${sam} and action = 'write'`);
        expect(writes.map((row) => [row.actor_subject, row.categories])).toEqual([
          ['citizen-sam', ['sharing-decisions']],
          ['citizen-sam', ['sharing-decisions']],
          ['citizen-margaret', ['sharing-decisions']],
        ]);
      },
    );

    it("lets the social worker see Sam's referral as soon as he shares it with social care again", async () => {
      expect(
        outcomes((await subgraph.query<WholeRecord>('social-worker', wholeRecord, representations(sam))).body)[
          'socialPrescribingReferrals'
        ],
      ).toBe(deny);
      const shared = await subgraph.query('sam', setSharing, { nhsNumber: sam, sector: 'social-care', shared: true });
      expect(shared.body.errors).toBeUndefined();
      const { body } = await subgraph.query<WholeRecord>('social-worker', wholeRecord, representations(sam));
      expect(outcomes(body)).toEqual({
        socialPrescribingReferrals: allow,
        whatMattersToMe: allow,
        engagements: deny,
        voluntarySectorAccessLog: deny,
        voluntarySectorSharingDecisions: deny,
      });
      await subgraph.query('sam', setSharing, { nhsNumber: sam, sector: 'social-care', shared: false });
      expect(
        outcomes((await subgraph.query<WholeRecord>('social-worker', wholeRecord, representations(sam))).body)[
          'socialPrescribingReferrals'
        ],
      ).toBe(deny);
    });

    it(
      "grants a GP's declared emergency the referrals only, flags " +
        "it, keeps it open briefly and shows it to the partnership's " +
        'privacy officer alone',
      async () => {
        const reason = 'Found collapsed at the carers café; looking for who supports her';
        const before = await subgraph.query<WholeRecord>('unrelated-gp', wholeRecord, representations(margaret));
        expect(outcomes(before.body)['socialPrescribingReferrals']).toBe(deny);
        const emergency = await queryAs<WholeRecord>('unrelated-gp', wholeRecord, representations(margaret), {
          'x-break-glass': `${margaret}; ${reason}`,
        });
        expect(outcomes(emergency.body)).toEqual({
          socialPrescribingReferrals: allow,
          whatMattersToMe: deny,
          engagements: deny,
          voluntarySectorAccessLog: deny,
          voluntarySectorSharingDecisions: deny,
        });
        const flagged = await auditRows(sql`actor_subject = 'w-gp-brown' and break_glass`);
        expect(flagged).toEqual([
          expect.objectContaining({ nhs_number: margaret, categories: ['referrals'], break_glass_reason: reason }),
        ]);
        // Declared once, the emergency stays open without repeating the reason.
        expect(
          outcomes((await subgraph.query<WholeRecord>('unrelated-gp', wholeRecord, representations(margaret))).body)[
            'socialPrescribingReferrals'
          ],
        ).toBe(allow);

        const review =
          '{ voluntarySectorBreakGlassAccesses(first: 10) { edges { ' +
          'node { nhsNumber actorName breakGlass breakGlassReason ' +
          'categories } } } }';
        const officer = await queryAs<{
          voluntarySectorBreakGlassAccesses: { edges: Array<{ node: Record<string, unknown> }> };
        }>(privacyOfficer, review);
        expect(officer.body.errors).toBeUndefined();
        expect(officer.body.data!.voluntarySectorBreakGlassAccesses.edges.map((edge) => edge.node)).toEqual([
          {
            nhsNumber: margaret,
            actorName: 'Dr Michael Brown',
            breakGlass: true,
            breakGlassReason: reason,
            categories: ['referrals'],
          },
          {
            nhsNumber: margaret,
            actorName: 'Dr Michael Brown',
            breakGlass: true,
            breakGlassReason: reason,
            categories: ['referrals'],
          },
        ]);
        const officersLog = await queryAs<WholeRecord>(privacyOfficer, wholeRecord, representations(margaret));
        expect(outcomes(officersLog.body)).toEqual({
          socialPrescribingReferrals: deny,
          whatMattersToMe: deny,
          engagements: deny,
          voluntarySectorAccessLog: allow,
          voluntarySectorSharingDecisions: deny,
        });
        for (const user of ['privacy-officer', 'link-worker']) {
          const refused = await subgraph.query(user, review);
          expect(refused.body.data?.['voluntarySectorBreakGlassAccesses']).toBeNull();
          expect(refused.body.errors?.[0]?.extensions).toEqual(forbidden);
        }
      },
    );
  });

  it('writes the same rows when the seed runs again', async () => {
    const tables = [
      'referrals',
      'referral_status_changes',
      'what_matters_conversations',
      'engagements',
      'clients',
      'volunteers',
    ];
    const before = await Promise.all(tables.map(count));
    await voluntarySectorSubgraph.seed(db(), { people });
    expect(await Promise.all(tables.map(count))).toEqual(before);
    expect(before.every((n) => (n ?? 0) > 0)).toBe(true);
  });
});
