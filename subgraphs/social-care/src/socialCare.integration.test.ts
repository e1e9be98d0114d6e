import { type DemoUser, signToken } from '@joined-up/dev';
import {
  graphqlRequest,
  type GraphQLResult,
  startSubgraphForTest,
  type TestEngine,
  type TestSubgraph,
} from '@joined-up/test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialCareSubgraph } from './index.ts';

const people = 600;
const sam = '9990000018';
const margaret = '9990000026';
const cldBase = 'https://digital.nhs.uk/adult-social-care-client-level-data';
const cld = (list: string, value: string) => ({ system: `${cldBase}/${list}`, code: value, display: value });
// Both of Sam's placements were long-term community support for his learning disability, commissioned by the council.
const samsLongTermSupport = {
  serviceType: cld('service-type', 'Long Term Support: Community'),
  supportSetting: cld('support-setting', 'Community'),
  deliveryMechanism: cld('delivery-mechanism', 'CASSR Commissioned Support'),
  primarySupportReason: cld('primary-support-reason', 'Learning Disability Support'),
};
const council = { code: 'DEMOLA1', name: 'Riverside Council Adult Social Care' };
const oakfield = { code: 'DEMOSL1', name: 'Oakfield Supported Living' };
const byDaniel = (recordedAt: string) => ({
  recordedBy: 'Daniel Moore',
  recordedByRole: 'Social worker',
  organisation: council,
  recordedAt,
});
const entities = (selection: string) =>
  `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { ${selection} }
    } }`;
const asPeople = (...nhsNumbers: string[]) => ({
  representations: nhsNumbers.map((nhsNumber) => ({ __typename: 'Person', nhsNumber })),
});

const samsRecord = entities(/* GraphQL */ `
  nhsNumber
  socialCareRequests { requestedOn routeOfAccess { system code display } outcome { system code display } provenance
    { recordedBy recordedByRole organisation { code name } recordedAt } }
  careActAssessments { assessedOn assessor { name } needs { outcome } eligibility primarySupportReason { system code
    display } }
  socialCareServices { id serviceType { system code display } serviceComponent { system code display }
    supportSetting { system code display } deliveryMechanism { system code display } primarySupportReason { system
    code display } provider { code name } hoursPerWeek startDate endDate }
  careAndSupportPlan { status agreedOn outcomes { inTheirWords } provider { code name } nextReviewDue provenance {
    recordedBy recordedByRole organisation { code name } recordedAt } }
  socialCareReviews { reviewedOn kind outcome { code } nextReviewDue reviewer { name } }
  allocatedSocialWorker { id name jobTitle organisation { code name } email }
  unpaidCarers { carer { nhsNumber } relationship livesWithPerson carersAssessmentStatus since }
  caringFor { person { nhsNumber } }
  careWorkers { role since worker { id name jobTitle organisation { code name } competencies { name achievedOn
    expiresOn assessedBy } } }
`);

interface CaseloadPage {
  socialCareCaseload: {
    edges: Array<{
      cursor: string;
      node: { person: { nhsNumber: string }; worker: { id: string }; allocatedOn: string; reason: string };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const caseloadPage = `query($after: String) { socialCareCaseload(first: 20, after: $after) { edges { cursor node {
  person
                       { nhsNumber } worker { id } allocatedOn reason } } pageInfo { hasNextPage endCursor } } }`;

const agency = socialCareSubgraph.agency.displayName;
/** The one refusal: the same words whatever the reason, and whether or not the council holds a record. */
const forbidden = {
  message: `${agency} does not share this part of the record with you.`,
  extensions: { code: 'FORBIDDEN', agency, serviceName: 'social-care' },
};
const refused = (path: Array<string | number>) => ({ ...forbidden, locations: expect.any(Array), path });
/** The body with its errors in path order: fields of several entities are refused in whatever order they settle. */
const inPathOrder = (body: GraphQLResult['body']) => ({
  ...body,
  errors: body.errors && [...body.errors].sort((a, b) => (String(a.path) < String(b.path) ? -1 : 1)),
});
const refusedField = (field: string, message: string) => ({
  message,
  locations: expect.any(Array),
  path: [field],
  extensions: forbidden.extensions,
});

/** The council's privacy officer: no demo user holds this role for social care, so the test signs one. */
const councilPrivacyOfficer: DemoUser = {
  username: 'council-privacy-officer',
  subject: 'w-po-adeyemi',
  name: 'Kemi Adeyemi',
  role: 'privacy-officer',
  organisation: { ...council, sector: 'social-care' },
  description: "The council's Caldicott guardian, who reviews break-glass access",
};

interface AuditRow {
  actor_subject: string;
  actor_name: string;
  actor_role: string;
  nhs_number: string;
  action: string;
  categories: string[];
  break_glass: boolean;
  break_glass_reason: string | null;
}

/** The audit rows a request wrote, found by the request id its response carried. */
async function auditOf(test: TestSubgraph, headers: Headers): Promise<AuditRow[]> {
  const result = await test.subgraph.database.db.execute(
    sql`select actor_subject, actor_name, actor_role, nhs_number, action, categories, break_glass,
         break_glass_reason from audit_events where request_id = ${headers.get('x-request-id')} order by
         nhs_number, id`,
  );
  return (result as unknown as { rows: AuditRow[] }).rows;
}

/** Every Person field social care answers, with the policy category it belongs to. */
const samsFields = {
  socialCareRequests: ['requests', 'id'],
  careActAssessments: ['needs-assessments', 'id'],
  carersAssessments: ['carers-assessments', 'id'],
  socialCareServices: ['services', 'id'],
  careAndSupportPlan: ['care-plan', 'id'],
  socialCareReviews: ['reviews', 'id'],
  allocatedSocialWorker: ['allocated-worker', 'id'],
  unpaidCarers: ['unpaid-carers', 'relationship'],
  caringFor: ['unpaid-carers', 'relationship'],
  careWorkers: ['care-workers', 'role'],
  socialCareAccessLog: ['access-log', 'pageInfo { hasNextPage }'],
  socialCareSharingDecisions: ['sharing-decisions', 'sector'],
} as const;
type SamsField = keyof typeof samsFields;
const support: SamsField[] = [
  'socialCareServices',
  'careAndSupportPlan',
  'allocatedSocialWorker',
  'unpaidCarers',
  'caringFor',
  'careWorkers',
];
const care: SamsField[] = [
  'socialCareRequests',
  'careActAssessments',
  'carersAssessments',
  ...support,
  'socialCareReviews',
];

/**
 * Who sees which of Sam's social care fields, and whether his safeguarding review, by demo user:
 * the council's policy (policy.ts) over the relationships its seed records.
 */
const whoSeesWhatOfSam: Record<string, { fields: SamsField[]; safeguarding: boolean }> = {
  gp: { fields: support, safeguarding: false },
  'practice-nurse': { fields: [], safeguarding: false },
  'diabetes-nurse': { fields: support, safeguarding: false },
  'social-worker': { fields: [...care, 'socialCareSharingDecisions'], safeguarding: true },
  'care-worker': { fields: support, safeguarding: false },
  'link-worker': { fields: ['careAndSupportPlan', 'allocatedSocialWorker'], safeguarding: false },
  coordinator: { fields: care, safeguarding: false },
  sam: { fields: Object.keys(samsFields) as SamsField[], safeguarding: true },
  carer: {
    fields: [...support, 'socialCareReviews', 'socialCareAccessLog', 'socialCareSharingDecisions'],
    safeguarding: false,
  },
  'unrelated-gp': { fields: [], safeguarding: false },
  'privacy-officer': { fields: [], safeguarding: false },
};
const subjects: Record<string, string> = {
  gp: 'w-gp-shah',
  'diabetes-nurse': 'w-dsn-hughes',
  'social-worker': 'w-sw-moore',
  'care-worker': 'w-cw-evans',
  'link-worker': 'w-lw-hassan',
  coordinator: 'w-cc-green',
  sam: 'citizen-sam',
  carer: 'citizen-margaret',
};

describe.each<TestEngine>(['pglite', 'postgresql'])('social care subgraph on %s', (engine) => {
  let socialCare: TestSubgraph;
  beforeAll(async () => {
    socialCare = await startSubgraphForTest(socialCareSubgraph, { engine, people });
  });
  afterAll(async () => socialCare?.stop());

  it("returns Sam's social care record: services in CLD terms, his plan, his carer and his care workers", async () => {
    const { status, body } = await socialCare.query('social-worker', samsRecord, asPeople('999 000 0018'));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.['_entities']).toEqual([
      {
        nhsNumber: sam,
        socialCareRequests: [
          {
            requestedOn: '2023-05-09',
            routeOfAccess: cld('route-of-access', 'Community / Other route'),
            outcome: cld('event-outcome', 'Progress to Assessment'),
            provenance: byDaniel('2023-05-09T11:20:00.000Z'),
          },
        ],
        careActAssessments: [
          {
            assessedOn: '2023-06-20',
            assessor: { name: 'Daniel Moore' },
            needs: [
              { outcome: 'Managing and maintaining nutrition' },
              { outcome: "Being able to make use of the adult's home safely" },
              { outcome: 'Developing and maintaining family or other personal relationships' },
              {
                outcome:
                  'Making use of necessary facilities or services in the local ' +
                  'community including public transport, and recreational ' +
                  'facilities or services',
              },
            ],
            eligibility: 'ELIGIBLE',
            primarySupportReason: cld('primary-support-reason', 'Learning Disability Support'),
          },
        ],
        socialCareServices: [
          {
            id: 'sam-service-supported-living',
            ...samsLongTermSupport,
            serviceComponent: cld('service-component', 'Supported Living'),
            provider: oakfield,
            hoursPerWeek: 42,
            startDate: '2025-11-17',
            endDate: null,
          },
          {
            id: 'sam-service-home-support',
            ...samsLongTermSupport,
            serviceComponent: cld('service-component', 'Home Support'),
            provider: { code: 'DEMOSL2', name: 'Brookside Home Care' },
            hoursPerWeek: 20,
            startDate: '2023-09-04',
            endDate: '2025-10-31',
          },
        ],
        careAndSupportPlan: {
          status: 'AGREED',
          agreedOn: '2025-11-10',
          outcomes: [
            { inTheirWords: 'I want to stay in my own flat this time.' },
            { inTheirWords: 'I want staff who know how my insulin works.' },
            { inTheirWords: 'I want to see my mum every week without her worrying.' },
            { inTheirWords: 'I want to go swimming and to the games club on Tuesdays.' },
          ],
          provider: oakfield,
          nextReviewDue: '2027-05-12',
          provenance: byDaniel('2025-11-10T12:30:00.000Z'),
        },
        // The allocated social worker sees the safeguarding review too.
        socialCareReviews: [
          {
            reviewedOn: '2026-05-12',
            kind: 'PLANNED',
            outcome: { code: 'No change in package' },
            nextReviewDue: '2027-05-12',
            reviewer: { name: 'Daniel Moore' },
          },
          {
            reviewedOn: '2025-12-10',
            kind: 'UNPLANNED',
            outcome: { code: 'No change in package' },
            nextReviewDue: null,
            reviewer: { name: 'Daniel Moore' },
          },
          {
            reviewedOn: '2025-09-15',
            kind: 'UNPLANNED',
            outcome: { code: 'Progress to Support Planning / Services' },
            nextReviewDue: null,
            reviewer: { name: 'Daniel Moore' },
          },
        ],
        allocatedSocialWorker: {
          id: 'w-sw-moore',
          name: 'Daniel Moore',
          jobTitle: 'Social worker',
          organisation: council,
          email: 'daniel.moore@demola1.example.nhs.uk',
        },
        unpaidCarers: [
          {
            carer: { nhsNumber: margaret },
            relationship: 'Mother',
            livesWithPerson: false,
            carersAssessmentStatus: 'COMPLETED',
            since: '2019-03-14',
          },
        ],
        caringFor: [],
        careWorkers: [
          {
            role: 'Lead support worker',
            since: '2025-11-17',
            worker: {
              id: 'w-cw-evans',
              name: 'Lucy Evans',
              jobTitle: 'Support worker',
              organisation: oakfield,
              competencies: [
                {
                  name: 'Autism awareness',
                  achievedOn: '2023-01-16',
                  expiresOn: null,
                  assessedBy: 'Nadia Patel, Registered manager',
                },
                {
                  name: 'Diabetes awareness',
                  achievedOn: '2025-10-27',
                  expiresOn: '2027-10-27',
                  assessedBy: 'Tom Hughes, Diabetes specialist nurse',
                },
                {
                  name: 'Insulin administration',
                  achievedOn: '2025-11-10',
                  expiresOn: '2027-11-10',
                  assessedBy: 'Tom Hughes, Diabetes specialist nurse',
                },
                {
                  name: 'Medication administration',
                  achievedOn: '2024-03-11',
                  expiresOn: '2027-03-11',
                  assessedBy: 'Nadia Patel, Registered manager',
                },
              ],
            },
          },
          {
            role: 'Support worker',
            since: '2025-11-17',
            worker: {
              id: 'w-cw-jones',
              name: 'Mark Jones',
              jobTitle: 'Support worker',
              organisation: oakfield,
              competencies: [
                {
                  name: 'Autism awareness',
                  achievedOn: '2024-06-03',
                  expiresOn: null,
                  assessedBy: 'Nadia Patel, Registered manager',
                },
                {
                  name: 'Medication administration',
                  achievedOn: '2025-01-20',
                  expiresOn: '2028-01-20',
                  assessedBy: 'Nadia Patel, Registered manager',
                },
              ],
            },
          },
        ],
      },
    ]);
  });

  it("shows the carer's side on Margaret's own record", async () => {
    const query =
      entities(`caringFor { person { nhsNumber } relationship livesWithPerson since } unpaidCarers { relationship }
        careActAssessments { id }
      carersAssessments { assessedOn assessor { name } caredFor { nhsNumber } needs { outcome } eligibility
        provenance { recordedBy recordedAt } }
      socialCareServices { serviceType { code } serviceComponent { code } deliveryMechanism { code } provider { code
        } hoursPerWeek startDate }
      allocatedSocialWorker { name }`);
    const { body } = await socialCare.query('social-worker', query, asPeople(margaret));
    expect(body.errors).toBeUndefined();
    expect(body.data?.['_entities']).toEqual([
      {
        caringFor: [
          { person: { nhsNumber: sam }, relationship: 'Mother', livesWithPerson: false, since: '2019-03-14' },
        ],
        unpaidCarers: [],
        careActAssessments: [],
        carersAssessments: [
          {
            assessedOn: '2025-03-12',
            assessor: { name: 'Daniel Moore' },
            caredFor: { nhsNumber: sam },
            needs: [
              { outcome: 'Providing care to other persons for whom the carer provides care' },
              { outcome: 'Developing and maintaining family or other personal relationships' },
              { outcome: 'Engaging in recreational activities' },
            ],
            eligibility: 'ELIGIBLE',
            provenance: { recordedBy: 'Daniel Moore', recordedAt: '2025-03-12T14:00:00.000Z' },
          },
        ],
        socialCareServices: [
          {
            serviceType: { code: 'Carer Support: Direct Payment' },
            serviceComponent: { code: 'Support for Carer' },
            deliveryMechanism: { code: 'Direct Payment' },
            provider: null,
            hoursPerWeek: null,
            startDate: '2025-04-01',
          },
        ],
        allocatedSocialWorker: { name: 'Daniel Moore' },
      },
    ]);
  });

  it(
    "pages through Daniel Moore's caseload 20 at a time, without " +
      'repeats, Sam included, auditing each person listed',
    async () => {
      const seen: string[] = [];
      const pageSizes: number[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i += 1) {
        const { body, headers }: GraphQLResult<CaseloadPage> = await socialCare.query<CaseloadPage>(
          'social-worker',
          caseloadPage,
          { after },
        );
        expect(body.errors).toBeUndefined();
        const connection: CaseloadPage['socialCareCaseload'] = body.data!.socialCareCaseload;
        pageSizes.push(connection.edges.length);
        seen.push(...connection.edges.map((edge) => edge.node.person.nhsNumber));
        const audited = await auditOf(socialCare, headers);
        expect(audited.map((row) => row.nhs_number)).toEqual(
          connection.edges.map((edge) => edge.node.person.nhsNumber),
        );
        expect(
          audited.every(
            (row) =>
              row.actor_subject === 'w-sw-moore' &&
              row.action === 'read' &&
              row.categories.join() === 'allocation' &&
              !row.break_glass,
          ),
        ).toBe(true);
        expect(connection.edges.every((edge) => edge.node.worker.id === 'w-sw-moore')).toBe(true);
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(pageSizes).toEqual([20, 20, 20, 5]);
      expect(new Set(seen).size).toBe(65);
      expect(seen).toEqual([...seen].sort());
      expect(seen.slice(0, 2)).toEqual([sam, margaret]);
    },
  );

  it('gives a caller without a caseload an empty one, and pages of 50 for a worker who has one', async () => {
    const gp = await socialCare.query<CaseloadPage>('gp', caseloadPage, { after: null });
    expect(gp.body.data?.socialCareCaseload).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const fifty = await socialCare.query<CaseloadPage>(
      'social-worker',
      `{ socialCareCaseload(first: 50) { edges { node { person { nhsNumber } } } pageInfo { hasNextPage } } }`,
    );
    expect(fifty.body.data?.socialCareCaseload.edges).toHaveLength(50);
    expect(fifty.body.data?.socialCareCaseload.pageInfo.hasNextPage).toBe(true);
  });

  it(
    'resolves many people in one request with one statement per ' + 'table, and refuses a stranger as it would anyone',
    async () => {
      const { body: caseload } = await socialCare.query<CaseloadPage>('social-worker', caseloadPage, { after: null });
      const nhsNumbers = caseload.data!.socialCareCaseload.edges.map((edge) => edge.node.person.nhsNumber);
      const stranger = '9434765919';
      const before = socialCare.subgraph.database.statements.count;
      const { body } = await socialCare.query<{ _entities: Array<Record<string, unknown>> }>(
        'social-worker',
        entities(
          'nhsNumber socialCareServices { id } socialCareRequests { id ' +
            '} careAndSupportPlan { id } unpaidCarers { relationship } ' +
            'caringFor { relationship }',
        ),
        asPeople(...nhsNumbers, stranger),
      );
      const statements = socialCare.subgraph.database.statements.count - before;
      expect(body.data?._entities).toHaveLength(21);
      expect(body.data?._entities.map((person) => person['nhsNumber'])).toEqual([...nhsNumbers, stranger]);
      expect(
        body.data?._entities.slice(0, 20).every((person) => (person['socialCareServices'] as unknown[]).length > 0),
      ).toBe(true);
      // Daniel holds no case for the stranger: every field is refused, as for anyone he has no relationship with.
      expect(body.data?._entities.at(-1)).toEqual({
        nhsNumber: stranger,
        socialCareServices: null,
        socialCareRequests: null,
        careAndSupportPlan: null,
        unpaidCarers: null,
        caringFor: null,
      });
      expect(inPathOrder(body).errors?.map((error) => [error.path, error.extensions])).toEqual(
        ['careAndSupportPlan', 'caringFor', 'socialCareRequests', 'socialCareServices', 'unpaidCarers'].map((field) => [
          ['_entities', 20, field],
          forbidden.extensions,
        ]),
      );
      // The access facts (sharing decisions, emergencies, relationships): one statement; services,
      // requests, plans and the caring links: one, read together by the request's batcher; the audit:
      // one insert. Whatever the count of people.
      expect(statements).toBe(3);
    },
  );

  it('finds workers and providers', async () => {
    const { body } = await socialCare.query(
      'social-worker',
      `{
      socialCareWorker(id: "w-cw-jones") { name competencies { name } }
      nobody: socialCareWorker(id: "w-nobody") { name }
      socialCareProviders { code name serviceComponents { system code } workers { id } }
    }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.['socialCareWorker']).toEqual({
      name: 'Mark Jones',
      competencies: [{ name: 'Autism awareness' }, { name: 'Medication administration' }],
    });
    expect(body.data?.['nobody']).toBeNull();
    const providers = body.data?.['socialCareProviders'] as Array<{
      code: string;
      serviceComponents: unknown[];
      workers: Array<{ id: string }>;
    }>;
    expect(providers.map((provider) => provider.code)).toEqual(['DEMOSL2', 'DEMOSL1']);
    expect(providers[1]?.serviceComponents).toEqual([
      { system: `${cldBase}/service-component`, code: 'Supported Living' },
    ]);
    expect(providers[1]?.workers.map((worker) => worker.id)).toEqual(
      expect.arrayContaining(['w-cw-evans', 'w-cw-jones', 'w-rm-patel']),
    );
  });

  it('refuses an invalid NHS number with BAD_USER_INPUT naming the argument', async () => {
    const { body } = await socialCare.query(
      'social-worker',
      entities('nhsNumber socialCareServices { id }'),
      asPeople(sam, '9990000017'),
    );
    expect(body.data).toEqual({
      _entities: [
        {
          nhsNumber: sam,
          socialCareServices: [{ id: 'sam-service-supported-living' }, { id: 'sam-service-home-support' }],
        },
        null,
      ],
    });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message:
          'Argument "representations" is not a valid NHS number: it ' +
          'must be 10 digits with a correct Modulus 11 check digit.',
        path: ['_entities', 1],
        extensions: {
          code: 'BAD_USER_INPUT',
          argumentName: 'representations',
          agency: socialCareSubgraph.agency.displayName,
          serviceName: 'social-care',
        },
      }),
    ]);
  });

  it('answers nothing, _entities included, without a valid token', async () => {
    for (const result of [
      await socialCare.query(undefined, samsRecord, asPeople(sam)),
      await socialCare.query(undefined, caseloadPage, { after: null }),
    ]) {
      expect(result.status).toBe(401);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('writes nothing new when the seed runs again', async () => {
    const count = async () => {
      const result = await socialCare.subgraph.database.db.execute(
        ('select (select count(*) from allocations)::int as ' +
          'allocations, (select count(*) from services)::int as ' +
          'services, (select count(*) from unpaid_carers)::int as ' +
          'carers') as never,
      );
      return (result as unknown as { rows: Array<Record<string, number>> }).rows[0];
    };
    const first = await count();
    await socialCareSubgraph.seed(socialCare.subgraph.database.db as never, { people });
    expect(await count()).toEqual(first);
    expect(first?.['carers']).toBeGreaterThan(10);
  });

  it.each(Object.entries(whoSeesWhatOfSam))(
    "shows %s what the council's policy allows of Sam, and audits exactly that",
    async (user, expected) => {
      const fields = Object.keys(samsFields) as SamsField[];
      const { body, headers } = await socialCare.query(
        user,
        entities(fields.map((field) => `${field} { ${samsFields[field][1]} }`).join(' ')),
        asPeople(sam),
      );
      const person = (body.data?.['_entities'] as Array<Record<string, unknown>>)[0]!;
      expect(fields.filter((field) => person[field] !== null)).toEqual(
        fields.filter((field) => expected.fields.includes(field)),
      );
      expect(inPathOrder(body).errors ?? []).toEqual(
        fields
          .filter((field) => !expected.fields.includes(field))
          .sort()
          .map((field) => refused(['_entities', 0, field])),
      );
      if (expected.fields.includes('socialCareReviews'))
        expect(person['socialCareReviews']).toHaveLength(expected.safeguarding ? 3 : 2);
      const categories = [...new Set(expected.fields.map((field) => samsFields[field][0]))].sort();
      // Naming Sam's mother as his carer is a read of her data too, audited against her.
      const namesMargaret = expected.fields.includes('unpaidCarers');
      expect(await auditOf(socialCare, headers)).toEqual(
        categories.length === 0
          ? []
          : [
              expect.objectContaining({
                actor_subject: subjects[user],
                nhs_number: sam,
                action: 'read',
                categories,
                break_glass: false,
                break_glass_reason: null,
              }),
              ...(namesMargaret
                ? [
                    expect.objectContaining({
                      actor_subject: subjects[user],
                      nhs_number: '9990000026',
                      categories: ['unpaid-carers'],
                    }),
                  ]
                : []),
            ],
      );
    },
  );

  it(
    'refuses unrelated-gp alike for Sam and for a valid NHS ' + 'number the council does not hold, and audits nothing',
    async () => {
      const stranger = '9434765919';
      const { status, body, headers } = await socialCare.query(
        'unrelated-gp',
        entities('nhsNumber careAndSupportPlan { id } socialCareServices { id }'),
        asPeople(sam, stranger),
      );
      expect(status).toBe(200);
      expect(inPathOrder(body)).toEqual({
        data: {
          _entities: [
            { nhsNumber: sam, careAndSupportPlan: null, socialCareServices: null },
            { nhsNumber: stranger, careAndSupportPlan: null, socialCareServices: null },
          ],
        },
        errors: [
          refused(['_entities', 0, 'careAndSupportPlan']),
          refused(['_entities', 0, 'socialCareServices']),
          refused(['_entities', 1, 'careAndSupportPlan']),
          refused(['_entities', 1, 'socialCareServices']),
        ],
      });
      expect(await auditOf(socialCare, headers)).toEqual([]);
    },
  );

  it(
    'shows a care worker the plan she delivers, not the ' +
      'assessments and reviews behind it, nor anyone she does not ' +
      'support',
    async () => {
      const { body } = await socialCare.query(
        'care-worker',
        entities('careAndSupportPlan { status provider { name } } careActAssessments { id } socialCareReviews { id }'),
        asPeople(sam, margaret),
      );
      expect(inPathOrder(body)).toEqual({
        data: {
          _entities: [
            {
              careAndSupportPlan: { status: 'AGREED', provider: { name: 'Oakfield Supported Living' } },
              careActAssessments: null,
              socialCareReviews: null,
            },
            { careAndSupportPlan: null, careActAssessments: null, socialCareReviews: null },
          ],
        },
        errors: [
          refused(['_entities', 0, 'careActAssessments']),
          refused(['_entities', 0, 'socialCareReviews']),
          refused(['_entities', 1, 'careActAssessments']),
          refused(['_entities', 1, 'careAndSupportPlan']),
          refused(['_entities', 1, 'socialCareReviews']),
        ],
      });
    },
  );

  it("shows the carer Sam's delegated reviews without the safeguarding one, and not his assessments", async () => {
    const { body } = await socialCare.query(
      'carer',
      entities('socialCareReviews { reviewedOn } careActAssessments { id } socialCareRequests { id }'),
      asPeople(sam),
    );
    expect(body).toEqual({
      data: {
        _entities: [
          {
            socialCareReviews: [{ reviewedOn: '2026-05-12' }, { reviewedOn: '2025-09-15' }],
            careActAssessments: null,
            socialCareRequests: null,
          },
        ],
      },
      errors: [refused(['_entities', 0, 'careActAssessments']), refused(['_entities', 0, 'socialCareRequests'])],
    });
  });

  it("shows Sam his own record, safeguarding review included, and not his mother's", async () => {
    const { body } = await socialCare.query(
      'sam',
      entities('socialCareReviews { reviewedOn } socialCareServices { id }'),
      asPeople(sam, margaret),
    );
    expect(inPathOrder(body)).toEqual({
      data: {
        _entities: [
          {
            socialCareReviews: [
              { reviewedOn: '2026-05-12' },
              { reviewedOn: '2025-12-10' },
              { reviewedOn: '2025-09-15' },
            ],
            socialCareServices: [{ id: 'sam-service-supported-living' }, { id: 'sam-service-home-support' }],
          },
          { socialCareReviews: null, socialCareServices: null },
        ],
      },
      errors: [refused(['_entities', 1, 'socialCareReviews']), refused(['_entities', 1, 'socialCareServices'])],
    });
  });

  it('lists for Sam who has read his record, newest first, a page at a time', async () => {
    const daniel = await socialCare.query('social-worker', entities('careAndSupportPlan { id }'), asPeople(sam));
    const lucy = await socialCare.query(
      'care-worker',
      entities('careWorkers { role } socialCareServices { id }'),
      asPeople(sam),
    );
    const log = `query($representations: [_Any!]!, $after: String) { _entities(representations: $representations) {
                  ... on Person {
      socialCareAccessLog(first: 2, after: $after) { edges { cursor node { id occurredAt agency
        nhsNumber actorName actorRole organisation { code name } purpose action categories breakGlass
        breakGlassReason requestId } } pageInfo { hasNextPage endCursor } }
    } } }`;
    const event = (
      actorName: string,
      actorRole: string,
      organisation: typeof council,
      categories: string[],
      requestId: string | null,
    ) => ({
      cursor: expect.any(String),
      node: {
        id: expect.any(String),
        occurredAt: expect.any(String),
        agency,
        nhsNumber: sam,
        actorName,
        actorRole,
        organisation,
        purpose: 'direct-care',
        action: 'READ',
        categories,
        breakGlass: false,
        breakGlassReason: null,
        requestId,
      },
    });
    type Log = {
      _entities: Array<{
        socialCareAccessLog: {
          edges: Array<{ node: { id: string; occurredAt: string } }>;
          pageInfo: { endCursor: string };
        };
      }>;
    };
    const first = await socialCare.query<Log>('sam', log, { ...asPeople(sam), after: null });
    expect(first.body).toEqual({
      data: {
        _entities: [
          {
            socialCareAccessLog: {
              edges: [
                event(
                  'Lucy Evans',
                  'care-worker',
                  oakfield,
                  ['care-workers', 'services'],
                  lucy.headers.get('x-request-id'),
                ),
                event('Daniel Moore', 'social-worker', council, ['care-plan'], daniel.headers.get('x-request-id')),
              ],
              pageInfo: { hasNextPage: true, endCursor: expect.any(String) },
            },
          },
        ],
      },
    });
    const firstPage = first.body.data!._entities[0]!.socialCareAccessLog;
    const second = await socialCare.query<Log>('sam', log, { ...asPeople(sam), after: firstPage.pageInfo.endCursor });
    const older = second.body.data!._entities[0]!.socialCareAccessLog.edges.map((edge) => edge.node);
    expect(older).toHaveLength(2);
    expect(
      older.every(
        (node) =>
          node.occurredAt <= firstPage.edges[1]!.node.occurredAt &&
          !firstPage.edges.some((edge) => edge.node.id === node.id),
      ),
    ).toBe(true);
  });

  it('refuses to change or remove the audit, even on the agency’s own connection', async () => {
    const db = socialCare.subgraph.database.db;
    const count = async () =>
      (
        (await db.execute(sql`select count(*)::int as n from audit_events`)) as unknown as {
          rows: Array<{ n: number }>;
        }
      ).rows[0]?.n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const failureOf = (statement: ReturnType<typeof sql>) =>
      db.execute(statement).then(
        () => 'succeeded',
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(await failureOf(sql`update audit_events set actor_name = 'Someone else'`)).toBe(
      'audit_events is append-only: UPDATE is not allowed',
    );
    expect(await failureOf(sql`delete from audit_events`)).toBe('audit_events is append-only: DELETE is not allowed');
    expect(await failureOf(sql`truncate audit_events`)).toBe('audit_events is append-only: TRUNCATE is not allowed');
    expect(await count()).toBe(before);
  });

  it(
    'lets Sam decline sharing with health at once and ' + 'idempotently, his mother undo it, and not his social worker',
    async () => {
      const set = `mutation($sector: String!, $shared: Boolean!) { setSocialCareSharing(nhsNumber: "${sam}", sector:
                  $sector, shared: $shared) { sector shared decidedAt } }`;
      const plan = entities('careAndSupportPlan { status }');
      const seen = { data: { _entities: [{ careAndSupportPlan: { status: 'AGREED' } }] } };
      expect((await socialCare.query('gp', plan, asPeople(sam))).body).toEqual(seen);

      const declined = await socialCare.query('sam', set, { sector: 'health', shared: false });
      expect(declined.body).toEqual({
        data: { setSocialCareSharing: { sector: 'health', shared: false, decidedAt: expect.any(String) } },
      });
      expect((await socialCare.query('sam', set, { sector: 'health', shared: false })).body).toEqual(declined.body);
      expect(await auditOf(socialCare, declined.headers)).toEqual([
        {
          actor_subject: 'citizen-sam',
          actor_name: 'Sam Taylor',
          actor_role: 'person',
          nhs_number: sam,
          action: 'write',
          categories: ['sharing-decisions'],
          break_glass: false,
          break_glass_reason: null,
        },
      ]);
      // At once: Sam's GP, in the health sector, is refused; his social worker and link worker are not.
      expect((await socialCare.query('gp', plan, asPeople(sam))).body).toEqual({
        data: { _entities: [{ careAndSupportPlan: null }] },
        errors: [refused(['_entities', 0, 'careAndSupportPlan'])],
      });
      expect((await socialCare.query('social-worker', plan, asPeople(sam))).body).toEqual(seen);
      expect((await socialCare.query('link-worker', plan, asPeople(sam))).body).toEqual(seen);
      const decidedAt = (declined.body.data?.['setSocialCareSharing'] as { decidedAt: string }).decidedAt;
      expect(
        (
          await socialCare.query(
            'sam',
            entities('socialCareSharingDecisions { sector shared decidedAt }'),
            asPeople(sam),
          )
        ).body,
      ).toEqual({
        data: {
          _entities: [
            {
              socialCareSharingDecisions: [
                { sector: 'health', shared: false, decidedAt },
                { sector: 'voluntary-sector', shared: true, decidedAt: null },
                { sector: 'care-coordination', shared: true, decidedAt: null },
              ],
            },
          ],
        },
      });

      expect((await socialCare.query('social-worker', set, { sector: 'health', shared: true })).body).toEqual({
        data: { setSocialCareSharing: null },
        errors: [
          refusedField('setSocialCareSharing', `${agency} needs a token with the scope record:consent:own for this.`),
        ],
      });
      expect((await socialCare.query('carer', set, { sector: 'health', shared: true })).body).toEqual({
        data: { setSocialCareSharing: { sector: 'health', shared: true, decidedAt: null } },
      });
      expect((await socialCare.query('carer', set, { sector: 'health', shared: true })).body).toEqual({
        data: { setSocialCareSharing: { sector: 'health', shared: true, decidedAt: null } },
      });
      expect((await socialCare.query('gp', plan, asPeople(sam))).body).toEqual(seen);
    },
  );

  describe('the social care timeline', () => {
    const timeline = entities(
      'nhsNumber socialCareTimeline { id occurredOn kind title ' +
        'detail agency provenance { recordedBy recordedByRole ' +
        'organisation { code name } recordedAt } }',
    );
    type Entry = {
      id: string;
      occurredOn: string;
      kind: string;
      title: string;
      detail: string | null;
      agency: string;
      provenance: ReturnType<typeof byDaniel>;
    };
    type Timeline = { _entities: Array<{ nhsNumber: string; socialCareTimeline: Entry[] | null }> };
    const entry = (
      id: string,
      occurredOn: string,
      kind: string,
      title: string,
      detail: string,
      recordedAt: string,
    ): Entry => ({
      id: `social-care:${id}`,
      occurredOn,
      kind,
      title,
      detail,
      agency,
      provenance: byDaniel(recordedAt),
    });
    const samsEntries = {
      planned: entry(
        'review:sam-review-2026-05',
        '2026-05-12',
        'REVIEW',
        'Planned review of care and support',
        'Six months in the new flat: settled, one hypo after a missed ' +
          'meal, handled well by staff. Mark Jones still to be trained ' +
          'in insulin administration.',
        '2026-05-12T15:00:00.000Z',
      ),
      safeguarding: expect.objectContaining({
        id: 'social-care:review:sam-review-2025-12-safeguarding',
        occurredOn: '2025-12-10',
        kind: 'REVIEW',
        title: 'Unplanned review of care and support',
      }),
      unplanned: expect.objectContaining({
        id: 'social-care:review:sam-review-2025-09',
        occurredOn: '2025-09-15',
        kind: 'REVIEW',
        title: 'Unplanned review of care and support',
      }),
      assessment: entry(
        'needs-assessment:sam-assessment-2023',
        '2023-06-20',
        'ASSESSMENT',
        'Care Act needs assessment',
        'Two supported-living placements have broken down because ' +
          "staff did not understand Sam's diabetes. Eligible needs in " +
          'four outcomes; support must come from staff trained in ' +
          'insulin administration and autism.',
        '2023-06-20T15:30:00.000Z',
      ),
      request: entry(
        'request:sam-request-2023',
        '2023-05-09',
        'REQUEST',
        'Request for support',
        'Outcome: Progress to Assessment. Route: Community / Other route.',
        '2023-05-09T11:20:00.000Z',
      ),
    };

    it(
      'gives his social worker every request, assessment and ' +
        'review, newest first, safeguarding included, and audits each ' +
        'part read',
      async () => {
        const { body, headers } = await socialCare.query<Timeline>('social-worker', timeline, asPeople(sam));
        expect(body).toEqual({
          data: {
            _entities: [
              {
                nhsNumber: sam,
                socialCareTimeline: [
                  samsEntries.planned,
                  samsEntries.safeguarding,
                  samsEntries.unplanned,
                  samsEntries.assessment,
                  samsEntries.request,
                ],
              },
            ],
          },
        });
        expect(await auditOf(socialCare, headers)).toEqual([
          expect.objectContaining({
            actor_subject: 'w-sw-moore',
            nhs_number: sam,
            action: 'read',
            categories: ['carers-assessments', 'needs-assessments', 'requests', 'reviews'],
          }),
        ]);
      },
    );

    it('withholds the safeguarding review from his care coordinator', async () => {
      const { body, headers } = await socialCare.query<Timeline>('coordinator', timeline, asPeople(sam));
      expect(body).toEqual({
        data: {
          _entities: [
            {
              nhsNumber: sam,
              socialCareTimeline: [
                samsEntries.planned,
                samsEntries.unplanned,
                samsEntries.assessment,
                samsEntries.request,
              ],
            },
          ],
        },
      });
      expect(await auditOf(socialCare, headers)).toEqual([
        expect.objectContaining({
          actor_subject: 'w-cc-green',
          categories: ['carers-assessments', 'needs-assessments', 'requests', 'reviews'],
        }),
      ]);
    });

    it(
      'shows his mother only the reviews he delegated to her, ' + 'without the safeguarding one, and audits only those',
      async () => {
        const { body, headers } = await socialCare.query<Timeline>('carer', timeline, asPeople(sam));
        expect(body).toEqual({
          data: { _entities: [{ nhsNumber: sam, socialCareTimeline: [samsEntries.planned, samsEntries.unplanned] }] },
        });
        expect(await auditOf(socialCare, headers)).toEqual([
          expect.objectContaining({ actor_subject: 'citizen-margaret', nhs_number: sam, categories: ['reviews'] }),
        ]);
      },
    );

    it("shows Margaret's carer's assessment on her own timeline", async () => {
      const { body } = await socialCare.query<Timeline>('social-worker', timeline, asPeople(margaret));
      expect(body.errors).toBeUndefined();
      expect(body.data!._entities[0]!.socialCareTimeline!.map((item) => [item.id, item.kind, item.title])).toEqual([
        ['social-care:carers-assessment:margaret-carers-assessment-2025', 'ASSESSMENT', "Carer's assessment"],
        ['social-care:request:margaret-request-2025', 'REQUEST', 'Request for support'],
      ]);
    });

    it.each(['gp', 'care-worker', 'link-worker'])(
      'refuses %s, who may see none of its parts, with FORBIDDEN, and audits nothing',
      async (user) => {
        const { body, headers } = await socialCare.query<Timeline>(user, timeline, asPeople(sam));
        expect(body).toEqual({
          data: { _entities: [{ nhsNumber: sam, socialCareTimeline: null }] },
          errors: [refused(['_entities', 0, 'socialCareTimeline'])],
        });
        expect(await auditOf(socialCare, headers)).toEqual([]);
      },
    );

    it('reads the timelines of a whole caseload with the same few statements as of one person', async () => {
      const { body: caseload } = await socialCare.query<CaseloadPage>('social-worker', caseloadPage, { after: null });
      const nhsNumbers = caseload.data!.socialCareCaseload.edges.map((edge) => edge.node.person.nhsNumber);
      const statementsFor = async (people: string[]) => {
        const before = socialCare.subgraph.database.statements.count;
        const { body } = await socialCare.query<Timeline>('social-worker', timeline, asPeople(...people));
        expect(body.errors).toBeUndefined();
        expect(body.data!._entities.every((person) => (person.socialCareTimeline ?? []).length > 0)).toBe(true);
        return socialCare.subgraph.database.statements.count - before;
      };
      const one = await statementsFor(nhsNumbers.slice(0, 1));
      expect(await statementsFor(nhsNumbers)).toBe(one);
      // The access facts (one), requests, assessments (needs and carer's at once) and reviews together
      // (one), and the audit insert.
      expect(one).toBe(3);
    });
  });

  it(
    'resolves social care workers as entities, in one statement, ' +
      'null for an unknown id and BAD_USER_INPUT for an invalid one',
    async () => {
      const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on
                    SocialCareWorker { id name jobTitle organisation { code name } email phone } } }`;
      const before = socialCare.subgraph.database.statements.count;
      const { body } = await socialCare.query<{ _entities: unknown[] }>('gp', query, {
        representations: [
          { __typename: 'SocialCareWorker', id: 'w-cw-evans' },
          { __typename: 'SocialCareWorker', id: 'w-nobody' },
          { __typename: 'SocialCareWorker', id: 'w-sw-moore' },
          { __typename: 'SocialCareWorker' },
        ],
      });
      expect(body.data?._entities).toEqual([
        {
          id: 'w-cw-evans',
          name: 'Lucy Evans',
          jobTitle: 'Support worker',
          organisation: oakfield,
          email: 'lucy.evans@demosl1.example.nhs.uk',
          phone: '01632 960401',
        },
        null,
        {
          id: 'w-sw-moore',
          name: 'Daniel Moore',
          jobTitle: 'Social worker',
          organisation: council,
          email: 'daniel.moore@demola1.example.nhs.uk',
          phone: '01632 960301',
        },
        null,
      ]);
      expect(body.errors).toEqual([
        expect.objectContaining({
          path: ['_entities', 3],
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'representations', agency, serviceName: 'social-care' },
        }),
      ]);
      // The workers in one statement and their organisations in another, however many are asked for.
      expect(socialCare.subgraph.database.statements.count - before).toBe(2);
    },
  );

  // Last: an emergency stays open for the GP for half an hour, which would change what earlier tests expect.
  it(
    "opens Sam's support to an unrelated GP in an emergency, " +
      "flagged in the audit and listed for the council's privacy " +
      'officer',
    async () => {
      const reason = 'Sam brought in hypoglycaemic and confused; need his support plan and who supports him.';
      const emergency = await graphqlRequest(socialCare.subgraph.url, {
        query: entities('careAndSupportPlan { status } careWorkers { worker { name } } careActAssessments { id }'),
        variables: asPeople(sam),
        token: await socialCare.idp.tokenFor('unrelated-gp'),
        headers: { 'x-break-glass': `${sam}; ${reason}` },
      });
      expect(emergency.body).toEqual({
        data: {
          _entities: [
            {
              careAndSupportPlan: { status: 'AGREED' },
              careWorkers: [{ worker: { name: 'Lucy Evans' } }, { worker: { name: 'Mark Jones' } }],
              careActAssessments: null,
            },
          ],
        },
        errors: [refused(['_entities', 0, 'careActAssessments'])],
      });
      expect(await auditOf(socialCare, emergency.headers)).toEqual([
        {
          actor_subject: 'w-gp-brown',
          actor_name: 'Dr Michael Brown',
          actor_role: 'gp',
          nhs_number: sam,
          action: 'read',
          categories: ['care-plan', 'care-workers'],
          break_glass: true,
          break_glass_reason: reason,
        },
      ]);

      const review =
        '{ socialCareBreakGlassAccesses(first: 5) { edges { node { ' +
        'actorName actorRole organisation { code } nhsNumber ' +
        'categories breakGlass breakGlassReason requestId } } ' +
        'pageInfo { hasNextPage } } }';
      const officer = await signToken(councilPrivacyOfficer, socialCare.idp.key, socialCare.idp.identity);
      expect((await graphqlRequest(socialCare.subgraph.url, { query: review, token: officer })).body).toEqual({
        data: {
          socialCareBreakGlassAccesses: {
            edges: [
              {
                node: {
                  actorName: 'Dr Michael Brown',
                  actorRole: 'gp',
                  organisation: { code: 'DEMOP2' },
                  nhsNumber: sam,
                  categories: ['care-plan', 'care-workers'],
                  breakGlass: true,
                  breakGlassReason: reason,
                  requestId: emergency.headers.get('x-request-id'),
                },
              },
            ],
            pageInfo: { hasNextPage: false },
          },
        },
      });
      // The officer can also follow up in Sam's own access log, where reading the list is itself
      // recorded (newest first) before the emergency; nobody else reads the break-glass list.
      const samsLog = await graphqlRequest(socialCare.subgraph.url, {
        query: entities('socialCareAccessLog(first: 2) { edges { node { actorName breakGlass } } }'),
        variables: asPeople(sam),
        token: officer,
      });
      expect(samsLog.body).toEqual({
        data: {
          _entities: [
            {
              socialCareAccessLog: {
                edges: [
                  { node: { actorName: councilPrivacyOfficer.name, breakGlass: false } },
                  { node: { actorName: 'Dr Michael Brown', breakGlass: true } },
                ],
              },
            },
          ],
        },
      });
      for (const user of ['privacy-officer', 'social-worker', 'unrelated-gp']) {
        expect((await socialCare.query(user, review)).body, user).toEqual({
          data: { socialCareBreakGlassAccesses: null },
          errors: [
            refusedField(
              'socialCareBreakGlassAccesses',
              `${agency} shows its break-glass accesses only to its privacy officer.`,
            ),
          ],
        });
      }
    },
  );
  it('tells a carer who else cares for the person only under a delegation the council holds', async () => {
    // The token's acts_for names whom a carer acts for; it is not the basis. Margaret holds Sam's
    // delegation, so she hears that she is his unpaid carer; a carer whose token names Sam but who
    // holds no delegation (one withdrawn, or never given) hears nothing.
    const told = `{ socialCareRelationshipsWithCaller(nhsNumbers: ["${margaret}"], forSector: "health") {
      nhsNumber relationships } }`;
    const { body } = await socialCare.query<{
      socialCareRelationshipsWithCaller: Array<{ nhsNumber: string; relationships: string[] }>;
    }>('carer', told);
    expect(body.errors).toBeUndefined();
    expect(body.data!.socialCareRelationshipsWithCaller).toEqual([
      { nhsNumber: margaret, relationships: ['unpaid-carer'] },
    ]);
    const undelegated: DemoUser = {
      username: 'undelegated-carer',
      subject: 'citizen-someone-else',
      name: 'Someone Else',
      role: 'carer',
      organisation: { code: 'CITIZEN', name: 'Citizen', sector: 'citizen' },
      actsFor: sam,
      description: 'A carer whose token names Sam, with no delegation from him',
    };
    const token = await signToken(undelegated, socialCare.idp.key, socialCare.idp.identity);
    const answer = await graphqlRequest<{ socialCareRelationshipsWithCaller: unknown[] }>(socialCare.subgraph.url, {
      query: told,
      token,
    });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.socialCareRelationshipsWithCaller).toEqual([]);
  });
});
