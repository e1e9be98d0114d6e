import { createRandom, seedFrom } from './createRandom.ts';
import type { InvolvementState } from './createInvolvementState.ts';
import { randomDate } from './seedDates.ts';
import { socialWorkerByHash } from './socialCareInvolvementOf.ts';
import type { CaringLink, PopulationPerson } from './types.ts';

const relationships = {
  female: ['Wife', 'Daughter', 'Sister', 'Friend', 'Neighbour'],
  male: ['Husband', 'Son', 'Brother', 'Friend', 'Neighbour'],
} as const;

/** An unpaid carer's link to the person they care for, or undefined for someone who cares for nobody. */
export function caringLinkOf(person: PopulationPerson, state: InvolvementState): CaringLink | undefined {
  const caredForNhsNumber = person.caresForIndex === undefined ? undefined : state.nhsNumbers.at(person.caresForIndex);
  if (!caredForNhsNumber) return undefined;
  const random = createRandom(seedFrom(`involvement:caring:${person.nhsNumber}`));
  return {
    caredForNhsNumber,
    relationship: random.pick(relationships[person.sex]),
    // Caring began in adulthood, and within the years the council's records go back.
    since: randomDate(random, Math.max(2005, Number(person.dateOfBirth.slice(0, 4)) + 18), 2025),
    socialWorker: socialWorkerByHash(person.nhsNumber),
  };
}
