import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { SignedInUser } from '../auth/session.ts';
import { formatDate } from '../format.ts';
import {
  type CareCoordinationExperienceAnswer,
  MyExperience,
  type MyExperienceQuery,
  SetMyExperience,
} from '../generated/operations.ts';
import { ActingForNotice, CouldNotLoad, type Whose, whoseRecord } from './ActingFor.tsx';
import { MyNotices, problemsOf } from './MyNotices.tsx';

const answers: Array<[CareCoordinationExperienceAnswer, string]> = [
  ['STRONGLY_AGREE', 'Strongly agree'],
  ['AGREE', 'Agree'],
  ['NEUTRAL', 'Neither agree nor disagree'],
  ['DISAGREE', 'Disagree'],
  ['STRONGLY_DISAGREE', 'Strongly disagree'],
];
const answerWords = new Map(answers);

type Statement = MyExperienceQuery['experienceStatements'][number];
type Response = NonNullable<NonNullable<MyExperienceQuery['person']>['experience']>[number];

/**
 * How the person's care is going, in their own words: each statement the partnership asks, with
 * their last answer, and a form to answer it again. The answers count, rounded and anonymous, in the
 * partnership's measures.
 */
export function ExperiencePage(props: { user: SignedInUser; nhsNumber: string }) {
  const [{ data, error, fetching }, reread] = useQuery({
    query: MyExperience,
    variables: { nhsNumber: props.nhsNumber },
  });
  if (fetching && !data) return <p className="nhsuk-body">Getting the questions…</p>;
  const whose = whoseRecord(props.user, data?.person);
  if (!data)
    return (
      <>
        <h1>How is it going?</h1>
        <CouldNotLoad what="The questions" error={error} />
      </>
    );
  // Newest first, so the first answer found for a statement is its latest.
  const latest = new Map<string, Response>();
  for (const response of data.person?.experience ?? [])
    if (!latest.has(response.statement.code)) latest.set(response.statement.code, response);
  return (
    <>
      <h1>How is it going?</h1>
      <ActingForNotice whose={whose} />
      <p className="nhsuk-body-l">
        Tell us how {whose.carer ? `${whose.given ?? 'their'}'s` : 'your'} care feels. Answer as many as you like, as
        often as you like: the latest answer counts.
      </p>
      <p className="nhsuk-body">
        Your care team can read {whose.carer ? 'these answers' : 'your answers'}. The partnership also counts them with
        everyone else&apos;s, without names, to see where care needs to get better.
      </p>
      <MyNotices problems={problemsOf(error, ['experience'])} whose={whose} />
      {data.experienceStatements.map((statement, index) => (
        <StatementForm
          key={statement.code}
          number={index + 1}
          statement={statement}
          latest={latest.get(statement.code)}
          nhsNumber={props.nhsNumber}
          whose={whose}
          saved={() => reread({ requestPolicy: 'network-only' })}
        />
      ))}
    </>
  );
}

function StatementForm(props: {
  number: number;
  statement: Statement;
  latest: Response | undefined;
  nhsNumber: string;
  whose: Whose;
  saved: () => void;
}) {
  const [answer, setAnswer] = useState<CareCoordinationExperienceAnswer | undefined>();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState(false);
  const [{ fetching, error }, record] = useMutation(SetMyExperience);
  const id = `statement-${props.statement.code}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!answer) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const result = await record({
      input: {
        nhsNumber: props.nhsNumber,
        idempotencyKey: crypto.randomUUID(),
        statementCode: props.statement.code,
        answer,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      },
    });
    if (!result.error) {
      setDone(true);
      setComment('');
      props.saved();
    }
  };
  const latest = props.latest;
  return (
    <form className="app-entry" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-legend`}>
      <div className={missing ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
        <fieldset className="nhsuk-fieldset" aria-describedby={`${id}-latest${missing ? ` ${id}-error` : ''}`}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s" id={`${id}-legend`}>
            {props.number}. &ldquo;{props.statement.text}&rdquo;
          </legend>
          <p className="nhsuk-hint" id={`${id}-latest`}>
            {latest
              ? `Last answer: ${answerWords.get(latest.answer) ?? latest.answer}, on ${formatDate(latest.answeredOn)}` +
                ` (by ${latest.provenance.recordedBy}).`
              : 'Not answered yet.'}
          </p>
          {missing ? (
            <p className="nhsuk-error-message" id={`${id}-error`}>
              <span className="nhsuk-u-visually-hidden">Error:</span> Choose how far you agree
            </p>
          ) : null}
          <div className="nhsuk-radios nhsuk-radios--small">
            {answers.map(([value, words]) => (
              <div className="nhsuk-radios__item" key={value}>
                <input
                  className="nhsuk-radios__input"
                  id={`${id}-${value}`}
                  name={id}
                  type="radio"
                  value={value}
                  checked={answer === value}
                  onChange={() => setAnswer(value)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-${value}`}>
                  {words}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-comment`}>
          Anything you want to add (optional)
        </label>
        <textarea
          className="nhsuk-textarea"
          id={`${id}-comment`}
          rows={2}
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </div>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={fetching}>
        Save answer<span className="nhsuk-u-visually-hidden"> to question {props.number}</span>
      </button>
      <div role="status">
        {done ? <p className="nhsuk-body app-saved">Thank you. Your answer is saved.</p> : null}
        {error ? (
          <p className="nhsuk-error-message">
            <span className="nhsuk-u-visually-hidden">Error:</span> Your answer was not saved:{' '}
            {error.graphQLErrors[0]?.message ?? 'the service could not be reached. Try again.'}
          </p>
        ) : null}
      </div>
    </form>
  );
}
