import { createRandom, seedFrom, type Random } from './createRandom.ts';
import { testRangeNhsNumbers } from './nhsNumberAt.ts';
import { familyNames, femaleNames, maleNames, streets, towns } from './names.ts';
import { gpPracticeCodes, sam, samsMother } from './story.ts';
import type { PopulationPerson } from './types.ts';
import type { ConditionName } from './vocabulary.ts';

export interface PopulationOptions {
  /** How many people in all, Sam and his mother included. @default 3000 */
  people?: number;
  /** Changes every generated person while keeping Sam's story. @default 1 */
  seed?: number;
}

export const defaultPopulationSize = 3000;

/** The largest population: the NHS test range (999...) holds about 909,000 valid numbers. */
export const maxPopulationSize = 900_000;

// Rough prevalence by age band for the conditions the generator gives; enough to make a
// caseload look like a real one, not an epidemiological model.
const prevalence: Array<{ condition: ConditionName; fromAge: number; young: number; old: number }> = [
  { condition: 'hypertension', fromAge: 30, young: 0.05, old: 0.45 },
  { condition: 'type2Diabetes', fromAge: 30, young: 0.03, old: 0.16 },
  { condition: 'asthma', fromAge: 0, young: 0.1, old: 0.08 },
  { condition: 'copd', fromAge: 40, young: 0.01, old: 0.08 },
  { condition: 'depression', fromAge: 16, young: 0.1, old: 0.08 },
  { condition: 'anxiety', fromAge: 12, young: 0.08, old: 0.05 },
  { condition: 'dementia', fromAge: 65, young: 0.02, old: 0.12 },
  { condition: 'heartFailure', fromAge: 50, young: 0.005, old: 0.06 },
  { condition: 'atrialFibrillation', fromAge: 50, young: 0.01, old: 0.09 },
  { condition: 'chronicKidneyDisease', fromAge: 40, young: 0.01, old: 0.12 },
  { condition: 'osteoarthritis', fromAge: 40, young: 0.03, old: 0.3 },
  { condition: 'epilepsy', fromAge: 0, young: 0.008, old: 0.008 },
  { condition: 'type1Diabetes', fromAge: 0, young: 0.004, old: 0.004 },
  { condition: 'learningDisability', fromAge: 0, young: 0.005, old: 0.003 },
  { condition: 'autism', fromAge: 0, young: 0.012, old: 0.004 },
];

/** The reference date ages are computed against, fixed so the data does not drift by year. */
const referenceYear = 2026;

/**
 * Yields the demo population, one person at a time so a million people never sit in memory:
 * Sam, his mother, then generated people. Person i is the same on every run and machine for
 * a given seed, whatever the population size.
 */
export function* iteratePopulation(options: PopulationOptions = {}): Generator<PopulationPerson> {
  const size = options.people ?? defaultPopulationSize;
  const seed = options.seed ?? 1;
  const story = [sam, samsMother];
  for (const person of story.slice(0, size)) yield person;
  const nhsNumbers = testRangeNhsNumbers();
  for (let index = story.length; index < size; index += 1) {
    const nhsNumber = nhsNumbers.next().value as string;
    yield generatePerson(index, nhsNumber, createRandom(seedFrom(`person:${seed}:${index}`)));
  }
}

/** Generates person `index` from its own random stream, so each person is independent of the others. */
export function generatePerson(index: number, nhsNumber: string, random: Random): PopulationPerson {
  const sex = random.chance(0.51) ? 'female' : 'male';
  const age = ageFrom(random);
  const dateOfBirth = `${referenceYear - age}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
  const place = random.pick(towns);
  const conditions = prevalence
    .filter((entry) => age >= entry.fromAge && random.chance(age >= 65 ? entry.old : entry.young))
    .map((entry) => entry.condition);
  const frailty = conditions.length + (age >= 80 ? 2 : age >= 65 ? 1 : 0);
  const needsCare = conditions.includes('learningDisability') || conditions.includes('dementia') || frailty >= 3;
  return {
    index,
    nhsNumber,
    givenName: random.pick(sex === 'female' ? femaleNames : maleNames),
    familyName: random.pick(familyNames),
    sex,
    dateOfBirth,
    address: {
      line1: `${random.int(1, 180)} ${random.pick(streets)}`,
      town: place.town,
      postcode: `${random.pick(place.districts)} ${random.int(1, 9)}${random.pick(letters)}${random.pick(letters)}`,
    },
    phone: `07700 9${String(random.int(0, 99999)).padStart(5, '0')}`,
    gpPracticeCode: random.pick(gpPracticeCodes),
    conditions,
    knownToSocialCare: needsCare ? random.chance(0.7) : random.chance(0.03),
    knownToVoluntarySector: random.chance(needsCare ? 0.25 : 0.06),
    // Some adults care unpaid for an earlier person in the population (a parent, a partner).
    caresForIndex: age >= 18 && index > 10 && random.chance(0.05) ? random.int(2, index - 1) : undefined,
  };
}

// Postcode inward letters exclude C, I, K, M, O and V, as Royal Mail's do.
const letters = [
  'A',
  'B',
  'D',
  'E',
  'F',
  'G',
  'H',
  'J',
  'L',
  'N',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
  'W',
  'X',
  'Y',
  'Z',
] as const;

function ageFrom(random: Random): number {
  // A population pyramid flattened towards old age: more adults than a uniform draw gives.
  const band = random.next();
  if (band < 0.18) return random.int(0, 17);
  if (band < 0.58) return random.int(18, 49);
  if (band < 0.8) return random.int(50, 64);
  if (band < 0.95) return random.int(65, 84);
  return random.int(85, 100);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
