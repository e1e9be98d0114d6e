import { composeServices } from '@apollo/composition';
import type { DocumentNode } from 'graphql';

/** Composes test subgraphs into a supergraph SDL, failing loudly when they do not compose. */
export function composeTestSupergraph(subgraphs: Array<{ name: string; url: string; typeDefs: DocumentNode }>): string {
  const result = composeServices(subgraphs);
  if (result.errors) throw new Error(`The test subgraphs do not compose: ${result.errors.join('; ')}`);
  return result.supergraphSdl;
}
