import { iteratePopulation, socialPrescribingReferral, voluntarySectorInvolvementOf } from '@joined-up/population';
import { describe, expect, it } from 'vitest';
import { voluntarySectorRowsFor } from './seed.ts';
import { voluntaryDirectory } from './voluntaryDirectory.ts';

const population = [...iteratePopulation({ people: 1500 })];
const rows = voluntarySectorRowsFor(population);

describe('voluntarySectorRowsFor', () => {
  it('is the same on every run', () => {
    expect(voluntarySectorRowsFor(population)).toEqual(rows);
  });

  it('gives a referral to everyone known to the voluntary sector, and to no one else', () => {
    const known = population.filter((person) => person.knownToVoluntarySector).map((person) => person.nhsNumber);
    expect(rows.referrals.map((referral) => referral.nhsNumber).sort()).toEqual(known.sort());
    expect(socialPrescribingReferral.code).toBe('871731000000106');
  });

  it('records exactly the charity, link worker and acceptance the population says, so care teams can name them', () => {
    let linked = 0;
    for (const person of population.slice(2)) {
      const involvement = voluntarySectorInvolvementOf(person);
      const referrals = rows.referrals.filter((referral) => referral.nhsNumber === person.nhsNumber);
      if (!involvement) {
        expect(referrals).toEqual([]);
        continue;
      }
      const { organisationCode, linkWorker, accepted } = involvement;
      expect(
        referrals.map(({ referredToCode, linkWorkerId, recordedById }) => ({
          referredToCode,
          linkWorkerId,
          recordedById,
        })),
      ).toEqual([
        {
          referredToCode: organisationCode,
          linkWorkerId: accepted ? linkWorker.id : null,
          recordedById: linkWorker.id,
        },
      ]);
      expect(['ACCEPTED', 'COMPLETED'].includes(referrals[0]!.status)).toBe(accepted);
      const clients = rows.clients.filter((client) => client.nhsNumber === person.nhsNumber);
      expect(clients.map((client) => client.workerId)).toEqual(accepted ? [linkWorker.id] : []);
      if (accepted) linked += 1;
    }
    expect(linked).toBeGreaterThan(50);
  });

  it('starts every status history with SENT and ends it at the referral status', () => {
    for (const referral of rows.referrals) {
      const history = rows.referralStatusChanges.filter((change) => change.referralId === referral.id);
      expect(history[0]?.status).toBe('SENT');
      expect(history.at(-1)?.status).toBe(referral.status);
      expect(history.map((change) => change.changedOn)).toEqual(history.map((change) => change.changedOn).sort());
      expect(history.filter((change) => change.status === 'DECLINED').every((change) => change.reason)).toBe(true);
      expect(Boolean(referral.linkWorkerId)).toBe(referral.status === 'ACCEPTED' || referral.status === 'COMPLETED');
    }
  });

  it('adds about ten per cent more clients known only locally, never with an NHS number', () => {
    const local = rows.clients.filter((client) => client.nhsNumber === null);
    const linked = rows.clients.filter((client) => client.nhsNumber !== null);
    expect(local.every((client) => client.linkedWithAgreementOn === null)).toBe(true);
    expect(linked.every((client) => client.linkedWithAgreementOn !== null)).toBe(true);
    expect(local.length / linked.length).toBeGreaterThan(0.05);
    expect(local.length / linked.length).toBeLessThan(0.2);
    expect(local.filter((client) => client.workerId === 'w-lw-hassan').length).toBeGreaterThanOrEqual(3);
  });

  it('keeps every id unique and every reference pointing at a known worker or service', () => {
    for (const list of [
      rows.referrals,
      rows.referralStatusChanges,
      rows.whatMattersConversations,
      rows.engagements,
      rows.clients,
    ])
      expect(new Set(list.map((row) => row.id)).size).toBe(list.length);
    const workerIds = new Set(voluntaryDirectory.workers.map((worker) => worker.id));
    const serviceIds = new Set(voluntaryDirectory.services.map((service) => service.id));
    expect(rows.clients.every((client) => workerIds.has(client.workerId))).toBe(true);
    expect(rows.whatMattersConversations.every((conversation) => workerIds.has(conversation.heldById))).toBe(true);
    expect(rows.engagements.every((engagement) => serviceIds.has(engagement.serviceId))).toBe(true);
  });

  it('has about twenty volunteers, each for a service', () => {
    const serviceIds = new Set(voluntaryDirectory.services.map((service) => service.id));
    expect(voluntaryDirectory.volunteers.length).toBeGreaterThanOrEqual(15);
    expect(voluntaryDirectory.volunteers.length).toBeLessThanOrEqual(25);
    expect(voluntaryDirectory.volunteers.every((volunteer) => serviceIds.has(volunteer.serviceId))).toBe(true);
  });

  it(
    'puts the care coordinator on the team of everyone known to ' +
      "both the charities and social care, and Sam's social worker " +
      'on his',
    () => {
      const both = population
        .filter((person) => person.knownToVoluntarySector && person.knownToSocialCare)
        .map((person) => person.nhsNumber);
      expect(
        rows.careTeam
          .filter((member) => member.memberSubject === 'w-cc-green')
          .map((member) => member.nhsNumber)
          .sort(),
      ).toEqual(both.sort());
      expect(
        rows.careTeam
          .filter((member) => member.nhsNumber === '9990000018')
          .map((member) => member.memberSubject)
          .sort(),
      ).toEqual(['w-cc-green', 'w-sw-moore']);
      expect(new Set(rows.careTeam.map((member) => `${member.nhsNumber}|${member.memberSubject}`)).size).toBe(
        rows.careTeam.length,
      );
    },
  );

  it("holds Sam's delegation to his mother and his decision not to share with social care", () => {
    expect(rows.delegations).toEqual([
      expect.objectContaining({
        nhsNumber: '9990000018',
        carerSubject: 'citizen-margaret',
        categories: ['referrals', 'what-matters', 'access-log', 'sharing-decisions'],
      }),
    ]);
    expect(rows.sharingDecisions).toEqual([
      expect.objectContaining({ nhsNumber: '9990000018', sector: 'social-care' }),
    ]);
  });

  it('opens to a referrer only policy categories, and only what the wording agreed', () => {
    for (const referral of rows.referrals) {
      expect(['what-matters', 'engagements']).toEqual(expect.arrayContaining(referral.sharedWithReferrer ?? []));
      if (referral.agreedToShare.join(' ').startsWith('Nothing')) expect(referral.sharedWithReferrer).toEqual([]);
    }
  });

  it('marks a few generated sessions as safeguarding, none of the story', () => {
    const flagged = rows.engagements.filter((engagement) => engagement.sensitivity);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.length / rows.engagements.length).toBeLessThan(0.1);
    expect(
      flagged.every(
        (engagement) =>
          engagement.sensitivity === 'safeguarding' && !['9990000018', '9990000026'].includes(engagement.nhsNumber),
      ),
    ).toBe(true);
  });
});
