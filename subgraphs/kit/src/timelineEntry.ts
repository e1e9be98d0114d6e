import type { Agency } from './createSubgraphServer.ts';
import { type ProvenanceRow, provenanceOf } from './provenanceColumns.ts';

/**
 * What kind of event a timeline entry records. The kinds the first agencies use are listed so
 * their code is checked; the shared SDL has a string, so an agency may add its own kinds.
 */
export type TimelineEntryKind =
  | 'ENCOUNTER'
  | 'ASSESSMENT'
  | 'REVIEW'
  | 'REFERRAL'
  | 'ENGAGEMENT'
  | 'CONVERSATION'
  | 'REQUEST'
  | 'PLAN_CHANGE'
  | (string & {});

/**
 * One event of a person's care as an agency contributes it to the joined-up timeline (the shared TimelineEntry type).
 */
export interface TimelineEntry {
  id: string;
  occurredOn: string;
  kind: TimelineEntryKind;
  title: string;
  detail: string | null;
  agency: string;
  provenance: ReturnType<typeof provenanceOf>;
}

/**
 * A timeline entry for one of the agency's rows. The id is `<agency>:<local type>:<local id>`,
 * so entries from every agency can be merged without two sharing an id.
 */
export function timelineEntry(
  agency: Agency,
  row: ProvenanceRow,
  entry: {
    localType: string;
    localId: string;
    occurredOn: string;
    kind: TimelineEntryKind;
    title: string;
    detail: string | null;
  },
): TimelineEntry {
  return {
    id: `${agency.name}:${entry.localType}:${entry.localId}`,
    occurredOn: entry.occurredOn,
    kind: entry.kind,
    title: entry.title,
    detail: entry.detail,
    agency: agency.displayName,
    provenance: provenanceOf(row),
  };
}

/**
 * Entries in timeline order: newest first by the day it happened, then by when it was recorded,
 * then by id, so that merging agencies' timelines gives one stable order. Dates and times are
 * ISO 8601 in UTC, so comparing the text compares the moments.
 */
export function newestFirst(entries: readonly TimelineEntry[]): TimelineEntry[] {
  const descending = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return [...entries].sort(
    (a, b) =>
      descending(a.occurredOn, b.occurredOn) ||
      descending(a.provenance.recordedAt, b.provenance.recordedAt) ||
      descending(a.id, b.id),
  );
}
