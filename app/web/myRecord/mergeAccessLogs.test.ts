import { describe, expect, it } from 'vitest';
import type { MyAccessLogPageFragment } from '../generated/operations.ts';
import { mergeAccessLogs } from './mergeAccessLogs.ts';

const event = (id: string, occurredAt: string): MyAccessLogPageFragment['edges'][number]['node'] => ({
  id,
  occurredAt,
  agency: 'x',
  actorName: 'Dr Priya Shah',
  actorRole: 'gp',
  organisation: { name: 'Riverside Medical Centre' },
  action: 'READ',
  categories: ['problems'],
  breakGlass: false,
  breakGlassReason: null,
  breakGlassDeclared: false,
  breakGlassReview: null,
});
const page = (events: ReturnType<typeof event>[], hasNextPage = false): MyAccessLogPageFragment => ({
  edges: events.map((node) => ({ node })),
  pageInfo: { hasNextPage },
});

describe('mergeAccessLogs', () => {
  it('merges every agency into one list, newest first, each entry naming its agency', () => {
    const merged = mergeAccessLogs([
      { agency: 'Health', page: page([event('h2', '2026-12-03T10:00:00Z'), event('h1', '2026-12-01T10:00:00Z')]) },
      { agency: 'Social care', page: page([event('s1', '2026-12-02T10:00:00Z')]) },
      { agency: 'Hospital', page: null },
    ]);
    expect(merged.entries.map((entry) => [entry.id, entry.heldBy])).toEqual([
      ['h2', 'Health'],
      ['s1', 'Social care'],
      ['h1', 'Health'],
    ]);
    expect(merged.completeSince).toBeUndefined();
  });

  it('stops at the oldest entry of an agency with more to give, so no gap looks like the whole story', () => {
    const merged = mergeAccessLogs([
      {
        agency: 'Health',
        page: page([event('h2', '2026-12-03T10:00:00Z'), event('h1', '2026-12-02T10:00:00Z')], true),
      },
      { agency: 'Social care', page: page([event('s2', '2026-12-02T12:00:00Z'), event('s1', '2026-11-01T10:00:00Z')]) },
    ]);
    expect(merged.entries.map((entry) => entry.id)).toEqual(['h2', 's2', 'h1']);
    expect(merged.completeSince).toBe('2026-12-02T10:00:00Z');
  });
});
