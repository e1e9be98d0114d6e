import type { DemoOrganisation, DemoWorker, PopulationPerson } from './types.ts';

/**
 * Sam's story (DESIGN.md): the people and organisations every agency's seed writes in full.
 * Sam's NHS number is in the test range (999 000 0018); so is his mother's.
 */
export const organisations = {
  federation: { code: 'DEMOF1', name: 'Riverside GP Federation', sector: 'health', kind: 'gp-federation' },
  samsPractice: {
    code: 'DEMOP1',
    name: 'Riverside Medical Centre',
    sector: 'health',
    kind: 'gp-practice',
    parentCode: 'DEMOF1',
  },
  castleStreet: {
    code: 'DEMOP2',
    name: 'Castle Street Surgery',
    sector: 'health',
    kind: 'gp-practice',
    parentCode: 'DEMOF1',
  },
  hillview: {
    code: 'DEMOP3',
    name: 'Hillview Health Centre',
    sector: 'health',
    kind: 'gp-practice',
    parentCode: 'DEMOF1',
  },
  meadowLane: {
    code: 'DEMOP4',
    name: 'Meadow Lane Practice',
    sector: 'health',
    kind: 'gp-practice',
    parentCode: 'DEMOF1',
  },
  communityHealth: {
    code: 'DEMOC1',
    name: 'Riverside Community Health Services',
    sector: 'health',
    kind: 'community-health',
  },
  council: { code: 'DEMOLA1', name: 'Riverside Council Adult Social Care', sector: 'social-care', kind: 'council' },
  supportedLiving: { code: 'DEMOSL1', name: 'Oakfield Supported Living', sector: 'social-care', kind: 'provider' },
  homeCare: { code: 'DEMOSL2', name: 'Brookside Home Care', sector: 'social-care', kind: 'provider' },
  carersGroup: { code: 'DEMOV1', name: "Riverside Carers' Support Group", sector: 'voluntary-sector', kind: 'charity' },
  communityLinks: {
    code: 'DEMOV2',
    name: 'Community Links Social Prescribing',
    sector: 'voluntary-sector',
    kind: 'charity',
  },
  ageFriendly: { code: 'DEMOV3', name: 'Age Friendly Riverside', sector: 'voluntary-sector', kind: 'charity' },
  partnership: {
    code: 'DEMOPP1',
    name: 'Riverside Place Partnership',
    sector: 'care-coordination',
    kind: 'partnership',
  },
} as const satisfies Record<string, DemoOrganisation>;

export const gpPracticeCodes = ['DEMOP1', 'DEMOP2', 'DEMOP3', 'DEMOP4'] as const;

function worker(
  id: string,
  name: string,
  jobTitle: string,
  role: string,
  organisationCode: string,
  phone: string,
): DemoWorker {
  const email = `${name
    .replace(/^(Dr|Nurse) /, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')}@${organisationCode.toLowerCase()}.example.nhs.uk`;
  return { id, name, jobTitle, role, organisationCode, email, phone };
}

/** Sam's care team and the other professionals of the story. */
export const workers = {
  gp: worker('w-gp-shah', 'Dr Priya Shah', 'GP', 'gp', 'DEMOP1', '01632 960101'),
  practiceNurse: worker('w-pn-okafor', 'Grace Okafor', 'Practice nurse', 'practice-nurse', 'DEMOP1', '01632 960102'),
  diabetesNurse: worker(
    'w-dsn-hughes',
    'Tom Hughes',
    'Diabetes specialist nurse',
    'diabetes-nurse',
    'DEMOC1',
    '01632 960201',
  ),
  communityMatron: worker(
    'w-cm-price',
    'Helen Price',
    'Community matron',
    'community-matron',
    'DEMOC1',
    '01632 960202',
  ),
  districtNurse: worker('w-dn-khan', 'Aisha Khan', 'District nurse', 'district-nurse', 'DEMOC1', '01632 960203'),
  socialWorker: worker('w-sw-moore', 'Daniel Moore', 'Social worker', 'social-worker', 'DEMOLA1', '01632 960301'),
  careWorker: worker('w-cw-evans', 'Lucy Evans', 'Support worker', 'care-worker', 'DEMOSL1', '01632 960401'),
  secondCareWorker: worker('w-cw-jones', 'Mark Jones', 'Support worker', 'care-worker', 'DEMOSL1', '01632 960402'),
  linkWorker: worker(
    'w-lw-hassan',
    'Amira Hassan',
    'Social prescribing link worker',
    'link-worker',
    'DEMOV2',
    '01632 960501',
  ),
  carersSupportWorker: worker(
    'w-cs-bennett',
    'Jo Bennett',
    "Carers' support worker",
    'carer-support-worker',
    'DEMOV1',
    '01632 960502',
  ),
  coordinator: worker('w-cc-green', 'Rachel Green', 'Care coordinator', 'care-coordinator', 'DEMOPP1', '01632 960601'),
  unrelatedGp: worker('w-gp-brown', 'Dr Michael Brown', 'GP', 'gp', 'DEMOP2', '01632 960701'),
  healthPrivacyOfficer: worker(
    'w-po-ward',
    'Joanna Ward',
    'Caldicott guardian and privacy officer',
    'privacy-officer',
    'DEMOF1',
    '01632 960103',
  ),
  // Each agency's own privacy officer, who reviews its break-glass accesses and verifies its audit.
  councilPrivacyOfficer: worker(
    'w-po-patel',
    'Kiran Patel',
    'Data protection officer',
    'privacy-officer',
    'DEMOLA1',
    '01632 960303',
  ),
  voluntaryPrivacyOfficer: worker(
    'w-po-adeyemi',
    'Ruth Adeyemi',
    'Information governance lead',
    'privacy-officer',
    'DEMOV2',
    '01632 960503',
  ),
  partnershipPrivacyOfficer: worker(
    'w-po-lindqvist',
    'Anna Lindqvist',
    'Information governance manager',
    'privacy-officer',
    'DEMOPP1',
    '01632 960603',
  ),
  hillviewGp: worker('w-gp-wright', 'Dr Ellen Wright', 'GP', 'gp', 'DEMOP3', '01632 960801'),
  meadowLaneGp: worker('w-gp-osei', 'Dr Samuel Osei', 'GP', 'gp', 'DEMOP4', '01632 960901'),
} as const satisfies Record<string, DemoWorker>;

/** Each practice's named GP, who records and refers for the practice's generated patients. */
export const namedGpByPractice: Record<(typeof gpPracticeCodes)[number], DemoWorker> = {
  DEMOP1: workers.gp,
  DEMOP2: workers.unrelatedGp,
  DEMOP3: workers.hillviewGp,
  DEMOP4: workers.meadowLaneGp,
};

/** Sam: twenties, autism, a learning disability and type 1 diabetes, in his third supported-living flat. */
export const sam: PopulationPerson = {
  index: 0,
  nhsNumber: '9990000018',
  givenName: 'Sam',
  familyName: 'Taylor',
  sex: 'male',
  dateOfBirth: '2001-03-14',
  address: { line1: 'Flat 3, 12 Willow Court', town: 'Riverside', postcode: 'RV1 4QT' },
  phone: '07700 900118',
  gpPracticeCode: 'DEMOP1',
  conditions: ['autism', 'learningDisability', 'type1Diabetes'],
  knownToSocialCare: true,
  knownToVoluntarySector: true,
  caresForIndex: undefined,
};

/** Sam's mother, in her sixties, his main unpaid carer. */
export const samsMother: PopulationPerson = {
  index: 1,
  nhsNumber: '9990000026',
  givenName: 'Margaret',
  familyName: 'Taylor',
  sex: 'female',
  dateOfBirth: '1962-07-02',
  address: { line1: '48 Orchard Road', town: 'Riverside', postcode: 'RV2 7LN' },
  phone: '07700 900126',
  gpPracticeCode: 'DEMOP1',
  conditions: ['hypertension', 'osteoarthritis'],
  knownToSocialCare: true,
  knownToVoluntarySector: true,
  caresForIndex: 0,
};

/** The organisation's name for a demo organisation code (the code itself when unknown). */
export function organisationName(code: string): string {
  return Object.values(organisations).find((organisation) => organisation.code === code)?.name ?? code;
}

/** Who recorded a seeded entry, in the shape of the kit's provenance columns. */
export interface DemoRecorder {
  id: string;
  name: string;
  jobTitle: string;
  organisationCode: string;
  organisationName: string;
}

/** A demo worker as the recorder of seeded entries: the provenance every agency's seed writes. */
export function recorderOf(worker: Pick<DemoWorker, 'id' | 'name' | 'jobTitle' | 'organisationCode'>): DemoRecorder {
  return {
    id: worker.id,
    name: worker.name,
    jobTitle: worker.jobTitle,
    organisationCode: worker.organisationCode,
    organisationName: organisationName(worker.organisationCode),
  };
}

/** Sam or his mother, whose records every agency writes in full from the story. */
export function isInStory(person: Pick<PopulationPerson, 'nhsNumber'>): boolean {
  return person.nhsNumber === sam.nhsNumber || person.nhsNumber === samsMother.nhsNumber;
}
