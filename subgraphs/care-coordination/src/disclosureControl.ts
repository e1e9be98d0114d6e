import { randomInt } from 'node:crypto';

/**
 * Statistical disclosure control for published counts. NHS England's rule (counts of 1 to 7
 * suppressed, every other count rounded to the nearest 5) alone still leaks to a reader who can
 * change the population: any fixed rounding moves when one person crosses a boundary, one change in
 * five, and then says for certain that this person has the property counted. So each count first
 * takes noise (Laplace, as differential privacy adds it) drawn once for the week's publication, and
 * the noisy count is suppressed or rounded: a published figure then moves from week to week whether
 * or not anyone's status changed, and a move says little about one person (disclosureControl.test.ts
 * measures how little). Zero is suppressed too, and every figure derived from counts (a share, a
 * percentile) is decided from the published counts alone, never from the exact ones.
 */
export const disclosureControl = {
  /** Counts up to this (after noise) are suppressed. */
  largestSuppressed: 7,
  /** Shown counts are rounded to a multiple of this. */
  roundingBase: 5,
  /** The Laplace scale of a count's noise: one person moves a count by 1, so ε = 1/3 a count a week. */
  countNoise: 3,
  /** The Laplace scale, in days, of a percentile's noise: one referral moves a percentile by about a day. */
  percentileNoise: 1,
  /** Percentiles need at least this many (published) observations: fewer would describe those few. */
  fewestForPercentiles: 20,
} as const;

/** A source of noise: a new value on each call. */
export type Noise = () => number;

/** A uniform draw strictly between 0 and 1, from the operating system's secure generator. */
function uniform(): number {
  return randomInt(1, 2 ** 47) / 2 ** 47;
}

/** Laplace noise of the given scale: no reader can predict it or replay its generator's state. */
export function laplaceNoise(scale: number, draw: () => number = uniform): number {
  const centred = draw() - 0.5;
  return -scale * Math.sign(centred) * Math.log(1 - 2 * Math.abs(centred));
}

const countNoise: Noise = () => laplaceNoise(disclosureControl.countNoise);
const percentileNoise: Noise = () => laplaceNoise(disclosureControl.percentileNoise);

/** The count as published: with noise added, null when 7 or less, otherwise rounded to the nearest 5. */
export function disclosedCount(count: number, noise: Noise = countNoise): number | null {
  const noisy = count + noise();
  if (noisy <= disclosureControl.largestSuppressed + 0.5) return null;
  return Math.round(noisy / disclosureControl.roundingBase) * disclosureControl.roundingBase;
}

/** A share (0 to 1, two places) of published counts; null when either is suppressed. */
export function disclosedShare(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round(Math.min(part / whole, 1) * 100) / 100;
}

/** A percentile in whole days, with noise, shown only over enough published observations. */
export function disclosedPercentile(
  days: number | null,
  observations: number | null,
  noise: Noise = percentileNoise,
): number | null {
  if (days === null || observations === null || observations < disclosureControl.fewestForPercentiles) return null;
  return Math.max(0, Math.round(days + noise()));
}
