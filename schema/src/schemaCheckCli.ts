import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSchema, type SchemaCheckResult } from './checkSchema.ts';
import { readSubgraphList } from './subgraphList.ts';

// `npm run schema:check -- <agency> [path/to/proposed.graphql]`: composes the agency's proposed
// SDL (its published file when no path is given) with every other agency's published SDL, lists
// breaking and dangerous changes against the committed supergraph, and names every registered
// operation the proposal would break. Exits 1 on composition errors or broken operations.
// `npm run schema:check -- --all` checks every agency's published SDL, as CI does.
const { values, positionals } = parseArgs({
  options: { all: { type: 'boolean' }, verbose: { type: 'boolean' } },
  allowPositionals: true,
});
const agencies = values.all ? readSubgraphList().map((entry) => entry.name) : positionals.slice(0, 1);
if (agencies.length === 0 || (!values.all && positionals.length > 2)) {
  console.error(
    'Usage: npm run schema:check -- <agency> [path/to/proposed.graphql]   or   npm run schema:check -- --all',
  );
  process.exit(2);
}
// Paths inside the repository are shown relative to it, others as given.
const where = (location: string) => {
  const inside = relative(process.cwd(), location);
  return inside && !inside.startsWith('..') ? inside : location;
};
let failed = false;
for (const agency of agencies) {
  let result: SchemaCheckResult;
  try {
    result = await checkSchema(agency, values.all || !positionals[1] ? {} : { proposedPath: positionals[1] });
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  console.log(report(result));
  failed ||= !result.passed;
}
process.exit(failed ? 1 : 0);

/** The check's outcome in plain words, a line for each finding with its file and line. */
function report(result: SchemaCheckResult): string {
  const lines = [`Schema check for ${result.agency}: ${where(result.proposed)}`];
  if (result.compositionErrors.length > 0) {
    lines.push(
      `  It does not compose with the other agencies' published SDL (${result.compositionErrors.length} errors):`,
    );
    for (const error of result.compositionErrors) {
      lines.push(`    - ${error.message}`, ...error.locations.map((location) => `        at ${where(location)}`));
    }
    lines.push('  FAILED: fix the composition errors above.');
    return lines.join('\n');
  }
  const breaking = result.changes.filter((change) => change.level === 'breaking');
  const dangerous = result.changes.filter((change) => change.level === 'dangerous');
  const safe = result.changes.filter((change) => change.level === 'safe');
  lines.push(
    `  It composes. Against the committed supergraph: ` +
      `${breaking.length} breaking, ${dangerous.length} dangerous, ` +
      `${safe.length} safe changes.`,
  );
  const describe = (change: SchemaChange) =>
    `    - ${change.message}${change.location ? ` (${where(change.location)})` : ''}`;
  if (breaking.length > 0)
    lines.push('  Breaking changes (a client using them would fail):', ...breaking.map(describe));
  if (dangerous.length > 0)
    lines.push('  Dangerous changes (clients may behave differently):', ...dangerous.map(describe));
  if (values.verbose && safe.length > 0) lines.push('  Safe changes:', ...safe.map(describe));
  if (result.brokenOperations.length > 0) {
    lines.push(
      `  ${result.brokenOperations.length} of ` +
        `${result.operationsChecked} registered operations would no ` +
        `longer validate:`,
    );
    for (const operation of result.brokenOperations) {
      lines.push(`    - ${operation.name} (${operation.client}):`);
      for (const problem of operation.problems) lines.push(`        ${problem.message} (${problem.location})`);
    }
    lines.push(
      '  FAILED: the proposal breaks registered operations; change them with the proposal, or keep what they use.',
    );
  } else {
    lines.push(`  All ${result.operationsChecked} registered operations still validate.`);
    lines.push(breaking.length > 0 ? '  PASSED, with breaking changes no registered operation uses.' : '  PASSED.');
  }
  return lines.join('\n');
}

type SchemaChange = SchemaCheckResult['changes'][number];
