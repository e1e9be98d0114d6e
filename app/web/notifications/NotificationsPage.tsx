import { useEffect } from 'react';
import { useMutation, useQuery } from 'urql';
import { MarkNotificationsRead, MyNotifications } from '../generated/operations.ts';
import { NotificationSummary } from './NotificationSummary.tsx';
import { type LiveState, notificationArrived } from './useLiveNotifications.ts';

const liveStatus: Record<LiveState['status'], string> = {
  connecting: 'Connecting to live updates.',
  live: 'New notifications appear here as they arrive.',
  unavailable: 'Live updates are off: reload the page to see new notifications.',
};

/**
 * The inbox: everything care coordination told the signed-in user, newest first, including what
 * arrived while they were away, each unread one until they mark it read.
 */
export function NotificationsPage(props: { live: LiveState; citizen: boolean }) {
  const [inbox, reread] = useQuery({ query: MyNotifications, variables: { first: 50 } });
  const [marking, mark] = useMutation(MarkNotificationsRead);
  useEffect(() => {
    const refresh = () => reread({ requestPolicy: 'network-only' });
    window.addEventListener(notificationArrived, refresh);
    return () => window.removeEventListener(notificationArrived, refresh);
  }, [reread]);
  const markRead = async (ids: string[]) => {
    await mark({ ids });
    reread({ requestPolicy: 'network-only' });
  };
  const page = inbox.data?.myNotifications;
  const notifications = page?.edges.map((edge) => edge.node) ?? [];
  const unread = notifications.filter((notification) => !notification.readAt);
  return (
    <>
      <h1>Notifications</h1>
      <p className="nhsuk-body">{liveStatus[props.live.status]}</p>
      {inbox.error && !page ? (
        <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title">Your notifications could not be loaded</h2>
          <div className="nhsuk-error-summary__body">
            <p>{inbox.error.graphQLErrors[0]?.message ?? 'The service could not be reached. Try again later.'}</p>
          </div>
        </div>
      ) : null}
      {marking.error ? (
        <p className="nhsuk-error-message">
          <span className="nhsuk-u-visually-hidden">Error:</span> They could not be marked read:{' '}
          {marking.error.graphQLErrors[0]?.message ?? 'try again.'}
        </p>
      ) : null}
      {page ? (
        <p className="nhsuk-body" id="unread-count">
          {page.unreadCount === 0 ? 'You have no unread notifications.' : `${page.unreadCount} unread.`}
        </p>
      ) : null}
      {unread.length > 1 ? (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          disabled={marking.fetching}
          onClick={() => void markRead(unread.map((notification) => notification.id))}
        >
          Mark all as read
        </button>
      ) : null}
      <ul className="nhsuk-list app-notifications">
        {notifications.map((notification) => (
          <li
            key={notification.id}
            className={notification.readAt ? 'app-notification' : 'app-notification app-notification--unread'}
          >
            <strong className={`nhsuk-tag ${notification.readAt ? 'nhsuk-tag--grey' : 'nhsuk-tag--blue'}`}>
              {notification.readAt ? 'Read' : 'Unread'}
            </strong>
            <NotificationSummary notification={notification} citizen={props.citizen} />
            {notification.readAt ? null : (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                disabled={marking.fetching}
                onClick={() => void markRead([notification.id])}
              >
                Mark as read<span className="nhsuk-u-visually-hidden">: {notification.summary}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {page && notifications.length === 0 ? <p className="nhsuk-body">Nothing yet.</p> : null}
    </>
  );
}
