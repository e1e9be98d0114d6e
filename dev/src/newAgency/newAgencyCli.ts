import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSubgraphList } from '@joined-up/schema';
import { registerAgency } from './registerAgency.ts';
import { type NewAgency, scaffoldAgency } from './scaffoldAgency.ts';

// `npm run new-agency -- <name> --display "<organisation>" --port <n> [--sector <sector>]
//   [--organisation-code <code>]`: makes subgraphs/<name>, a governed subgraph that passes its own
// tests, registers it (the subgraph list, the workspaces, docker-compose.yml), installs it,
// generates its migrations, publishes its SDL and composes the supergraph.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    display: { type: 'string' },
    port: { type: 'string' },
    sector: { type: 'string' },
    'organisation-code': { type: 'string' },
  },
});
const [name] = positionals;
const problems: string[] = [];
const entries = readSubgraphList();
const slug = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
if (!name || !slug.test(name)) problems.push('<name> must be lower-case words joined by dashes, such as housing');
else if (entries.some((entry) => entry.name === name)) problems.push(`${name} is already in schema/subgraphs.json`);
if (!values.display?.trim()) problems.push('--display must name the organisation, such as "Riverside Homes"');
else if (/['"\\`$]/.test(values.display)) problems.push('--display must not hold quotes, backslashes or $');
const port = Number(values.port);
const taken = entries.map((entry) => Number(new URL(entry.url).port));
if (!Number.isInteger(port) || port < 1024 || port > 65535) problems.push('--port must be a port from 1024 to 65535');
else if ([4000, 4100, ...taken].includes(port))
  problems.push(`--port ${port} is taken: ${[4000, 4100, ...taken].join(', ')} are`);
const sector = values.sector ?? name ?? '';
if (!slug.test(sector)) problems.push('--sector must be a slug such as housing');
if (problems.length > 0) {
  console.error(
    `Cannot make the agency:\n  - ` +
      `${problems.join('\n  - ')}\nUsage: npm run new-agency -- ` +
      `<name> --display "<organisation>" --port <n> [--sector ` +
      `<sector>]`,
  );
  process.exit(1);
}
const initials = (name ?? '')
  .split('-')
  .map((word) => word.slice(0, 2).toUpperCase())
  .join('');
const agency: NewAgency = {
  name: name!,
  display: values.display!.trim(),
  port,
  sector,
  organisationCode: values['organisation-code'] ?? `DEMO${initials}1`,
};
// The versions the workspace already pins, so the new agency's dependencies match the lockfile.
const lock = JSON.parse(readFileSync(new URL('package-lock.json', `file://${root}`), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};
const versions = Object.fromEntries(
  ['drizzle-orm', 'graphql', 'drizzle-kit', 'typescript'].map((dependency) => [
    dependency,
    lock.packages[`node_modules/${dependency}`]?.version ?? '',
  ]),
);
const created = scaffoldAgency(root, agency, versions);
const changed = registerAgency(root, agency, versions);
const step = (what: string, command: string, args: string[]) => {
  console.log(`\n${what}: ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
};
step('Linking the new workspace', 'npm', ['install', '--no-audit', '--no-fund']);
// The templates' layout depends on the names filled in, so the formatter has the last word.
step('Formatting it', 'npx', ['prettier', '--write', '--log-level=warn', `subgraphs/${agency.name}`]);
step('Generating its migrations', 'npm', ['run', '-s', 'generate-migrations', '-w', `@joined-up/${agency.name}`]);
step('Publishing its SDL', 'npm', ['run', '-s', 'publish-sdl', '--', agency.name]);
step('Composing the supergraph', 'npm', ['run', '-s', 'compose']);
console.log(`
Made ${agency.display} (${agency.name}) on port ${agency.port}.
Created ${created.length} files in subgraphs/${agency.name}/
(and its migrations, and schema/subgraphs/${agency.name}.graphql).
Changed, outside it: ${[...changed, 'package-lock.json', 'schema/supergraph.graphql'].join(', ')}.
Next: npx vitest run subgraphs/${agency.name}
  then npm start, and read Sam's ${agency.name} record as coordinator.`);
