import { sql } from 'drizzle-orm';
import { bigint, check, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** What a privacy officer found an emergency access to be, as stored (the GraphQL enum in lower case). */
export const breakGlassReviewOutcomes = ['justified', 'not-justified', 'referred'] as const;
export type BreakGlassReviewOutcome = (typeof breakGlassReviewOutcomes)[number];

/**
 * The privacy officer's review of a break-glass declaration: one row per declaration, keyed by the
 * audit event that declared it, so that a declaration is reviewed once and a second, different
 * review is refused by the key rather than overwriting the first. The audit itself is append-only
 * and hash-chained, so a review lives here, beside it, and the review's own write is in the audit.
 */
export const breakGlassReviews = pgTable(
  'break_glass_reviews',
  {
    /** The id of the audit event that declared the emergency (audit_events.break_glass_declared). */
    declarationId: bigint('declaration_id', { mode: 'number' }).primaryKey(),
    /** Whose record the emergency opened, as the declaration's audit event says. */
    nhsNumber: text('nhs_number').notNull(),
    outcome: text('outcome').notNull(),
    note: text('note').notNull(),
    reviewerSubject: text('reviewer_subject').notNull(),
    reviewerName: text('reviewer_name').notNull(),
    reviewerRole: text('reviewer_role').notNull(),
    reviewerOrganisationCode: text('reviewer_organisation_code').notNull(),
    reviewerOrganisationName: text('reviewer_organisation_name').notNull(),
    /** The gateway's id of the request that made the review, as in the audit row it wrote. */
    requestId: text('request_id').notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'break_glass_reviews_outcome',
      sql`${table.outcome} in (${sql.raw(breakGlassReviewOutcomes.map((outcome) => `'${outcome}'`).join(', '))})`,
    ),
  ],
);
