import type { SectionProblem } from '../graphql/sectionErrors.ts';

/**
 * What is missing from a section and why, said beside it, never left silently out: withheld by
 * an agency's decision, or an agency that could not be reached.
 */
export function SectionNotices(props: { problems: SectionProblem[]; whose?: string }) {
  if (props.problems.length === 0) return null;
  return (
    <>
      {props.problems.map((problem) => (
        <div className="app-section-notice" key={`${problem.kind}:${problem.agency}`}>
          {problem.kind === 'withheld' ? (
            <p className="nhsuk-body nhsuk-u-margin-bottom-0">
              <strong>Withheld by {problem.agency}:</strong> you are not on {props.whose ?? 'their'} care team, or they
              have not agreed to share this part with you.
            </p>
          ) : problem.kind === 'unavailable' ? (
            <p className="nhsuk-body nhsuk-u-margin-bottom-0">
              <strong>{problem.agency} could not be reached;</strong> everything else is shown.
            </p>
          ) : (
            <p className="nhsuk-body nhsuk-u-margin-bottom-0">
              <strong>{problem.agency} could not answer:</strong> {problem.message}
            </p>
          )}
        </div>
      ))}
    </>
  );
}
