import { useCallback } from 'react';
import { useQuery } from 'urql';
import { formatDate, formatDateTime, formatNhsNumber } from '../format.ts';
import { CarePlanForEditing } from '../generated/operations.ts';
import { Link } from '../router.tsx';
import { CareTeamSection } from './CareTeamSection.tsx';
import { ChangeNotices } from './ChangeNotices.tsx';
import { ContingencySection } from './ContingencySection.tsx';
import { GoalsSection } from './GoalsSection.tsx';
import { ReferSection } from './ReferSection.tsx';
import { useChange } from './useChange.ts';

/**
 * The coordinator works a person's shared plan: goals and actions, the contingency plan, the care
 * team and referrals. Every plan change is made against the version this page read, so a change
 * someone else made meanwhile is never overwritten: the page says so and offers to reload.
 */
export function CarePlanEditPage(props: { nhsNumber: string }) {
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: CarePlanForEditing,
    variables: { nhsNumber: props.nhsNumber },
  });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const change = useChange(reload);
  const reloadAfterConflict = () => {
    change.clear();
    reload();
  };
  if (fetching && !data) return <p className="nhsuk-body">Loading the plan…</p>;
  const person = data?.person;
  if (!person)
    return (
      <>
        <h1>No plan you may work on</h1>
        <p className="nhsuk-body">
          {error?.graphQLErrors[0]?.message ??
            `No agency holds a record for NHS number ${formatNhsNumber(props.nhsNumber)} that you may see.`}
        </p>
      </>
    );
  const name = person.name?.full ?? `NHS number ${formatNhsNumber(person.nhsNumber)}`;
  const plan = person.carePlan;
  return (
    <>
      <ChangeNotices feedback={change.feedback} onReload={reloadAfterConflict} />
      <h1>
        <span className="nhsuk-caption-l">Care and support plan and team</span>
        {name}
      </h1>
      <p className="nhsuk-body">
        <Link to={`/people/${person.nhsNumber}`}>See {name}&apos;s whole record</Link>
      </p>
      {plan ? (
        <>
          <p className="nhsuk-body" id="plan-version">
            Version {plan.version}
            {plan.nextReviewDue ? `, next review due ${formatDate(plan.nextReviewDue)}` : ''}
            {plan.reviewOverdue ? ' (overdue)' : ''}
          </p>
          <GoalsSection person={person} plan={plan} change={change} />
          <ContingencySection person={person} plan={plan} change={change} />
        </>
      ) : (
        <p className="nhsuk-body">{name} has no shared plan yet.</p>
      )}
      <CareTeamSection person={person} change={change} />
      <ReferSection person={person} change={change} />
      {plan && plan.changes.length > 0 ? (
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading">Latest changes</h2>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {plan.changes.slice(0, 8).map((entry) => (
              <li key={entry.id}>
                Version {entry.version}: {entry.summary} ({entry.provenance.recordedBy},{' '}
                {formatDateTime(entry.provenance.recordedAt)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
