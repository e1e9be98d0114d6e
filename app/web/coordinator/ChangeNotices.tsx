import { useEffect, useRef } from 'react';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import type { ChangeFeedback } from './useChange.ts';

/**
 * What became of the last change, at the top of the page: the error summary, the conflict with
 * someone else's change (with a way to reload), a failure, or what was saved.
 */
export function ChangeNotices(props: { feedback: ChangeFeedback; onReload: () => void }) {
  const { feedback } = props;
  const problem = useRef<HTMLDivElement>(null);
  // As the error summary does: the user is taken to what went wrong.
  useEffect(() => {
    if (feedback.conflict || feedback.failed) problem.current?.focus();
  }, [feedback]);
  return (
    <>
      <ErrorSummary errors={feedback.errors} />
      {feedback.conflict ? (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="conflict-title" tabIndex={-1} ref={problem}>
          <h2 className="nhsuk-error-summary__title" id="conflict-title">
            Someone else changed the {feedback.conflict} since you opened it
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>
              Your change was not saved, so that it does not overwrite theirs. Reload to see what they changed, then
              make your change again if it is still needed.
            </p>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={props.onReload}>
              Reload the {feedback.conflict}
            </button>
          </div>
        </div>
      ) : null}
      {feedback.failed ? (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="failed-title" tabIndex={-1} ref={problem}>
          <h2 className="nhsuk-error-summary__title" id="failed-title">
            Your change was not saved
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{feedback.failed}</p>
          </div>
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {feedback.saved ? (
          <div className="nhsuk-inset-text app-saved">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>Saved: {feedback.saved}</p>
          </div>
        ) : null}
      </div>
    </>
  );
}
