import { createInvolvementState, iteratePopulation } from '@joined-up/population';
import { socialCareRowsFor } from '@joined-up/social-care';
import { describe, expect, it } from 'vitest';
import { coordinationRowsFor } from './seed.ts';

const batch = [...iteratePopulation({ people: 400 })];

describe("the partnership's demo data", () => {
  const rows = coordinationRowsFor(batch, createInvolvementState(batch.length));
  const socialCare = socialCareRowsFor(batch, createInvolvementState(batch.length));

  it('is the same on every run', () => {
    expect(coordinationRowsFor(batch, createInvolvementState(batch.length))).toEqual(rows);
  });

  it("names on each care team the social worker social care allocated, so the team and the council's record agree", () => {
    const allocated = socialCare.allocations.filter(
      (allocation) => !allocation.endedOn && !['9990000018', '9990000026'].includes(allocation.nhsNumber),
    );
    expect(allocated.length).toBeGreaterThan(20);
    for (const allocation of allocated) {
      const members = rows.careTeamMembers
        .filter((member) => member.nhsNumber === allocation.nhsNumber && member.kind === 'SOCIAL_CARE_WORKER')
        .map((member) => member.workerId);
      expect(members).toContain(allocation.workerId);
    }
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
