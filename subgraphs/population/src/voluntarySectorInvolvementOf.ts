import { createRandom, seedFrom } from './createRandom.ts';
import { isInStory } from './story.ts';
import type { CharityCode, PopulationPerson, VoluntarySectorInvolvement } from './types.ts';
import { charityWorkers } from './workforce.ts';

/** The year ages are counted to, as the population's own. */
const referenceYear = 2026;

/**
 * The charity a generated person known to the voluntary sector was referred to, its worker, and
 * whether the charity took them on (four in five do). Needs nothing from earlier people, so an
 * agency may ask it of a person alone; undefined for everyone else and for the story's people.
 */
export function voluntarySectorInvolvementOf(person: PopulationPerson): VoluntarySectorInvolvement | undefined {
  if (!person.knownToVoluntarySector || isInStory(person)) return undefined;
  const random = createRandom(seedFrom(`involvement:voluntary-sector:${person.nhsNumber}`));
  const organisationCode = charityFor(person);
  return { organisationCode, linkWorker: random.pick(charityWorkers[organisationCode]), accepted: random.chance(0.8) };
}

/** Carers go to the carers' group, older people to Age Friendly, everyone else to social prescribing. */
function charityFor(person: PopulationPerson): CharityCode {
  if (person.caresForIndex !== undefined) return 'DEMOV1';
  return referenceYear - Number(person.dateOfBirth.slice(0, 4)) >= 65 ? 'DEMOV3' : 'DEMOV2';
}
