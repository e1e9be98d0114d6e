import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSubgraphList } from '@joined-up/schema';

// `npm run audit:verify -- <agency>`: verifies the hash chain of that agency's audit (PGlite in
// .data/, or PostgreSQL where <AGENCY>_DATABASE_URL is set) and names the first broken link;
// exits 1 when one is. It runs through the agency's own entry point (`main.ts --verify-audit`), as
// an agency outside this repository would with its own image (`node dist/main.js --verify-audit`).
// Stop `npm start` first when using PGlite (one process at a time).
const root = fileURLToPath(new URL('../../', import.meta.url));
const agencies = readSubgraphList().filter((entry) => entry.package !== undefined);
const name = process.argv[2];
const agency = agencies.find((entry) => entry.name === name);
if (!agency?.package) {
  console.error(`Name the agency whose audit to verify: one of ${agencies.map((entry) => entry.name).join(', ')}.`);
  process.exit(2);
}
// Each agency's package lives in subgraphs/<name> (its package.json exports no files by path).
const folder = join(root, 'subgraphs', agency.name);
const child = spawn(
  process.execPath,
  ['--conditions=@joined-up/source', '--import', 'tsx', join(folder, 'src/main.ts'), '--verify-audit'],
  { cwd: root, env: { ...process.env, JOINED_UP_LOG_LEVEL: 'warn' }, stdio: 'inherit' },
);
process.exitCode = (await new Promise<number | null>((done) => child.once('exit', done))) ?? 1;
