import { createClient, type RequestParams } from 'graphql-sse';
import { useEffect, useState } from 'react';
import { getSession, useSession } from '../auth/session.ts';
import { LiveNotifications, type LiveNotificationsSubscription } from '../generated/operations.ts';
import type { ShownNotification } from './NotificationSummary.tsx';

/** Fired on the window for each notification that arrives, so an open inbox reads itself again. */
export const notificationArrived = 'app:notification';

/** Whether live notifications are coming in, and what came since the page opened, newest first. */
export interface LiveState {
  status: 'connecting' | 'live' | 'unavailable';
  arrived: ShownNotification[];
}

/**
 * The signed-in user's notifications as care coordination delivers them, over Server-Sent Events
 * (graphql-sse): the token goes in the Authorization header, never in a URL, and the operation by
 * its registered id, as every other request of the app. The stream reconnects on its own after a
 * network failure; a refusal (a gateway without its event engine) says live updates are off.
 */
export function useLiveNotifications(gatewayUrl: string): LiveState {
  const session = useSession();
  const [state, setState] = useState<LiveState>({ status: 'connecting', arrived: [] });
  const token = session?.token;
  useEffect(() => {
    if (!token) return;
    const client = createClient({
      url: gatewayUrl,
      headers: (): Record<string, string> => {
        const current = getSession()?.token;
        return current ? { authorization: `Bearer ${current}` } : {};
      },
      retryAttempts: 5,
      on: { connected: () => setState((previous) => ({ ...previous, status: 'live' })) },
    });
    const { documentId } = LiveNotifications as unknown as { documentId: string };
    // graphql-sse sends this object as the body: the gateway runs the operation registered under the id.
    const request = { documentId } as unknown as RequestParams;
    const dispose = client.subscribe<LiveNotificationsSubscription>(request, {
      next: (result) => {
        const notification = result.data?.myNotifications;
        if (!notification) return;
        setState((previous) => ({ status: 'live', arrived: [notification, ...previous.arrived] }));
        window.dispatchEvent(new Event(notificationArrived));
      },
      error: () => setState((previous) => ({ ...previous, status: 'unavailable' })),
      complete: () => setState((previous) => ({ ...previous, status: 'unavailable' })),
    });
    return () => {
      dispose();
      client.dispose();
    };
  }, [gatewayUrl, token]);
  return state;
}
