const england = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar day (YYYY-MM-DD) a moment falls on in England. Encounters are stored in UTC, and
 * one at 23:30 UTC on 30 June took place at 00:30 on 1 July here: the day the person and their
 * clinician would name is the local one.
 */
export function dateInEngland(moment: string | Date): string {
  const parts = Object.fromEntries(england.formatToParts(new Date(moment)).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}
