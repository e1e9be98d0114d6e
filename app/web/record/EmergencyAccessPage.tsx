import { type FormEvent, useState } from 'react';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary.tsx';
import { formatNhsNumber } from '../format.ts';
import { navigate } from '../router.tsx';
import { declareEmergency } from './emergencyAccess.ts';

/**
 * Break-glass: a professional with no care relationship declares an emergency, with a reason,
 * for one person. Every agency records the access and its privacy officer reviews it.
 */
export function EmergencyAccessPage(props: { nhsNumber: string }) {
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (reason.trim().length < 10)
      found.push({ field: 'reason', message: 'Enter why you need this record now, in at least 10 characters' });
    if (!confirmed) found.push({ field: 'confirm', message: 'Confirm that you understand your access is recorded' });
    setErrors(found);
    if (found.length > 0) return;
    declareEmergency(props.nhsNumber, reason.trim());
    navigate(`/people/${props.nhsNumber}`);
  };
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>
        Declare an emergency
        <span className="nhsuk-caption-l">For NHS number {formatNhsNumber(props.nhsNumber)} only</span>
      </h1>
      <div className="nhsuk-warning-callout">
        <h2 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>Your access is recorded and reviewed
          </span>
        </h2>
        <p>
          Use this only when you need this person&apos;s record to care for them now and have no care relationship with
          them. Every agency records who you are, when, and your reason; their privacy officers review each emergency
          access, and the person can see it. It opens this one person&apos;s record for 30 minutes.
        </p>
      </div>
      <form onSubmit={submit} noValidate>
        <div className={`nhsuk-form-group${errorFor('reason') ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label nhsuk-label--s" htmlFor="reason">
            Why do you need this record now?
          </label>
          <div className="nhsuk-hint" id="reason-hint">
            For example, unconscious in A&amp;E, no history available
          </div>
          {errorFor('reason') ? (
            <span className="nhsuk-error-message" id="reason-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> {errorFor('reason')}
            </span>
          ) : null}
          <textarea
            className={`nhsuk-textarea${errorFor('reason') ? ' nhsuk-textarea--error' : ''}`}
            id="reason"
            name="reason"
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-describedby={`reason-hint${errorFor('reason') ? ' reason-error' : ''}`}
          />
        </div>
        <div className={`nhsuk-form-group${errorFor('confirm') ? ' nhsuk-form-group--error' : ''}`}>
          {errorFor('confirm') ? (
            <span className="nhsuk-error-message" id="confirm-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> {errorFor('confirm')}
            </span>
          ) : null}
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                id="confirm"
                name="confirm"
                type="checkbox"
                checked={confirmed}
                onChange={(event) => setConfirmed(event.target.checked)}
                aria-describedby={errorFor('confirm') ? 'confirm-error' : undefined}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="confirm">
                I understand that this access is recorded and will be reviewed
              </label>
            </div>
          </div>
        </div>
        <button className="nhsuk-button nhsuk-button--warning" type="submit">
          Declare an emergency and open the record
        </button>
      </form>
    </>
  );
}
