import { governanceTables, provenanceColumns } from '@joined-up/kit';
import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgTable, real, text } from 'drizzle-orm/pg-core';

/** A need an assessment found: the statutory outcome and how it affects the person. */
export interface IdentifiedNeed {
  outcome: string;
  impact: string;
}

/** One outcome of a care and support plan, in the person's words, and how it is supported. */
export interface PlanOutcome {
  inTheirWords: string;
  howSupported: string;
}

/** The council and the care providers it commissions. */
export const organisations = pgTable('organisations', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  /** CLD service components the organisation is commissioned to deliver. */
  serviceComponents: jsonb('service_components').$type<string[]>().notNull(),
});

/** Council social workers and the providers' care workers and managers. */
export const workers = pgTable(
  'workers',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    jobTitle: text('job_title').notNull(),
    role: text('role').notNull(),
    organisationCode: text('organisation_code').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull(),
  },
  (table) => [index('workers_organisation_idx').on(table.organisationCode)],
);

/** What a care worker is trained and signed off to do, and until when. */
export const competencies = pgTable(
  'competencies',
  {
    id: text('id').primaryKey(),
    workerId: text('worker_id').notNull(),
    name: text('name').notNull(),
    achievedOn: date('achieved_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    assessedBy: text('assessed_by').notNull(),
    ...provenanceColumns(),
  },
  (table) => [index('competencies_worker_idx').on(table.workerId)],
);

/** Requests for support (CLD request events). */
export const requests = pgTable(
  'requests',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    routeOfAccess: text('route_of_access').notNull(),
    outcome: text('outcome').notNull(),
    ...provenanceColumns(),
  },
  (table) => [index('requests_nhs_number_idx').on(table.nhsNumber)],
);

/**
 * Care Act assessments: needs assessments of the person (kind 'needs') and carer's assessments
 * of the person as a carer (kind 'carer', naming whom they care for). One table because both
 * record needs against the statutory outcomes and an eligibility decision.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    kind: text('kind').$type<'needs' | 'carer'>().notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    assessorId: text('assessor_id').notNull(),
    caredForNhsNumber: text('cared_for_nhs_number'),
    needs: jsonb('needs').$type<IdentifiedNeed[]>().notNull(),
    eligibility: text('eligibility').$type<'ELIGIBLE' | 'NOT_ELIGIBLE'>().notNull(),
    primarySupportReason: text('primary_support_reason'),
    summary: text('summary').notNull(),
    ...provenanceColumns(),
  },
  (table) => [index('assessments_nhs_number_idx').on(table.nhsNumber)],
);

/** Services the council arranges or funds, described in CLD terms. */
export const services = pgTable(
  'services',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    serviceType: text('service_type').notNull(),
    serviceComponent: text('service_component'),
    supportSetting: text('support_setting'),
    deliveryMechanism: text('delivery_mechanism'),
    primarySupportReason: text('primary_support_reason'),
    providerCode: text('provider_code'),
    hoursPerWeek: real('hours_per_week'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    ...provenanceColumns(),
  },
  (table) => [index('services_nhs_number_idx').on(table.nhsNumber)],
);

/** Care and support plans; the newest that has not ended is the current one. */
export const plans = pgTable(
  'plans',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    status: text('status').$type<'DRAFT' | 'AGREED' | 'UNDER_REVIEW' | 'ENDED'>().notNull(),
    agreedOn: date('agreed_on', { mode: 'string' }).notNull(),
    outcomes: jsonb('outcomes').$type<PlanOutcome[]>().notNull(),
    providerCode: text('provider_code'),
    nextReviewDue: date('next_review_due', { mode: 'string' }).notNull(),
    ...provenanceColumns(),
  },
  (table) => [
    index('plans_nhs_number_idx').on(table.nhsNumber),
    // The review-due scan reads plans by due date: the next weeks' reviews, not every plan.
    index('plans_next_review_due_idx').on(table.nextReviewDue),
  ],
);

/** Reviews of a person's care and support (CLD review events). */
export const reviews = pgTable(
  'reviews',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    reviewerId: text('reviewer_id').notNull(),
    kind: text('kind').$type<'PLANNED' | 'UNPLANNED'>().notNull(),
    outcome: text('outcome').notNull(),
    summary: text('summary').notNull(),
    nextReviewDue: date('next_review_due', { mode: 'string' }),
    /** A sensitive category (safeguarding, ...) withheld unless policy allows. */
    sensitivity: text('sensitivity'),
    ...provenanceColumns(),
  },
  (table) => [index('reviews_nhs_number_idx').on(table.nhsNumber)],
);

/** Which social worker holds each person's case; an allocation without an end is current. */
export const allocations = pgTable(
  'allocations',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    workerId: text('worker_id').notNull(),
    allocatedOn: date('allocated_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    reason: text('reason').notNull(),
    ...provenanceColumns(),
  },
  (table) => [
    // A caseload is read a page at a time in NHS number order; only current allocations count.
    index('allocations_caseload_idx')
      .on(table.workerId, table.nhsNumber, table.id)
      .where(sql`${table.endedOn} is null`),
    index('allocations_nhs_number_idx').on(table.nhsNumber),
  ],
);

/** Unpaid carers: who cares for whom, both people being Person references. */
export const unpaidCarers = pgTable(
  'unpaid_carers',
  {
    id: text('id').primaryKey(),
    caredForNhsNumber: text('cared_for_nhs_number').notNull(),
    carerNhsNumber: text('carer_nhs_number').notNull(),
    relationship: text('relationship').notNull(),
    livesWithPerson: boolean('lives_with_person').notNull(),
    carersAssessmentStatus: text('carers_assessment_status')
      .$type<'NOT_OFFERED' | 'OFFERED' | 'DECLINED' | 'COMPLETED'>()
      .notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    ...provenanceColumns(),
  },
  (table) => [
    index('unpaid_carers_cared_for_idx').on(table.caredForNhsNumber),
    index('unpaid_carers_carer_idx').on(table.carerNhsNumber),
  ],
);

/** Care workers assigned to support a person. */
export const careWorkerAssignments = pgTable(
  'care_worker_assignments',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    workerId: text('worker_id').notNull(),
    role: text('role').notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    ...provenanceColumns(),
  },
  (table) => [index('care_worker_assignments_nhs_number_idx').on(table.nhsNumber)],
);

export const tables = {
  ...governanceTables,
  organisations,
  workers,
  competencies,
  requests,
  assessments,
  services,
  plans,
  reviews,
  allocations,
  unpaidCarers,
  careWorkerAssignments,
};
export type SocialCareTables = typeof tables;
