import { isValidNhsNumber } from '@joined-up/kit';
import {
  createInvolvementState,
  danielsCaseloadSize,
  involvementOf,
  iteratePopulation,
  vocabulary,
} from '@joined-up/population';
import { describe, expect, it } from 'vitest';
import { socialCareRowsFor } from './seed.ts';
import type { SocialCareRows } from './socialCareRows.ts';
import { adultEligibilityOutcomes, carerEligibilityOutcomes, eventOutcomes, routesOfAccess } from './vocabulary.ts';

/** Rows for a population seeded in batches, as the seed writes them. */
function rowsFor(people: number, batchSize = 100): SocialCareRows {
  const state = createInvolvementState(people);
  const population = [...iteratePopulation({ people })];
  const all = socialCareRowsFor([], state);
  for (let start = 0; start < people; start += batchSize) {
    const rows = socialCareRowsFor(population.slice(start, start + batchSize), state);
    for (const name of Object.keys(rows) as Array<keyof SocialCareRows>) (all[name] as unknown[]).push(...rows[name]);
  }
  return all;
}

describe('socialCareRowsFor', () => {
  const rows = rowsFor(1000);

  it('is deterministic, whatever the batch size', () => {
    expect(rowsFor(300, 7)).toEqual(rowsFor(300, 300));
  });

  it("fills Daniel Moore's caseload with Sam and his mother first, then shares people out", () => {
    const daniels = rows.allocations.filter((row) => row.workerId === 'w-sw-moore');
    expect(daniels).toHaveLength(danielsCaseloadSize);
    expect(daniels.slice(0, 2).map((row) => row.nhsNumber)).toEqual(['9990000018', '9990000026']);
    expect(new Set(rows.allocations.map((row) => row.workerId)).size).toBe(10);
    expect(new Set(rows.allocations.map((row) => row.nhsNumber)).size).toBe(rows.allocations.length);
  });

  it('names exactly the social worker, provider, care workers and carers the population says are involved', () => {
    const state = createInvolvementState(1000);
    const involvements = [...iteratePopulation({ people: 1000 })].map((person) => ({
      person,
      involvement: involvementOf(person, state),
    }));
    const of = <T extends { nhsNumber: string }>(list: T[], nhsNumber: string) =>
      list.filter((row) => row.nhsNumber === nhsNumber);
    let assigned = 0;
    for (const { person, involvement } of involvements) {
      if (!involvement) continue;
      const socialCare = involvement.socialCare;
      expect(of(rows.allocations, person.nhsNumber).map((row) => row.workerId)).toEqual(
        socialCare ? [socialCare.socialWorker.id] : [],
      );
      expect(
        of(rows.careWorkerAssignments, person.nhsNumber).map(({ workerId, role }) => ({ workerId, role })),
      ).toEqual((socialCare?.careWorkers ?? []).map(({ worker, role }) => ({ workerId: worker.id, role })));
      assigned += socialCare?.careWorkers.length ?? 0;
      const service = rows.services.find((row) => row.id === `${person.nhsNumber}-service`);
      expect(service?.providerCode).toBe(socialCare?.providerCode);
      expect(service?.deliveryMechanism === 'Direct Payment').toBe(socialCare?.providerCode === null);
      const link = rows.unpaidCarers.find((row) => row.carerNhsNumber === person.nhsNumber);
      const caring = involvement.caresFor;
      expect(link && [link.caredForNhsNumber, link.relationship, link.since, link.recordedById]).toEqual(
        caring && [caring.caredForNhsNumber, caring.relationship, caring.since, caring.socialWorker.id],
      );
    }
    expect(assigned).toBeGreaterThan(20);
  });

  it('gives everyone known to social care a request, assessment, service, plan and review', () => {
    const known = [...iteratePopulation({ people: 1000 })]
      .filter((person) => person.knownToSocialCare && person.index > 1)
      .map((person) => person.nhsNumber);
    for (const table of ['requests', 'assessments', 'services', 'plans', 'reviews', 'allocations'] as const) {
      const people = new Set(rows[table].map((row) => row.nhsNumber));
      expect(
        known.every((nhsNumber) => people.has(nhsNumber)),
        table,
      ).toBe(true);
    }
  });

  it('uses only published CLD values and statutory eligibility outcomes', () => {
    const inList = (list: readonly string[], value: string | null | undefined) =>
      value === null || value === undefined || list.includes(value);
    for (const service of rows.services) {
      expect(inList(vocabulary.serviceTypes, service.serviceType), service.serviceType).toBe(true);
      expect(inList(vocabulary.serviceComponents, service.serviceComponent)).toBe(true);
      expect(inList(vocabulary.supportSettings, service.supportSetting)).toBe(true);
      expect(inList(vocabulary.deliveryMechanisms, service.deliveryMechanism)).toBe(true);
      expect(inList(vocabulary.primarySupportReasons, service.primarySupportReason)).toBe(true);
    }
    for (const request of rows.requests)
      expect(inList(routesOfAccess, request.routeOfAccess) && inList(eventOutcomes, request.outcome)).toBe(true);
    for (const review of rows.reviews) expect(inList(eventOutcomes, review.outcome)).toBe(true);
    for (const assessment of rows.assessments) {
      const outcomes: readonly string[] = Object.values(
        assessment.kind === 'needs' ? adultEligibilityOutcomes : carerEligibilityOutcomes,
      );
      expect(assessment.needs.every((need) => outcomes.includes(need.outcome))).toBe(true);
      expect(inList(vocabulary.primarySupportReasons, assessment.primarySupportReason)).toBe(true);
    }
  });

  it('links each unpaid carer to the person they care for, by valid NHS number', () => {
    const population = [...iteratePopulation({ people: 1000 })];
    const carers = population.filter((person) => person.caresForIndex !== undefined);
    expect(rows.unpaidCarers).toHaveLength(carers.length);
    for (const carer of carers) {
      const link = rows.unpaidCarers.find((row) => row.carerNhsNumber === carer.nhsNumber);
      expect(link?.caredForNhsNumber).toBe(population[carer.caresForIndex as number]?.nhsNumber);
      expect(isValidNhsNumber(link?.caredForNhsNumber ?? '')).toBe(true);
    }
    const assessed = rows.unpaidCarers
      .filter((row) => row.carersAssessmentStatus === 'COMPLETED')
      .map((row) => row.carerNhsNumber);
    expect(
      rows.assessments
        .filter((row) => row.kind === 'carer')
        .map((row) => row.nhsNumber)
        .sort(),
    ).toEqual(assessed.sort());
  });

  it('keeps keys unique, so a second run only meets conflicts', () => {
    // The care team and delegations are keyed by person and member; every other table by id.
    const keyOf = (row: SocialCareRows[keyof SocialCareRows][number]) =>
      'id' in row
        ? row.id
        : 'memberSubject' in row
          ? `${row.nhsNumber}|${row.memberSubject}`
          : `${row.nhsNumber}|${row.carerSubject}`;
    for (const name of Object.keys(rows) as Array<keyof SocialCareRows>) {
      const keys = (rows[name] as Array<SocialCareRows[keyof SocialCareRows][number]>).map(keyOf);
      expect(new Set(keys).size, name).toBe(keys.length);
    }
  });

  it(
    'puts the care coordinator on the care team of everyone known ' +
      "to social care, and Sam's clinicians and link worker on his",
    () => {
      const known = [...iteratePopulation({ people: 1000 })]
        .filter((person) => person.knownToSocialCare)
        .map((person) => person.nhsNumber);
      const coordinated = rows.careTeam.filter((row) => row.memberSubject === 'w-cc-green').map((row) => row.nhsNumber);
      expect(coordinated.sort()).toEqual(known.sort());
      expect(
        rows.careTeam
          .filter((row) => row.nhsNumber === '9990000018')
          .map((row) => row.memberSubject)
          .sort(),
      ).toEqual(['w-cc-green', 'w-dsn-hughes', 'w-gp-shah', 'w-lw-hassan']);
      expect(rows.delegations).toEqual([
        expect.objectContaining({ nhsNumber: '9990000018', carerSubject: 'citizen-margaret' }),
      ]);
    },
  );
});
