import type { CombinedError } from '@urql/core';
import type { SectionProblem } from '../graphql/sectionErrors.ts';
import { problemsAt } from '../graphql/sectionErrors.ts';
import type { Whose } from './ActingFor.tsx';

/** The problems of every Person field a part of the page shows. */
export function problemsOf(error: CombinedError | undefined, fields: string[]): SectionProblem[] {
  return fields.flatMap((field) => problemsAt(error, ['person', field]));
}

/**
 * What is missing from one part of the person's own record and why, in plain words: for a carer,
 * a part the person has not asked that organisation to show them; for anyone, an organisation
 * that could not be reached just now.
 */
export function MyNotices(props: { problems: SectionProblem[]; whose: Whose }) {
  if (props.problems.length === 0) return null;
  const name = props.whose.given ?? 'The person';
  return (
    <>
      {props.problems.map((problem) => (
        <div className="app-section-notice" key={`${problem.kind}:${problem.agency}`}>
          <p className="nhsuk-body nhsuk-u-margin-bottom-0">
            {problem.kind === 'withheld' ? (
              props.whose.carer ? (
                <>
                  <strong>Not shown to you:</strong> {name} has not asked {problem.agency} to show you this part.
                </>
              ) : (
                <>
                  <strong>Not shown:</strong> {problem.agency} did not show this part.
                </>
              )
            ) : problem.kind === 'unavailable' ? (
              <>
                <strong>{problem.agency} could not be reached just now,</strong> so what it holds is missing here.
                Everything else is shown. Try again later.
              </>
            ) : (
              <>
                <strong>{problem.agency} could not answer:</strong> {problem.message}
              </>
            )}
          </p>
        </div>
      ))}
    </>
  );
}
