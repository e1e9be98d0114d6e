import { useState } from 'react';
import { useQuery } from 'urql';
import type { SignedInUser } from '../auth/session.ts';
import { formatDateTime } from '../format.ts';
import { MyAccessLog, personFieldAgencies } from '../generated/operations.ts';
import { ActingForNotice, CouldNotLoad, type Whose, whoseRecord, yourOr } from './ActingFor.tsx';
import { categoriesInWords, roleInWords } from './accessWords.ts';
import { type AccessEntry, mergeAccessLogs } from './mergeAccessLogs.ts';
import { MyNotices, problemsOf } from './MyNotices.tsx';

/** Each agency's access log, by its Person field. */
const logFields = [
  'healthAccessLog',
  'hospitalAccessLog',
  'socialCareAccessLog',
  'voluntarySectorAccessLog',
  'careCoordinationAccessLog',
] as const;

const reviewWords: Record<string, string> = {
  JUSTIFIED: 'checked: it was a real emergency',
  NOT_JUSTIFIED: 'checked: it was not justified, and is being followed up',
  REFERRED: 'checked and passed on to be decided',
};

/**
 * Who has seen or changed the person's record: every agency's audit merged into one list, newest
 * first, each entry saying whose record it was in; emergency accesses marked, with their review.
 */
export function WhoHasSeenMyRecordPage(props: { user: SignedInUser; nhsNumber: string }) {
  const [first, setFirst] = useState(30);
  const [{ data, error, fetching }] = useQuery({
    query: MyAccessLog,
    variables: { nhsNumber: props.nhsNumber, first },
    requestPolicy: 'cache-and-network',
  });
  if (fetching && !data) return <p className="nhsuk-body">Getting the list from every organisation…</p>;
  const person = data?.person;
  const whose = whoseRecord(props.user, person);
  const title = `Who has seen ${whose.carer ? `${whose.given ?? 'their'}'s` : 'my'} record`;
  if (!person)
    return (
      <>
        <h1>{title}</h1>
        <CouldNotLoad what="The list" error={error} />
      </>
    );
  const { entries, completeSince } = mergeAccessLogs(
    logFields.map((field) => ({ agency: personFieldAgencies[field] ?? field, page: person[field] })),
  );
  const emergencies = entries.filter((entry) => entry.breakGlass).length;
  return (
    <>
      <h1>{title}</h1>
      <ActingForNotice whose={whose} />
      <p className="nhsuk-body-l">
        Every time someone looks at or changes {yourOr(whose)} record, the organisation that holds that part writes it
        down. Here is everything they wrote down, newest first.
      </p>
      {emergencies > 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {emergencies === 1 ? 'One access was' : `${emergencies} accesses were`} made in an emergency by someone who
            does not usually support {whose.carer ? (whose.given ?? 'them') : 'you'}. Each emergency is checked by the
            organisation&apos;s privacy officer.
          </p>
        </div>
      ) : null}
      <MyNotices problems={problemsOf(error, [...logFields])} whose={whose} />
      {completeSince ? <p className="nhsuk-body">Showing everything since {formatDateTime(completeSince)}.</p> : null}
      {entries.length === 0 ? <p className="nhsuk-body">No one has looked at the record yet.</p> : null}
      <ol className="nhsuk-list app-access-log">
        {entries.map((entry) => (
          <AccessItem key={`${entry.heldBy}:${entry.id}`} entry={entry} you={props.user.name} whose={whose} />
        ))}
      </ol>
      {completeSince && first < 100 ? (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => setFirst(Math.min(100, first * 2))}
        >
          Show older entries
        </button>
      ) : null}
    </>
  );
}

function AccessItem(props: { entry: AccessEntry & { heldBy: string }; you: string; whose: Whose }) {
  const { entry } = props;
  const who = entry.actorName === props.you ? 'You' : entry.actorName;
  const review = entry.breakGlassReview;
  return (
    <li className={entry.breakGlass ? 'app-entry app-access app-access--emergency' : 'app-entry app-access'}>
      <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
        <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>: {who}{' '}
        {entry.action === 'WRITE' ? 'changed' : 'looked at'} {categoriesInWords(entry.categories, yourOr(props.whose))}
      </h2>
      {entry.breakGlass ? (
        <p className="nhsuk-body nhsuk-u-margin-bottom-2">
          <strong className="nhsuk-tag nhsuk-tag--red">Emergency access</strong>{' '}
          {entry.breakGlassReason ? `Reason given: ${entry.breakGlassReason}. ` : ''}
          {review
            ? `The privacy officer ${review.reviewerName} ${reviewWords[review.outcome] ?? review.outcome} (` +
              `${formatDateTime(review.reviewedAt)}).`
            : 'Not checked by the privacy officer yet.'}
        </p>
      ) : null}
      <p className="app-provenance">
        {entry.actorRole ? `${roleInWords(entry.actorRole)}, ` : ''}
        {entry.organisation.name}. In the part of the record held by {entry.heldBy}.
      </p>
    </li>
  );
}
