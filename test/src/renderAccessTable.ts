import { categoryFields, expectedAccess } from './accessMatrix.ts';

/** The README's who-sees-what table, rendered from the same data the end-to-end test checks. */
export function renderAccessTable(): string {
  const agencies = Object.keys(categoryFields) as Array<keyof typeof categoryFields>;
  const header = `| User | ${agencies.join(' | ')} |\n| --- | ${agencies.map(() => '---').join(' | ')} |`;
  const rows = Object.entries(expectedAccess).map(([user, sees]) => {
    const cells = agencies.map((agency) => {
      const all = Object.keys(categoryFields[agency]);
      const seen = sees[agency] as readonly string[];
      if (seen.length === 0) return 'nothing';
      if (seen.length === all.length) return 'everything';
      return seen.join(', ');
    });
    return `| \`${user}\` | ${cells.join(' | ')} |`;
  });
  return [header, ...rows].join('\n');
}
