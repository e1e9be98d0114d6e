import { type BreakGlassReviewOutcome, breakGlassReviewOutcomes, type breakGlassReviews } from './breakGlassReviews.ts';

/** The GraphQL enum's value for each stored outcome, and back. */
export const outcomeValues: Record<BreakGlassReviewOutcome, string> = {
  justified: 'JUSTIFIED',
  'not-justified': 'NOT_JUSTIFIED',
  referred: 'REFERRED',
};

export function outcomeFromValue(value: string): BreakGlassReviewOutcome | undefined {
  return breakGlassReviewOutcomes.find((outcome) => outcomeValues[outcome] === value);
}

/**
 * A stored review as the BreakGlassReview type answers it. The note is the officer's working note
 * and may speak of the professional's conduct: only privacy officers are shown it (`showNote`).
 */
export function toBreakGlassReview(row: typeof breakGlassReviews.$inferSelect, showNote: boolean) {
  return {
    declarationId: String(row.declarationId),
    outcome: outcomeValues[row.outcome as BreakGlassReviewOutcome] ?? row.outcome.toUpperCase(),
    note: showNote ? row.note : null,
    reviewerName: row.reviewerName,
    organisation: { code: row.reviewerOrganisationCode, name: row.reviewerOrganisationName },
    reviewedAt: new Date(row.reviewedAt).toISOString(),
  };
}
