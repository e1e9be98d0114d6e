import { measureAppRecord } from './measureAppRecord.ts';
import { printAppRecord } from './report.ts';

// `npm run bench:app [-- --openings N]`: the web app's part of `npm run bench` alone. Sam's record
// opened in Debian's Chromium, built app and whole federation in this process; never a timed test.
const at = process.argv.indexOf('--openings');
const openings = at === -1 ? 20 : Number(process.argv[at + 1]);
if (!Number.isInteger(openings) || openings < 1) {
  console.error('Usage: npm run bench:app [-- --openings N] (N a whole number from 1)');
  process.exit(2);
}
const result = await measureAppRecord({ openings });
printAppRecord(result);
console.log(
  `\nEach opening, ms: ${result.openings.map(Math.round).join(', ')}; ${result.requests} requests on the first visit.`,
);
