/**
 * Statistical disclosure control for published counts, as NHS England applies it to its
 * statistics: counts of 1 to 7 are suppressed and every other count is rounded to the nearest 5.
 * Zero is suppressed too: a zero that turns into "suppressed" the day one person is added would
 * say that this one person has the property counted. Every figure derived from counts (a share, a
 * percentile) is decided from the published counts alone, never from the exact ones, so nothing
 * published carries more than the rounded counts do, and a suppressed count cannot be rebuilt
 * from its complement (a total less a rounded part leaves a range, not a number).
 */
export const disclosureControl = {
  /** Counts up to this are suppressed. */
  largestSuppressed: 7,
  /** Shown counts are rounded to a multiple of this. */
  roundingBase: 5,
  /** Percentiles need at least this many (published) observations: fewer would describe those few. */
  fewestForPercentiles: 20,
} as const;

/** The count as published: null when 0 to 7, otherwise rounded to the nearest 5. */
export function disclosedCount(count: number): number | null {
  if (count <= disclosureControl.largestSuppressed) return null;
  return Math.round(count / disclosureControl.roundingBase) * disclosureControl.roundingBase;
}

/** A share (0 to 1, two places) of published counts; null when either is suppressed. */
export function disclosedShare(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round(Math.min(part / whole, 1) * 100) / 100;
}

/** A percentile in whole days, shown only over enough published observations. */
export function disclosedPercentile(days: number | null, observations: number | null): number | null {
  if (days === null || observations === null || observations < disclosureControl.fewestForPercentiles) return null;
  return Math.round(days);
}
