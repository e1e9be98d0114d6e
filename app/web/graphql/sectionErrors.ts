import type { CombinedError } from '@urql/core';

/** Why one part of a page is missing, as the agency or the gateway said. */
export interface SectionProblem {
  kind: 'withheld' | 'unavailable' | 'failed';
  agency: string;
  message: string;
}

/** The problems at or under `path` (such as ['person', 'problems']), one per agency and kind. */
export function problemsAt(error: CombinedError | undefined, path: ReadonlyArray<string>): SectionProblem[] {
  const found = new Map<string, SectionProblem>();
  for (const graphQLError of error?.graphQLErrors ?? []) {
    const at = graphQLError.path ?? [];
    if (!path.every((part, index) => at[index] === part)) continue;
    const code = graphQLError.extensions['code'];
    const agency = String(graphQLError.extensions['agency'] ?? 'An agency');
    const kind =
      code === 'FORBIDDEN'
        ? 'withheld'
        : code === 'SUBGRAPH_UNAVAILABLE' || code === 'GATEWAY_TIMEOUT'
          ? 'unavailable'
          : 'failed';
    found.set(`${kind}:${agency}`, { kind, agency, message: graphQLError.message });
  }
  return [...found.values()];
}

/** The agencies that could not be reached at all in this answer. */
export function unreachableAgencies(error: CombinedError | undefined): string[] {
  return [
    ...new Set(
      problemsAt(error, [])
        .filter((problem) => problem.kind === 'unavailable')
        .map((problem) => problem.agency),
    ),
  ];
}
