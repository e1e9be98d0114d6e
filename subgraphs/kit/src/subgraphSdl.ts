import type { Agency } from './createSubgraphServer.ts';
import { governanceTypeDefs } from './access/governanceTypeDefs.ts';
import { sharedTypeDefs } from './sharedTypeDefs.ts';

/**
 * The whole SDL an agency serves and publishes: the kit's shared types (the Federation link and
 * the value types every agency must define alike), the agency's own schema.graphql, and the
 * governance fields the kit answers for it. `npm run publish-sdl` writes this, with a header, to
 * schema/subgraphs/<agency>.graphql: the agency's contract, which composition reads.
 */
export function subgraphSdl(agency: Agency, agencyTypeDefs: string): string {
  return `${sharedTypeDefs.trim()}\n\n${agencyTypeDefs.trim()}\n${governanceTypeDefs(agency).trimEnd()}\n`;
}

/** The published file: a header saying where it comes from, then exactly what the subgraph serves. */
export function publishedSdl(agency: Agency, agencyTypeDefs: string): string {
  return (
    `# The published SDL of ${agency.displayName} ` +
    `(${agency.name}): its contract with the federation.\n# ` +
    `Written by \`npm run publish-sdl\` from the agency's ` +
    `schema.graphql and the kit's shared SDL; do not ` +
    `edit.\n\n${subgraphSdl(agency, agencyTypeDefs)}`
  );
}
