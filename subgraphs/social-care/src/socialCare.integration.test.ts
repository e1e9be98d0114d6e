import { startSubgraphForTest, type TestEngine, type TestSubgraph } from '@joined-up/test';
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
const byDaniel = (recordedAt: string) => ({ recordedBy: 'Daniel Moore', recordedByRole: 'Social worker', organisation: council, recordedAt });
const entities = (selection: string) => `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { ${selection} } } }`;
const asPeople = (...nhsNumbers: string[]) => ({ representations: nhsNumbers.map((nhsNumber) => ({ __typename: 'Person', nhsNumber })) });

const samsRecord = entities(/* GraphQL */ `
  nhsNumber
  socialCareRequests { requestedOn routeOfAccess { system code display } outcome { system code display } provenance { recordedBy recordedByRole organisation { code name } recordedAt } }
  careActAssessments { assessedOn assessor { name } needs { outcome } eligibility primarySupportReason { system code display } }
  socialCareServices { id serviceType { system code display } serviceComponent { system code display } supportSetting { system code display } deliveryMechanism { system code display } primarySupportReason { system code display } provider { code name } hoursPerWeek startDate endDate }
  careAndSupportPlan { status agreedOn outcomes { inTheirWords } provider { code name } nextReviewDue provenance { recordedBy recordedByRole organisation { code name } recordedAt } }
  socialCareReviews { reviewedOn kind outcome { code } nextReviewDue reviewer { name } }
  allocatedSocialWorker { id name jobTitle organisation { code name } email }
  unpaidCarers { carer { nhsNumber } relationship livesWithPerson carersAssessmentStatus since }
  caringFor { person { nhsNumber } }
  careWorkers { role since worker { id name jobTitle organisation { code name } competencies { name achievedOn expiresOn assessedBy } } }
`);

interface CaseloadPage {
  socialCareCaseload: { edges: Array<{ cursor: string; node: { person: { nhsNumber: string }; worker: { id: string }; allocatedOn: string; reason: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}
const caseloadPage = `query($after: String) { socialCareCaseload(first: 20, after: $after) { edges { cursor node { person { nhsNumber } worker { id } allocatedOn reason } } pageInfo { hasNextPage endCursor } } }`;

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
          { requestedOn: '2023-05-09', routeOfAccess: cld('route-of-access', 'Community / Other route'), outcome: cld('event-outcome', 'Progress to Assessment'), provenance: byDaniel('2023-05-09T11:20:00.000Z') },
        ],
        careActAssessments: [
          {
            assessedOn: '2023-06-20',
            assessor: { name: 'Daniel Moore' },
            needs: [
              { outcome: 'Managing and maintaining nutrition' },
              { outcome: "Being able to make use of the adult's home safely" },
              { outcome: 'Developing and maintaining family or other personal relationships' },
              { outcome: 'Making use of necessary facilities or services in the local community including public transport, and recreational facilities or services' },
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
        socialCareReviews: [
          { reviewedOn: '2026-05-12', kind: 'PLANNED', outcome: { code: 'No change in package' }, nextReviewDue: '2027-05-12', reviewer: { name: 'Daniel Moore' } },
          { reviewedOn: '2025-09-15', kind: 'UNPLANNED', outcome: { code: 'Progress to Support Planning / Services' }, nextReviewDue: null, reviewer: { name: 'Daniel Moore' } },
        ],
        allocatedSocialWorker: { id: 'w-sw-moore', name: 'Daniel Moore', jobTitle: 'Social worker', organisation: council, email: 'daniel.moore@demola1.example.nhs.uk' },
        unpaidCarers: [{ carer: { nhsNumber: margaret }, relationship: 'Mother', livesWithPerson: false, carersAssessmentStatus: 'COMPLETED', since: '2019-03-14' }],
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
                { name: 'Autism awareness', achievedOn: '2023-01-16', expiresOn: null, assessedBy: 'Nadia Patel, Registered manager' },
                { name: 'Diabetes awareness', achievedOn: '2025-10-27', expiresOn: '2027-10-27', assessedBy: 'Tom Hughes, Diabetes specialist nurse' },
                { name: 'Insulin administration', achievedOn: '2025-11-10', expiresOn: '2027-11-10', assessedBy: 'Tom Hughes, Diabetes specialist nurse' },
                { name: 'Medication administration', achievedOn: '2024-03-11', expiresOn: '2027-03-11', assessedBy: 'Nadia Patel, Registered manager' },
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
                { name: 'Autism awareness', achievedOn: '2024-06-03', expiresOn: null, assessedBy: 'Nadia Patel, Registered manager' },
                { name: 'Medication administration', achievedOn: '2025-01-20', expiresOn: '2028-01-20', assessedBy: 'Nadia Patel, Registered manager' },
              ],
            },
          },
        ],
      },
    ]);
  });

  it("shows the carer's side on Margaret's own record", async () => {
    const query = entities(`caringFor { person { nhsNumber } relationship livesWithPerson since } unpaidCarers { relationship } careActAssessments { id }
      carersAssessments { assessedOn assessor { name } caredFor { nhsNumber } needs { outcome } eligibility provenance { recordedBy recordedAt } }
      socialCareServices { serviceType { code } serviceComponent { code } deliveryMechanism { code } provider { code } hoursPerWeek startDate }
      allocatedSocialWorker { name }`);
    const { body } = await socialCare.query('social-worker', query, asPeople(margaret));
    expect(body.errors).toBeUndefined();
    expect(body.data?.['_entities']).toEqual([
      {
        caringFor: [{ person: { nhsNumber: sam }, relationship: 'Mother', livesWithPerson: false, since: '2019-03-14' }],
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
          { serviceType: { code: 'Carer Support: Direct Payment' }, serviceComponent: { code: 'Support for Carer' }, deliveryMechanism: { code: 'Direct Payment' }, provider: null, hoursPerWeek: null, startDate: '2025-04-01' },
        ],
        allocatedSocialWorker: { name: 'Daniel Moore' },
      },
    ]);
  });

  it("pages through Daniel Moore's caseload 20 at a time, without repeats, Sam included", async () => {
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i += 1) {
      const { body }: { body: { data?: CaseloadPage | null; errors?: unknown } } = await socialCare.query<CaseloadPage>('social-worker', caseloadPage, { after });
      expect(body.errors).toBeUndefined();
      const connection: CaseloadPage['socialCareCaseload'] = body.data!.socialCareCaseload;
      pageSizes.push(connection.edges.length);
      seen.push(...connection.edges.map((edge) => edge.node.person.nhsNumber));
      expect(connection.edges.every((edge) => edge.node.worker.id === 'w-sw-moore')).toBe(true);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pageSizes).toEqual([20, 20, 20, 5]);
    expect(new Set(seen).size).toBe(65);
    expect(seen).toEqual([...seen].sort());
    expect(seen.slice(0, 2)).toEqual([sam, margaret]);
  });

  it('gives a caller without a caseload an empty one, and pages of 50 for a worker who has one', async () => {
    const gp = await socialCare.query<CaseloadPage>('gp', caseloadPage, { after: null });
    expect(gp.body.data?.socialCareCaseload).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const fifty = await socialCare.query<CaseloadPage>('social-worker', `{ socialCareCaseload(first: 50) { edges { node { person { nhsNumber } } } pageInfo { hasNextPage } } }`);
    expect(fifty.body.data?.socialCareCaseload.edges).toHaveLength(50);
    expect(fifty.body.data?.socialCareCaseload.pageInfo.hasNextPage).toBe(true);
  });

  it('resolves many people in one request with one statement per table, and holds nothing for a stranger', async () => {
    const { body: caseload } = await socialCare.query<CaseloadPage>('social-worker', caseloadPage, { after: null });
    const nhsNumbers = caseload.data!.socialCareCaseload.edges.map((edge) => edge.node.person.nhsNumber);
    const stranger = '9434765919';
    const before = socialCare.subgraph.database.statements.count;
    const { body } = await socialCare.query<{ _entities: Array<Record<string, unknown>> }>(
      'social-worker',
      entities('nhsNumber socialCareServices { id } socialCareRequests { id } careAndSupportPlan { id } unpaidCarers { relationship } caringFor { relationship }'),
      asPeople(...nhsNumbers, stranger),
    );
    const statements = socialCare.subgraph.database.statements.count - before;
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toHaveLength(21);
    expect(body.data?._entities.map((person) => person['nhsNumber'])).toEqual([...nhsNumbers, stranger]);
    expect(body.data?._entities.slice(0, 20).every((person) => (person['socialCareServices'] as unknown[]).length > 0)).toBe(true);
    expect(body.data?._entities.at(-1)).toEqual({ nhsNumber: stranger, socialCareServices: [], socialCareRequests: [], careAndSupportPlan: null, unpaidCarers: [], caringFor: [] });
    // services, requests, plans and the caring links: four tables, four statements.
    expect(statements).toBe(4);
  });

  it('finds workers and providers', async () => {
    const { body } = await socialCare.query('social-worker', `{
      socialCareWorker(id: "w-cw-jones") { name competencies { name } }
      nobody: socialCareWorker(id: "w-nobody") { name }
      socialCareProviders { code name serviceComponents { system code } workers { id } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.['socialCareWorker']).toEqual({ name: 'Mark Jones', competencies: [{ name: 'Autism awareness' }, { name: 'Medication administration' }] });
    expect(body.data?.['nobody']).toBeNull();
    const providers = body.data?.['socialCareProviders'] as Array<{ code: string; serviceComponents: unknown[]; workers: Array<{ id: string }> }>;
    expect(providers.map((provider) => provider.code)).toEqual(['DEMOSL2', 'DEMOSL1']);
    expect(providers[1]?.serviceComponents).toEqual([{ system: `${cldBase}/service-component`, code: 'Supported Living' }]);
    expect(providers[1]?.workers.map((worker) => worker.id)).toEqual(expect.arrayContaining(['w-cw-evans', 'w-cw-jones', 'w-rm-patel']));
  });

  it('refuses an invalid NHS number with BAD_USER_INPUT naming the argument', async () => {
    const { body } = await socialCare.query('social-worker', entities('nhsNumber socialCareServices { id }'), asPeople(sam, '9990000017'));
    expect(body.data).toEqual({ _entities: [{ nhsNumber: sam, socialCareServices: [{ id: 'sam-service-supported-living' }, { id: 'sam-service-home-support' }] }, null] });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Argument "representations" is not a valid NHS number: it must be 10 digits with a correct Modulus 11 check digit.',
        path: ['_entities', 1],
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'representations', agency: socialCareSubgraph.agency.displayName, serviceName: 'social-care' },
      }),
    ]);
  });

  it('answers nothing, _entities included, without a valid token', async () => {
    for (const result of [await socialCare.query(undefined, samsRecord, asPeople(sam)), await socialCare.query(undefined, caseloadPage, { after: null })]) {
      expect(result.status).toBe(401);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('writes nothing new when the seed runs again', async () => {
    const count = async () => {
      const result = await socialCare.subgraph.database.db.execute('select (select count(*) from allocations)::int as allocations, (select count(*) from services)::int as services, (select count(*) from unpaid_carers)::int as carers' as never);
      return (result as unknown as { rows: Array<Record<string, number>> }).rows[0];
    };
    const first = await count();
    await socialCareSubgraph.seed(socialCare.subgraph.database.db as never, { people });
    expect(await count()).toEqual(first);
    expect(first?.['carers']).toBeGreaterThan(10);
  });
});
