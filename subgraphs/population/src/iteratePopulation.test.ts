import { isValidNhsNumber } from '@joined-up/core';
import { describe, expect, it } from 'vitest';
import { iteratePopulation } from './iteratePopulation.ts';

describe('iteratePopulation', () => {
  it('starts with Sam and his mother, then generates valid, unique test-range people', () => {
    const people = [...iteratePopulation({ people: 2000 })];
    expect(people).toHaveLength(2000);
    expect(people[0]).toMatchObject({ nhsNumber: '9990000018', givenName: 'Sam' });
    expect(people[1]).toMatchObject({ nhsNumber: '9990000026', caresForIndex: 0 });
    const numbers = new Set(people.map((person) => person.nhsNumber));
    expect(numbers.size).toBe(2000);
    for (const person of people) {
      expect(isValidNhsNumber(person.nhsNumber)).toBe(true);
      expect(person.nhsNumber.startsWith('999')).toBe(true);
    }
  });

  it('is deterministic and independent of the population size', () => {
    const small = [...iteratePopulation({ people: 50 })];
    const large = [...iteratePopulation({ people: 500 })].slice(0, 50);
    expect(large).toEqual(small);
  });

  it('gives agencies overlapping but different slices', () => {
    const people = [...iteratePopulation({ people: 3000 })];
    const social = people.filter((person) => person.knownToSocialCare).length;
    const voluntary = people.filter((person) => person.knownToVoluntarySector).length;
    const both = people.filter((person) => person.knownToSocialCare && person.knownToVoluntarySector).length;
    expect(social).toBeGreaterThan(50);
    expect(social).toBeLessThan(1500);
    expect(voluntary).toBeGreaterThan(50);
    expect(both).toBeGreaterThan(0);
    expect(both).toBeLessThan(Math.min(social, voluntary));
  });
});
