import type { ConditionName } from './vocabulary.ts';

/** The sector an organisation is in; matches the kit's Sector. */
export type OrganisationSector = 'health' | 'social-care' | 'voluntary-sector' | 'care-coordination';

/** A (fictional) organisation in the demo place. */
export interface DemoOrganisation {
  /** Demo organisation code; codes beginning DEMO are not real ODS codes. */
  code: string;
  name: string;
  sector: OrganisationSector;
  /**
   * What kind of organisation: gp-practice, gp-federation, community-health, council, provider, charity, partnership.
   */
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

/** The providers the council commissions care from; each care worker works for one. */
export type CareProviderCode = 'DEMOSL1' | 'DEMOSL2';
/** The charities that take referrals from the place's GPs. */
export type CharityCode = 'DEMOV1' | 'DEMOV2' | 'DEMOV3';

/** A care worker assigned to a person by their provider, the lead first. */
export interface CareWorkerAssignment {
  worker: DemoWorker;
  role: 'Lead care worker' | 'Care worker';
}

/** Who adult social care involves with a generated person known to it. */
export interface SocialCareInvolvement {
  /** The allocated social worker. */
  socialWorker: DemoWorker;
  /**
   * Who delivers the person's long-term service: Oakfield's supported living (DEMOSL1), Brookside's
   * home care (DEMOSL2), the council's own day care (DEMOLA1), or null when a direct payment pays
   * for a personal assistant instead.
   */
  providerCode: CareProviderCode | 'DEMOLA1' | null;
  /** The provider's care workers assigned to the person; none unless the provider is DEMOSL1 or DEMOSL2. */
  careWorkers: CareWorkerAssignment[];
}

/** A generated unpaid carer's link to the person they care for, who is earlier in the population. */
export interface CaringLink {
  caredForNhsNumber: string;
  /** What the carer is to the person, as the carer puts it: Daughter, Husband, Neighbour. */
  relationship: string;
  /** When the caring began. */
  since: string;
  /** The social worker who knows the carer: records the caring link and any carer's assessment. */
  socialWorker: DemoWorker;
}

/** A generated person's referral from their GP to a charity. */
export interface VoluntarySectorInvolvement {
  /** The charity referred to. */
  organisationCode: CharityCode;
  /** The charity's worker who handles the referral. */
  linkWorker: DemoWorker;
  /**
   * The charity took the person on, so the link worker works with them; false while the referral
   * waits or once it was declined.
   */
  accepted: boolean;
}

/**
 * Who is involved with a generated person, as every agency's demo data must agree: the facts an
 * agency's own records (assessments, plans, referrals' words, sessions) are written around.
 */
export interface Involvement {
  /** Set for people known to adult social care. */
  socialCare: SocialCareInvolvement | undefined;
  /** Set for unpaid carers. */
  caresFor: CaringLink | undefined;
  /** Set for people known to the voluntary sector. */
  voluntarySector: VoluntarySectorInvolvement | undefined;
}
