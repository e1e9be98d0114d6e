import { randomUUID } from 'node:crypto';
import { startSubgraphForTest, type TestEngine, type TestSubgraph } from '@joined-up/test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hospitalSubgraph } from './index.ts';

const sam = '9990000018';
const admit = `mutation ($input: HospitalAdmissionRecordInput!) {
  recordHospitalAdmission(input: $input) { admission { id } replayed }
}`;
const discharge = `mutation ($input: HospitalDischargeRecordInput!) {
  recordHospitalDischarge(input: $input) { admission { id dischargedAt } replayed }
}`;
type Discharged = { recordHospitalDischarge: { admission: { id: string; dischargedAt: string }; replayed: boolean } };

describe.each<TestEngine>(['pglite', 'postgresql'])('the hospital’s events on %s', (engine) => {
  let subgraph: TestSubgraph;
  const outboxOf = async (type: string, recordId: string) =>
    (
      (await subgraph.subgraph.database.db.execute(
        sql`select id from outbox_events where type = ${type} and record_id = ${recordId}`,
      )) as unknown as { rows: unknown[] }
    ).rows;
  beforeAll(async () => {
    subgraph = await startSubgraphForTest(hospitalSubgraph, { engine, people: 20 });
  });
  afterAll(async () => subgraph?.stop());

  it('discharges once: a retry whose answer was lost replays it, another discharge conflicts', async () => {
    const admitted = await subgraph.query<{ recordHospitalAdmission: { admission: { id: string } } }>(
      'ward-nurse',
      admit,
      {
        input: {
          idempotencyKey: randomUUID(),
          nhsNumber: sam,
          method: 'Emergency',
          ward: 'Ward 7',
          wardPhone: '01632 960857',
          consultant: 'Dr Olivia Grant',
          reason: { code: '302866003', display: 'Hypoglycaemia' },
        },
      },
    );
    const admissionId = admitted.body.data!.recordHospitalAdmission.admission.id;
    expect(await outboxOf('hospital.admission', admissionId)).toHaveLength(1);
    const input = {
      idempotencyKey: randomUUID(),
      admissionId,
      destination: 'Usual place of residence',
      sections: [{ heading: 'Clinical summary', content: 'Hypoglycaemia treated; insulin reviewed.' }],
    };
    const first = await subgraph.query<Discharged>('ward-nurse', discharge, { input });
    expect(first.body.errors).toBeUndefined();
    const retried = await subgraph.query<Discharged>('ward-nurse', discharge, { input });
    expect(retried.body.data!.recordHospitalDischarge).toEqual({
      ...first.body.data!.recordHospitalDischarge,
      replayed: true,
    });
    const another = await subgraph.query('ward-nurse', discharge, {
      input: { ...input, idempotencyKey: randomUUID() },
    });
    expect(another.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', argumentName: 'input.admissionId' });
    expect(await outboxOf('hospital.discharge', admissionId)).toHaveLength(1);
  });
});
