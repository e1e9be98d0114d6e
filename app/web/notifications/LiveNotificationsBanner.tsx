import { Link } from '../router.tsx';
import { NotificationSummary } from './NotificationSummary.tsx';
import type { LiveState } from './useLiveNotifications.ts';

/**
 * The newest notification that arrived while the page was open, above every page, announced by
 * screen readers (a live region) without taking the focus from what the reader is doing.
 */
export function LiveNotificationsBanner(props: { live: LiveState; citizen: boolean }) {
  const [newest] = props.live.arrived;
  return (
    <div aria-live="polite" data-live-status={props.live.status}>
      {newest ? (
        <div className="nhsuk-notification-banner" role="region" aria-labelledby="live-notification-title">
          <div className="nhsuk-notification-banner__header">
            <h2 className="nhsuk-notification-banner__title" id="live-notification-title">
              New notification
            </h2>
          </div>
          <div className="nhsuk-notification-banner__content">
            <NotificationSummary notification={newest} citizen={props.citizen} />
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
              {props.live.arrived.length > 1 ? `${props.live.arrived.length} new since you opened this page. ` : ''}
              <Link to="/notifications">See all your notifications</Link>
            </p>
          </div>
        </div>
      ) : null}
    </div>
  );
}
