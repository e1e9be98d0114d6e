import { useQuery } from 'urql';
import type { SignedInUser } from '../auth/session.ts';
import { formatDate } from '../format.ts';
import { MyPlan, type MyPlanQuery } from '../generated/operations.ts';
import { ActingForNotice, CouldNotLoad, whoseRecord } from './ActingFor.tsx';
import { MySection } from './MySection.tsx';

type Person = NonNullable<MyPlanQuery['person']>;

const goalStatus: Record<string, string> = {
  ACTIVE: 'working on it',
  ACHIEVED: 'done',
  DISCONTINUED: 'stopped',
};
const actionStatus: Record<string, string> = {
  NOT_STARTED: 'not started yet',
  IN_PROGRESS: 'being done',
  DONE: 'done',
  CANCELLED: 'cancelled',
};

/** The person's plan and the people who support them, in plain words, for them or their carer. */
export function MyPlanPage(props: { user: SignedInUser; nhsNumber: string }) {
  const [{ data, error, fetching }] = useQuery({ query: MyPlan, variables: { nhsNumber: props.nhsNumber } });
  if (fetching && !data) return <p className="nhsuk-body">Getting the plan and team…</p>;
  const person = data?.person;
  const whose = whoseRecord(props.user, person);
  const title = whose.carer ? `${whose.given ?? 'Their'}'s plan and team` : 'My plan and team';
  if (!person)
    return (
      <>
        <h1>{title}</h1>
        <CouldNotLoad what="The plan" error={error} />
      </>
    );
  const { carePlan, careAndSupportPlan } = person;
  return (
    <>
      <h1>{title}</h1>
      <ActingForNotice whose={whose} />
      <MySection
        id="my-plan"
        title="My care plan"
        intro="What I want to achieve, and what each person is doing to help."
        fields={['carePlan']}
        error={error}
        hasEntries={Boolean(carePlan)}
        whose={whose}
        empty="No plan has been started yet"
      >
        {carePlan ? (
          <>
            {carePlan.whatMattersToMe ? (
              <p className="nhsuk-body">
                <strong>What matters to me:</strong> {carePlan.whatMattersToMe}
              </p>
            ) : null}
            {carePlan.goals.map((goal) => (
              <div className="app-entry" key={goal.id}>
                <h3 className="nhsuk-heading-s">
                  {goal.description} ({goalStatus[goal.status] ?? goal.status.toLowerCase()})
                </h3>
                <ul className="nhsuk-list nhsuk-list--bullet">
                  {goal.actions.map((action) => (
                    <li key={action.id}>
                      {action.description}: {action.ownerOrganisation.name}, by {formatDate(action.dueOn)} (
                      {actionStatus[action.status] ?? action.status.toLowerCase()}
                      {action.overdue ? ', late' : ''})
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {carePlan.contingencyPlan ? (
              <div className="nhsuk-inset-text">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <h3 className="nhsuk-heading-s">If things go wrong</h3>
                <p>{carePlan.contingencyPlan.whatToDo}</p>
                <p>Who to call: {carePlan.contingencyPlan.whoToContact.join('; ')}</p>
              </div>
            ) : null}
            <p className="nhsuk-body">
              {carePlan.nextReviewDue
                ? `We will look at the plan together again by ${formatDate(carePlan.nextReviewDue)}`
                : 'No date has been set to look at the plan again'}
              {carePlan.reviewOverdue ? ', and that is now late.' : '.'}
            </p>
            <p className="app-provenance">
              Kept by {carePlan.provenance.organisation.name}; last changed by {carePlan.provenance.recordedBy} on{' '}
              {formatDate(carePlan.provenance.recordedAt)}.
            </p>
          </>
        ) : null}
      </MySection>
      <MySection
        id="council-plan"
        title="My support from the council"
        fields={['careAndSupportPlan']}
        error={error}
        hasEntries={Boolean(careAndSupportPlan)}
        whose={whose}
        empty="No care and support plan agreed with the council"
      >
        {careAndSupportPlan ? (
          <>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {careAndSupportPlan.outcomes.map((outcome) => (
                <li key={outcome.inTheirWords}>
                  &ldquo;{outcome.inTheirWords}&rdquo;: {outcome.howSupported}
                </li>
              ))}
            </ul>
            <p className="nhsuk-body">
              Agreed on {formatDate(careAndSupportPlan.agreedOn)}
              {careAndSupportPlan.provider ? `, with support from ${careAndSupportPlan.provider.name}` : ''}. It will be
              looked at again by {formatDate(careAndSupportPlan.nextReviewDue)}.
            </p>
          </>
        ) : null}
      </MySection>
      <CareTeam person={person} error={error} whose={whose} />
    </>
  );
}

function CareTeam(props: {
  person: Person;
  error: Parameters<typeof MySection>[0]['error'];
  whose: ReturnType<typeof whoseRecord>;
}) {
  const team = props.person.careTeam ?? [];
  return (
    <MySection
      id="team"
      title="The people who support me"
      intro="How to reach each of them. My care coordinator is the person to ask first."
      fields={['careTeam']}
      error={props.error}
      hasEntries={team.length > 0}
      whose={props.whose}
      empty="No care team written down"
    >
      <ul className="nhsuk-list">
        {team.map((member) => {
          const worker =
            member.clinician ?? member.socialCareWorker ?? member.voluntarySectorWorker ?? member.partnershipWorker;
          const name = worker?.name ?? member.carerName ?? 'Name not shown';
          const contact = worker ? [worker.phone, worker.email].filter(Boolean).join(', ') : member.carerContact;
          return (
            <li className="app-entry" key={member.id}>
              <h3 className="nhsuk-heading-s">
                {name}
                {member.isCoordinator ? ' (my care coordinator)' : ''}
              </h3>
              <p className="nhsuk-body">
                {member.role}
                {member.organisation ? `, ${member.organisation.name}` : ''}
                {member.carerRelationship ? `, ${member.carerRelationship}` : ''}.
                {contact ? ` Contact: ${contact}` : ''}
              </p>
            </li>
          );
        })}
      </ul>
    </MySection>
  );
}
