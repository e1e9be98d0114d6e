import { type Caller, createError } from '@joined-up/core';
import { eq } from 'drizzle-orm';
import type { Database } from '../openDatabase.ts';
import type { SubgraphMetrics } from '../SubgraphMetrics.ts';
import type { AgencyPolicy } from './AgencyPolicy.ts';
import { auditEvents } from './auditEvents.ts';
import { breakGlassReviews } from './breakGlassReviews.ts';
import { type AuditTrail, auditRow } from './createAuditTrail.ts';
import { isPrivacyOfficer } from './loadConsentFacts.ts';
import { outcomeFromValue, toBreakGlassReview } from './toBreakGlassReview.ts';

/** What the review's own audit row says was written: the review of an emergency access to the person's record. */
export const breakGlassReviewCategory = 'break-glass-review';
const maxNoteLength = 2000;

/**
 * Records the privacy officer's review of one break-glass declaration, with its audit row, in one
 * transaction. A declaration is reviewed once, and its id is the review's key: two officers
 * reviewing at once both insert, the key makes the second wait for the first and then find its
 * review, so nothing is overwritten. The same review again (a retry: same officer, outcome and
 * note) is answered with the stored one and writes nothing; any other is CONFLICT, naming the
 * review that stands.
 */
export async function reviewBreakGlass(
  context: {
    caller: Caller;
    requestId: string;
    correlationId?: string | undefined;
    db: Database<Record<string, unknown>>;
    agency: { displayName: string };
    audit: AuditTrail;
    metrics?: SubgraphMetrics | undefined;
  },
  policy: AgencyPolicy,
  args: { declarationId: string; outcome: string; note: string },
) {
  const agency = context.agency.displayName;
  if (!isPrivacyOfficer(policy, context.caller) || context.caller.purpose !== 'direct-care') {
    const refusal = `${agency} takes reviews of its break-glass accesses only from its privacy officer.`;
    throw createError('FORBIDDEN', refusal, { agency });
  }
  const input = checkedInput(args);
  const [declaration] = await context.db
    .select({ nhsNumber: auditEvents.nhsNumber, declared: auditEvents.breakGlassDeclared })
    .from(auditEvents)
    .where(eq(auditEvents.id, input.declarationId));
  if (!declaration?.declared) {
    throw createError(
      'NOT_FOUND',
      `${agency}'s audit has no break-glass declaration ${args.declarationId}` +
        (declaration ? ': that access fell under one, named by its breakGlassDeclarationId.' : '.'),
      { agency, argumentName: 'declarationId' },
    );
  }
  const { caller } = context;
  const outcome = await context.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(breakGlassReviews)
      .values({
        declarationId: input.declarationId,
        nhsNumber: declaration.nhsNumber,
        outcome: input.outcome,
        note: input.note,
        reviewerSubject: caller.subject,
        reviewerName: caller.name,
        reviewerRole: caller.role,
        reviewerOrganisationCode: caller.organisation.code,
        reviewerOrganisationName: caller.organisation.name,
        requestId: context.requestId,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      // The audit row commits with the review or not at all: no review is made unrecorded.
      const row = auditRow(context, declaration.nhsNumber, [breakGlassReviewCategory], 'write');
      await tx.insert(auditEvents).values(row);
      return { review: inserted, row };
    }
    const [stored] = await tx
      .select()
      .from(breakGlassReviews)
      .where(eq(breakGlassReviews.declarationId, input.declarationId));
    return { review: stored!, row: undefined };
  });
  if (outcome.row) {
    context.metrics?.audited([outcome.row]);
    return { review: toBreakGlassReview(outcome.review, true), replayed: false };
  }
  // What the officer is shown of the review that stands is a read of the person's access log.
  context.audit.record(declaration.nhsNumber, 'access-log');
  const stored = outcome.review;
  const review = toBreakGlassReview(stored, true);
  if (stored.reviewerSubject === caller.subject && stored.outcome === input.outcome && stored.note === input.note) {
    return { review, replayed: true };
  }
  throw createError(
    'CONFLICT',
    `Break-glass declaration ${args.declarationId} was already reviewed ` +
      `(${review.outcome}, by ${review.reviewerName} at ${review.reviewedAt}); a review is not changed once made.`,
    {
      agency,
      argumentName: 'declarationId',
      current: { outcome: review.outcome, reviewerName: review.reviewerName, reviewedAt: review.reviewedAt },
    },
  );
}

function checkedInput(args: { declarationId: string; outcome: string; note: string }) {
  if (!/^\d{1,15}$/.test(args.declarationId)) {
    throw createError(
      'BAD_USER_INPUT',
      'Argument "declarationId" must be the id (digits) of a break-glass declaration.',
      {
        argumentName: 'declarationId',
      },
    );
  }
  const outcome = outcomeFromValue(args.outcome);
  if (!outcome) {
    throw createError('BAD_USER_INPUT', 'Argument "outcome" must be JUSTIFIED, NOT_JUSTIFIED or REFERRED.', {
      argumentName: 'outcome',
    });
  }
  const note = args.note.trim();
  if (note.length < 1 || note.length > maxNoteLength) {
    throw createError('BAD_USER_INPUT', `Argument "note" must be 1 to ${maxNoteLength} characters.`, {
      argumentName: 'note',
    });
  }
  return { declarationId: Number(args.declarationId), outcome, note };
}
