import type { ReactNode } from 'react';
import type { CombinedError } from '@urql/core';
import { formatDate } from '../format.ts';
import { personFieldAgencies } from '../generated/operations.ts';
import type { Whose } from './ActingFor.tsx';
import { MyNotices, problemsOf } from './MyNotices.tsx';

/**
 * One heading of the person's own record: what is there, what is missing and why, or, when the
 * organisations that hold it answered with nothing, that nothing is written down.
 */
export function MySection(props: {
  id: string;
  title: string;
  /** What the heading is for, in a sentence. */
  intro?: string;
  /** The Person fields this heading shows. */
  fields: string[];
  error: CombinedError | undefined;
  hasEntries: boolean;
  whose: Whose;
  empty: string;
  children?: ReactNode;
}) {
  const problems = problemsOf(props.error, props.fields);
  const agencies = [...new Set(props.fields.map((field) => personFieldAgencies[field]).filter(Boolean))];
  return (
    <section className="nhsuk-u-margin-bottom-6" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.intro ? <p className="nhsuk-body">{props.intro}</p> : null}
      <MyNotices problems={problems} whose={props.whose} />
      {props.hasEntries ? (
        props.children
      ) : problems.length === 0 ? (
        <p className="nhsuk-body">
          {props.empty} ({agencies.join(' or ')}).
        </p>
      ) : null}
    </section>
  );
}

/** Who wrote an entry down and where, as a person would say it. */
export function WrittenBy(props: {
  provenance: { recordedBy: string; organisation: { name: string }; recordedAt: string };
}) {
  const { provenance } = props;
  return (
    <p className="app-provenance">
      Written down by {provenance.recordedBy} at {provenance.organisation.name} on{' '}
      <time dateTime={provenance.recordedAt}>{formatDate(provenance.recordedAt)}</time>.
    </p>
  );
}
