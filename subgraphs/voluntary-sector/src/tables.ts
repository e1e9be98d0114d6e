import { governanceTables, provenanceColumns } from '@joined-up/kit';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, text } from 'drizzle-orm/pg-core';

/** The charities of the partnership. */
export const organisations = pgTable('organisations', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  charityKind: text('charity_kind').notNull(),
});

/** The services each charity runs. */
export const services = pgTable(
  'services',
  {
    id: text('id').primaryKey(),
    organisationCode: text('organisation_code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    category: text('category').notNull(),
    howToContact: text('how_to_contact').notNull(),
  },
  (table) => [index('services_organisation_idx').on(table.organisationCode, table.name)],
);

/** Volunteers who help run the services. */
export const volunteers = pgTable(
  'volunteers',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
  },
  (table) => [index('volunteers_service_idx').on(table.serviceId, table.name)],
);

/** Paid workers: link workers and support workers, who hold clients and hold conversations. */
export const workers = pgTable('workers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  jobTitle: text('job_title').notNull(),
  organisationCode: text('organisation_code').notNull(),
  // Nullable: workers recorded before contact details were held have none until their charity
  // adds them, and a small charity's worker may have no work email at all.
  email: text('email'),
  phone: text('phone'),
});

/**
 * A worker's clients. The NHS number is held only once the client has agreed to be linked,
 * so a client known only locally can never be resolved as a Person.
 */
export const clients = pgTable(
  'clients',
  {
    id: text('id').primaryKey(),
    workerId: text('worker_id').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    nhsNumber: text('nhs_number'),
    linkedWithAgreementOn: date('linked_with_agreement_on', { mode: 'string' }),
    since: date('since', { mode: 'string' }).notNull(),
    ...provenanceColumns(),
  },
  (table) => [
    // The caseload is read a page at a time in name order; this index serves it as a range scan.
    index('clients_worker_sort_idx').on(
      table.workerId,
      sql`(lower(${table.familyName}) || ' ' || lower(${table.givenName}))`,
      table.id,
    ),
    index('clients_nhs_number_idx').on(table.nhsNumber),
    check(
      'clients_linked_with_agreement',
      sql`(${table.nhsNumber} is null) = (${table.linkedWithAgreementOn} is null)`,
    ),
  ],
);

/** Social prescribing referrals (SNOMED CT 871731000000106) as the receiving organisation holds them. */
export const referrals = pgTable(
  'referrals',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    referredOn: date('referred_on', { mode: 'string' }).notNull(),
    referrerName: text('referrer_name').notNull(),
    referrerRole: text('referrer_role').notNull(),
    referrerOrganisationName: text('referrer_organisation_name').notNull(),
    referrerOrganisationCode: text('referrer_organisation_code'),
    referredToCode: text('referred_to_code').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull(),
    linkWorkerId: text('link_worker_id'),
    agreedToShare: text('agreed_to_share').array().notNull(),
    /**
     * What agreedToShare opens to the referrer beyond the referral itself, as policy categories
     * ('what-matters', 'engagements'), recorded with the person at the same time as the wording.
     * Access decisions read this, never the wording; empty shares nothing more.
     */
    sharedWithReferrer: text('shared_with_referrer')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...provenanceColumns(),
  },
  (table) => [index('referrals_nhs_number_idx').on(table.nhsNumber, table.referredOn.desc())],
);

/** Each referral's status changes, oldest first. */
export const referralStatusChanges = pgTable(
  'referral_status_changes',
  {
    id: text('id').primaryKey(),
    referralId: text('referral_id').notNull(),
    status: text('status').notNull(),
    changedOn: date('changed_on', { mode: 'string' }).notNull(),
    changedBy: text('changed_by').notNull(),
    reason: text('reason'),
    ...provenanceColumns(),
  },
  (table) => [index('referral_status_changes_referral_idx').on(table.referralId, table.changedOn)],
);

/** "What matters to me" conversations, in the person's own words. */
export const whatMattersConversations = pgTable(
  'what_matters_conversations',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    heldById: text('held_by_id').notNull(),
    whatMatters: text('what_matters').array().notNull(),
    goals: text('goals').array().notNull(),
    ...provenanceColumns(),
  },
  (table) => [index('what_matters_conversations_nhs_number_idx').on(table.nhsNumber, table.heldOn.desc())],
);

/** Sessions people had with services. */
export const engagements = pgTable(
  'engagements',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    serviceId: text('service_id').notNull(),
    activity: text('activity').notNull(),
    attended: boolean('attended').notNull(),
    notes: text('notes'),
    /** A sensitive category (safeguarding, ...) withheld unless policy allows. */
    sensitivity: text('sensitivity'),
    ...provenanceColumns(),
  },
  // Read newest first, a page at a time, per person.
  (table) => [index('engagements_person_time_idx').on(table.nhsNumber, table.occurredOn.desc(), table.id.desc())],
);

export const tables = {
  ...governanceTables,
  organisations,
  services,
  volunteers,
  workers,
  clients,
  referrals,
  referralStatusChanges,
  whatMattersConversations,
  engagements,
};
export type VoluntarySectorTables = typeof tables;
