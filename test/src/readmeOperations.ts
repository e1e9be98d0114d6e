import { Kind, parse, print } from 'graphql';

/** One operation of a README example, with the demo user its comment says to run it as. */
export interface ReadmeOperation {
  name: string;
  query: string;
  as: string;
}

/**
 * Every operation in the README's ```graphql examples, one at a time (a client sends one
 * operation per request), each with the user named by the nearest "run as <user>" comment above
 * it in its example, or `fallback` to choose one when none is named.
 */
export function readmeOperations(readme: string, fallback: (query: string) => string): ReadmeOperation[] {
  const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
  return examples.flatMap((example) => {
    const document = parse(example);
    const fragments = document.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => print(fragment));
    return document.definitions.flatMap((definition) => {
      if (definition.kind !== Kind.OPERATION_DEFINITION) return [];
      const query = [print(definition), ...fragments].join('\n');
      const named = [...example.slice(0, definition.loc?.start ?? 0).matchAll(/run as ([a-z][a-z-]*)/g)].at(-1)?.[1];
      return [{ name: definition.name?.value ?? '(anonymous)', query, as: named ?? fallback(query) }];
    });
  });
}
