import { workers } from './story.ts';
import type { CareProviderCode, CharityCode, DemoWorker } from './types.ts';

// Same id and email shape as the story's workers, so generated colleagues look like them.
function colleague(
  prefix: string,
  name: string,
  jobTitle: string,
  role: string,
  organisationCode: string,
  phone: string,
): DemoWorker {
  const [given = '', family = ''] = name.toLowerCase().split(' ');
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

/** The providers' registered managers: they sign off their care workers' competencies and assign them to people. */
export const registeredManagers: Record<CareProviderCode, DemoWorker> = {
  DEMOSL1: colleague('rm', 'Nadia Patel', 'Registered manager', 'registered-manager', 'DEMOSL1', '01632 960410'),
  DEMOSL2: colleague('rm', 'Owen Clarke', 'Registered manager', 'registered-manager', 'DEMOSL2', '01632 960420'),
};

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
      'sw',
      name,
      i % 3 === 0 ? 'Senior social worker' : 'Social worker',
      'social-worker',
      'DEMOLA1',
      `01632 9603${String(i + 2).padStart(2, '0')}`,
    ),
  ),
];

const careWorker = (organisationCode: CareProviderCode, digit: string) => (name: string, i: number) =>
  colleague(
    'cw',
    name,
    organisationCode === 'DEMOSL1' ? 'Support worker' : 'Home care worker',
    'care-worker',
    organisationCode,
    `01632 9604${digit}${i + 1}`,
  );

/**
 * Care workers by provider: Oakfield's supported living (Lucy Evans and Mark Jones among them) and
 * Brookside's home care.
 */
export const careWorkersByProvider: Record<CareProviderCode, readonly DemoWorker[]> = {
  DEMOSL1: [
    workers.careWorker,
    workers.secondCareWorker,
    ...['Ruth Ashworth', 'Tariq Malik', 'Ewa Nowak', 'Callum Reid', 'Siobhan Kelly', 'Gareth Price'].map(
      careWorker('DEMOSL1', '1'),
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
  ].map(careWorker('DEMOSL2', '2')),
};

/**
 * The charities' workers who take referrals, by charity. The story names one worker at each of
 * two charities; the others give every charity someone, so the generated population spreads
 * over realistic caseloads.
 */
export const charityWorkers: Record<CharityCode, readonly DemoWorker[]> = {
  DEMOV1: [workers.carersSupportWorker],
  DEMOV2: [
    workers.linkWorker,
    colleague('lw', 'Ben Carter', 'Social prescribing link worker', 'link-worker', 'DEMOV2', '01632 960503'),
  ],
  DEMOV3: [colleague('af', 'Ruth Fletcher', 'Community connector', 'community-connector', 'DEMOV3', '01632 960504')],
};
