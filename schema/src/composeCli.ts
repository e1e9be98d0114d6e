import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { composeSupergraph, readDirectorySdl, readPublishedSdl } from './composeSupergraph.ts';
import { fetchPublishedSdl } from './fetchPublishedSdl.ts';
import { readSubgraphList, supergraphPath } from './subgraphList.ts';

// `npm run compose`: composes the published SDL of every agency in schema/subgraphs.json and
// writes schema/supergraph.graphql, or lists the composition errors and exits 1.
//   --check       only report whether the committed file is current
//   --from-urls   read each agency's SDL from its running subgraph (`_service { sdl }`) instead
//                 of its published file; needs a token in JOINED_UP_SCHEMA_TOKEN
const { values } = parseArgs({ options: { check: { type: 'boolean' }, 'from-urls': { type: 'boolean' } } });
const entries = readSubgraphList();
let published;
if (values['from-urls']) {
  const token = process.env['JOINED_UP_SCHEMA_TOKEN'];
  if (!token) {
    console.error(
      '--from-urls needs a bearer token in JOINED_UP_SCHEMA_TOKEN (npm run -s token -- gp, in development).',
    );
    process.exit(1);
  }
  const fetched = await fetchPublishedSdl(entries, { token, env: process.env }).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
  // The directory runs inside the gateway, not at a URL of its own: its SDL is the committed file.
  published = [...fetched, readDirectorySdl()];
} else {
  published = readPublishedSdl(entries);
}
const outcome = composeSupergraph(published);
if (outcome.errors.length > 0) {
  console.error(
    `Composition failed:\n${outcome.errors
      .map((error) => `  - ${error.message}${error.locations.map((location) => `\n      at ${location}`).join('')}`)
      .join('\n')}`,
  );
  process.exit(1);
}
const current = readFileSync(supergraphPath, { encoding: 'utf8', flag: 'a+' });
if (values.check) {
  if (current !== outcome.supergraphSdl) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit the result.');
    process.exit(1);
  }
  console.log('schema/supergraph.graphql is current.');
} else {
  writeFileSync(supergraphPath, outcome.supergraphSdl as string);
  console.log(
    current === outcome.supergraphSdl
      ? 'schema/supergraph.graphql was already current.'
      : 'Wrote schema/supergraph.graphql.',
  );
}
