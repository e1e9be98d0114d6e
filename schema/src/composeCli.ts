import { readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph } from './composeSupergraph.ts';
import { supergraphPath } from './subgraphList.ts';

// `npm run compose`: writes schema/supergraph.graphql, or lists composition errors and exits 1.
// `npm run compose -- --check` only reports whether the committed file is current.
const check = process.argv.includes('--check');
const outcome = composeSupergraph();
if (outcome.errors.length > 0) {
  console.error(`Composition failed:\n${outcome.errors.map((error) => `  - ${error}`).join('\n')}`);
  process.exit(1);
}
const current = readFileSync(supergraphPath, { encoding: 'utf8', flag: 'a+' });
if (check) {
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
