import type { MyAccessLogPageFragment } from '../generated/operations.ts';

export type AccessEntry = MyAccessLogPageFragment['edges'][number]['node'];

/** One agency's page of its access log, as the graph returned it (null when refused or unreachable). */
export interface AgencyLog {
  /** The agency that holds and audits this part of the record. */
  agency: string;
  page: MyAccessLogPageFragment | null | undefined;
}

/** Every agency's accesses as one list, newest first, each with the agency whose audit recorded it. */
export interface MergedLog {
  entries: Array<AccessEntry & { heldBy: string }>;
  /**
   * When an agency has more entries than the page it sent, the merged list is complete only back to
   * that page's oldest entry: older entries from the others are left out, and this is that moment.
   */
  completeSince: string | undefined;
}

/**
 * Merges each agency's newest-first page into one newest-first list. Entries older than the oldest
 * one of any agency that has more to give are dropped, so the list never shows a gap as if it were
 * the whole story.
 */
export function mergeAccessLogs(logs: AgencyLog[]): MergedLog {
  let completeSince: string | undefined;
  for (const { page } of logs) {
    const last = page?.edges.at(-1)?.node.occurredAt;
    if (page?.pageInfo.hasNextPage && last && (!completeSince || Date.parse(last) > Date.parse(completeSince)))
      completeSince = last;
  }
  const entries = logs
    .flatMap(({ agency, page }) => (page?.edges ?? []).map(({ node }) => ({ ...node, heldBy: agency })))
    .filter((entry) => !completeSince || Date.parse(entry.occurredAt) >= Date.parse(completeSince))
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || a.heldBy.localeCompare(b.heldBy));
  return { entries, completeSince };
}
