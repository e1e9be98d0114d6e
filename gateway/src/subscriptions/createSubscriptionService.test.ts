import { type Caller, type CareNotification, createInProcessEngine, createLogger, topics } from '@joined-up/core';
import { buildSchema, type DocumentNode, type FormattedExecutionResult } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { createSubscriptionService, type PreparedSubscription } from './createSubscriptionService.ts';
import { NotificationFeed } from './NotificationFeed.ts';

const schema = buildSchema(`
  type Notification { id: ID! summary: String! }
  type Query { myNotification(id: ID!): Notification }
  type Subscription { myNotifications: Notification! }
`);
const caller = (subject: string, token: string) => ({ subject, token }) as unknown as Caller;
const logger = createLogger('subscriptions-test', 'silent');
const engine = createInProcessEngine();
const feed = await NotificationFeed.start(engine, logger);
afterAll(async () => {
  await feed.stop();
  await engine.close();
});

/** The federation as the service calls it: each question counted, each answered by the notification's id. */
const asked: Array<{ token: string; id: unknown }> = [];
const service = createSubscriptionService({
  schema: () => schema,
  rules: () => [],
  isRegistered: () => true,
  refuseUnregistered: false,
  verify: async (authorization) => caller('lucy', authorization.replace('Bearer ', '')),
  execute: async (_document: DocumentNode, variables, who): Promise<FormattedExecutionResult> => {
    asked.push({ token: who.token, id: variables['joinedUpNotificationId'] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { data: { myNotifications: { id: variables['joinedUpNotificationId'], summary: 'Admitted to hospital' } } };
  },
  feed,
  logger,
});

function prepared(token: string, query = 'subscription { myNotifications { id summary } }'): PreparedSubscription {
  const result = service.prepare({ query }, caller('lucy', token));
  if (Array.isArray(result)) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as PreparedSubscription;
}

const notification = (id: string): CareNotification =>
  ({ id, recipientSubject: 'lucy', reason: 'CARE_TEAM', deliveredAt: new Date().toISOString() }) as CareNotification;

describe('subscriptions that would ask the federation the same question', () => {
  it('ask it once for every screen under one token, and apart for another token or other fields', async () => {
    const screens = [
      prepared('token-a'),
      prepared('token-a'),
      prepared('token-a'),
      prepared('token-b'),
      prepared('token-a', 'subscription { myNotifications { id } }'),
    ].map((subscription) => service.stream(subscription));
    const firsts = screens.map((screen) => screen.next());
    // The feed registers each screen when its stream first runs: the notification follows.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await engine.publish(topics.notifications, notification('n-1'));
    const results = await Promise.all(firsts);
    for (const result of results) expect(result.value).toMatchObject({ data: { myNotifications: { id: 'n-1' } } });
    // Three screens with token-a and the same fields: one question; token-b: its own; other fields: their own.
    expect(asked.filter((question) => question.id === 'n-1')).toHaveLength(3);
    expect(asked.filter((question) => question.token === 'token-b')).toHaveLength(1);
    for (const screen of screens) await screen.return(undefined);
  });
});

describe('reads of notifications for many screens', () => {
  it('go to the federation a few at a time, so one event to a large care team floods no agency', async () => {
    let running = 0;
    let most = 0;
    const bounded = createSubscriptionService({
      schema: () => schema,
      rules: () => [],
      isRegistered: () => true,
      refuseUnregistered: false,
      verify: async (authorization) => caller('lucy', authorization.replace('Bearer ', '')),
      execute: async (_document, variables) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 10));
        running -= 1;
        return { data: { myNotifications: { id: variables['joinedUpNotificationId'], summary: 'Discharged' } } };
      },
      feed,
      logger,
      maxConcurrentReads: 3,
    });
    // Twenty screens, each its own sign-in: twenty reads, never more than three at once.
    const screens = Array.from({ length: 20 }, (_, index) => {
      const subscription = bounded.prepare(
        { query: 'subscription { myNotifications { id summary } }' },
        caller('lucy', `own-${index}`),
      ) as PreparedSubscription;
      return bounded.stream(subscription);
    });
    const firsts = screens.map((screen) => screen.next());
    await new Promise((resolve) => setTimeout(resolve, 10));
    await engine.publish(topics.notifications, notification('n-2'));
    for (const result of await Promise.all(firsts))
      expect(result.value).toMatchObject({ data: { myNotifications: { id: 'n-2' } } });
    expect(most).toBe(3);
    for (const screen of screens) await screen.return(undefined);
  });
});
