import { pathToFileURL } from 'node:url';
import cliProgress from 'cli-progress';
import { directorySubgraph } from '@joined-up/schema';
import { benchDatabases } from './benchDatabases.ts';
import { benchAgencies, benchFederationSettings } from './benchFederation.ts';

// A child process of the benchmark: the identity provider and every agency subgraph on
// PostgreSQL, at the ports subgraphs.json gives them (so the committed supergraph serves every
// gateway under test unchanged), seeded to the scale asked for on first use. It answers the
// parent's requests for SQL statement counts over IPC. Given a second repository root and a port
// offset, it runs that tree's agencies instead (the before system), that far above the usual ports.
const [peopleArgument = '', systemRoot, portOffsetArgument = '0'] = process.argv.slice(2);
const people = Number(peopleArgument);
const portOffset = Number(portOffsetArgument);
const { generateSigningKey } = (await (systemRoot
  ? import(pathToFileURL(`${systemRoot}dev/src/index.ts`).href)
  : import('@joined-up/dev'))) as typeof import('@joined-up/dev');
const { startFederation } = (await (systemRoot
  ? import(pathToFileURL(`${systemRoot}dev/src/federation.ts`).href)
  : import('@joined-up/dev/federation'))) as typeof import('@joined-up/dev/federation');
// Today's system has the hospital too, on PostgreSQL like the others (on the embedded PGlite it
// would share this process's CPU with the agencies under test); the before system had four.
const agencies = systemRoot ? benchAgencies.filter((name) => name !== 'hospital') : benchAgencies;
const databaseUrls = await benchDatabases(agencies, people, systemRoot ? 'before' : '');
const bars = new cliProgress.MultiBar(
  {
    format: '  seeding {agency} |{bar}| {value}/{total} people {duration_formatted}',
    hideCursor: true,
    clearOnComplete: false,
    noTTYOutput: true,
    notTTYSchedule: 5000,
    stream: process.stderr,
  },
  cliProgress.Presets.shades_classic,
);
const federation = await startFederation({
  ports: {
    gateway: 0,
    identity: 4100 + portOffset,
    // The gateways under test other than ours reach the directory (person, people) over HTTP, at
    // the URL the supergraph records for it; ours runs it in its own process.
    directory: Number(new URL(directorySubgraph.url).port) + portOffset,
    subgraphs: {
      health: 4001 + portOffset,
      'social-care': 4002 + portOffset,
      'voluntary-sector': 4003 + portOffset,
      'care-coordination': 4004 + portOffset,
      hospital: 4005 + portOffset,
    },
  },
  databaseUrls,
  people,
  key: await generateSigningKey(),
  ...benchFederationSettings,
  onSeedProgress: (agency) => {
    let bar: cliProgress.SingleBar | undefined;
    return (done: number) => {
      bar ??= bars.create(people, 0, { agency: agency.padEnd(17) });
      bar.update(done);
    };
  },
  // The federation's own gateway is idle: the gateways under test run in their own processes.
  gateway: { rateLimit: { limit: 1, windowSeconds: 60 } },
  // Load from one demo user at a time is the point here; each agency's own per-caller limit would refuse it.
  subgraphLimits: { rateLimit: { limit: 1_000_000_000, windowSeconds: 60 } },
});
bars.stop();
const counts = () =>
  Object.fromEntries(
    Object.entries(federation.subgraphs).map(([name, subgraph]) => [name, subgraph.database.statements.count]),
  );
const stop = () => void federation.stop().then(() => process.exit(0));
process.on('message', (message: { type: string }) => {
  if (message.type === 'counts') process.send?.({ type: 'counts', counts: counts() });
  if (message.type === 'stop') stop();
});
// Run on its own (to profile the agencies under load), it stops cleanly on a signal.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stop);
process.send?.({
  type: 'ready',
  identityUrl: `http://localhost:${federation.identity.port}`,
  subgraphs: Object.fromEntries(Object.entries(federation.subgraphs).map(([name, subgraph]) => [name, subgraph.url])),
});
