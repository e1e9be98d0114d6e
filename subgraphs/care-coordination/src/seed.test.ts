import { createInvolvementState, involvementOf, iteratePopulation, namedGpByPractice } from '@joined-up/population';
import { describe, expect, it } from 'vitest';
import { coordinationRowsFor } from './seed.ts';

const people = 400;
const population = [...iteratePopulation({ people })];

/** The partnership's rows for the population seeded in batches, as the seed writes them. */
function rowsFor(batchSize: number): ReturnType<typeof coordinationRowsFor> {
  const state = createInvolvementState(people);
  const all = coordinationRowsFor([], state);
  for (let start = 0; start < people; start += batchSize) {
    const rows = coordinationRowsFor(population.slice(start, start + batchSize), state);
    for (const name of Object.keys(rows) as Array<keyof typeof rows>) (all[name] as unknown[]).push(...rows[name]);
  }
  return all;
}

describe("the partnership's demo data", () => {
  const rows = rowsFor(100);

  it('is the same on every run, whatever the batch size', () => {
    expect(rowsFor(people)).toEqual(rows);
    expect(rowsFor(7)).toEqual(rows);
  });

  // Social care's and the voluntary sector's seed tests prove that their records name the same
  // involvement, so the team here and each agency's own record agree.
  it('names on each care team exactly the workers and carers the population says are involved', () => {
    const state = createInvolvementState(people);
    const involvements = population.map((person) => ({ person, involvement: involvementOf(person, state) }));
    const carersOf = new Map<string, Array<[string, string, string]>>();
    for (const { person, involvement } of involvements) {
      const link = involvement?.caresFor;
      if (link)
        carersOf.set(link.caredForNhsNumber, [
          ...(carersOf.get(link.caredForNhsNumber) ?? []),
          [person.nhsNumber, link.relationship, link.since],
        ]);
    }
    const teamOf = new Map<string, typeof rows.careTeamMembers>();
    for (const member of rows.careTeamMembers)
      teamOf.set(member.nhsNumber, [...(teamOf.get(member.nhsNumber) ?? []), member]);
    let socialCareWorkers = 0;
    let linkWorkers = 0;
    for (const { person, involvement } of involvements) {
      if (!involvement) continue;
      const team = teamOf.get(person.nhsNumber) ?? [];
      const members = (kind: string) =>
        team
          .filter((member) => member.kind === kind)
          .map(({ workerId, memberOrganisationCode, role }) => ({ workerId, memberOrganisationCode, role }));
      const { socialCare, voluntarySector } = involvement;
      const gp = namedGpByPractice[person.gpPracticeCode as keyof typeof namedGpByPractice];
      expect(members('CLINICIAN')).toEqual([
        { workerId: gp.id, memberOrganisationCode: gp.organisationCode, role: 'Named GP' },
      ]);
      const expectedSocialCare = socialCare
        ? [
            { worker: socialCare.socialWorker, role: 'Allocated social worker' },
            ...socialCare.careWorkers.map(({ worker, role }) => ({ worker, role: role as string })),
          ].map(({ worker, role }) => ({ workerId: worker.id, memberOrganisationCode: worker.organisationCode, role }))
        : [];
      expect(members('SOCIAL_CARE_WORKER')).toEqual(expectedSocialCare);
      socialCareWorkers += expectedSocialCare.length;
      const expectedLinkWorker = voluntarySector?.accepted
        ? [
            {
              workerId: voluntarySector.linkWorker.id,
              memberOrganisationCode: voluntarySector.organisationCode,
              role: 'Link worker',
            },
          ]
        : [];
      expect(members('VOLUNTARY_SECTOR_WORKER')).toEqual(expectedLinkWorker);
      linkWorkers += expectedLinkWorker.length;
      expect(members('PARTNERSHIP_WORKER').map((member) => member.workerId)).toEqual(
        person.knownToSocialCare ? ['w-cc-green'] : [],
      );
      expect(
        team
          .filter((member) => member.kind === 'UNPAID_CARER')
          .map((member) => [member.carerNhsNumber, member.carerRelationship, member.since]),
      ).toEqual(carersOf.get(person.nhsNumber) ?? []);
    }
    expect(socialCareWorkers).toBeGreaterThan(40);
    expect(linkWorkers).toBeGreaterThan(10);
    expect(carersOf.size).toBeGreaterThan(3);
  });

  it('leaves Sam and his mother to the story', () => {
    expect(rows.careTeamMembers.filter((member) => ['9990000018', '9990000026'].includes(member.nhsNumber))).toEqual(
      [],
    );
  });

  it('names at most one coordinator per person, and only where two or more agencies are involved', () => {
    const coordinators = rows.careTeamMembers.filter((member) => member.isCoordinator);
    expect(coordinators.length).toBeGreaterThan(10);
    expect(new Set(coordinators.map((member) => member.nhsNumber)).size).toBe(coordinators.length);
    for (const { nhsNumber } of coordinators) {
      const organisations = new Set(
        rows.careTeamMembers
          .filter(
            (member) => member.nhsNumber === nhsNumber && member.workerId && member.sector !== 'care-coordination',
          )
          .map((member) => member.memberOrganisationCode),
      );
      expect(organisations.size).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives every referral a SENT change, and an answer after it unless still waiting', () => {
    for (const referral of rows.referrals) {
      const changes = rows.referralStatusChanges.filter((change) => change.referralId === referral.id);
      expect(changes[0]?.status).toBe('SENT');
      if (referral.status === 'SENT') expect(referral.answeredAt).toBeNull();
      else expect(Date.parse(referral.answeredAt!)).toBeGreaterThan(Date.parse(referral.sentAt));
    }
  });
});
