import { type FormEvent, useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatDateTime, formatNhsNumber, formatStatus } from '../format.ts';
import { ReferralWorklist, type ReferralWorklistQuery, RespondToReferral } from '../generated/operations.ts';
import { Link } from '../router.tsx';
import { ChangeNotices } from './ChangeNotices.tsx';
import { TextAreaField } from './fields.tsx';
import { type ChangeRequest, newKey, useChange } from './useChange.ts';

type Referral = ReferralWorklistQuery['referralWorklist']['edges'][number]['node'];
type Run = <T>(request: ChangeRequest<T>) => Promise<boolean>;

/** The referrals sent to the signed-in user's organisation, oldest waiting first: accept, decline or complete. */
export function WorklistPage() {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ReferralWorklist });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const change = useChange(reload);
  const referrals = data?.referralWorklist.edges.map((edge) => edge.node) ?? [];
  const waiting = referrals.filter((referral) => referral.status === 'SENT');
  const underWay = referrals.filter((referral) => referral.status === 'ACCEPTED');
  return (
    <>
      <ChangeNotices
        feedback={change.feedback}
        onReload={() => {
          change.clear();
          reload();
        }}
      />
      <h1>Referrals worklist</h1>
      <p className="nhsuk-body">
        Referrals sent to your organisation, oldest waiting first. To refer someone on, open their plan from{' '}
        <Link to="/caseload">your caseload</Link>.
      </p>
      {fetching && !data ? <p className="nhsuk-body">Loading the worklist…</p> : null}
      {error && !data ? <p className="nhsuk-body">The worklist could not be loaded: {error.message}</p> : null}
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Waiting for an answer ({waiting.length})</h2>
        {data && waiting.length === 0 ? <p className="nhsuk-body">No referrals are waiting.</p> : null}
        {waiting.map((referral) => (
          <ReferralCard key={referral.id} referral={referral} run={change.run} errorFor={change.errorFor} />
        ))}
      </section>
      <section aria-labelledby="accepted-heading">
        <h2 id="accepted-heading">Accepted, under way ({underWay.length})</h2>
        {data && underWay.length === 0 ? <p className="nhsuk-body">None under way.</p> : null}
        {underWay.map((referral) => (
          <ReferralCard key={referral.id} referral={referral} run={change.run} errorFor={change.errorFor} />
        ))}
      </section>
    </>
  );
}

function ReferralCard(props: { referral: Referral; run: Run; errorFor: (field: string) => string | undefined }) {
  const { referral, run } = props;
  const [reason, setReason] = useState('');
  const [, respond] = useMutation(RespondToReferral);
  const who = referral.person.name?.full ?? `NHS number ${formatNhsNumber(referral.person.nhsNumber)}`;
  const reasonId = `decline-${referral.id}`;
  const answer = (status: 'ACCEPTED' | 'DECLINED' | 'COMPLETED') =>
    run({
      invalid:
        status === 'DECLINED' && !reason.trim()
          ? [{ field: reasonId, message: `Say why you are declining the referral for ${who}` }]
          : [],
      fields: { 'input.reason': reasonId },
      about: 'referral',
      send: () =>
        respond({
          input: {
            referralId: referral.id,
            idempotencyKey: newKey(),
            status,
            ...(status === 'DECLINED' ? { reason: reason.trim() } : {}),
          },
        }),
      saved: `referral for ${who} ${formatStatus(status).toLowerCase()}`,
    });
  const decline = (event: FormEvent) => {
    event.preventDefault();
    void answer('DECLINED');
  };
  const headingId = `referral-${referral.id}`;
  return (
    <div className="nhsuk-card" aria-labelledby={headingId} role="group">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={headingId}>
          {referral.service} for <Link to={`/people/${referral.person.nhsNumber}`}>{who}</Link>
        </h3>
        {referral.priority === 'URGENT' ? <strong className="nhsuk-tag nhsuk-tag--red">Urgent</strong> : null}
        <p className="nhsuk-body">{referral.reason}</p>
        <p className="nhsuk-body-s">
          From {referral.referrer}, {referral.fromOrganisation.name}, sent {formatDateTime(referral.sentAt)}
        </p>
        {referral.status === 'SENT' ? (
          <>
            <button className="nhsuk-button" type="button" onClick={() => void answer('ACCEPTED')}>
              Accept<span className="nhsuk-u-visually-hidden"> the referral for {who}</span>
            </button>
            <form onSubmit={decline} noValidate>
              <TextAreaField
                id={reasonId}
                label="If you decline, say why"
                value={reason}
                onChange={setReason}
                error={props.errorFor(reasonId)}
                rows={2}
              />
              <button className="nhsuk-button nhsuk-button--secondary" type="submit">
                Decline<span className="nhsuk-u-visually-hidden"> the referral for {who}</span>
              </button>
            </form>
          </>
        ) : (
          <button
            className="nhsuk-button nhsuk-button--secondary"
            type="button"
            onClick={() => void answer('COMPLETED')}
          >
            Mark completed<span className="nhsuk-u-visually-hidden">: the referral for {who}</span>
          </button>
        )}
      </div>
    </div>
  );
}
