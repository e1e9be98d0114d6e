import { governanceTables, provenanceColumns } from '@joined-up/kit';
import { sql } from 'drizzle-orm';
import { date, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** GP practices, their federation and community health organisations. */
export const organisations = pgTable('organisations', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  parentCode: text('parent_code'),
});

/** Clinicians who work for the health organisations. */
export const clinicians = pgTable('clinicians', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  jobTitle: text('job_title').notNull(),
  role: text('role').notNull(),
  organisationCode: text('organisation_code').notNull(),
  email: text('email').notNull(),
  phone: text('phone').notNull(),
});

/** Registered patients: health owns the person's demographics. */
export const patients = pgTable(
  'patients',
  {
    nhsNumber: text('nhs_number').primaryKey(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    sex: text('sex').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    addressLine1: text('address_line1').notNull(),
    town: text('town').notNull(),
    postcode: text('postcode').notNull(),
    phone: text('phone'),
    gpPracticeCode: text('gp_practice_code').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
  },
  (table) => [
    // Search is by name prefix, date of birth or postcode; each has its own index so a
    // search over millions of people stays an index scan.
    index('patients_sort_idx').on(
      sql`(lower(${table.familyName}) || ' ' || lower(${table.givenName}))`,
      table.nhsNumber,
    ),
    index('patients_family_name_idx').on(sql`lower(${table.familyName}) text_pattern_ops`),
    index('patients_given_name_idx').on(sql`lower(${table.givenName}) text_pattern_ops`),
    index('patients_date_of_birth_idx').on(table.dateOfBirth),
    index('patients_postcode_idx').on(sql`replace(upper(${table.postcode}), ' ', '')`),
    index('patients_gp_practice_idx').on(table.gpPracticeCode),
  ],
);

/** Problems and diagnoses, coded in SNOMED CT. */
export const problems = pgTable(
  'problems',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    snomedCode: text('snomed_code').notNull(),
    display: text('display').notNull(),
    status: text('status').notNull(),
    onsetDate: date('onset_date', { mode: 'string' }),
    /** A sensitive category (sexual-health, safeguarding, ...) withheld unless policy allows. */
    sensitivity: text('sensitivity'),
    ...provenanceColumns(),
  },
  (table) => [index('problems_nhs_number_idx').on(table.nhsNumber)],
);

/** Current and past medications. */
export const medications = pgTable(
  'medications',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    name: text('name').notNull(),
    dosageInstructions: text('dosage_instructions').notNull(),
    status: text('status').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    /** A sensitive category (a medicine for HIV, or for gender reassignment, say) withheld unless policy allows. */
    sensitivity: text('sensitivity'),
    ...provenanceColumns(),
  },
  (table) => [index('medications_nhs_number_idx').on(table.nhsNumber)],
);

/** Allergies and adverse reactions, coded in SNOMED CT. */
export const allergies = pgTable(
  'allergies',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    snomedCode: text('snomed_code').notNull(),
    display: text('display').notNull(),
    reaction: text('reaction'),
    severity: text('severity').notNull(),
    ...provenanceColumns(),
  },
  (table) => [index('allergies_nhs_number_idx').on(table.nhsNumber)],
);

/**
 * Alerts and individual requirements: risks every professional must know, communication needs
 * and reasonable adjustments (the NHS Reasonable Adjustment Flag categories).
 */
export const flags = pgTable(
  'flags',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    kind: text('kind').notNull(),
    category: text('category').notNull(),
    description: text('description').notNull(),
    ...provenanceColumns(),
  },
  (table) => [index('flags_nhs_number_idx').on(table.nhsNumber)],
);

/** Contacts with health services: appointments, home visits, reviews. */
export const encounters = pgTable(
  'encounters',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    type: text('type').notNull(),
    setting: text('setting').notNull(),
    summary: text('summary').notNull(),
    clinicianId: text('clinician_id').notNull(),
    /** A sensitive category (sexual-health, safeguarding, ...) withheld unless policy allows. */
    sensitivity: text('sensitivity'),
    ...provenanceColumns(),
  },
  // The timeline is read newest first, a page at a time, per person.
  (table) => [index('encounters_person_time_idx').on(table.nhsNumber, table.occurredAt.desc(), table.id.desc())],
);

/** Which clinicians are involved in a person's care, and how. */
export const careRelationships = pgTable(
  'care_relationships',
  {
    nhsNumber: text('nhs_number').notNull(),
    clinicianId: text('clinician_id').notNull(),
    relationship: text('relationship').notNull(),
    since: date('since', { mode: 'string' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.nhsNumber, table.clinicianId] }),
    index('care_relationships_clinician_idx').on(table.clinicianId),
  ],
);

export const tables = {
  ...governanceTables,
  organisations,
  clinicians,
  patients,
  problems,
  medications,
  allergies,
  flags,
  encounters,
  careRelationships,
};
export type HealthTables = typeof tables;
