import { randomUUID } from 'node:crypto';
import { operationsFolder, readRegisteredOperations } from '@joined-up/schema';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppUnderTest,
  expectNoAxeViolations,
  launchChromium,
  newPage,
  type PageRecord,
  recordPage,
  screenshot,
  signInAs,
  startAppUnderTest,
} from './appBrowser.ts';

const sam = '9990000018';
const ward = 'Ward 7, Acute Medical Unit, Riverside General Hospital';
const admit = /* GraphQL */ `
  mutation Admit($input: HospitalAdmissionRecordInput!) {
    recordHospitalAdmission(input: $input) {
      admission {
        id
      }
    }
  }
`;
const liveId = readRegisteredOperations(operationsFolder).find(
  (operation) => operation.client === 'app' && operation.name === 'LiveNotifications',
)!.id;

/** Signs in and waits until the page's live notifications stream is open. */
async function signedInAndListening(browser: Browser, system: AppUnderTest, name: string) {
  const { context, page } = await newPage(browser);
  const recorded = recordPage(page);
  await signInAs(page, system.appUrl, name);
  await expect
    .poll(() => page.locator('[data-live-status]').getAttribute('data-live-status'), { timeout: 15_000 })
    .toBe('live');
  return { context, page, recorded };
}

const banner = (page: Page) => page.getByRole('region', { name: 'New notification' });

/** The page subscribed by the registered id alone, over Server-Sent Events, with no operation text. */
function expectSubscribedById(recorded: PageRecord, gatewayUrl: string): void {
  const subscriptions = recorded.requests.filter(
    (request) => request.url === gatewayUrl && request.method === 'POST' && request.body?.includes(liveId),
  );
  expect(subscriptions.length).toBeGreaterThan(0);
  for (const request of subscriptions) expect(JSON.parse(request.body!)).toEqual({ documentId: liveId });
}

describe('notifications in the web app, live and in the inbox', () => {
  let system: AppUnderTest;
  let browser: Browser;
  beforeAll(async () => {
    [system, browser] = await Promise.all([startAppUnderTest(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it("shows Sam's admission on his care worker's and his mother's screens at once, then in the inbox", async () => {
    const careWorker = await signedInAndListening(browser, system, 'Lucy Evans');
    const mother = await signedInAndListening(browser, system, 'Margaret Taylor');
    const { body } = await system.federation.query<{ recordHospitalAdmission: { admission: { id: string } } }>(
      'ward-nurse',
      admit,
      {
        input: {
          idempotencyKey: `admit-${randomUUID()}`,
          nhsNumber: sam,
          method: 'Emergency',
          ward,
          wardPhone: '01632 960857',
          consultant: 'Dr Olivia Grant',
          reason: { code: '302866003', display: 'Hypoglycaemia' },
        },
      },
    );
    expect(body.errors).toBeUndefined();

    for (const { page } of [careWorker, mother]) {
      await expect
        .poll(() => banner(page).innerText(), { timeout: 20_000 })
        .toContain('Sam Taylor: Admitted to hospital');
      const told = await banner(page).innerText();
      // Where he is and whom to call, as the hospital lets each of them see; never why he was admitted.
      expect(told).toContain(ward);
      expect(told).toContain('01632 960857');
      expect(told).not.toMatch(/hypoglycaemia/i);
    }
    expect(await banner(careWorker.page).innerText()).toContain('you are on their care team');
    expect(await banner(mother.page).innerText()).toContain('you care for them');
    await expectNoAxeViolations(careWorker.page, "the care worker's page with a live notification");
    await expectNoAxeViolations(mother.page, "Sam's mother's page with a live notification");
    await screenshot(careWorker.page, 'notification-live');

    // The inbox keeps it, unread until she marks it read.
    const { page } = careWorker;
    await page.getByRole('link', { name: 'See all your notifications' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Notifications');
    const newest = page.locator('.app-notification').first();
    await expect.poll(() => newest.innerText(), { timeout: 15_000 }).toContain('Admitted to hospital');
    expect(await newest.innerText()).toContain('Unread');
    const unreadBefore = Number(/(\d+) unread/.exec(await page.locator('#unread-count').innerText())?.[1]);
    expect(unreadBefore).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'the inbox');
    await screenshot(page, 'notifications-inbox');
    await newest.getByRole('button', { name: /^Mark as read/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => newest.innerText()).toContain('Read');
    await expect.poll(() => newest.innerText()).not.toContain('Unread');
    const unreadAfter = await page.locator('#unread-count').innerText();
    expect(unreadAfter).toBe(unreadBefore === 1 ? 'You have no unread notifications.' : `${unreadBefore - 1} unread.`);

    for (const { recorded } of [careWorker, mother]) {
      expectSubscribedById(recorded, system.federation.gatewayUrl);
      expect(recorded.problems).toEqual([]);
    }
    await careWorker.context.close();
    await mother.context.close();
  });
});
