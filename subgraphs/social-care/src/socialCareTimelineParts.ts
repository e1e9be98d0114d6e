import {
  type Granted,
  type ProvenanceRow,
  type SubgraphContext,
  type TimelineEntry,
  timelineEntry,
  withholdSensitive,
} from '@joined-up/kit';
import type { SocialCareLoaders } from './createLoaders.ts';
import type { assessments, SocialCareTables } from './tables.ts';

type Context = SubgraphContext<SocialCareTables, SocialCareLoaders>;
type AssessmentRow = typeof assessments.$inferSelect;

/**
 * The council's part of a person's joined-up timeline, one part per policy category, for the
 * guard to build only those the caller may see. Every part reads through the request's loaders
 * (needs and carer's assessments share one), so a timeline costs at most three statements
 * however many people are asked for.
 */
export function socialCareTimelineParts(
  nhsNumber: string,
  context: Context,
): Record<string, (decision: Granted) => Promise<TimelineEntry[]>> {
  const entry = (row: ProvenanceRow, details: Parameters<typeof timelineEntry>[2]) =>
    timelineEntry(context.agency, row, details);
  const assessmentsOf = async (kind: AssessmentRow['kind']) =>
    (await context.loaders.assessments.load(nhsNumber)).filter((row) => row.kind === kind);
  return {
    requests: async () =>
      (await context.loaders.requests.load(nhsNumber)).map((row) =>
        entry(row, {
          localType: 'request',
          localId: row.id,
          occurredOn: row.requestedOn,
          kind: 'REQUEST',
          title: 'Request for support',
          detail: `Outcome: ${row.outcome}. Route: ${row.routeOfAccess}.`,
        }),
      ),
    'needs-assessments': async () =>
      (await assessmentsOf('needs')).map((row) =>
        entry(row, {
          localType: 'needs-assessment',
          localId: row.id,
          occurredOn: row.assessedOn,
          kind: 'ASSESSMENT',
          title: 'Care Act needs assessment',
          detail: row.summary,
        }),
      ),
    // A carer's assessment is held on the carer's own record: it is the carer's event, not the cared-for person's.
    'carers-assessments': async () =>
      (await assessmentsOf('carer')).map((row) =>
        entry(row, {
          localType: 'carers-assessment',
          localId: row.id,
          occurredOn: row.assessedOn,
          kind: 'ASSESSMENT',
          title: "Carer's assessment",
          detail: row.summary,
        }),
      ),
    reviews: async (decision) =>
      withholdSensitive(await context.loaders.reviews.load(nhsNumber), decision).map((row) =>
        entry(row, {
          localType: 'review',
          localId: row.id,
          occurredOn: row.reviewedOn,
          kind: 'REVIEW',
          title: `${row.kind === 'PLANNED' ? 'Planned' : 'Unplanned'} review of care and support`,
          detail: row.summary,
        }),
      ),
  };
}
