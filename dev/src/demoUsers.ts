import { organisations, sam, samsMother, workers, type DemoWorker } from '@joined-up/population';

/** A demo user of the development identity provider, with the claims its token carries. */
export interface DemoUser {
  /** Login name, as given to `npm run token -- <user>`. */
  username: string;
  subject: string;
  name: string;
  role: string;
  organisation: { code: string; name: string; sector: string };
  /** NHS number the user acts for (the person themself, or their carer). */
  actsFor?: string;
  /** What the user is, for the README and the explorer. */
  description: string;
}

const organisationOf = (code: string) => {
  const organisation = Object.values(organisations).find((candidate) => candidate.code === code);
  if (!organisation) throw new Error(`Unknown demo organisation ${code}`);
  return { code: organisation.code, name: organisation.name, sector: organisation.sector };
};

const professional = (username: string, worker: DemoWorker, description: string): DemoUser => ({
  username,
  subject: worker.id,
  name: worker.name,
  role: worker.role,
  organisation: organisationOf(worker.organisationCode),
  description,
});

const citizen = { code: 'CITIZEN', name: 'Citizen access', sector: 'citizen' };

/** The demo users, by the exact names the README and `npm run token` use. */
export const demoUsers: readonly DemoUser[] = [
  professional('gp', workers.gp, "Sam's named GP at Riverside Medical Centre"),
  professional('practice-nurse', workers.practiceNurse, "Practice nurse at Sam's practice"),
  professional('diabetes-nurse', workers.diabetesNurse, 'Diabetes specialist nurse, community health services'),
  professional('social-worker', workers.socialWorker, "Sam's allocated social worker at the council"),
  professional(
    'care-worker',
    workers.careWorker,
    'Support worker at Oakfield Supported Living, trained in insulin administration',
  ),
  professional('link-worker', workers.linkWorker, 'Social prescribing link worker at Community Links'),
  professional('coordinator', workers.coordinator, "Sam's named care coordinator at the place partnership"),
  {
    username: 'sam',
    subject: 'citizen-sam',
    name: `${sam.givenName} ${sam.familyName}`,
    role: 'person',
    organisation: citizen,
    actsFor: sam.nhsNumber,
    description: 'Sam himself, seeing his own joined-up record',
  },
  {
    username: 'carer',
    subject: 'citizen-margaret',
    name: `${samsMother.givenName} ${samsMother.familyName}`,
    role: 'carer',
    organisation: citizen,
    actsFor: sam.nhsNumber,
    description: "Sam's mother and main unpaid carer, acting for him",
  },
  professional('unrelated-gp', workers.unrelatedGp, 'A GP at Castle Street Surgery with no relationship to Sam'),
  professional(
    'privacy-officer',
    workers.healthPrivacyOfficer,
    "The GP federation's Caldicott guardian, who reviews break-glass access",
  ),
  professional(
    'council-privacy-officer',
    workers.councilPrivacyOfficer,
    "The council's data protection officer, who reviews social care's break-glass access",
  ),
  professional(
    'voluntary-privacy-officer',
    workers.voluntaryPrivacyOfficer,
    "Community Links' information governance lead, who reviews the voluntary sector's break-glass access",
  ),
  professional(
    'partnership-privacy-officer',
    workers.partnershipPrivacyOfficer,
    "The place partnership's information governance manager, who reviews care coordination's break-glass access",
  ),
  {
    username: 'hospital-privacy-officer',
    subject: 'w-po-okonkwo',
    name: 'David Okonkwo',
    role: 'privacy-officer',
    organisation: { code: 'DEMOH1', name: 'Riverside University Hospitals NHS Foundation Trust', sector: 'hospital' },
    description: "The trust's Caldicott guardian, who reviews the hospital's break-glass access",
  },
  {
    username: 'ward-nurse',
    subject: 'w-ward-okoro',
    name: 'Chloe Okoro',
    role: 'ward-nurse',
    organisation: { code: 'DEMOH1', name: 'Riverside University Hospitals NHS Foundation Trust', sector: 'hospital' },
    description: 'Nurse on the acute medical unit at Riverside General Hospital, who records admissions and discharges',
  },
];

export function findDemoUser(username: string): DemoUser | undefined {
  return demoUsers.find((user) => user.username === username);
}
