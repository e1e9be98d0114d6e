import type { ReactNode } from 'react';
import type { CombinedError } from '@urql/core';
import { SectionNotices } from '../components/SectionNotices.tsx';
import { personFieldAgencies } from '../generated/operations.ts';
import { problemsAt } from '../graphql/sectionErrors.ts';

/**
 * One heading of the record: its entries, what is withheld or unreachable beside it, or, when
 * the agencies that hold it answered with nothing, that there is nothing recorded.
 */
export function RecordSection(props: {
  id: string;
  title: string;
  /** The Person fields this heading shows. */
  fields: string[];
  error: CombinedError | undefined;
  /** Whether any entry came back. */
  hasEntries: boolean;
  whose: string;
  empty?: string;
  children?: ReactNode;
}) {
  const problems = props.fields.flatMap((field) => problemsAt(props.error, ['person', field]));
  const agencies = [...new Set(props.fields.map((field) => personFieldAgencies[field]).filter(Boolean))];
  return (
    <section className="nhsuk-u-margin-bottom-6" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      <SectionNotices problems={problems} whose={props.whose} />
      {props.hasEntries ? (
        props.children
      ) : problems.length === 0 ? (
        <p className="nhsuk-body">
          {props.empty ?? 'Nothing recorded'} by {agencies.join(' or ')}.
        </p>
      ) : null}
    </section>
  );
}
