import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { type DocumentNode, type GraphQLError, parse, Source } from 'graphql';
import { directorySubgraph } from './directorySubgraph.ts';
import { publishedSdlPath, readSubgraphList, type SubgraphEntry } from './subgraphList.ts';

/** One agency's published SDL, with the file (or URL) it came from so errors can point into it. */
export interface PublishedSdl {
  name: string;
  url: string;
  /** Where the SDL was read from: a file path, or the URL it was fetched from. */
  origin: string;
  sdl: string;
}

/** A composition error in plain words, with the place in an agency's SDL it concerns where known. */
export interface CompositionProblem {
  message: string;
  /** file:line:column of each place the error names. */
  locations: string[];
}

export type CompositionOutcome =
  { supergraphSdl: string; errors: [] } | { supergraphSdl: undefined; errors: CompositionProblem[] };

/**
 * Reads every listed agency's published SDL file (schema/subgraphs/<agency>.graphql), and the
 * gateway's directory, which the federation's entry points by NHS number belong to.
 */
export function readPublishedSdl(entries: readonly SubgraphEntry[] = readSubgraphList()): PublishedSdl[] {
  return [
    ...entries.map((entry) => {
      const origin = publishedSdlPath(entry);
      return { name: entry.name, url: entry.url, origin, sdl: readFileSync(origin, 'utf8') };
    }),
    readDirectorySdl(),
  ];
}

/** The directory's SDL (schema/subgraphs/directory.graphql), as composition reads it. */
export function readDirectorySdl(): PublishedSdl {
  const { name, url, sdlPath } = directorySubgraph;
  return { name, url, origin: sdlPath, sdl: readFileSync(sdlPath, 'utf8') };
}

/**
 * Composes agencies' published SDL with Apollo's composition library (Federation 2). It reads
 * contracts only, never an agency's code: an agency outside this repository composes the same way.
 */
export function composeSupergraph(published: readonly PublishedSdl[] = readPublishedSdl()): CompositionOutcome {
  const problems: CompositionProblem[] = [];
  const services: Array<{ name: string; url: string; typeDefs: DocumentNode }> = [];
  for (const subgraph of published) {
    try {
      services.push({
        name: subgraph.name,
        url: subgraph.url,
        typeDefs: parse(new Source(subgraph.sdl, subgraph.origin)),
      });
    } catch (error) {
      problems.push(describe(error as GraphQLError, subgraph.name));
    }
  }
  if (problems.length > 0) return { supergraphSdl: undefined, errors: problems };
  const result = composeServices(services);
  if (result.errors) return { supergraphSdl: undefined, errors: result.errors.map((error) => describe(error)) };
  return { supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`, errors: [] };
}

function describe(error: GraphQLError, subgraph?: string): CompositionProblem {
  const locations = (error.nodes ?? []).flatMap((node) => {
    if (!node.loc) return [];
    const { line, column } = node.loc.source.locationOffset;
    const at = node.loc.startToken;
    return [`${node.loc.source.name}:${at.line + line - 1}:${at.column + (at.line === 1 ? column - 1 : 0)}`];
  });
  if (locations.length === 0 && error.source && error.locations) {
    locations.push(...error.locations.map((location) => `${error.source!.name}:${location.line}:${location.column}`));
  }
  return { message: subgraph ? `[${subgraph}] ${error.message}` : error.message, locations };
}
