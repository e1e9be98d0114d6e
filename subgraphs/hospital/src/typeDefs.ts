import { readFileSync } from 'node:fs';

/** The agency's SDL, read once; its @policy and @requiresScopes directives drive enforcement. */
export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
