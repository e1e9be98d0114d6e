import {
  decodeCursor,
  encodeCursor,
  isIsoDate,
  isTimestamp,
  newestFirst,
  pageSize,
  provenanceOf,
  type TimelineEntry,
} from '@joined-up/kit';
import type { Context } from './context.ts';

/** The Person as the gateway sends it for the timeline: each agency's part, null where it refused or was down. */
export interface TimelineParent {
  nhsNumber: string;
  healthTimeline?: TimelineEntry[] | null;
  socialCareTimeline?: TimelineEntry[] | null;
  voluntarySectorTimeline?: TimelineEntry[] | null;
}

const statusWords: Record<string, string> = {
  SENT: 'sent',
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  COMPLETED: 'completed',
};

// The kit's order (date, then recording time, then id, compared as text) is what the cursor encodes.
const sortKey = (entry: TimelineEntry) => `${entry.occurredOn}|${entry.provenance.recordedAt}`;
const isSortKey = (key: string) => {
  const [date, time, rest] = key.split('|');
  return rest === undefined && date !== undefined && time !== undefined && isIsoDate(date) && isTimestamp(time);
};

/**
 * The partnership's own entries: plan changes (for a caller who may see the plan) and referral
 * status changes (all of them for the care team; only their organisation's for a referral party).
 * Each included category is recorded in the audit.
 */
async function ownEntries(nhsNumber: string, context: Context): Promise<TimelineEntry[]> {
  const agency = context.agency.displayName;
  const [plan, allReferrals, ownReferrals] = await Promise.all(
    ['care-plan', 'referrals', 'own-referrals'].map((category) => context.access.decide(nhsNumber, category)),
  );
  const referralsAllowed = Boolean(allReferrals?.allowed || ownReferrals?.allowed);
  // Each list is asked for at once, so that the request's batcher reads them in one statement.
  const [planChanges, referralRows, statusChanges] = await Promise.all([
    plan?.allowed ? context.loaders.planChangesOf.load(nhsNumber) : [],
    referralsAllowed ? context.loaders.referrals.load(nhsNumber) : [],
    referralsAllowed ? context.loaders.statusChangesOf.load(nhsNumber) : [],
  ]);
  const entries: TimelineEntry[] = [];
  if (plan?.allowed) {
    context.audit.record(nhsNumber, 'care-plan');
    for (const change of planChanges) {
      const provenance = provenanceOf(change);
      entries.push({
        id: `care-coordination:plan-change:${change.id}`,
        occurredOn: provenance.recordedAt.slice(0, 10),
        kind: 'PLAN_CHANGE' as const,
        title: change.summary,
        detail: `Plan version ${change.version}`,
        agency,
        provenance,
      });
    }
  }
  if (referralsAllowed) {
    context.audit.record(nhsNumber, allReferrals?.allowed ? 'referrals' : 'own-referrals');
    const organisation = context.caller.organisation.code;
    const referrals = new Map(
      referralRows
        .filter(
          (referral) =>
            allReferrals?.allowed ||
            referral.fromOrganisationCode === organisation ||
            referral.toOrganisationCode === organisation,
        )
        .map((referral) => [referral.id, referral]),
    );
    for (const change of statusChanges) {
      const referral = referrals.get(change.referralId);
      if (!referral) continue;
      const provenance = provenanceOf(change);
      entries.push({
        id: `care-coordination:referral-status:${change.id}`,
        occurredOn: provenance.recordedAt.slice(0, 10),
        kind: 'REFERRAL' as const,
        title:
          `${referral.service} referral from ` +
          `${referral.fromOrganisationName} to ` +
          `${referral.toOrganisationName}: ` +
          `${statusWords[change.status] ?? change.status.toLowerCase()}`,
        detail: change.status === 'SENT' ? referral.reason : change.reason,
        agency,
        provenance,
      });
    }
  }
  return entries;
}

/**
 * The joined-up timeline: the partnership's own entries merged with what health, social care and
 * the voluntary sector each sent (already filtered by their own policies), newest first, one page
 * at a time. The cursor is the last entry's date, recording time and id.
 */
export async function timeline(
  person: TimelineParent,
  args: { first?: number | null; after?: string | null },
  context: Context,
) {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, isSortKey);
  const entries = newestFirst([
    ...(person.healthTimeline ?? []),
    ...(person.socialCareTimeline ?? []),
    ...(person.voluntarySectorTimeline ?? []),
    ...(await ownEntries(person.nhsNumber, context)),
  ]);
  const start = after
    ? entries.findIndex((entry) => (sortKey(entry) === after.key ? entry.id < after.id : sortKey(entry) < after.key))
    : 0;
  const page = start === -1 ? [] : entries.slice(start, start + size);
  const edges = page.map((node) => ({ cursor: encodeCursor({ key: sortKey(node), id: node.id }), node }));
  return {
    edges,
    pageInfo: { hasNextPage: start !== -1 && entries.length > start + size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
