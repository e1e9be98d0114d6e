import type { ReactNode } from 'react';

/** The ids a field's hint and error go under, for aria-describedby. */
function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A form group as the NHS design system lays it out: label, hint, error, then the control. */
function FormGroup(props: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
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
      {props.children}
    </div>
  );
}

/** A labelled textarea. */
export function TextAreaField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  rows?: number;
}) {
  return (
    <FormGroup id={props.id} label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      <textarea
        className={`nhsuk-textarea${props.error ? ' nhsuk-textarea--error' : ''}`}
        id={props.id}
        name={props.id}
        rows={props.rows ?? 3}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
      />
    </FormGroup>
  );
}

/** A labelled select of the given options, as [value, label] pairs. */
export function SelectField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  options: ReadonlyArray<readonly [string, string]>;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <FormGroup id={props.id} label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      <select
        className={`nhsuk-select${props.error ? ' nhsuk-select--error' : ''}`}
        id={props.id}
        name={props.id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}

/** A labelled input of a given type (text or date). */
export function InputField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  type?: 'text' | 'date';
  width?: 10 | 20 | 30;
}) {
  return (
    <FormGroup id={props.id} label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      <input
        className={[
          'nhsuk-input',
          props.width ? `nhsuk-input--width-${props.width}` : '',
          props.error ? 'nhsuk-input--error' : '',
        ].join(' ')}
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        autoComplete="off"
      />
    </FormGroup>
  );
}
