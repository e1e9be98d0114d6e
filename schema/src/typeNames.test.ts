import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readPublishedSdl } from './composeSupergraph.ts';
import { directorySubgraph } from './directorySubgraph.ts';

// The naming convention of the README ("Naming"): a type one agency defines alone carries the agency's
// name in PascalCase (care-coordination: CareCoordination*). What every agency defines alike (the kit's
// value and governance types) and the shared entity Person carry none; a type named for another agency
// is that agency's, referenced here.
const roots = new Set(['Query', 'Mutation', 'Subscription', 'Person']);
const prefixOf = (agency: string) =>
  agency
    .split('-')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');

// The gateway's directory (person, people, and Person's key) is no agency's.
const published = readPublishedSdl()
  .filter(({ name }) => name !== directorySubgraph.name)
  .map(({ name, sdl }) => ({
    name,
    types: parse(sdl).definitions.flatMap((definition) =>
      'name' in definition && definition.name && definition.kind !== Kind.DIRECTIVE_DEFINITION
        ? [definition.name.value]
        : [],
    ),
  }));

describe('type names', () => {
  it('carry the name of the one agency that defines them', () => {
    const sharedByAll = new Set(
      published[0]!.types.filter((type) => published.every((agency) => agency.types.includes(type))),
    );
    const prefixes = published.map((agency) => prefixOf(agency.name));
    const misnamed = published.flatMap((agency) =>
      agency.types
        .filter((type) => !roots.has(type) && !sharedByAll.has(type) && !type.startsWith('_'))
        .filter((type) => !prefixes.some((prefix) => type.startsWith(prefix)))
        .map((type) => `${agency.name}: ${type} (expected ${prefixOf(agency.name)}${type})`),
    );
    expect(misnamed).toEqual([]);
  });
});
