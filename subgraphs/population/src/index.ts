// The demo population every agency seeds from: Sam's story, a generated town around him, the place's
// workforce, and who is involved with whom, so that every agency's demo data names the same people.
export { createRandom, seedFrom, type Random } from './createRandom.ts';
export {
  defaultPopulationSize,
  maxPopulationSize,
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
  type DemoRecorder,
  sam,
  samsMother,
  workers,
} from './story.ts';
export { familyNames, femaleNames, maleNames } from './names.ts';
export type {
  CareProviderCode,
  CareWorkerAssignment,
  CaringLink,
  CharityCode,
  DemoOrganisation,
  DemoWorker,
  Involvement,
  OrganisationSector,
  PopulationPerson,
  PostalAddress,
  SocialCareInvolvement,
  VoluntarySectorInvolvement,
} from './types.ts';
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
export { careWorkersByProvider, charityWorkers, registeredManagers, socialWorkers } from './workforce.ts';
export { createInvolvementState, type InvolvementState } from './createInvolvementState.ts';
export { involvementOf } from './involvementOf.ts';
export { danielsCaseloadSize } from './socialCareInvolvementOf.ts';
export { voluntarySectorInvolvementOf } from './voluntarySectorInvolvementOf.ts';
export { addMonths, randomDate } from './seedDates.ts';
