import { governanceTables, provenanceColumns } from '@joined-up/kit';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The organisations of the place a referral may be sent to, with their sector: the partnership's
 * directory (ODS codes in production; demo codes begin DEMO).
 */
export const organisations = pgTable('organisations', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sector: text('sector').notNull(),
});

/** The partnership's own workers, such as care coordinators: the only workers this agency owns. */
export const workers = pgTable('workers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  jobTitle: text('job_title').notNull(),
  organisationCode: text('organisation_code').notNull(),
  organisationName: text('organisation_name').notNull(),
  email: text('email').notNull(),
  phone: text('phone').notNull(),
});

/**
 * The person's care team across every agency. A worker is held as a reference (kind + the owning
 * agency's id): the agency that employs them answers for their name and contact. The organisation
 * is kept because access decisions and action ownership need it without a call to another agency.
 */
export const careTeamMembers = pgTable(
  'care_team_members',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    kind: text('kind').notNull(),
    /** The worker's id in their agency (also their sign-in subject); null for an unpaid carer. */
    workerId: text('worker_id'),
    sector: text('sector'),
    memberOrganisationCode: text('member_organisation_code'),
    memberOrganisationName: text('member_organisation_name'),
    carerNhsNumber: text('carer_nhs_number'),
    /** The name an unpaid carer asked the team to use: health may not show their record to every member. */
    carerName: text('carer_name'),
    carerRelationship: text('carer_relationship'),
    carerContact: text('carer_contact'),
    role: text('role').notNull(),
    isCoordinator: boolean('is_coordinator').notNull().default(false),
    since: date('since', { mode: 'string' }).notNull(),
    ...provenanceColumns(),
  },
  (table) => [
    index('care_team_members_person_idx').on(table.nhsNumber, table.since, table.id),
    index('care_team_members_worker_idx').on(table.workerId, table.nhsNumber),
    index('care_team_members_organisation_idx').on(table.memberOrganisationCode, table.nhsNumber),
    // One coordinator per person, enforced by the database so two concurrent namings cannot both win.
    uniqueIndex('care_team_members_one_coordinator_idx')
      .on(table.nhsNumber)
      .where(sql`${table.isCoordinator}`),
    // A worker (or a carer) is on a person's team once.
    uniqueIndex('care_team_members_worker_once_idx')
      .on(table.nhsNumber, table.kind, table.workerId)
      .where(sql`${table.workerId} is not null`),
    check('care_team_members_worker_or_carer', sql`(${table.kind} = 'UNPAID_CARER') = (${table.workerId} is null)`),
  ],
);

/** One personalised care and support plan per person; `version` guards every change against lost updates. */
export const carePlans = pgTable(
  'care_plans',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    aboutMe: text('about_me'),
    whatMattersToMe: text('what_matters_to_me')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    aboutMeRecordedByName: text('about_me_recorded_by_name'),
    aboutMeRecordedByRole: text('about_me_recorded_by_role'),
    aboutMeOrganisationCode: text('about_me_organisation_code'),
    aboutMeOrganisationName: text('about_me_organisation_name'),
    aboutMeRecordedAt: timestamp('about_me_recorded_at', { withTimezone: true, mode: 'string' }),
    contingencyWhatToDo: text('contingency_what_to_do'),
    contingencyWhoToContact: text('contingency_who_to_contact').array(),
    contingencyRecordedByName: text('contingency_recorded_by_name'),
    contingencyRecordedByRole: text('contingency_recorded_by_role'),
    contingencyOrganisationCode: text('contingency_organisation_code'),
    contingencyOrganisationName: text('contingency_organisation_name'),
    contingencyRecordedAt: timestamp('contingency_recorded_at', { withTimezone: true, mode: 'string' }),
    lastReviewedOn: date('last_reviewed_on', { mode: 'string' }),
    nextReviewDue: date('next_review_due', { mode: 'string' }).notNull(),
    /**
     * When the carer (or someone on the team) last declared the carer cannot care: from then the
     * contingency plan is the plan in force, until `carer_unavailable_until` if a date was given.
     */
    carerUnavailableSince: timestamp('carer_unavailable_since', { withTimezone: true, mode: 'string' }),
    carerUnavailableUntil: date('carer_unavailable_until', { mode: 'string' }),
    carerUnavailableReason: text('carer_unavailable_reason'),
    carerUnavailableDeclaredByName: text('carer_unavailable_declared_by_name'),
    carerUnavailableDeclaredByRole: text('carer_unavailable_declared_by_role'),
    carerUnavailableOrganisationCode: text('carer_unavailable_organisation_code'),
    carerUnavailableOrganisationName: text('carer_unavailable_organisation_name'),
    ...provenanceColumns(),
  },
  (table) => [
    uniqueIndex('care_plans_person_idx').on(table.nhsNumber),
    index('care_plans_next_review_idx').on(table.nextReviewDue),
  ],
);

/** Goals in the person's words. */
export const carePlanGoals = pgTable(
  'care_plan_goals',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').notNull(),
    description: text('description').notNull(),
    status: text('status').notNull(),
    ...provenanceColumns(),
  },
  (table) => [index('care_plan_goals_plan_idx').on(table.planId, table.recordedAt, table.id)],
);

/** Actions towards goals, each owned by an agency and a named member of the care team. */
export const carePlanActions = pgTable(
  'care_plan_actions',
  {
    id: text('id').primaryKey(),
    goalId: text('goal_id').notNull(),
    planId: text('plan_id').notNull(),
    description: text('description').notNull(),
    ownerMemberId: text('owner_member_id'),
    ownerOrganisationCode: text('owner_organisation_code').notNull(),
    ownerOrganisationName: text('owner_organisation_name').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    ...provenanceColumns(),
  },
  (table) => [
    index('care_plan_actions_goal_idx').on(table.goalId, table.dueOn, table.id),
    index('care_plan_actions_plan_idx').on(table.planId),
  ],
);

/** Reviews of a plan with the person. */
export const carePlanReviews = pgTable(
  'care_plan_reviews',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    nextReviewDue: date('next_review_due', { mode: 'string' }).notNull(),
    ...provenanceColumns(),
  },
  (table) => [index('care_plan_reviews_plan_idx').on(table.planId, table.reviewedOn.desc())],
);

/** Every change to a plan, one row per version: the plan's history and its timeline entries. */
export const carePlanChanges = pgTable(
  'care_plan_changes',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').notNull(),
    nhsNumber: text('nhs_number').notNull(),
    version: integer('version').notNull(),
    summary: text('summary').notNull(),
    ...provenanceColumns(),
  },
  (table) => [
    uniqueIndex('care_plan_changes_version_idx').on(table.planId, table.version),
    index('care_plan_changes_person_idx').on(table.nhsNumber, table.recordedAt.desc()),
  ],
);

/** Needs that call for a skill, such as insulin administration for a person with type 1 diabetes. */
export const skillNeeds = pgTable(
  'skill_needs',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    skill: text('skill').notNull(),
    because: text('because').notNull(),
    ...provenanceColumns(),
  },
  (table) => [uniqueIndex('skill_needs_person_skill_idx').on(table.nhsNumber, sql`lower(${table.skill})`)],
);

/** Referrals between agencies, as the partnership's shared referral service holds them. */
export const referrals = pgTable(
  'referrals',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    fromOrganisationCode: text('from_organisation_code').notNull(),
    fromOrganisationName: text('from_organisation_name').notNull(),
    referrer: text('referrer').notNull(),
    toOrganisationCode: text('to_organisation_code').notNull(),
    toOrganisationName: text('to_organisation_name').notNull(),
    toSector: text('to_sector').notNull(),
    service: text('service').notNull(),
    reason: text('reason').notNull(),
    priority: text('priority').notNull(),
    status: text('status').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** When the receiving organisation first answered (accepted or declined): the end of the wait. */
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'string' }),
    ...provenanceColumns(),
  },
  (table) => [
    index('referrals_person_idx').on(table.nhsNumber, table.sentAt.desc()),
    // The receiving organisation's worklist, oldest waiting first.
    index('referrals_worklist_idx').on(table.toOrganisationCode, table.sentAt, table.id),
    index('referrals_from_idx').on(table.fromOrganisationCode, table.nhsNumber),
  ],
);

/** Each referral's status changes, oldest first. */
export const referralStatusChanges = pgTable(
  'referral_status_changes',
  {
    id: text('id').primaryKey(),
    referralId: text('referral_id').notNull(),
    nhsNumber: text('nhs_number').notNull(),
    status: text('status').notNull(),
    reason: text('reason'),
    ...provenanceColumns(),
  },
  (table) => [
    index('referral_status_changes_referral_idx').on(table.referralId, table.recordedAt),
    index('referral_status_changes_person_idx').on(table.nhsNumber),
  ],
);

/** People's answers about their experience of coordinated care. */
export const experienceResponses = pgTable(
  'experience_responses',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    statementCode: text('statement_code').notNull(),
    answer: text('answer').notNull(),
    comment: text('comment'),
    answeredOn: date('answered_on', { mode: 'string' }).notNull(),
    ...provenanceColumns(),
  },
  (table) => [
    index('experience_responses_person_idx').on(table.nhsNumber, table.answeredOn.desc()),
    index('experience_responses_statement_idx').on(table.statementCode, table.nhsNumber),
  ],
);

/**
 * Who was told of each event, and whether they have read it: the inbox, and the record of every
 * delivery. One row per event and recipient, so a redelivered event tells no one twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    agency: text('agency').notNull(),
    nhsNumber: text('nhs_number').notNull(),
    recordId: text('record_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** When the write that caused the event committed. */
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
    recipientSubject: text('recipient_subject').notNull(),
    /** CARE_TEAM, COORDINATOR or CARER. */
    reason: text('reason').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
  },
  (table) => [
    uniqueIndex('notifications_event_recipient_idx').on(table.eventId, table.recipientSubject),
    index('notifications_inbox_idx').on(table.recipientSubject, table.deliveredAt.desc(), table.id),
  ],
);

/**
 * Each week's coordination measures as published: taken once, at the first reading in the week, and
 * read unchanged after, so that changing one person and reading again shows nothing, and each week's
 * noise is drawn once rather than afresh on every reading (coordinationMeasures.ts).
 */
export const measureSnapshots = pgTable(
  'measure_snapshots',
  {
    /** POPULATION or MY_CASELOAD. */
    scope: text('scope').notNull(),
    /** The coordinator whose caseload it is; empty for the population, which every reader shares. */
    holder: text('holder').notNull(),
    /** The Monday of the week the measures are for. */
    weekOf: date('week_of', { mode: 'string' }).notNull(),
    /** The day they were taken on: reviews overdue are those due before it. */
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    /** The figures as published, after the disclosure control; the exact counts are never kept. */
    figures: jsonb('figures').notNull(),
  },
  (table) => [primaryKey({ columns: [table.scope, table.holder, table.weekOf] })],
);

export const tables = {
  ...governanceTables,
  notifications,
  organisations,
  workers,
  careTeamMembers,
  carePlans,
  carePlanGoals,
  carePlanActions,
  carePlanReviews,
  carePlanChanges,
  skillNeeds,
  referrals,
  referralStatusChanges,
  experienceResponses,
  measureSnapshots,
};
export type CareCoordinationTables = typeof tables;
