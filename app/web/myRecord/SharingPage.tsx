import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { SignedInUser } from '../auth/session.ts';
import { formatDateTime } from '../format.ts';
import {
  MySharing,
  type MySharingDecisionFieldsFragment,
  personFieldAgencies,
  SetCareCoordinationSharing,
  SetHealthSharing,
  SetHospitalSharing,
  SetSocialCareSharing,
  SetVoluntarySectorSharing,
} from '../generated/operations.ts';
import { ActingForNotice, CouldNotLoad, type Whose, whoseRecord, yourOr } from './ActingFor.tsx';
import { MyNotices, problemsOf } from './MyNotices.tsx';
import { agencyHolds, sectorShort, sectorWords } from './sharingWords.ts';

/** The agencies that hold a part of the record, by the prefix of their Person fields. */
const agencies = ['health', 'hospital', 'socialCare', 'voluntarySector', 'careCoordination'] as const;
type AgencyKey = (typeof agencies)[number];

interface Change {
  agency: AgencyKey;
  sector: string;
  shared: boolean;
}

/**
 * The person's sharing decisions, one per agency and sector: each agency holds its own and applies
 * it at once. A change is confirmed first, with what it means, and said once made.
 */
export function SharingPage(props: { user: SignedInUser; nhsNumber: string }) {
  const [{ data, error, fetching }, reread] = useQuery({ query: MySharing, variables: { nhsNumber: props.nhsNumber } });
  const [pending, setPending] = useState<Change | undefined>();
  const [made, setMade] = useState<Change | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const setters = {
    health: useMutation(SetHealthSharing),
    hospital: useMutation(SetHospitalSharing),
    socialCare: useMutation(SetSocialCareSharing),
    voluntarySector: useMutation(SetVoluntarySectorSharing),
    careCoordination: useMutation(SetCareCoordinationSharing),
  };
  const saving = agencies.some((agency) => setters[agency][0].fetching);
  const done = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (made || failure) done.current?.focus();
  }, [made, failure]);
  if (fetching && !data) return <p className="nhsuk-body">Getting your sharing choices…</p>;
  const person = data?.person;
  const whose = whoseRecord(props.user, person);
  if (!person)
    return (
      <>
        <h1>Sharing</h1>
        <CouldNotLoad what="The sharing choices" error={error} />
      </>
    );
  const confirm = async (change: Change) => {
    const variables = { nhsNumber: props.nhsNumber, sector: change.sector, shared: change.shared };
    const result = await setters[change.agency][1](variables);
    setPending(undefined);
    if (result.error) {
      setMade(undefined);
      setFailure(result.error.graphQLErrors[0]?.message ?? 'The service could not be reached. Try again later.');
    } else {
      setFailure(undefined);
      setMade(change);
      reread({ requestPolicy: 'network-only' });
    }
  };
  return (
    <>
      <h1>Who can see {yourOr(whose)} record</h1>
      <ActingForNotice whose={whose} />
      <p className="nhsuk-body-l">
        Each organisation that supports {whose.carer ? (whose.given ?? 'them') : 'you'} keeps its own part of the
        record. Here you choose, for each one, which other kinds of service may see it.
      </p>
      <p className="nhsuk-body">
        Sharing helps the people who support {whose.carer ? (whose.given ?? 'them') : 'you'} work together. A change
        takes effect straight away. The organisation&apos;s own staff always see what it holds.
      </p>
      <div tabIndex={-1} ref={done}>
        {made ? (
          <div className="nhsuk-inset-text app-sharing-done" role="status">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              Done. {personFieldAgencies[`${made.agency}SharingDecisions`]}{' '}
              {made.shared ? 'now shows' : 'no longer shows'} {yourOr(whose)} record to {sectorWords(made.sector)}.
            </p>
          </div>
        ) : null}
        {failure ? (
          <div className="nhsuk-error-summary" role="alert">
            <h2 className="nhsuk-error-summary__title">The change was not made</h2>
            <div className="nhsuk-error-summary__body">
              <p>{failure}</p>
            </div>
          </div>
        ) : null}
      </div>
      {agencies.map((agency) => (
        <AgencySharing
          key={agency}
          agency={agency}
          decisions={person[`${agency}SharingDecisions`] ?? undefined}
          problems={problemsOf(error, [`${agency}SharingDecisions`])}
          whose={whose}
          pending={pending?.agency === agency ? pending : undefined}
          saving={saving}
          ask={(change) => {
            setMade(undefined);
            setFailure(undefined);
            setPending(change);
          }}
          cancel={() => setPending(undefined)}
          confirm={(change) => void confirm(change)}
        />
      ))}
    </>
  );
}

function AgencySharing(props: {
  agency: AgencyKey;
  decisions: MySharingDecisionFieldsFragment[] | undefined;
  problems: ReturnType<typeof problemsOf>;
  whose: Whose;
  pending: Change | undefined;
  saving: boolean;
  ask: (change: Change) => void;
  cancel: () => void;
  confirm: (change: Change) => void;
}) {
  const name = personFieldAgencies[`${props.agency}SharingDecisions`] ?? props.agency;
  const id = `sharing-${props.agency}`;
  const holds = agencyHolds[props.agency] ?? 'its part of your record';
  return (
    <section className="nhsuk-u-margin-bottom-6" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="nhsuk-heading-m">
        {name}
      </h2>
      <p className="nhsuk-body">
        Holds {props.whose.carer ? holds.replace(/\byour\b/g, props.whose.possessive) : holds}.
      </p>
      <MyNotices problems={props.problems} whose={props.whose} />
      <ul className="nhsuk-list">
        {(props.decisions ?? []).map((decision) => {
          const asking = props.pending?.sector === decision.sector ? props.pending : undefined;
          return (
            <li className="app-entry" key={decision.sector}>
              <p className="nhsuk-body nhsuk-u-margin-bottom-2">
                <strong className={`nhsuk-tag ${decision.shared ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}>
                  {decision.shared ? 'Shared' : 'Not shared'}
                </strong>{' '}
                with {sectorWords(decision.sector)}
                {decision.decidedAt ? `. Changed ${formatDateTime(decision.decidedAt)}` : ''}.
              </p>
              {asking ? (
                <Confirm
                  name={name}
                  change={asking}
                  whose={props.whose}
                  saving={props.saving}
                  cancel={props.cancel}
                  confirm={props.confirm}
                />
              ) : (
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                  onClick={() => props.ask({ agency: props.agency, sector: decision.sector, shared: !decision.shared })}
                >
                  {decision.shared ? 'Stop sharing' : 'Share'} with {sectorShort(decision.sector)}
                  <span className="nhsuk-u-visually-hidden">: {name}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Asks before a change, saying what it will mean, and moves the focus there so it is heard. */
function Confirm(props: {
  name: string;
  change: Change;
  whose: Whose;
  saving: boolean;
  cancel: () => void;
  confirm: (change: Change) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const words = sectorWords(props.change.sector);
  const people = words.charAt(0).toUpperCase() + words.slice(1);
  const headingId = `confirm-${props.change.agency}-${props.change.sector}`;
  return (
    <div className="nhsuk-warning-callout" ref={box} tabIndex={-1} role="group" aria-labelledby={headingId}>
      <h3 className="nhsuk-warning-callout__label" id={headingId}>
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {props.change.shared ? 'Start sharing?' : 'Stop sharing?'}
        </span>
      </h3>
      {props.change.shared ? (
        <p>
          {people} will be able to see what {props.name} holds, when they support {props.whose.carer ? 'them' : 'you'}.
        </p>
      ) : (
        <p>
          {people} will no longer see what {props.name} holds, even when they support{' '}
          {props.whose.carer ? 'them' : 'you'}. They may know less about what {props.whose.carer ? 'they' : 'you'} need.
          You can change this back at any time.
        </p>
      )}
      <div className="nhsuk-button-group">
        <button
          type="button"
          className="nhsuk-button nhsuk-u-margin-bottom-0"
          disabled={props.saving}
          onClick={() => props.confirm(props.change)}
        >
          {props.change.shared ? 'Yes, share it' : 'Yes, stop sharing'}
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
          disabled={props.saving}
          onClick={props.cancel}
        >
          No, keep it as it is
        </button>
      </div>
    </div>
  );
}
