import { createNhsNumberIndex, type NhsNumberIndex } from './createNhsNumberIndex.ts';

/** What working out involvement carries from one person to the next, and so across seed batches. */
export interface InvolvementState {
  /** Earlier people's NHS numbers, to name whom a carer cares for. */
  nhsNumbers: NhsNumberIndex;
  /** How many people are on Daniel Moore's caseload so far. */
  allocatedToDaniel: number;
}

/** A fresh state for a population of `people`: one per seed, carried through all its batches. */
export function createInvolvementState(people: number): InvolvementState {
  return { nhsNumbers: createNhsNumberIndex(people), allocatedToDaniel: 0 };
}
