import { createRandom, seedFrom, type Random } from './createRandom.ts';
import type { InvolvementState } from './createInvolvementState.ts';
import type { DemoWorker, PopulationPerson, SocialCareInvolvement } from './types.ts';
import { careWorkersByProvider, socialWorkers } from './workforce.ts';

/** Daniel Moore's caseload: Sam, his mother and the first people after them known to social care. */
export const danielsCaseloadSize = 65;

/** The social worker, provider and care workers of a generated person known to social care. */
export function socialCareInvolvementOf(person: PopulationPerson, state: InvolvementState): SocialCareInvolvement {
  const random = createRandom(seedFrom(`involvement:social-care:${person.nhsNumber}`));
  const socialWorker = allocate(person, state);
  const providerCode = providerOf(person, random);
  const careWorkers =
    providerCode === 'DEMOSL1' || providerCode === 'DEMOSL2'
      ? pickSome(careWorkersByProvider[providerCode], random.int(1, 2), random).map((worker, i) => ({
          worker,
          role: i === 0 ? ('Lead care worker' as const) : ('Care worker' as const),
        }))
      : [];
  return { socialWorker, providerCode, careWorkers };
}

/** A social worker chosen by the person's NHS number alone, from the `from`th on. */
export function socialWorkerByHash(nhsNumber: string, from = 0): DemoWorker {
  return socialWorkers[from + (seedFrom(`social-worker:${nhsNumber}`) % (socialWorkers.length - from))]!;
}

/** Daniel Moore fills his caseload first; after that people go to the other social workers. */
function allocate(person: PopulationPerson, state: InvolvementState): DemoWorker {
  if (state.allocatedToDaniel < danielsCaseloadSize) {
    state.allocatedToDaniel += 1;
    return socialWorkers[0]!;
  }
  return socialWorkerByHash(person.nhsNumber, 1);
}

/**
 * Oakfield's supported living for a learning disability, the council's day care for someone who
 * needs company more than care, Brookside's home care for everyone else, except the fifth of them
 * who take a direct payment and employ their own personal assistant.
 */
function providerOf(person: PopulationPerson, random: Random): SocialCareInvolvement['providerCode'] {
  if (person.conditions.includes('learningDisability')) return 'DEMOSL1';
  if (person.conditions.length === 0) return 'DEMOLA1';
  return random.chance(0.2) ? null : 'DEMOSL2';
}

/** Picks `count` distinct items, keeping their order in the list. */
function pickSome<T>(items: readonly T[], count: number, random: Random): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(random.int(0, items.length - 1));
  return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T);
}
