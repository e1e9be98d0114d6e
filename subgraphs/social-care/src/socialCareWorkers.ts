import { recordedBy } from '@joined-up/kit';
import {
  careWorkersByProvider,
  createRandom,
  recorderOf,
  registeredManagers,
  seedFrom,
  socialWorkers,
  workers,
  type DemoWorker,
} from '@joined-up/population';
import type { competencies } from './tables.ts';
import { competencyNames } from './vocabulary.ts';

// Sam's story reads the providers' managers from here, with the competencies they sign off.
export { registeredManagers };

/** Every worker social care knows, as rows of its workers table. */
export const socialCareWorkerRows = [
  ...socialWorkers,
  ...Object.values(registeredManagers),
  ...careWorkersByProvider.DEMOSL1,
  ...careWorkersByProvider.DEMOSL2,
].map(({ id, name, jobTitle, role, organisationCode, email, phone }) => ({
  id,
  name,
  jobTitle,
  role,
  organisationCode,
  email,
  phone,
}));

type CompetencyRow = typeof competencies.$inferInsert;

/** A competency signed off on `achievedOn`, lapsing after `years` (null: it does not lapse). */
export function competency(
  worker: DemoWorker,
  name: string,
  achievedOn: string,
  years: number | null,
  assessedBy: string,
): CompetencyRow {
  const manager = registeredManagers[worker.organisationCode as keyof typeof registeredManagers] ?? worker;
  const expiresOn = years === null ? null : `${Number(achievedOn.slice(0, 4)) + years}${achievedOn.slice(4)}`;
  return {
    id: `${worker.id}-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    workerId: worker.id,
    name,
    achievedOn,
    expiresOn,
    assessedBy,
    ...recordedBy(recorderOf(manager), `${achievedOn}T16:00:00Z`),
  };
}

/**
 * Competencies of the generated care workers: everyone has medication administration and
 * safeguarding; Oakfield's supported-living staff add autism awareness, Brookside's home care
 * staff dementia awareness and moving and handling; a few are signed off for insulin.
 */
export function generatedCompetencies(worker: DemoWorker): CompetencyRow[] {
  const random = createRandom(seedFrom(`social-care:competencies:${worker.id}`));
  const manager = registeredManagers[worker.organisationCode as keyof typeof registeredManagers];
  const signedOff = `${manager.name}, ${manager.jobTitle}`;
  const on = () =>
    `${random.int(2022, 2026)}-${String(random.int(1, 9)).padStart(2, '0')}-${String(random.int(10, 28))}`;
  const names: string[] = [competencyNames.medication, competencyNames.safeguarding];
  names.push(
    ...(worker.organisationCode === 'DEMOSL1'
      ? [competencyNames.autism]
      : [competencyNames.dementia, competencyNames.movingAndHandling]),
  );
  if (random.chance(0.3)) names.push(competencyNames.diabetes);
  if (random.chance(0.1)) names.push(competencyNames.epilepsy);
  const rows = names.map((name) =>
    competency(worker, name, on(), name === competencyNames.autism ? null : 3, signedOff),
  );
  if (random.chance(0.25))
    rows.push(
      competency(
        worker,
        competencyNames.insulin,
        on(),
        1,
        `${workers.diabetesNurse.name}, ${workers.diabetesNurse.jobTitle}`,
      ),
    );
  return rows;
}
