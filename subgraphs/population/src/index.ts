// The demo population every agency seeds from: Sam's story and a generated town around him.
export { createRandom, seedFrom, type Random } from './createRandom.ts';
export {
  defaultPopulationSize,
  generatePerson,
  iteratePopulation,
  type PopulationOptions,
} from './iteratePopulation.ts';
export { testRangeNhsNumbers } from './nhsNumberAt.ts';
export {
  gpPracticeCodes,
  namedGpByPractice,
  organisationName,
  organisations,
  recorderOf,
  sam,
  samsMother,
  workers,
} from './story.ts';
export { familyNames, femaleNames, maleNames } from './names.ts';
export type { DemoOrganisation, DemoWorker, OrganisationSector, PopulationPerson, PostalAddress } from './types.ts';
export * as vocabulary from './vocabulary.ts';
export {
  conditions,
  allergies,
  snomed,
  socialPrescribingReferral,
  type Concept,
  type ConditionName,
} from './vocabulary.ts';
export { seedInBatches, type SeedInBatchesOptions } from './seedInBatches.ts';
