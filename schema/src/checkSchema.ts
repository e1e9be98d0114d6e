import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { type DocumentNode, type GraphQLSchema, parse, validate } from 'graphql';
import {
  type CompositionProblem,
  composeSupergraph,
  type PublishedSdl,
  readPublishedSdl,
} from './composeSupergraph.ts';
import { readRegisteredOperations, type RegisteredOperation } from './registeredOperations.ts';
import { readSubgraphList, supergraphPath } from './subgraphList.ts';

/** A change to the graph's public (API) schema, as graphql-inspector judges it, with where it is. */
export interface SchemaChange {
  level: 'breaking' | 'dangerous' | 'safe';
  message: string;
  /** The schema coordinate it concerns, such as Person.dateOfBirth. */
  path: string | undefined;
  /** file:line of the definition in the proposed SDL, where it still exists. */
  location: string | undefined;
}

/** A registered operation the proposed graph would no longer serve. */
export interface BrokenOperation {
  client: string;
  name: string;
  /** Each reason, with the file:line of the operation's text it concerns. */
  problems: Array<{ message: string; location: string }>;
}

export interface SchemaCheckResult {
  agency: string;
  proposed: string;
  compositionErrors: CompositionProblem[];
  changes: SchemaChange[];
  brokenOperations: BrokenOperation[];
  /** Registered operations checked against the proposed graph. */
  operationsChecked: number;
  /** False when the proposal must not be published: it does not compose, or breaks a registered operation. */
  passed: boolean;
}

/**
 * The schema check an agency runs before publishing: its proposed SDL composed with every other
 * agency's published SDL; the composed graph's changes against the committed supergraph, found
 * by graphql-inspector; and every registered client operation validated against it. It reads
 * contracts only (SDL files and operation documents), never an agency's code.
 */
export async function checkSchema(
  agency: string,
  options: { proposedPath?: string; supergraphSdl?: string; operations?: RegisteredOperation[] } = {},
): Promise<SchemaCheckResult> {
  const entries = readSubgraphList();
  if (!entries.some((entry) => entry.name === agency)) {
    throw new Error(
      `No agency named "${agency}" in schema/subgraphs.json; it ` +
        `lists ${entries.map((entry) => entry.name).join(', ')}.`,
    );
  }
  const published = readPublishedSdl(entries);
  const own = published.find((subgraph) => subgraph.name === agency)!;
  const proposed: PublishedSdl = options.proposedPath
    ? { ...own, origin: options.proposedPath, sdl: readFileSync(options.proposedPath, 'utf8') }
    : own;
  const outcome = composeSupergraph(published.map((subgraph) => (subgraph.name === agency ? proposed : subgraph)));
  const base = { agency, proposed: proposed.origin, changes: [], brokenOperations: [], operationsChecked: 0 };
  if (outcome.supergraphSdl === undefined) return { ...base, compositionErrors: outcome.errors, passed: false };
  const before = apiSchema(options.supergraphSdl ?? readFileSync(supergraphPath, 'utf8'));
  const after = apiSchema(outcome.supergraphSdl);
  const locate = definitionLocator(proposed);
  const changes: SchemaChange[] = (await diff(before, after)).map((change) => ({
    level:
      change.criticality.level === CriticalityLevel.Breaking
        ? 'breaking'
        : change.criticality.level === CriticalityLevel.Dangerous
          ? 'dangerous'
          : 'safe',
    message: change.message,
    path: change.path,
    location: change.path ? locate(change.path) : undefined,
  }));
  const operations = options.operations ?? readRegisteredOperations();
  const brokenOperations = operations.flatMap((operation): BrokenOperation[] => {
    const errors = validate(after, operation.document);
    if (errors.length === 0) return [];
    return [
      {
        client: operation.client,
        name: operation.name,
        problems: errors.map((error) => ({
          message: error.message,
          location: `${operation.file}:${error.locations?.[0]?.line ?? 1}`,
        })),
      },
    ];
  });
  return {
    ...base,
    compositionErrors: [],
    changes,
    brokenOperations,
    operationsChecked: operations.length,
    passed: brokenOperations.length === 0,
  };
}

/** The schema clients see: the supergraph without its federation machinery. */
function apiSchema(supergraphSdl: string): GraphQLSchema {
  // Only the API schema is wanted, not execution: every feature the supergraph links is accepted.
  return Supergraph.build(supergraphSdl, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
}

/** Finds the line of a type, field or argument (Type.field.argument) in the proposed SDL. */
function definitionLocator(proposed: PublishedSdl): (path: string) => string | undefined {
  const lines = new Map<string, number>();
  // The first definition of a name wins: a type before the extensions the kit adds to it.
  const note = (key: string, line: number) => {
    if (!lines.has(key)) lines.set(key, line);
  };
  let document: DocumentNode;
  try {
    document = parse(proposed.sdl);
  } catch {
    return () => undefined;
  }
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name || !definition.loc) continue;
    const type = definition.name.value;
    note(type, definition.loc.startToken.line);
    if ('fields' in definition) {
      for (const field of definition.fields ?? []) {
        if (!field.loc) continue;
        note(`${type}.${field.name.value}`, field.loc.startToken.line);
        if ('arguments' in field) {
          for (const argument of field.arguments ?? []) {
            if (argument.loc)
              lines.set(`${type}.${field.name.value}.${argument.name.value}`, argument.loc.startToken.line);
          }
        }
      }
    }
    if ('values' in definition) {
      for (const value of definition.values ?? []) {
        if (value.loc) note(`${type}.${value.name.value}`, value.loc.startToken.line);
      }
    }
  }
  return (path) => {
    // A removed field is found no more, so its type is pointed at instead.
    const parts = path.split('.');
    for (let length = parts.length; length > 0; length -= 1) {
      const line = lines.get(parts.slice(0, length).join('.'));
      if (line !== undefined) return `${proposed.origin}:${line}`;
    }
    return undefined;
  };
}
