import type { Random } from './createRandom.ts';

const pad = (value: number) => String(value).padStart(2, '0');

/** A date in the given years; days stop at 28 so that every month has them. */
export function randomDate(random: Random, fromYear: number, toYear: number, lastMonth = 12): string {
  return `${random.int(fromYear, toYear)}-${pad(random.int(1, lastMonth))}-${pad(random.int(1, 28))}`;
}

/** The same day `months` later (or earlier when negative), for dates whose day is at most 28. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-${pad(day)}`;
}
