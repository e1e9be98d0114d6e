import { caringLinkOf } from './caringLinkOf.ts';
import type { InvolvementState } from './createInvolvementState.ts';
import { socialCareInvolvementOf } from './socialCareInvolvementOf.ts';
import { isInStory } from './story.ts';
import type { Involvement, PopulationPerson } from './types.ts';
import { voluntarySectorInvolvementOf } from './voluntarySectorInvolvementOf.ts';

/**
 * Who is involved with a person: their social worker, provider and care workers, whom they care
 * for, and the charity they were referred to. Every agency's seed asks this of every person,
 * in population order (as seedInBatches hands them over), so each agency's records name the same
 * workers. Undefined for Sam and his mother, whose story names everyone involved with them.
 */
export function involvementOf(person: PopulationPerson, state: InvolvementState): Involvement | undefined {
  state.nhsNumbers.remember(person.index, person.nhsNumber);
  if (isInStory(person)) {
    // Both are on Daniel Moore's caseload in the story, and count towards it.
    if (person.knownToSocialCare) state.allocatedToDaniel += 1;
    return undefined;
  }
  return {
    socialCare: person.knownToSocialCare ? socialCareInvolvementOf(person, state) : undefined,
    caresFor: caringLinkOf(person, state),
    voluntarySector: voluntarySectorInvolvementOf(person),
  };
}
