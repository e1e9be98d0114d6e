import type { ConditionName } from './vocabulary.ts';

/** The sector an organisation is in; matches the kit's Sector. */
export type OrganisationSector = 'health' | 'social-care' | 'voluntary-sector' | 'care-coordination';

/** A (fictional) organisation in the demo place. */
export interface DemoOrganisation {
  /** Demo organisation code; codes beginning DEMO are not real ODS codes. */
  code: string;
  name: string;
  sector: OrganisationSector;
  /** What kind of organisation: gp-practice, gp-federation, community-health, council, provider, charity, partnership. */
  kind: string;
  /** The federation a GP practice belongs to. */
  parentCode?: string;
}

/** A professional in the demo place. */
export interface DemoWorker {
  /** Stable id, also the `sub` of the demo user's token where one exists. */
  id: string;
  name: string;
  /** Job title shown to people, such as "Diabetes specialist nurse". */
  jobTitle: string;
  /** Role used by policies, such as gp, practice-nurse, social-worker. */
  role: string;
  organisationCode: string;
  email: string;
  phone: string;
}

export interface PostalAddress {
  line1: string;
  town: string;
  postcode: string;
}

/** One person of the demo population, agency-neutral: each agency seed derives its records from this. */
export interface PopulationPerson {
  /** Position in the population (0 for Sam); seeds derive their own random streams from it. */
  index: number;
  nhsNumber: string;
  givenName: string;
  familyName: string;
  sex: 'female' | 'male';
  dateOfBirth: string;
  address: PostalAddress;
  phone: string;
  gpPracticeCode: string;
  conditions: ConditionName[];
  /** Known to adult social care. */
  knownToSocialCare: boolean;
  /** Known to a voluntary-sector organisation. */
  knownToVoluntarySector: boolean;
  /** The index of the person this person cares for unpaid, if any. */
  caresForIndex: number | undefined;
}
