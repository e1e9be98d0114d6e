import { useQuery } from 'urql';
import { formatDate, formatNhsNumber } from '../format.ts';
import { CoordinationCaseload, type CoordinationCaseloadQuery } from '../generated/operations.ts';
import { Link } from '../router.tsx';

type Entry = CoordinationCaseloadQuery['myCoordinationCaseload']['edges'][number]['node'];

const today = () => new Date().toISOString().slice(0, 10);
const isOverdue = (entry: Entry) => entry.nextReviewDue !== null && entry.nextReviewDue < today();

/**
 * The order a coordinator works in: reviews overdue first (longest overdue at the top), then the
 * next reviews due, soonest first, then people with no plan yet.
 */
export function caseloadOrder(entries: readonly Entry[]): Entry[] {
  const due = (entry: Entry) => entry.nextReviewDue ?? '9999-12-31';
  return [...entries].sort((a, b) => Number(isOverdue(b)) - Number(isOverdue(a)) || due(a).localeCompare(due(b)) || 0);
}

/** The people whose care the signed-in coordinator coordinates, overdue reviews first. */
export function CaseloadPage() {
  const [{ data, error, fetching }] = useQuery({ query: CoordinationCaseload });
  if (fetching && !data) return <p className="nhsuk-body">Loading your caseload…</p>;
  if (error && !data) return <p className="nhsuk-body">Your caseload could not be loaded: {error.message}</p>;
  const entries = caseloadOrder(data?.myCoordinationCaseload.edges.map((edge) => edge.node) ?? []);
  const overdue = entries.filter(isOverdue).length;
  return (
    <>
      <h1>My caseload</h1>
      <p className="nhsuk-body">
        {entries.length} {entries.length === 1 ? 'person' : 'people'} whose care you coordinate
        {data?.myCoordinationCaseload.pageInfo.hasNextPage ? ' (the first 100)' : ''}.{' '}
        {overdue === 0 ? 'No review is overdue.' : `${overdue} ${overdue === 1 ? 'review is' : 'reviews are'} overdue.`}
      </p>
      <table className="nhsuk-table-responsive">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
          Your caseload, reviews overdue first, then by next review
        </caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Next review</th>
            <th scope="col">Coordinating since</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {entries.map((entry) => (
            <tr className="nhsuk-table__row app-caseload-row" key={entry.person.nhsNumber}>
              <td className="nhsuk-table__cell">
                <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                  Person{' '}
                </span>
                <Link to={`/people/${entry.person.nhsNumber}/plan`}>
                  {entry.person.name?.full ?? `NHS number ${formatNhsNumber(entry.person.nhsNumber)}`}
                </Link>
              </td>
              <td className="nhsuk-table__cell">
                <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                  Next review{' '}
                </span>
                {entry.nextReviewDue ? formatDate(entry.nextReviewDue) : entry.hasPlan ? 'Not set' : 'No plan yet'}
                {isOverdue(entry) ? (
                  <>
                    {' '}
                    <strong className="nhsuk-tag nhsuk-tag--red">Review overdue</strong>
                  </>
                ) : null}
              </td>
              <td className="nhsuk-table__cell">
                <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                  Coordinating since{' '}
                </span>
                {formatDate(entry.since)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
