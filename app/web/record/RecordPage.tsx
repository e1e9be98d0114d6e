import { useMemo } from 'react';
import { useQuery } from 'urql';
import { SectionNotices } from '../components/SectionNotices.tsx';
import { Provenance } from '../components/Provenance.tsx';
import { formatDate, formatDateTime, formatNhsNumber, formatStatus } from '../format.ts';
import { PersonRecord, type PersonRecordQuery, personFieldAgencies } from '../generated/operations.ts';
import { problemsAt, unreachableAgencies } from '../graphql/sectionErrors.ts';
import { Link } from '../router.tsx';
import { emergencyDeclaredFor, emergencyFetchOptions } from './emergencyAccess.ts';
import { RecordSection } from './RecordSection.tsx';

type Person = NonNullable<PersonRecordQuery['person']>;

const agencyOf = (field: string) => personFieldAgencies[field];

/** A person's joined-up record under the PRSB Core Information headings, for a professional. */
export function RecordPage(props: { nhsNumber: string; canEditPlan: boolean }) {
  const fetchOptions = emergencyFetchOptions(props.nhsNumber);
  const context = useMemo(() => (fetchOptions ? { fetchOptions } : {}), [fetchOptions !== undefined]);
  const [{ data, error, fetching }] = useQuery({
    query: PersonRecord,
    variables: { nhsNumber: props.nhsNumber },
    context,
  });
  const emergency = emergencyDeclaredFor(props.nhsNumber);
  if (fetching && !data) return <p className="nhsuk-body">Loading the record from every agency…</p>;
  if (error && !data) return <FailedPage message={error.message} />;
  const person = data?.person;
  if (!person)
    return (
      <>
        <h1>No record found</h1>
        <p className="nhsuk-body">
          No agency holds a record for NHS number {formatNhsNumber(props.nhsNumber)} that you may see.
        </p>
        <p className="nhsuk-body">
          <Link to="/people">Find another person</Link>
        </p>
      </>
    );
  const name = person.name?.full;
  const whose = name ? `${name}'s` : "this person's";
  const withheldEverywhere = problemsAt(error, ['person']).length > 0 && !person.name;
  const unreachable = unreachableAgencies(error);
  const section = (fields: string[], hasEntries: boolean) => ({ fields, error, hasEntries, whose });
  return (
    <>
      <h1>
        {name ?? 'Record withheld'}
        <span className="nhsuk-caption-l">NHS number {formatNhsNumber(person.nhsNumber)}</span>
      </h1>
      {emergency ? (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Emergency access
            </span>
          </h2>
          <p>
            You declared an emergency for this person: {emergency.reason}. Your access is recorded by every agency and
            will be reviewed by their privacy officers.
          </p>
        </div>
      ) : null}
      {unreachable.length > 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{unreachable.join(', ')} could not be reached; everything else is shown.</p>
        </div>
      ) : null}
      {withheldEverywhere && !emergency ? (
        <div className="nhsuk-card nhsuk-card--care nhsuk-card--care--urgent">
          <div className="nhsuk-card--care__heading-container">
            <h2 className="nhsuk-card--care__heading">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Urgent advice: </span>You have no care relationship with this
                person
              </span>
            </h2>
            <span className="nhsuk-card--care__arrow" aria-hidden="true" />
          </div>
          <div className="nhsuk-card__content">
            <p>Each agency withholds this record because you are not on this person&apos;s care team.</p>
            <p>
              If you need it to treat them in an emergency, you can declare an emergency for this one person. Your
              access will be recorded and reviewed.
            </p>
            <p>
              <Link to={`/people/${person.nhsNumber}/emergency-access`}>Declare an emergency to see this record</Link>
            </p>
          </div>
        </div>
      ) : null}
      {props.canEditPlan ? (
        <p className="nhsuk-body">
          <Link to={`/people/${person.nhsNumber}/plan`}>Work on the care and support plan and team</Link>
        </p>
      ) : null}
      <nav className="nhsuk-contents-list" aria-label="Headings of this record">
        <h2 className="nhsuk-u-visually-hidden">Contents</h2>
        <ol className="nhsuk-contents-list__list">
          {headings.map(([id, title]) => (
            <li className="nhsuk-contents-list__item" key={id}>
              <a className="nhsuk-contents-list__link" href={`#${id}-heading`}>
                {title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <AboutMe person={person} section={section} />
      <RecordSection
        id="alerts"
        title="Alerts"
        {...section(['alerts'], (person.alerts?.length ?? 0) > 0)}
        empty="No alerts recorded"
      >
        {person.alerts?.map((alert) => (
          <div className="app-entry" key={alert.id}>
            <h3 className="nhsuk-heading-s">{alert.category}</h3>
            <p className="nhsuk-body">{alert.description}</p>
            <Provenance provenance={alert.provenance} agency={agencyOf('alerts')} />
          </div>
        ))}
      </RecordSection>
      <RecordSection
        id="requirements"
        title="Individual requirements"
        {...section(['individualRequirements'], (person.individualRequirements?.length ?? 0) > 0)}
        empty="No reasonable adjustments or communication needs recorded"
      >
        {person.individualRequirements?.map((requirement) => (
          <div className="app-entry" key={requirement.id}>
            <h3 className="nhsuk-heading-s">{requirement.category}</h3>
            <p className="nhsuk-body">{requirement.description}</p>
            <Provenance provenance={requirement.provenance} agency={agencyOf('individualRequirements')} />
          </div>
        ))}
      </RecordSection>
      <RecordSection
        id="problems"
        title="Problems and diagnoses"
        {...section(['problems'], (person.problems?.length ?? 0) > 0)}
      >
        {person.problems?.map((problem) => (
          <div className="app-entry" key={problem.id}>
            <h3 className="nhsuk-heading-s">{problem.code.display}</h3>
            <p className="nhsuk-body">
              {formatStatus(problem.status)}
              {problem.onsetDate ? `, since ${formatDate(problem.onsetDate)}` : ''}
            </p>
            <Provenance provenance={problem.provenance} agency={agencyOf('problems')} />
          </div>
        ))}
      </RecordSection>
      <RecordSection
        id="medications"
        title="Medications"
        {...section(['medications'], (person.medications?.length ?? 0) > 0)}
        empty="No current medications recorded"
      >
        {person.medications?.map((medication) => (
          <div className="app-entry" key={medication.id}>
            <h3 className="nhsuk-heading-s">{medication.name}</h3>
            <p className="nhsuk-body">{medication.dosageInstructions}</p>
            <Provenance provenance={medication.provenance} agency={agencyOf('medications')} />
          </div>
        ))}
      </RecordSection>
      <RecordSection
        id="allergies"
        title="Allergies and adverse reactions"
        {...section(['allergies'], (person.allergies?.length ?? 0) > 0)}
        empty="No allergies recorded"
      >
        {person.allergies?.map((allergy) => (
          <div className="app-entry" key={allergy.id}>
            <h3 className="nhsuk-heading-s">{allergy.code.display}</h3>
            <p className="nhsuk-body">
              {formatStatus(allergy.severity)}
              {allergy.reaction ? `: ${allergy.reaction}` : ''}
            </p>
            <Provenance provenance={allergy.provenance} agency={agencyOf('allergies')} />
          </div>
        ))}
      </RecordSection>
      <Plans person={person} section={section} />
      <CareTeam person={person} section={section} />
      <RecordSection
        id="services"
        title="Services"
        {...section(['socialCareServices'], (person.socialCareServices?.length ?? 0) > 0)}
        empty="No services recorded"
      >
        {person.socialCareServices?.map((service) => (
          <div className="app-entry" key={service.id}>
            <h3 className="nhsuk-heading-s">{service.serviceType.display}</h3>
            <p className="nhsuk-body">
              {service.provider ? `${service.provider.name}, ` : ''}
              {service.hoursPerWeek ? `${service.hoursPerWeek} hours a week, ` : ''}since{' '}
              {formatDate(service.startDate)}
            </p>
            <Provenance provenance={service.provenance} agency={agencyOf('socialCareServices')} />
          </div>
        ))}
      </RecordSection>
      <RecordSection
        id="social-prescribing"
        title="Social prescribing"
        {...section(['socialPrescribingReferrals'], (person.socialPrescribingReferrals?.length ?? 0) > 0)}
        empty="No social prescribing referrals recorded"
      >
        {person.socialPrescribingReferrals?.map((referral) => (
          <div className="app-entry" key={referral.id}>
            <h3 className="nhsuk-heading-s">
              To {referral.referredTo.name}: {formatStatus(referral.status)}
            </h3>
            <p className="nhsuk-body">
              {referral.reason} (referred on {formatDate(referral.referredOn)})
            </p>
            <Provenance provenance={referral.provenance} agency={agencyOf('socialPrescribingReferrals')} />
          </div>
        ))}
      </RecordSection>
      <RecordSection
        id="referrals"
        title="Referrals"
        {...section(['coordinationReferrals'], (person.coordinationReferrals?.length ?? 0) > 0)}
        empty="No referrals recorded"
      >
        {person.coordinationReferrals?.map((referral) => (
          <div className="app-entry" key={referral.id}>
            <h3 className="nhsuk-heading-s">
              {referral.service}: {formatStatus(referral.status)}
            </h3>
            <p className="nhsuk-body">
              From {referral.fromOrganisation.name} to {referral.toOrganisation.name}, sent{' '}
              {formatDateTime(referral.sentAt)}. {referral.reason}
            </p>
            <Provenance provenance={referral.provenance} agency={agencyOf('coordinationReferrals')} />
          </div>
        ))}
      </RecordSection>
      <RecordSection
        id="timeline"
        title="Timeline"
        {...section(
          // The partnership builds the timeline from each agency's own: a part withheld is named.
          ['timeline', 'healthTimeline', 'socialCareTimeline', 'voluntarySectorTimeline'],
          (person.timeline?.edges.length ?? 0) > 0,
        )}
        empty="No events recorded"
      >
        <ol className="nhsuk-list">
          {person.timeline?.edges.map(({ node }) => (
            <li className="app-entry" key={node.id}>
              <h3 className="nhsuk-heading-s">
                <time dateTime={node.occurredOn}>{formatDate(node.occurredOn)}</time>: {node.title}
              </h3>
              {node.detail ? <p className="nhsuk-body">{node.detail}</p> : null}
              <Provenance provenance={node.provenance} agency={node.agency} />
            </li>
          ))}
        </ol>
      </RecordSection>
    </>
  );
}

const headings: Array<[string, string]> = [
  ['about-me', 'About me'],
  ['alerts', 'Alerts'],
  ['requirements', 'Individual requirements'],
  ['problems', 'Problems and diagnoses'],
  ['medications', 'Medications'],
  ['allergies', 'Allergies and adverse reactions'],
  ['plan', 'Care and support plan'],
  ['care-team', 'Care team'],
  ['services', 'Services'],
  ['social-prescribing', 'Social prescribing'],
  ['referrals', 'Referrals'],
  ['timeline', 'Timeline'],
];

type SectionProps = (
  fields: string[],
  hasEntries: boolean,
) => { fields: string[]; error: Parameters<typeof RecordSection>[0]['error']; hasEntries: boolean; whose: string };

function AboutMe(props: { person: Person; section: SectionProps }) {
  const { person } = props;
  const demographics = ['name', 'dateOfBirth', 'address', 'phone', 'gpPractice'];
  return (
    <RecordSection
      id="about-me"
      title="About me"
      {...props.section(
        [...demographics, 'whatMattersToMe'],
        Boolean(person.name) || (person.whatMattersToMe?.length ?? 0) > 0,
      )}
    >
      {person.name ? (
        <dl className="nhsuk-summary-list">
          <SummaryRow
            label="Date of birth"
            value={person.dateOfBirth ? `${formatDate(person.dateOfBirth)} (${person.age} years)` : undefined}
          />
          <SummaryRow label="Sex" value={person.sex ? formatStatus(person.sex) : undefined} />
          <SummaryRow
            label="Address"
            value={
              person.address ? `${person.address.line1}, ${person.address.town}, ${person.address.postcode}` : undefined
            }
          />
          <SummaryRow label="Phone" value={person.phone ?? undefined} />
          <SummaryRow label="GP practice" value={person.gpPractice?.name} />
        </dl>
      ) : null}
      {person.name ? <p className="app-provenance">Demographics held by {agencyOf('name')}.</p> : null}
      {person.whatMattersToMe?.map((conversation) => (
        <div className="app-entry" key={conversation.id}>
          <h3 className="nhsuk-heading-s">What matters to me ({formatDate(conversation.heldOn)})</h3>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {conversation.whatMatters.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <h4 className="nhsuk-heading-xs">My goals</h4>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {conversation.goals.map((goal) => (
              <li key={goal}>{goal}</li>
            ))}
          </ul>
          <Provenance provenance={conversation.provenance} agency={agencyOf('whatMattersToMe')} />
        </div>
      ))}
    </RecordSection>
  );
}

function Plans(props: { person: Person; section: SectionProps }) {
  const { carePlan, careAndSupportPlan } = props.person;
  return (
    <RecordSection
      id="plan"
      title="Care and support plan"
      {...props.section(['carePlan', 'careAndSupportPlan'], Boolean(carePlan || careAndSupportPlan))}
      empty="No plan recorded"
    >
      {carePlan ? (
        <div className="app-entry">
          <h3 className="nhsuk-heading-m">Shared care and support plan</h3>
          <p className="nhsuk-body">
            {formatStatus(carePlan.status)}, version {carePlan.version}
            {carePlan.nextReviewDue ? `. Next review due ${formatDate(carePlan.nextReviewDue)}` : ''}
            {carePlan.reviewOverdue ? ' (overdue)' : ''}.
          </p>
          {carePlan.planInForce === 'CONTINGENCY' && carePlan.carerUnavailability ? (
            <ContingencyInForce unavailability={carePlan.carerUnavailability} agency={agencyOf('carePlan')} />
          ) : null}
          {carePlan.goals.map((goal) => (
            <div key={goal.id}>
              <h4 className="nhsuk-heading-s">
                Goal: {goal.description} ({formatStatus(goal.status)})
              </h4>
              <ul className="nhsuk-list nhsuk-list--bullet">
                {goal.actions.map((action) => (
                  <li key={action.id}>
                    {action.description}: {action.ownerOrganisation.name}, due {formatDate(action.dueOn)},{' '}
                    {formatStatus(action.status).toLowerCase()}
                    {action.overdue ? ' (overdue)' : ''}
                  </li>
                ))}
              </ul>
              <Provenance provenance={goal.provenance} agency={agencyOf('carePlan')} />
            </div>
          ))}
          {carePlan.contingencyPlan ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <h4 className="nhsuk-heading-s">
                {carePlan.planInForce === 'CONTINGENCY'
                  ? 'Contingency plan: in force now'
                  : 'Contingency plan: if things go wrong'}
              </h4>
              <p>{carePlan.contingencyPlan.whatToDo}</p>
              <p>Who to contact: {carePlan.contingencyPlan.whoToContact.join('; ')}</p>
              <Provenance provenance={carePlan.contingencyPlan.provenance} agency={agencyOf('carePlan')} />
            </div>
          ) : null}
        </div>
      ) : null}
      {careAndSupportPlan ? (
        <div className="app-entry">
          <h3 className="nhsuk-heading-m">Care Act care and support plan</h3>
          <p className="nhsuk-body">
            {formatStatus(careAndSupportPlan.status)}, agreed {formatDate(careAndSupportPlan.agreedOn)}
            {careAndSupportPlan.provider ? `, provided by ${careAndSupportPlan.provider.name}` : ''}.{' '}
            {`Next review due ${formatDate(careAndSupportPlan.nextReviewDue)}.`}
          </p>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {careAndSupportPlan.outcomes.map((outcome) => (
              <li key={outcome.inTheirWords}>
                &ldquo;{outcome.inTheirWords}&rdquo;: {outcome.howSupported}
              </li>
            ))}
          </ul>
          <Provenance provenance={careAndSupportPlan.provenance} agency={agencyOf('careAndSupportPlan')} />
        </div>
      ) : null}
    </RecordSection>
  );
}

type CarerUnavailability = NonNullable<NonNullable<Person['carePlan']>['carerUnavailability']>;

/**
 * The carer cannot care, and the contingency plan is the plan in force: said first, where anyone
 * opening the plan looks, because what the team does today depends on it.
 */
function ContingencyInForce(props: { unavailability: CarerUnavailability; agency: string | undefined }) {
  const { since, until, reason, provenance } = props.unavailability;
  return (
    <div className="nhsuk-warning-callout">
      <h4 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          The contingency plan is in force
        </span>
      </h4>
      <p>
        The carer cannot care since {formatDateTime(since)}
        {until ? `, until ${formatDate(until)}` : ', with no end date yet'}: &ldquo;{reason}&rdquo;
      </p>
      <Provenance provenance={provenance} agency={props.agency} />
    </div>
  );
}

function CareTeam(props: { person: Person; section: SectionProps }) {
  const team = props.person.careTeam ?? [];
  return (
    <RecordSection
      id="care-team"
      title="Care team"
      {...props.section(['careTeam'], team.length > 0)}
      empty="No care team recorded"
    >
      <ul className="nhsuk-list">
        {team.map((member) => {
          const worker =
            member.clinician ?? member.socialCareWorker ?? member.voluntarySectorWorker ?? member.partnershipWorker;
          const name = worker?.name ?? member.carerName ?? 'Name withheld';
          const contact = worker ? [worker.phone, worker.email].filter(Boolean).join(', ') : member.carerContact;
          return (
            <li className="app-entry" key={member.id}>
              <h3 className="nhsuk-heading-s">
                {name}: {member.role}
                {member.isCoordinator ? ' (care coordinator)' : ''}
              </h3>
              <p className="nhsuk-body">
                {member.organisation ? `${member.organisation.name}. ` : ''}
                {member.carerRelationship ? `${member.carerRelationship}. ` : ''}
                {contact ? `Contact: ${contact}` : ''}
              </p>
              <Provenance provenance={member.provenance} agency={agencyOf('careTeam')} />
            </li>
          );
        })}
      </ul>
    </RecordSection>
  );
}

function SummaryRow(props: { label: string; value: string | undefined }) {
  if (!props.value) return null;
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{props.label}</dt>
      <dd className="nhsuk-summary-list__value">{props.value}</dd>
    </div>
  );
}

function FailedPage(props: { message: string }) {
  return (
    <>
      <h1>The record could not be loaded</h1>
      <SectionNotices problems={[{ kind: 'failed', agency: 'The gateway', message: props.message }]} />
    </>
  );
}
