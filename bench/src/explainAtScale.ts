import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateSigningKey } from '@joined-up/dev';
import { startFederation } from '@joined-up/dev/federation';
import pg from 'pg';
import { benchDatabases } from './benchDatabases.ts';
import { benchAgencies, benchFederationSettings } from './benchFederation.ts';

// `npm run bench:explain [-- --people 900000]`: every SQL statement of Sam's person view (as his
// GP) and of the coordinator's caseload, each explained on the benchmark's databases at that scale
// (seeded on first use): the plan's scans, the rows they read and the time each statement took.
// Any sequential scan of a table of more than a few thousand rows is flagged; at 900,000 people
// that is a missing index. It reads the statements by recording what the agencies' pools send
// during the two requests, then runs EXPLAIN (ANALYZE, BUFFERS) of each select with the same
// parameters (inserts, the audit, are explained without running them).
const { values } = parseArgs({ options: { people: { type: 'string', default: '900000' } } });
const people = Number(values.people);
if (!Number.isInteger(people) || people < 2 || people > 900_000) {
  console.error('--people must be a whole number from 2 to 900000');
  process.exit(2);
}

interface Recorded {
  /** The connection string of the pool that sent it. */
  database: string;
  text: string;
  values: unknown[];
}
let recording: Recorded[] | undefined;
// Each pool's query passes through the prototype (nameStatements wraps the instance's own), so
// patching it records every statement an agency sends, with the database it goes to.
const query = pg.Pool.prototype.query as (this: pg.Pool, ...args: unknown[]) => unknown;
pg.Pool.prototype.query = function recorded(this: pg.Pool, ...args: unknown[]) {
  const [config, params] = args as [string | pg.QueryConfig, unknown[] | undefined];
  const text = typeof config === 'string' ? config : config.text;
  const values = (typeof config === 'string' ? params : (params ?? config.values)) ?? [];
  recording?.push({ database: this.options.connectionString ?? '', text, values });
  return query.apply(this, args);
} as typeof pg.Pool.prototype.query;

const databaseUrls = await benchDatabases(benchAgencies, people);
console.log(`Starting the federation on the benchmark's databases (${people.toLocaleString('en-GB')} people) ...`);
const federation = await startFederation({
  databaseUrls,
  people,
  key: await generateSigningKey(),
  ...benchFederationSettings,
  gateway: { rateLimit: { limit: 1_000, windowSeconds: 60 } },
});
const operation = (name: string) =>
  readFileSync(new URL(`../../schema/operations/bench/${name}.graphql`, import.meta.url), 'utf8');
const requests = [
  { name: 'person-view', user: 'gp', query: operation('PersonView'), variables: { nhsNumber: '9990000018' } },
  { name: 'caseload', user: 'coordinator', query: operation('Caseload'), variables: { first: 50 } },
];
let worst = 0;
try {
  for (const request of requests) {
    const token = await fetch(`http://localhost:${federation.identity.port}/token?user=${request.user}`);
    const { access_token: accessToken } = (await token.json()) as { access_token: string };
    recording = [];
    const answer = await fetch(federation.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: request.query, variables: request.variables }),
    });
    const statements = recording;
    recording = undefined;
    if (!answer.ok) throw new Error(`${request.name} was answered ${answer.status}`);
    console.log(`\n${request.name}: ${statements.length} statements`);
    console.log('| Database | Statement | Scans (rows read) | ms |');
    console.log('| --- | --- | --- | --- |');
    for (const statement of statements) {
      const client = new pg.Client({ connectionString: statement.database });
      await client.connect();
      try {
        const analyse = /^\s*select/i.test(statement.text);
        const explained = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time'?: number }> }>(
          `explain (${analyse ? 'analyze, buffers, ' : ''}format json) ${statement.text}`,
          statement.values,
        );
        const [plan] = explained.rows[0]!['QUERY PLAN'];
        const scans = scansOf(plan!.Plan);
        const flagged = scans.filter((scan) => scan.type === 'Seq Scan' && (scan.rows ?? 0) > 5_000);
        worst = Math.max(worst, flagged.length);
        const described = scans.map(
          (scan) =>
            `${flagged.includes(scan) ? '**' : ''}${scan.type} ${scan.relation}` +
            `${scan.index ? ` (${scan.index})` : ''}${scan.rows === undefined ? '' : ` ${scan.rows}`}` +
            `${flagged.includes(scan) ? '**' : ''}`,
        );
        console.log(
          `| ${new URL(statement.database).pathname.slice(1).replace(/^jbench_/, '')} | ${summary(statement.text)} | ` +
            `${described.join(', ') || '-'} | ${plan!['Execution Time']?.toFixed(2) ?? '-'} |`,
        );
      } finally {
        await client.end();
      }
    }
  }
} finally {
  await federation.stop();
}
console.log(
  worst > 0
    ? '\nA sequential scan of a large table is flagged (**): an index is missing.'
    : '\nNo statement scans a large table whole.',
);
process.exit(worst > 0 ? 1 : 0);

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Rows Removed by Filter'?: number;
  'Plan Rows'?: number;
  Plans?: PlanNode[];
}

interface Scan {
  type: string;
  relation: string;
  index: string | undefined;
  rows: number | undefined;
}

/** Every scan of a table in the plan, with the rows it read (returned, and removed by its filter). */
function scansOf(node: PlanNode): Scan[] {
  const own: Scan[] = node['Relation Name']
    ? [
        {
          type: node['Node Type'],
          relation: node['Relation Name'],
          index: node['Index Name'],
          rows:
            node['Actual Rows'] === undefined
              ? node['Plan Rows']
              : node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0),
        },
      ]
    : [];
  return [...own, ...(node.Plans ?? []).flatMap(scansOf)];
}

/** What a statement does, short: its verb and the tables it names. */
function summary(text: string): string {
  const tables = [...new Set([...text.matchAll(/(?:from|into|join) "(\w+)"/gi)].map((match) => match[1]))];
  return `${text.trim().split(/\s+/)[0]!.toLowerCase()} ${tables.join(', ')}`;
}
