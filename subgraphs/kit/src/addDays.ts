/** The calendar date `days` after `date` (both YYYY-MM-DD), counted in UTC so no clock change shifts it. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
