import { useEffect, useRef } from 'react';

/** A problem with one field of a form, linked to it. */
export interface FieldError {
  field: string;
  message: string;
}

/** The NHS error summary: at the top of the form, focused when it appears, each error a link to its field. */
export function ErrorSummary(props: { errors: FieldError[] }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.errors.length > 0) summary.current?.focus();
  }, [props.errors]);
  if (props.errors.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={summary}>
      <h2 className="nhsuk-error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list">
          {props.errors.map((error) => (
            <li key={error.field}>
              <a href={`#${error.field}`}>{error.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A text input with its label, hint and error, as the NHS design system lays them out. */
export function TextField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  width?: 10 | 20 | 30;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
}) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`nhsuk-form-group${props.error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <div className="nhsuk-hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <span className="nhsuk-error-message" id={`${props.id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {props.error}
        </span>
      ) : null}
      <input
        className={[
          'nhsuk-input',
          props.width ? `nhsuk-input--width-${props.width}` : '',
          props.error ? 'nhsuk-input--error' : '',
        ].join(' ')}
        id={props.id}
        name={props.id}
        type="text"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-describedby={describedBy || undefined}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        spellCheck={false}
      />
    </div>
  );
}
