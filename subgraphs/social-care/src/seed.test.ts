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
    const known = [...iteratePopulation({ people: 1000 })].filter((person) => person.knownToSocialCare && person.index > 1).map((person) => person.nhsNumber);
    for (const table of ['requests', 'assessments', 'services', 'plans', 'reviews', 'allocations'] as const) {
      const people = new Set(rows[table].map((row) => row.nhsNumber));
      expect(known.every((nhsNumber) => people.has(nhsNumber)), table).toBe(true);
    }
  });

  it('uses only published CLD values and statutory eligibility outcomes', () => {
    const inList = (list: readonly string[], value: string | null | undefined) => value === null || value === undefined || list.includes(value);
    for (const service of rows.services) {
      expect(inList(vocabulary.serviceTypes, service.serviceType), service.serviceType).toBe(true);
      expect(inList(vocabulary.serviceComponents, service.serviceComponent)).toBe(true);
      expect(inList(vocabulary.supportSettings, service.supportSetting)).toBe(true);
      expect(inList(vocabulary.deliveryMechanisms, service.deliveryMechanism)).toBe(true);
      expect(inList(vocabulary.primarySupportReasons, service.primarySupportReason)).toBe(true);
    }
    for (const request of rows.requests) expect(inList(routesOfAccess, request.routeOfAccess) && inList(eventOutcomes, request.outcome)).toBe(true);
    for (const review of rows.reviews) expect(inList(eventOutcomes, review.outcome)).toBe(true);
    for (const assessment of rows.assessments) {
      const outcomes: readonly string[] = Object.values(assessment.kind === 'needs' ? adultEligibilityOutcomes : carerEligibilityOutcomes);
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
    const assessed = rows.unpaidCarers.filter((row) => row.carersAssessmentStatus === 'COMPLETED').map((row) => row.carerNhsNumber);
    expect(rows.assessments.filter((row) => row.kind === 'carer').map((row) => row.nhsNumber).sort()).toEqual(assessed.sort());
  });

  it('keeps ids unique, so a second run only meets conflicts', () => {
    for (const name of Object.keys(rows) as Array<keyof SocialCareRows>) {
      const ids = rows[name].map((row) => row.id);
      expect(new Set(ids).size, name).toBe(ids.length);
    }
  });
});
