import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

const sam = '9990000018';
/** A valid NHS number no agency holds. */
const unknown = '9434765919';
const key = () => randomUUID();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const sendReferral = /* GraphQL */ `
  mutation Refer($input: CareCoordinationSendReferralInput!) {
    sendReferral(input: $input) {
      referral {
        id
        status
      }
    }
  }
`;
const referralTo = (nhsNumber: string) => ({
  input: {
    nhsNumber,
    idempotencyKey: key(),
    toOrganisationCode: 'DEMOV2',
    service: 'Social prescribing',
    reason: 'Would like to meet people; low since losing work.',
  },
});

/**
 * Every mutation of the graph that takes an NHS number, with an input for one, and a caller who
 * may not make it for Sam. A mutation added to the graph without an entry here fails the test
 * that lists them, so the class stays closed as the graph grows.
 */
const mutations: Record<
  string,
  { as: string; input: (nhsNumber: string) => Record<string, unknown>; selection?: string; type?: string }
> = {
  startCarePlan: { as: 'unrelated-gp', input: (nhsNumber) => ({ nhsNumber, idempotencyKey: key() }) },
  updateAboutMe: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({ nhsNumber, idempotencyKey: key(), expectedVersion: 1, aboutMe: 'I like trains.' }),
  },
  addCarePlanGoal: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({ nhsNumber, idempotencyKey: key(), expectedVersion: 1, description: 'Go climbing.' }),
  },
  updateCarePlanGoal: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({
      nhsNumber,
      idempotencyKey: key(),
      expectedVersion: 1,
      goalId: 'goal-1',
      status: 'ACHIEVED',
    }),
  },
  addCarePlanAction: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({
      nhsNumber,
      idempotencyKey: key(),
      expectedVersion: 1,
      goalId: 'goal-1',
      description: 'Find a group.',
      ownerMemberId: 'member-1',
      dueOn: inDays(30),
    }),
  },
  updateCarePlanAction: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({ nhsNumber, idempotencyKey: key(), expectedVersion: 1, actionId: 'a-1', status: 'DONE' }),
  },
  updateContingencyPlan: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({
      nhsNumber,
      idempotencyKey: key(),
      expectedVersion: 1,
      whatToDo: 'Call his mother.',
      whoToContact: ['01632 960000'],
    }),
  },
  recordCarePlanReview: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({
      nhsNumber,
      idempotencyKey: key(),
      expectedVersion: 1,
      reviewedOn: inDays(0),
      summary: 'Going well.',
      nextReviewDue: inDays(90),
    }),
  },
  addCareTeamMember: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({ nhsNumber, idempotencyKey: key(), kind: 'CLINICIAN', role: 'GP', workerId: 'w-1' }),
  },
  removeCareTeamMember: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({ nhsNumber, idempotencyKey: key(), memberId: 'member-1' }),
  },
  setCareCoordinator: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({ nhsNumber, idempotencyKey: key(), memberId: 'member-1' }),
  },
  addSkillNeed: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({ nhsNumber, idempotencyKey: key(), skill: 'Insulin administration', because: 'T1DM' }),
  },
  declareCarerCannotCare: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({ nhsNumber, idempotencyKey: key(), reason: 'Taken into hospital.' }),
  },
  startSocialCareService: {
    as: 'gp',
    input: (nhsNumber) => ({
      nhsNumber,
      idempotencyKey: key(),
      serviceType: 'Long Term Support: Community',
      startDate: inDays(0),
    }),
  },
  sendReferral: { as: 'unrelated-gp', input: (nhsNumber) => referralTo(nhsNumber).input },
  recordExperience: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({ nhsNumber, idempotencyKey: key(), statementCode: 'NV-PLAN', answer: 'AGREE' }),
  },
  recordHospitalAdmission: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({
      nhsNumber,
      idempotencyKey: key(),
      method: 'Emergency',
      ward: 'Acute medical unit',
      wardPhone: '01632 960123',
      consultant: 'Dr Rao',
      reason: { code: '420422005', display: 'Diabetic ketoacidosis' },
    }),
  },
  recordHospitalEmergencyAttendance: {
    as: 'unrelated-gp',
    input: (nhsNumber) => ({
      nhsNumber,
      idempotencyKey: key(),
      arrivalMode: 'Ambulance',
      presentingComplaint: { code: '271594007', display: 'Syncope' },
    }),
  },
};
// Sharing decisions are the person's own: Sam may not make one for his mother, nor for a stranger.
for (const agency of ['Health', 'SocialCare', 'VoluntarySector', 'CareCoordination', 'Hospital']) {
  mutations[`set${agency}Sharing`] = { as: 'sam', input: () => ({}), selection: 'sector', type: 'sharing' };
}

function operationFor(name: string): string {
  const entry = mutations[name]!;
  if (entry.type === 'sharing') {
    // Any sector but the agency's own.
    const sector = name === 'setSocialCareSharing' ? 'health' : 'social-care';
    return `mutation($nhsNumber: NHSNumber!) { ${name}(nhsNumber: $nhsNumber, sector: "${sector}",
            shared: false) { ${entry.selection} } }`;
  }
  return `mutation($input: ${inputTypes[name]}!) { ${name}(input: $input) { __typename } }`;
}
const inputTypes: Record<string, string> = {};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type MutationField = { name: string; args: Array<{ name: string; type: { ofType: { name: string } | null } }> };

describe('no write tells whether the partnership knows a person, end to end through the gateway', () => {
  let federation: TestFederation;
  let fields: MutationField[] = [];

  beforeAll(async () => {
    federation = await startFederationForTest({ people: 100 });
    // The input type of each mutation, from the graph itself.
    const { body } = await federation.query<{ __schema: { mutationType: { fields: MutationField[] } } }>(
      'gp',
      `{ __schema { mutationType { fields { name args { name type { ofType { name } } } } } } }`,
    );
    fields = body.data!.__schema.mutationType.fields;
    for (const field of fields) {
      const input = field.args.find((arg) => arg.name === 'input');
      if (input?.type.ofType) inputTypes[field.name] = input.type.ofType.name;
    }
  });
  afterAll(async () => federation?.stop());

  it('lists every mutation that takes an NHS number, so none is left out of the checks below', async () => {
    const takingNhsNumber: string[] = [];
    for (const field of fields) {
      const input = inputTypes[field.name];
      const type = input
        ? await federation.query<{ __type: { inputFields: Array<{ name: string }> } }>(
            'gp',
            `query($name: String!) { __type(name: $name) { inputFields { name } } }`,
            { name: input },
          )
        : undefined;
      const inInput = type?.body.data!.__type.inputFields.some((inputField) => inputField.name === 'nhsNumber');
      if (inInput || field.args.some((arg) => arg.name === 'nhsNumber')) takingNhsNumber.push(field.name);
    }
    expect(takingNhsNumber.sort()).toEqual(Object.keys(mutations).sort());
  });

  it.each(Object.keys(mutations))(
    '%s refuses a person no agency holds exactly as a person the caller may not write for',
    async (name) => {
      const entry = mutations[name]!;
      const variablesFor = (nhsNumber: string) =>
        entry.type === 'sharing' ? { nhsNumber } : { input: entry.input(nhsNumber) };
      // For the sharing decisions Sam's mother is the known person who is not the caller.
      const known = await federation.query(
        entry.as,
        operationFor(name),
        variablesFor(entry.type === 'sharing' ? '9990000026' : sam),
      );
      const stranger = await federation.query(entry.as, operationFor(name), variablesFor(unknown));
      expect(known.body.errors?.[0]?.extensions?.['code'], JSON.stringify(known.body)).toBe('FORBIDDEN');
      expect(stranger.status).toBe(known.status);
      expect(stranger.body).toEqual(known.body);
    },
  );

  it('takes a referral for a known person from their GP, and refuses the unknown and the forbidden alike', async () => {
    type Worklist = { referralWorklist: { edges: Array<{ node: { id: string } }> } };
    const worklist = '{ referralWorklist(first: 100) { edges { node { id } } } }';
    const measures = '{ coordinationMeasures { people waiting: referralWaits { waiting } } }';
    /** Everything a count could move in: the receiving worklist, the caller's own, and the measures. */
    const counts = async () => ({
      receiving: (await federation.query<Worklist>('link-worker', worklist)).body.data!.referralWorklist.edges.length,
      callers: (await federation.query<Worklist>('unrelated-gp', worklist)).body.data!.referralWorklist.edges.length,
      measures: (await federation.query('coordinator', measures)).body.data,
      // And nothing was written: the partnership's own count of referrals, straight from its database.
      referrals: (
        (await federation.federation.subgraphs['care-coordination']!.database.db.execute(
          sql`select count(*)::int as n from referrals`,
        )) as unknown as { rows: Array<{ n: number }> }
      ).rows[0]!.n,
    });
    const before = await counts();

    // The GP on Sam's care team may refer him: the known person, a caller who may.
    const accepted = await federation.query<{ sendReferral: { referral: { status: string } } }>(
      'gp',
      sendReferral,
      referralTo(sam),
    );
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data!.sendReferral.referral.status).toBe('SENT');
    const afterAccepted = await counts();
    expect(afterAccepted.receiving).toBe(before.receiving + 1);
    expect(afterAccepted.referrals).toBe(before.referrals + 1);

    // A GP with no relationship to Sam (forbidden) and with an NHS number no agency holds (unknown).
    const forbidden = await federation.query('unrelated-gp', sendReferral, referralTo(sam));
    const stranger = await federation.query('unrelated-gp', sendReferral, referralTo(unknown));
    expect(forbidden.status).toBe(200);
    expect(stranger.status).toBe(forbidden.status);
    expect(stranger.body).toEqual(forbidden.body);
    expect(forbidden.body).toEqual({
      data: null,
      errors: [
        {
          message: 'Riverside Place Partnership does not share this part of the record with you.',
          path: ['sendReferral'],
          extensions: { code: 'FORBIDDEN', agency: 'Riverside Place Partnership', serviceName: 'care-coordination' },
        },
      ],
    });
    // Neither refusal moved a count anyone can see.
    expect(await counts()).toEqual(afterAccepted);
  });

  it('takes about as long to refuse an unknown person as a forbidden one', async () => {
    const timed = async (nhsNumber: string) => {
      const started = performance.now();
      const { body } = await federation.query('unrelated-gp', sendReferral, referralTo(nhsNumber));
      expect(body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      return performance.now() - started;
    };
    const forbidden: number[] = [];
    const stranger: number[] = [];
    for (let round = 0; round < 3; round += 1) await timed(sam); // warm the path
    // Alternated, so drift on a shared machine falls on both alike.
    for (let round = 0; round < 25; round += 1) {
      forbidden.push(await timed(sam));
      stranger.push(await timed(unknown));
    }
    const gap = Math.abs(median(forbidden) - median(stranger));
    expect(gap, `forbidden ${median(forbidden)} ms, unknown ${median(stranger)} ms`).toBeLessThan(
      Math.max(5, 0.25 * median(forbidden)),
    );
  });
});
