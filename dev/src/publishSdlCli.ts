import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { publishedSdl } from '@joined-up/kit';
import { publishedSdlPath } from '@joined-up/schema';
import { loadAgencyModules } from './loadAgencyModules.ts';

// `npm run publish-sdl [-- <agency> ...]`: writes each agency's published SDL, what its subgraph
// serves, to schema/subgraphs/<agency>.graphql, where composition and the schema check read it.
// An agency outside this repository publishes with `node dist/main.js --print-sdl` instead.
//   --check   only report which published files are stale
const { values, positionals } = parseArgs({ options: { check: { type: 'boolean' } }, allowPositionals: true });
const agencies = (await loadAgencyModules()).filter(
  ({ entry }) => positionals.length === 0 || positionals.includes(entry.name),
);
const unknown = positionals.filter((name) => !agencies.some(({ entry }) => entry.name === name));
if (unknown.length > 0) {
  console.error(`Not an agency of this repository: ${unknown.join(', ')}.`);
  process.exit(1);
}
let stale = 0;
for (const { entry, module } of agencies) {
  const path = publishedSdlPath(entry);
  const sdl = publishedSdl(module.agency, module.typeDefs);
  const current = readFileSync(path, { encoding: 'utf8', flag: 'a+' });
  if (current === sdl) {
    console.log(`${entry.name}: ${entry.sdl} is current.`);
  } else if (values.check) {
    console.error(`${entry.name}: ${entry.sdl} is stale: run \`npm run publish-sdl -- ${entry.name}\`.`);
    stale += 1;
  } else {
    writeFileSync(path, sdl);
    console.log(`${entry.name}: wrote schema/${entry.sdl}.`);
  }
}
if (stale > 0) process.exit(1);
