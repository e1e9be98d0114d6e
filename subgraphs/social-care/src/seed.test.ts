import { isValidNhsNumber } from '@joined-up/kit';
import { iteratePopulation, vocabulary } from '@joined-up/population';
import { describe, expect, it } from 'vitest';
import { createSeedState, danielsCaseloadSize, socialCareRowsFor } from './seed.ts';
import type { SocialCareRows } from './socialCareRows.ts';
import { adultEligibilityOutcomes, carerEligibilityOutcomes, eventOutcomes, routesOfAccess } from './vocabulary.ts';

/** Rows for a population seeded in batches, as the seed writes them. */
function rowsFor(people: number, batchSize = 100): SocialCareRows {
  const state = createSeedState(people);
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

  it("puts the care coordinator on the care team of everyone known to social care, and Sam's clinicians and link worker on his", () => {
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
  });
});
