import { auditEvents } from '@joined-up/kit';
import { startSubgraphForTest, type TestEngine, type TestSubgraph } from '@joined-up/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hospitalSubgraph } from './index.ts';

const sam = '9990000018';
const query = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Person {
      nhsNumber
      hospitalSupport { summary startedOn provenance { recordedBy } }
    }
  }
}`;
const representations = [{ __typename: 'Person', nhsNumber: sam }];

describe.each<TestEngine>(['pglite', 'postgresql'])('the hospital subgraph on %s', (engine) => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startSubgraphForTest(hospitalSubgraph, { engine, people: 20 });
  });
  afterAll(async () => subgraph?.stop());

  it("shows Sam's support to the coordinator on his care team, and audits the read", async () => {
    const { body } = await subgraph.query('coordinator', query, { representations });
    expect(body).toEqual({
      data: {
        _entities: [
          {
            nhsNumber: sam,
            hospitalSupport: [
              {
                summary: 'Support from Riverside University Hospitals NHS Foundation Trust, agreed with Sam.',
                startedOn: '2026-09-01',
                provenance: { recordedBy: 'Riverside University Hospitals NHS Foundation Trust staff' },
              },
            ],
          },
        ],
      },
    });
    const audited = await subgraph.subgraph.database.db
      .select({ categories: auditEvents.categories })
      .from(auditEvents)
      .where(eq(auditEvents.nhsNumber, sam));
    expect(audited).toContainEqual({ categories: ['support'] });
  });

  it('refuses it to a GP with no relationship, naming the agency and nothing else', async () => {
    const { body } = await subgraph.query('unrelated-gp', query, { representations });
    expect(body.data).toEqual({ _entities: [{ nhsNumber: sam, hospitalSupport: null }] });
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['_entities', 0, 'hospitalSupport'],
        extensions: expect.objectContaining({
          code: 'FORBIDDEN',
          agency: 'Riverside University Hospitals NHS Foundation Trust',
        }),
      }),
    ]);
  });

  it('answers no one without credentials, _entities included', async () => {
    const { status } = await subgraph.query(undefined, query, { representations });
    expect(status).toBe(401);
  });
});
