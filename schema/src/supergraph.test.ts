import { readFileSync } from 'node:fs';
import { type ASTNode, Kind, parse, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, readPublishedSdl } from './composeSupergraph.ts';
import { supergraphPath } from './subgraphList.ts';

/** Every type, field, argument, enum value and input field without a description. */
export function undocumented(document: ASTNode): string[] {
  const missing: string[] = [];
  let owner = '';
  const check = (node: { description?: { value: string } | undefined; name: { value: string } }, label: string) => {
    if (!node.description?.value.trim()) missing.push(label);
  };
  visit(document, {
    enter(node) {
      switch (node.kind) {
        case Kind.OBJECT_TYPE_DEFINITION:
        case Kind.INTERFACE_TYPE_DEFINITION:
        case Kind.ENUM_TYPE_DEFINITION:
        case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        case Kind.UNION_TYPE_DEFINITION:
        case Kind.SCALAR_TYPE_DEFINITION:
          owner = node.name.value;
          // Query and Mutation are documented by their fields.
          if (owner !== 'Query' && owner !== 'Mutation') check(node, owner);
          if (node.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION)
            for (const field of node.fields ?? []) check(field, `${owner}.${field.name.value}`);
          break;
        case Kind.FIELD_DEFINITION:
          check(node, `${owner}.${node.name.value}`);
          for (const argument of node.arguments ?? [])
            check(argument, `${owner}.${node.name.value}(${argument.name.value})`);
          break;
        case Kind.ENUM_VALUE_DEFINITION:
          check(node, `${owner}.${node.name.value}`);
          break;
        default:
          break;
      }
    },
  });
  return missing;
}

describe('the supergraph', () => {
  it('composes without errors and matches the committed schema/supergraph.graphql', () => {
    const outcome = composeSupergraph();
    expect(outcome.errors).toEqual([]);
    // A stale file means the gateway would serve an old graph: run `npm run compose`.
    expect(readFileSync(supergraphPath, 'utf8')).toBe(outcome.supergraphSdl);
  });

  it.each(readPublishedSdl().map(({ name, sdl }) => [name, sdl] as const))(
    'documents every type, field, argument and enum value of %s',
    (_name, sdl) => {
      expect(undocumented(parse(sdl))).toEqual([]);
    },
  );

  it('finds what is undocumented', () => {
    expect(
      undocumented(
        parse(
          '"A thing." type Thing { bare: String "Ok." ok(arg: Int): Int ' +
            '} enum Colour { RED } "In." input Filter { by: String }',
        ),
      ),
    ).toEqual(['Thing.bare', 'Thing.ok(arg)', 'Colour', 'Colour.RED', 'Filter.by']);
  });
});
