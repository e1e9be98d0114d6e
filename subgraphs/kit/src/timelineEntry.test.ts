import { describe, expect, it } from 'vitest';
import { newestFirst, timelineEntry } from './timelineEntry.ts';

const agency = { name: 'social-care', displayName: 'Riverside Council Adult Social Care' };
const recorded = (recordedAt: string) => ({
  recordedByName: 'Daniel Moore',
  recordedByRole: 'Social worker',
  organisationCode: 'DEMOLA1',
  organisationName: 'Riverside Council Adult Social Care',
  recordedAt,
});
const entry = (localId: string, occurredOn: string, recordedAt: string) =>
  timelineEntry(agency, recorded(recordedAt), {
    localType: 'review',
    localId,
    occurredOn,
    kind: 'REVIEW',
    title: 'Planned review of care and support',
    detail: null,
  });

describe('timelineEntry', () => {
  it(
    "names the entry by agency, kind of record and the agency's " +
      "id, with the agency's name and the row's provenance",
    () => {
      expect(entry('r-1', '2026-05-12', '2026-05-12 15:00:00+00')).toEqual({
        id: 'social-care:review:r-1',
        occurredOn: '2026-05-12',
        kind: 'REVIEW',
        title: 'Planned review of care and support',
        detail: null,
        agency: 'Riverside Council Adult Social Care',
        provenance: {
          recordedBy: 'Daniel Moore',
          recordedByRole: 'Social worker',
          organisation: { code: 'DEMOLA1', name: 'Riverside Council Adult Social Care' },
          recordedAt: '2026-05-12T15:00:00.000Z',
        },
      });
    },
  );
});

describe('newestFirst', () => {
  it('orders by the day it happened, then by when it was recorded, then by id, all newest first', () => {
    const entries = [
      entry('a', '2026-01-01', '2026-01-01T09:00:00Z'),
      entry('b', '2026-03-01', '2026-03-01T09:00:00Z'),
      entry('c', '2026-03-01', '2026-03-02T09:00:00Z'),
      entry('e', '2026-03-01', '2026-03-01T09:00:00Z'),
      entry('d', '2025-12-31', '2026-06-01T09:00:00Z'),
    ];
    expect(newestFirst(entries).map((item) => item.id.split(':')[2])).toEqual(['c', 'e', 'b', 'a', 'd']);
    // The input is left as it was.
    expect(entries.map((item) => item.id.split(':')[2])).toEqual(['a', 'b', 'c', 'e', 'd']);
  });
});
