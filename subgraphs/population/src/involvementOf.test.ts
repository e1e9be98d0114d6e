import { describe, expect, it } from 'vitest';
import { createInvolvementState } from './createInvolvementState.ts';
import { involvementOf } from './involvementOf.ts';
import { iteratePopulation } from './iteratePopulation.ts';
import { danielsCaseloadSize } from './socialCareInvolvementOf.ts';
import type { Involvement } from './types.ts';
import { voluntarySectorInvolvementOf } from './voluntarySectorInvolvementOf.ts';

/** Every person's involvement, asked in population order as a seed does. */
function involvementsOf(people: number): Array<Involvement | undefined> {
  const state = createInvolvementState(people);
  return [...iteratePopulation({ people })].map((person) => involvementOf(person, state));
}

const population = [...iteratePopulation({ people: 2000 })];
const involvements = involvementsOf(2000);
const generated = population.slice(2).map((person) => ({ person, involvement: involvements[person.index]! }));

describe('involvementOf', () => {
  it('is deterministic and independent of the population size', () => {
    expect(involvementsOf(2000)).toEqual(involvements);
    expect(involvementsOf(300)).toEqual(involvements.slice(0, 300));
  });

  it('leaves Sam and his mother to their story, and gives each part only to the people it concerns', () => {
    expect(involvements.slice(0, 2)).toEqual([undefined, undefined]);
    for (const { person, involvement } of generated) {
      expect(Boolean(involvement.socialCare)).toBe(person.knownToSocialCare);
      expect(Boolean(involvement.voluntarySector)).toBe(person.knownToVoluntarySector);
      expect(Boolean(involvement.caresFor)).toBe(person.caresForIndex !== undefined);
    }
  });

  it("fills Daniel Moore's caseload first, Sam and his mother included, then shares people among the others", () => {
    const allocated = generated.flatMap(({ involvement }) => involvement.socialCare ?? []);
    const daniels = allocated.filter((involvement) => involvement.socialWorker.id === 'w-sw-moore');
    expect(daniels).toHaveLength(danielsCaseloadSize - 2);
    expect(allocated.slice(0, danielsCaseloadSize - 2)).toEqual(daniels);
    expect(new Set(allocated.map((involvement) => involvement.socialWorker.id)).size).toBe(10);
  });

  it("assigns one or two of the provider's own care workers, the lead first, and none without a provider", () => {
    const providers = new Set<string | null>();
    for (const { person, involvement } of generated) {
      const socialCare = involvement.socialCare;
      if (!socialCare) continue;
      providers.add(socialCare.providerCode);
      if (person.conditions.includes('learningDisability')) expect(socialCare.providerCode).toBe('DEMOSL1');
      else if (person.conditions.length === 0) expect(socialCare.providerCode).toBe('DEMOLA1');
      const careWorkers = socialCare.careWorkers;
      if (socialCare.providerCode !== 'DEMOSL1' && socialCare.providerCode !== 'DEMOSL2') {
        expect(careWorkers).toEqual([]);
        continue;
      }
      expect(careWorkers.length).toBeGreaterThanOrEqual(1);
      expect(careWorkers.length).toBeLessThanOrEqual(2);
      expect(new Set(careWorkers.map((assignment) => assignment.worker.id)).size).toBe(careWorkers.length);
      expect(careWorkers.map((assignment) => assignment.role)).toEqual(
        ['Lead care worker', 'Care worker'].slice(0, careWorkers.length),
      );
      expect(careWorkers.every((assignment) => assignment.worker.organisationCode === socialCare.providerCode)).toBe(
        true,
      );
    }
    expect([...providers].sort()).toEqual(['DEMOLA1', 'DEMOSL1', 'DEMOSL2', null]);
  });

  it('links each unpaid carer to the person they care for, from when they were an adult', () => {
    for (const { person, involvement } of generated) {
      const link = involvement.caresFor;
      if (!link) continue;
      expect(link.caredForNhsNumber).toBe(population[person.caresForIndex!]!.nhsNumber);
      const adult = Number(person.dateOfBirth.slice(0, 4)) + 18;
      expect(Number(link.since.slice(0, 4))).toBeGreaterThanOrEqual(adult);
      expect(Number(link.since.slice(0, 4))).toBeLessThanOrEqual(Math.max(adult, 2025));
      expect(link.socialWorker.role).toBe('social-worker');
    }
  });

  it("refers to the charity for the person's situation a worker of that charity, who takes most people on", () => {
    const referred = generated.filter(({ involvement }) => involvement.voluntarySector);
    for (const { person, involvement } of referred) {
      const referral = involvement.voluntarySector!;
      expect(voluntarySectorInvolvementOf(person)).toEqual(referral);
      const age = 2026 - Number(person.dateOfBirth.slice(0, 4));
      const charity = person.caresForIndex !== undefined ? 'DEMOV1' : age >= 65 ? 'DEMOV3' : 'DEMOV2';
      expect(referral.organisationCode).toBe(charity);
      expect(referral.linkWorker.organisationCode).toBe(charity);
    }
    const accepted = referred.filter(({ involvement }) => involvement.voluntarySector!.accepted).length;
    expect(accepted / referred.length).toBeGreaterThan(0.7);
    expect(accepted / referred.length).toBeLessThan(0.9);
    expect(new Set(referred.map(({ involvement }) => involvement.voluntarySector!.linkWorker.id)).size).toBe(4);
  });
});
