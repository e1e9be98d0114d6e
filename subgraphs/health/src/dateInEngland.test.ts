import { describe, expect, it } from 'vitest';
import { dateInEngland } from './dateInEngland.ts';

describe('dateInEngland', () => {
  it.each([
    ['2026-10-06 09:00:00+00', '2026-10-06'],
    // British Summer Time: late evening UTC is already the next day in England.
    ['2026-06-30T23:30:00Z', '2026-07-01'],
    // Greenwich Mean Time: the same moment in winter stays on its UTC day.
    ['2026-01-30T23:30:00Z', '2026-01-30'],
  ])('%s falls on %s', (moment, day) => {
    expect(dateInEngland(moment)).toBe(day);
  });
});
