import { auditEvents } from '@joined-up/kit';
import { startSubgraphForTest, type TestEngine, type TestSubgraph } from '@joined-up/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hospitalSubgraph } from './index.ts';

const sam = '9990000018';
const stays = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Person {
      nhsNumber
      hospitalAdmissions { ward wardPhone admittedAt dischargedAt provenance { recordedBy } }
      hospitalEmergencyAttendances { arrivalMode arrivedAt outcome }
    }
  }
}`;
const clinical = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Person {
      hospitalDiagnoses { encounterId rank code { code display } }
      hospitalDischargeSummaries { admissionId sections { heading } }
    }
  }
}`;
const representations = [{ __typename: 'Person', nhsNumber: sam }];
const samsStays = {
  nhsNumber: sam,
  hospitalAdmissions: [
    {
      ward: 'Ward 7, Acute Medical Unit, Riverside General Hospital',
      wardPhone: '01632 960857',
      admittedAt: '2026-11-15T01:10:00.000Z',
      dischargedAt: '2026-11-18T14:00:00.000Z',
      provenance: { recordedBy: 'Dr Olivia Grant' },
    },
  ],
  hospitalEmergencyAttendances: [
    { arrivalMode: 'Ambulance', arrivedAt: '2026-11-14T21:40:00.000Z', outcome: 'Admitted' },
  ],
};
const forbiddenAt = (field: string) =>
  expect.objectContaining({
    path: ['_entities', 0, field],
    extensions: expect.objectContaining({
      code: 'FORBIDDEN',
      agency: 'Riverside University Hospitals NHS Foundation Trust',
    }),
  });

describe.each<TestEngine>(['pglite', 'postgresql'])('the hospital subgraph on %s', (engine) => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startSubgraphForTest(hospitalSubgraph, { engine, people: 200 });
  });
  afterAll(async () => subgraph?.stop());

  it('shows his GP why Sam was admitted (a hypoglycaemia) and the discharge summary, and audits it', async () => {
    const { body } = await subgraph.query('gp', clinical, { representations });
    expect(body).toEqual({
      data: {
        _entities: [
          {
            hospitalDiagnoses: [
              {
                encounterId: 'sam-admission-1',
                rank: 'PRIMARY',
                code: { code: '302866003', display: 'Hypoglycaemia' },
              },
              {
                encounterId: 'sam-admission-1',
                rank: 'SECONDARY',
                code: { code: '46635009', display: 'Type 1 diabetes mellitus' },
              },
              { encounterId: 'sam-ed-1', rank: 'PRIMARY', code: { code: '302866003', display: 'Hypoglycaemia' } },
            ],
            hospitalDischargeSummaries: [
              {
                admissionId: 'sam-admission-1',
                sections: [
                  { heading: 'Admission details' },
                  { heading: 'Diagnoses' },
                  { heading: 'Clinical summary' },
                  { heading: 'Medications and medical devices' },
                  { heading: 'Information and advice given' },
                  { heading: 'Plan and requested actions' },
                ],
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
    expect(audited).toContainEqual({ categories: ['diagnoses', 'discharge-summaries'] });
  });

  it('tells his care worker he is in hospital and on which ward, and withholds why', async () => {
    expect((await subgraph.query('care-worker', stays, { representations })).body).toEqual({
      data: { _entities: [samsStays] },
    });
    const { body } = await subgraph.query('care-worker', clinical, { representations });
    expect(body.data).toEqual({ _entities: [{ hospitalDiagnoses: null, hospitalDischargeSummaries: null }] });
    expect(body.errors).toEqual([forbiddenAt('hospitalDiagnoses'), forbiddenAt('hospitalDischargeSummaries')]);
  });

  it('shows his mother what he delegated to her: the stay and the discharge summary, not the diagnoses', async () => {
    expect((await subgraph.query('carer', stays, { representations })).body).toEqual({
      data: { _entities: [samsStays] },
    });
    const { body } = await subgraph.query('carer', clinical, { representations });
    expect(body.errors).toEqual([forbiddenAt('hospitalDiagnoses')]);
  });

  it('refuses a GP with no relationship, naming the agency and nothing else', async () => {
    const { body } = await subgraph.query('unrelated-gp', stays, { representations });
    expect(body.data).toEqual({
      _entities: [{ nhsNumber: sam, hospitalAdmissions: null, hospitalEmergencyAttendances: null }],
    });
    expect(body.errors).toEqual([forbiddenAt('hospitalAdmissions'), forbiddenAt('hospitalEmergencyAttendances')]);
  });

  it('holds attendances and admissions for the generated population, each with its GP on the team', async () => {
    const db = subgraph.subgraph.database.db;
    const [attendances, stays, summaries] = await Promise.all([
      db.$count(hospitalSubgraph.tables.emergencyAttendances),
      db.$count(hospitalSubgraph.tables.admissions),
      db.$count(hospitalSubgraph.tables.dischargeSummaries),
    ]);
    expect(attendances).toBeGreaterThan(15);
    expect(stays).toBeGreaterThan(5);
    expect(summaries).toBe(stays);
  });

  it('answers no one without credentials, _entities included', async () => {
    const { status } = await subgraph.query(undefined, stays, { representations });
    expect(status).toBe(401);
  });
});
