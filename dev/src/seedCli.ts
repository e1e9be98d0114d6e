import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSubgraphList } from '@joined-up/schema';
import { maxPopulationSize } from '@joined-up/population';
import cliProgress from 'cli-progress';

// `npm run seed -- --people 100000 [--agency health ...]`: writes the demo population into every
// agency's database (PGlite in .data/, or PostgreSQL where <AGENCY>_DATABASE_URL is set), with a
// progress bar each. Every agency seeds through its own entry point (`main.ts --seed <people>`),
// in parallel, as an agency outside this repository would with its own image. Seeding is
// deterministic and skips rows already there, so it can grow an existing database. Stop
// `npm start` first: an embedded PGlite database has one user at a time.
const { values } = parseArgs({
  options: { people: { type: 'string', default: '3000' }, agency: { type: 'string', multiple: true } },
});
const people = Number(values.people);
if (!Number.isInteger(people) || people < 2 || people > maxPopulationSize) {
  console.error(
    `--people must be a whole number from 2 to ` +
      `${maxPopulationSize} (the NHS test range holds about 909,000 ` +
      `valid numbers).`,
  );
  process.exit(1);
}
const root = fileURLToPath(new URL('../../', import.meta.url));
const agencies = readSubgraphList().filter((entry) => entry.package !== undefined);
const chosen = agencies.filter((entry) => !values.agency || values.agency.includes(entry.name));
if (chosen.length === 0) {
  console.error(`--agency must name one of: ${agencies.map((entry) => entry.name).join(', ')}`);
  process.exit(1);
}
const resolve = createRequire(import.meta.url).resolve;
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
const failures: string[] = [];
await Promise.all(
  chosen.map(async (entry) => {
    const bar = bars.create(people, 0, { agency: entry.name.padEnd(16) });
    const folder = dirname(resolve(`${entry.package}/package.json`));
    const child = spawn(
      process.execPath,
      ['--conditions=@joined-up/source', '--import', 'tsx', join(folder, 'src/main.ts'), '--seed', String(people)],
      // From the repository root, so each agency's PGlite folder is the one `npm start` uses.
      { cwd: root, env: { ...process.env, JOINED_UP_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const progress = /^\{"seeded":(\d+),"total":\d+\}$/.exec(line);
        if (progress) bar.update(Number(progress[1]));
        else output += `${line}\n`;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    if (code === 0) bar.update(people);
    else failures.push(`${entry.name} failed (exit ${code}):\n${output.trim()}`);
  }),
);
bars.stop();
if (failures.length > 0) {
  console.error(failures.join('\n\n'));
  process.exit(1);
}
console.log(`Seeded ${people} people into ${chosen.map((entry) => entry.name).join(', ')}.`);
