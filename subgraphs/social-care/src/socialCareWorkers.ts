import { recordedBy } from '@joined-up/kit';
import { createRandom, recorderOf, seedFrom, workers, type DemoWorker } from '@joined-up/population';
import type { competencies } from './tables.ts';
import { competencyNames } from './vocabulary.ts';

// Same id and email shape as the story's workers, so generated colleagues look like them.
function colleague(name: string, jobTitle: string, role: string, organisationCode: string, phone: string): DemoWorker {
  const [given = '', family = ''] = name.toLowerCase().split(' ');
  const prefix = role === 'social-worker' ? 'sw' : role === 'care-worker' ? 'cw' : 'rm';
  return {
    id: `w-${prefix}-${family}`,
    name,
    jobTitle,
    role,
    organisationCode,
    email: `${given}.${family}@${organisationCode.toLowerCase()}.example.nhs.uk`,
    phone,
  };
}

/** The providers' registered managers: they sign off and record their care workers' competencies. */
export const registeredManagers = {
  DEMOSL1: colleague('Nadia Patel', 'Registered manager', 'registered-manager', 'DEMOSL1', '01632 960410'),
  DEMOSL2: colleague('Owen Clarke', 'Registered manager', 'registered-manager', 'DEMOSL2', '01632 960420'),
} as const;

/** The council's social workers, Daniel Moore first. */
export const socialWorkers: readonly DemoWorker[] = [
  workers.socialWorker,
  ...[
    'Sarah Collins',
    'James Okoye',
    'Fatima Begum',
    'Ben Fletcher',
    'Chloe Walsh',
    'Imran Hussain',
    'Laura Kemp',
    'Kwame Mensah',
    'Emma Doyle',
  ].map((name, i) =>
    colleague(
      name,
      i % 3 === 0 ? 'Senior social worker' : 'Social worker',
      'social-worker',
      'DEMOLA1',
      `01632 9603${String(i + 2).padStart(2, '0')}`,
    ),
  ),
];

const supportWorker = (organisationCode: 'DEMOSL1' | 'DEMOSL2', digit: string) => (name: string, i: number) =>
  colleague(
    name,
    organisationCode === 'DEMOSL1' ? 'Support worker' : 'Home care worker',
    'care-worker',
    organisationCode,
    `01632 9604${digit}${i + 1}`,
  );

/** Care workers by provider: Oakfield (supported living, Lucy Evans and Mark Jones among them) and Brookside (home care). */
export const careWorkersByProvider: Record<'DEMOSL1' | 'DEMOSL2', readonly DemoWorker[]> = {
  DEMOSL1: [
    workers.careWorker,
    workers.secondCareWorker,
    ...['Ruth Ashworth', 'Tariq Malik', 'Ewa Nowak', 'Callum Reid', 'Siobhan Kelly', 'Gareth Price'].map(
      supportWorker('DEMOSL1', '1'),
    ),
  ],
  DEMOSL2: [
    'Julie Barnes',
    'Piotr Zielinski',
    'Maryam Ali',
    'Keith Morgan',
    'Hannah Shaw',
    'Declan Byrne',
    'Nia Roberts',
    'Graham Lowe',
  ].map(supportWorker('DEMOSL2', '2')),
};

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
