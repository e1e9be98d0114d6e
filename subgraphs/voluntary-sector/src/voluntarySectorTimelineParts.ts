import {
  type Granted,
  type ProvenanceRow,
  type SubgraphContext,
  type TimelineEntry,
  timelineEntry,
  withholdSensitive,
} from '@joined-up/kit';
import type { ReferralStatusChangeRow, VoluntarySectorLoaders } from './createLoaders.ts';
import type { VoluntarySectorTables } from './tables.ts';

type Context = SubgraphContext<VoluntarySectorTables, VoluntarySectorLoaders>;

const statusWords: Record<string, string> = {
  SENT: 'sent',
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  COMPLETED: 'completed',
};

/** What a referral's change of status adds to its title: why it was made, who took it on, why it was declined. */
function referralDetail(change: ReferralStatusChangeRow): string | null {
  if (change.status === 'SENT') return `Referred by ${change.changedBy}: ${change.referralReason}`;
  if (change.status === 'DECLINED') return change.reason;
  return `${change.status === 'ACCEPTED' ? 'Accepted' : 'Completed'} by ${change.changedBy}.`;
}

/**
 * The partnership's part of a person's joined-up timeline, one part per policy category, for the
 * guard to build only those the caller may see. A referral is an entry for each change of its
 * status, so the timeline shows when it was sent and when it was taken on. Every part reads
 * through the request's loaders: at most three statements however many people are asked for.
 */
export function voluntarySectorTimelineParts(
  nhsNumber: string,
  context: Context,
): Record<string, (decision: Granted) => Promise<TimelineEntry[]>> {
  const entry = (row: ProvenanceRow, details: Parameters<typeof timelineEntry>[2]) =>
    timelineEntry(context.agency, row, details);
  return {
    referrals: async () =>
      (await context.loaders.referralStatusChangesByPerson.load(nhsNumber)).map((change) =>
        entry(change, {
          localType: 'referral-status-change',
          localId: change.id,
          occurredOn: change.changedOn,
          kind: 'REFERRAL',
          title: `Referral to ${change.referredToName} ${statusWords[change.status] ?? change.status.toLowerCase()}`,
          detail: referralDetail(change),
        }),
      ),
    engagements: async (decision) =>
      withholdSensitive(await context.loaders.engagements.load(nhsNumber), decision).map((row) =>
        entry(row, {
          localType: 'engagement',
          localId: row.id,
          occurredOn: row.occurredOn,
          kind: 'ENGAGEMENT',
          title: row.attended ? row.activity : `${row.activity}: did not attend`,
          detail: row.notes,
        }),
      ),
    'what-matters': async () =>
      (await context.loaders.whatMatters.load(nhsNumber)).map((row) =>
        entry(row, {
          localType: 'what-matters',
          localId: row.id,
          occurredOn: row.heldOn,
          kind: 'CONVERSATION',
          title: '“What matters to me” conversation',
          detail: `What matters: ${row.whatMatters.join('; ')}.`,
        }),
      ),
  };
}
