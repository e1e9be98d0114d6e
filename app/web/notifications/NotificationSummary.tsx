import { formatDateTime } from '../format.ts';
import type { MyNotificationsQuery } from '../generated/operations.ts';
import { Link } from '../router.tsx';

/** One notification as the inbox and the live banner show it. */
export type ShownNotification = MyNotificationsQuery['myNotifications']['edges'][number]['node'];

const reasons: Record<ShownNotification['reason'], string> = {
  CARE_TEAM: 'you are on their care team',
  COORDINATOR: 'you are their care coordinator',
  CARER: 'you care for them',
};

/**
 * What happened, to whom, when and why the reader was told; for a hospital stay, the ward and its
 * phone number, when the hospital lets the reader see them (the rest stays with the hospital).
 */
export function NotificationSummary(props: { notification: ShownNotification; citizen: boolean }) {
  const { notification } = props;
  const person = notification.person;
  const who = person.name?.full ?? 'Someone whose name is withheld from you';
  const stay =
    notification.agency === 'hospital'
      ? person.hospitalAdmissions?.find((admission) => admission.id === notification.recordId)
      : undefined;
  const record = props.citizen ? '/my-record' : `/people/${person.nhsNumber}`;
  return (
    <>
      <p className="nhsuk-body nhsuk-u-margin-bottom-2">
        <strong>
          {who}: {notification.summary}
        </strong>
      </p>
      {stay ? (
        <p className="nhsuk-body nhsuk-u-margin-bottom-2">
          {stay.ward}. Ward phone: <a href={`tel:${stay.wardPhone.replace(/\s/g, '')}`}>{stay.wardPhone}</a>
        </p>
      ) : null}
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
        {formatDateTime(notification.occurredAt)}. You were told because {reasons[notification.reason]}.{' '}
        <Link to={record}>Open {props.citizen ? 'the record' : `${who}'s record`}</Link>
      </p>
    </>
  );
}
