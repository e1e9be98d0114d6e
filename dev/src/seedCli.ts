import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Database, openDatabase, recordSeed } from '@joined-up/kit';
import cliProgress from 'cli-progress';
import { loadAgencyModules } from './loadAgencyModules.ts';
import { dataDir } from './paths.ts';

// `npm run seed -- --people 100000`: writes the demo population into every agency's database
// (PGlite in .data/, or PostgreSQL where <AGENCY>_DATABASE_URL is set), with a progress bar.
// Seeding is deterministic and skips rows already there, so it can grow an existing database.
// Stop `npm start` first: an embedded PGlite database has one user at a time.
const { values } = parseArgs({
  options: { people: { type: 'string', default: '3000' }, agency: { type: 'string', multiple: true } },
});
const people = Number(values.people);
if (!Number.isInteger(people) || people < 2 || people > 900_000) {
  console.error(
    '--people must be a whole number from 2 to 900000 (the NHS test range holds about 909,000 valid numbers).',
  );
  process.exit(1);
}
const agencies = await loadAgencyModules();
const chosen = agencies.filter(({ module }) => !values.agency || values.agency.includes(module.agency.name));
if (chosen.length === 0) {
  console.error(`--agency must name one of: ${agencies.map(({ module }) => module.agency.name).join(', ')}`);
  process.exit(1);
}
const bars = new cliProgress.MultiBar(
  // noTTYOutput keeps progress visible in CI logs and pipes, every few seconds instead of redrawn.
  {
    format: '{agency} |{bar}| {percentage}% {value}/{total} people {duration_formatted}',
    hideCursor: true,
    clearOnComplete: false,
    noTTYOutput: true,
    notTTYSchedule: 3000,
  },
  cliProgress.Presets.shades_classic,
);
await Promise.all(
  chosen.map(async ({ module, prefix }) => {
    const name = module.agency.name;
    const bar = bars.create(people, 0, { agency: name.padEnd(16) });
    const database = await openDatabase({
      name,
      schema: module.tables,
      migrationsFolder: module.migrationsFolder,
      databaseUrl: process.env[`${prefix}_DATABASE_URL`],
      dataDir: join(dataDir, name),
    });
    try {
      await module.seed(database.db, { people, onProgress: (done) => bar.update(done) });
      await recordSeed(database.db as Database<Record<string, unknown>>, people, module.seedVersion ?? 1);
      bar.update(people);
    } finally {
      await database.close();
    }
  }),
);
bars.stop();
console.log(`Seeded ${people} people into ${chosen.map(({ module }) => module.agency.name).join(', ')}.`);
