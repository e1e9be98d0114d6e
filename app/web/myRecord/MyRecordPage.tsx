import { useQuery } from 'urql';
import type { SignedInUser } from '../auth/session.ts';
import { formatDate, formatDateTime, formatNhsNumber } from '../format.ts';
import { MyRecord } from '../generated/operations.ts';
import { unreachableAgencies } from '../graphql/sectionErrors.ts';
import { Link } from '../router.tsx';
import { ActingForNotice, CouldNotLoad, whoseRecord } from './ActingFor.tsx';
import { MySection, WrittenBy } from './MySection.tsx';

/**
 * The person's own record in plain language, for them or the carer acting for them: what matters
 * to them first, then what everyone should know, their health, medicines and support.
 */
export function MyRecordPage(props: { user: SignedInUser; nhsNumber: string }) {
  const [{ data, error, fetching }] = useQuery({ query: MyRecord, variables: { nhsNumber: props.nhsNumber } });
  if (fetching && !data) return <p className="nhsuk-body">Getting your record from every organisation…</p>;
  const person = data?.person;
  const whose = whoseRecord(props.user, person);
  const title = whose.carer ? `${whose.given ?? 'Their'}'s record` : 'My record';
  if (!person)
    return (
      <>
        <h1>{title}</h1>
        <CouldNotLoad what="The record" error={error} />
      </>
    );
  const unreachable = unreachableAgencies(error);
  const section = (fields: string[], hasEntries: boolean) => ({ fields, error, hasEntries, whose });
  const needToKnow = [...(person.alerts ?? []), ...(person.individualRequirements ?? [])];
  return (
    <>
      <h1>
        {title}
        <span className="nhsuk-caption-l">
          {person.name?.full ? `${person.name.full}, ` : ''}NHS number {formatNhsNumber(person.nhsNumber)}
        </span>
      </h1>
      <ActingForNotice whose={whose} />
      <p className="nhsuk-body-l">
        This is what the organisations that support {whose.carer ? (whose.given ?? 'them') : 'you'} have written down.
        Each part says who wrote it.
      </p>
      {unreachable.length > 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{unreachable.join(', ')} could not be reached just now; everything else is shown.</p>
        </div>
      ) : null}
      <ul className="nhsuk-list">
        <li>
          <Link to="/my-record/plan">{whose.carer ? `${whose.given ?? 'Their'}'s` : 'My'} plan and team</Link>
        </li>
        <li>
          <Link to="/my-record/access">Who has seen {whose.carer ? `${whose.given ?? 'their'}'s` : 'my'} record</Link>
        </li>
      </ul>
      <MySection
        id="what-matters"
        title="What matters to me"
        {...section(['whatMattersToMe'], (person.whatMattersToMe?.length ?? 0) > 0)}
        empty="No conversations about what matters written down yet"
      >
        {person.whatMattersToMe?.map((conversation) => (
          <div className="app-entry" key={conversation.id}>
            <h3 className="nhsuk-heading-s">
              We talked on <time dateTime={conversation.heldOn}>{formatDate(conversation.heldOn)}</time>
            </h3>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {conversation.whatMatters.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            {conversation.goals.length > 0 ? (
              <>
                <h4 className="nhsuk-heading-xs">What I want to do</h4>
                <ul className="nhsuk-list nhsuk-list--bullet">
                  {conversation.goals.map((goal) => (
                    <li key={goal}>{goal}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <WrittenBy provenance={conversation.provenance} />
          </div>
        ))}
      </MySection>
      <MySection
        id="need-to-know"
        title="What people need to know about me"
        intro="Everyone who supports me is asked to read this first."
        {...section(['alerts', 'individualRequirements'], needToKnow.length > 0)}
        empty="Nothing written down"
      >
        {needToKnow.map((item) => (
          <div className="app-entry" key={item.id}>
            <h3 className="nhsuk-heading-s">{item.category}</h3>
            <p className="nhsuk-body">{item.description}</p>
            <WrittenBy provenance={item.provenance} />
          </div>
        ))}
      </MySection>
      <MySection
        id="health"
        title="My health"
        intro="Conditions my GP and other health services are helping me with now."
        {...section(['problems'], (person.problems?.length ?? 0) > 0)}
        empty="No conditions written down"
      >
        {person.problems?.map((problem) => (
          <div className="app-entry" key={problem.id}>
            <h3 className="nhsuk-heading-s">{problem.code.display}</h3>
            {problem.onsetDate ? <p className="nhsuk-body">Since {formatDate(problem.onsetDate)}</p> : null}
            <WrittenBy provenance={problem.provenance} />
          </div>
        ))}
      </MySection>
      <MySection
        id="medicines"
        title="My medicines"
        intro="The medicines I take now, and how to take them."
        {...section(['medications'], (person.medications?.length ?? 0) > 0)}
        empty="No medicines written down"
      >
        {person.medications?.map((medication) => (
          <div className="app-entry" key={medication.id}>
            <h3 className="nhsuk-heading-s">{medication.name}</h3>
            <p className="nhsuk-body">{medication.dosageInstructions}</p>
            <WrittenBy provenance={medication.provenance} />
          </div>
        ))}
      </MySection>
      <MySection
        id="allergies"
        title="Things I am allergic to"
        {...section(['allergies'], (person.allergies?.length ?? 0) > 0)}
        empty="No allergies written down"
      >
        {person.allergies?.map((allergy) => (
          <div className="app-entry" key={allergy.id}>
            <h3 className="nhsuk-heading-s">{allergy.code.display}</h3>
            {allergy.reaction ? <p className="nhsuk-body">What happens: {allergy.reaction}</p> : null}
            <WrittenBy provenance={allergy.provenance} />
          </div>
        ))}
      </MySection>
      <MySection
        id="hospital"
        title="My hospital stays"
        {...section(['hospitalAdmissions'], (person.hospitalAdmissions?.length ?? 0) > 0)}
        empty="No hospital stays written down"
      >
        {person.hospitalAdmissions?.map((stay) => (
          <div className="app-entry" key={stay.id}>
            <h3 className="nhsuk-heading-s">
              {stay.ward}
              {stay.dischargedAt ? '' : ' (in hospital now)'}
            </h3>
            <p className="nhsuk-body">
              From {formatDateTime(stay.admittedAt)}
              {stay.dischargedAt ? ` to ${formatDateTime(stay.dischargedAt)}` : ''}. Ward phone: {stay.wardPhone}.
            </p>
            <WrittenBy provenance={stay.provenance} />
          </div>
        ))}
      </MySection>
      <MySection
        id="support"
        title="The support I get"
        {...section(['socialCareServices'], (person.socialCareServices?.length ?? 0) > 0)}
        empty="No support from the council written down"
      >
        {person.socialCareServices?.map((service) => (
          <div className="app-entry" key={service.id}>
            <h3 className="nhsuk-heading-s">{service.serviceType.display}</h3>
            <p className="nhsuk-body">
              {service.provider ? `From ${service.provider.name}` : 'Arranged by the council'}
              {service.hoursPerWeek ? `, ${service.hoursPerWeek} hours a week` : ''}, since{' '}
              {formatDate(service.startDate)}.
            </p>
            <WrittenBy provenance={service.provenance} />
          </div>
        ))}
      </MySection>
      <MySection
        id="about-me"
        title="My details"
        {...section(['name', 'dateOfBirth', 'address', 'phone', 'gpPractice'], Boolean(person.name))}
        empty="No details written down"
      >
        <dl className="nhsuk-summary-list">
          {[
            ['Date of birth', person.dateOfBirth ? `${formatDate(person.dateOfBirth)} (${person.age} years old)` : ''],
            [
              'Address',
              person.address ? `${person.address.line1}, ${person.address.town}, ${person.address.postcode}` : '',
            ],
            ['Phone', person.phone ?? ''],
            ['GP practice', person.gpPractice?.name ?? ''],
          ]
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div className="nhsuk-summary-list__row" key={label}>
                <dt className="nhsuk-summary-list__key">{label}</dt>
                <dd className="nhsuk-summary-list__value">{value}</dd>
              </div>
            ))}
        </dl>
      </MySection>
    </>
  );
}
