import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppUnderTest,
  expectFitsWidth,
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
const plan = `/people/${sam}/plan`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const refer = /* GraphQL */ `
  mutation Refer($input: CareCoordinationSendReferralInput!) {
    sendReferral(input: $input) {
      referral {
        id
      }
    }
  }
`;

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const saved = (page: Page) => page.locator('.app-saved').innerText();
/** Waits for the plan page to have loaded the plan. */
async function planLoaded(page: Page) {
  await expect.poll(() => page.locator('#plan-version').count(), { timeout: 15_000 }).toBe(1);
}

describe("the coordinator's pages in the web app", () => {
  let system: AppUnderTest;
  let browser: Browser;
  const recorded: PageRecord[] = [];
  const open = async (name: string, path: string, width?: number) => {
    const { context, page } = await newPage(browser, width);
    recorded.push(recordPage(page));
    await signInAs(page, system.appUrl, name, path);
    return { context, page };
  };

  beforeAll(async () => {
    // Enough people that the place's measures clear disclosure control, so the charts have bars to show.
    [system, browser] = await Promise.all([startAppUnderTest({ people: 600 }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it(
    'edits goals, actions and the contingency plan, which another team member sees after a reload, ' +
      'and tells a stale edit of the conflict',
    async () => {
      const gp = await open('Dr Priya Shah', `/people/${sam}`);
      await expect
        .poll(() => gp.page.getByText('I want to keep living in my own flat.').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);

      const { context, page } = await open('Rachel Green', '/');
      await page.getByRole('link', { name: 'My caseload' }).first().waitFor();
      await page.goto(`${system.appUrl}${plan}`);
      await planLoaded(page);
      expect(await heading(page)).toContain('Sam Taylor');
      await expectNoAxeViolations(page, 'the plan page');
      await screenshot(page, 'coordinator-plan');

      // Bad input is caught before anything is sent, in the error summary, linked to the field.
      await page.getByRole('button', { name: 'Add goal' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await expect.poll(() => summary.innerText()).toContain("Enter the new goal, in the person's words");
      await expectNoAxeViolations(page, 'the plan page with an error');
      await summary.getByRole('link').click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-goal');

      const goal = 'I want to go climbing every Saturday, and lead a route by the summer.';
      await page.getByLabel("Goal 2, in the person's words").fill(goal);
      await page.getByRole('button', { name: 'Save goal 2' }).click();
      await expect.poll(() => saved(page)).toContain('goal 2');

      const whatToDo = 'Call Rachel first; the Oakfield night team covers his insulin until his mother is back.';
      await page.getByLabel('What to do when the carer cannot care').fill(whatToDo);
      await page.getByRole('button', { name: 'Save contingency plan' }).click();
      await expect.poll(() => saved(page)).toContain('contingency plan');
      await expect.poll(() => page.getByLabel('What to do when the carer cannot care').inputValue()).toBe(whatToDo);

      const action = 'Find a climbing buddy from the Saturday group.';
      await page.getByLabel('The goal it works towards').selectOption({ index: 1 });
      await page.getByLabel('What will be done').fill(action);
      await page.getByLabel('Who owns it').selectOption({ label: 'Amira Hassan, Social prescribing link worker' });
      await page.getByLabel('Due on').fill(inDays(30));
      await page.getByRole('button', { name: 'Add action' }).click();
      await expect.poll(() => saved(page)).toContain('new action');
      await expect.poll(() => page.getByLabel(`Status of: ${action}`).count()).toBe(1);
      await page.getByLabel(`Status of: ${action}`).selectOption('IN_PROGRESS');
      await page
        .locator('form', { has: page.getByLabel(`Status of: ${action}`) })
        .getByRole('button', { name: /^Update action/ })
        .click();
      await expect.poll(() => saved(page)).toContain(action);

      // Another member of the team, in another browser, sees each change once they reload.
      expect(await gp.page.getByText(goal).count()).toBe(0);
      await gp.page.reload();
      await expect.poll(() => gp.page.getByText(goal).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await gp.page.getByText(whatToDo).count()).toBeGreaterThan(0);
      expect(await gp.page.getByText(action).count()).toBeGreaterThan(0);

      // Two tabs open on the plan: the first saves, and the second, still on the old version, is told.
      const second = await context.newPage();
      recorded.push(recordPage(second));
      // Each tab signs in for itself: the session lives in the tab.
      await signInAs(second, system.appUrl, 'Rachel Green', plan);
      await planLoaded(second);
      await page.getByLabel("Goal 1, in the person's words").fill('I want to keep living in my own flat, for good.');
      await page.getByRole('button', { name: 'Save goal 1' }).click();
      await expect.poll(() => saved(page)).toContain('goal 1');
      await second.getByLabel('Who to contact, in order').fill('Margaret Taylor, mother: 01632 960001');
      await second.getByRole('button', { name: 'Save contingency plan' }).click();
      const conflict = second
        .getByRole('alert')
        .filter({ hasText: 'Someone else changed the plan since you opened it' });
      await expect.poll(() => conflict.count()).toBe(1);
      expect(await conflict.innerText()).toContain('Your change was not saved');
      await expectNoAxeViolations(second, 'the plan page with a conflict');
      await screenshot(second, 'coordinator-plan-conflict');
      await conflict.getByRole('button', { name: 'Reload the plan' }).click();
      await expect.poll(() => second.getByLabel("Goal 1, in the person's words").inputValue()).toContain('for good');
      expect(await conflict.count()).toBe(0);
      await second.getByLabel('Who to contact, in order').fill('Margaret Taylor, mother: 01632 960001');
      await second.getByRole('button', { name: 'Save contingency plan' }).click();
      await expect.poll(() => saved(second)).toContain('contingency plan');

      await gp.context.close();
      await context.close();
    },
  );

  it('adds a member to the care team and takes them off again', async () => {
    const { context, page } = await open('Rachel Green', plan);
    await planLoaded(page);
    await page.getByRole('button', { name: 'Add to the care team' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'There is a problem' }).innerText())
      .toContain("Enter the worker's ID in their organisation");
    await page.getByLabel('Who they are').selectOption('CLINICIAN');
    await page.getByLabel('Their ID in their organisation').fill('w-pn-okafor');
    await page.getByLabel("Their organisation's code").fill('DEMOP1');
    await page.getByLabel("Their organisation's name").fill('Riverside Medical Centre');
    await page.getByLabel('Their part in the team').fill('Practice nurse');
    await page.getByRole('button', { name: 'Add to the care team' }).click();
    await expect.poll(() => saved(page)).toContain('Practice nurse added to the care team');
    const remove = page.getByRole('button', { name: 'Remove Grace Okafor from the care team' });
    await expect.poll(() => remove.count(), { timeout: 15_000 }).toBe(1);
    await expectNoAxeViolations(page, 'the plan page with a new team member');
    await remove.click();
    await expect.poll(() => saved(page)).toContain('Grace Okafor is no longer on the care team');
    await expect.poll(() => remove.count()).toBe(0);
    // The coordinator cannot be taken off the team.
    expect(await page.getByRole('button', { name: 'Remove Rachel Green from the care team' }).count()).toBe(0);
    await context.close();
  });

  it('sends a referral, and accepts and declines referrals from the worklist', async () => {
    const sent: string[] = [];
    for (const service of ['Care coordination: hospital discharge', 'Care coordination: new carer']) {
      const { body } = await system.federation.query<{ sendReferral: { referral: { id: string } } }>('gp', refer, {
        input: {
          nhsNumber: sam,
          idempotencyKey: randomUUID(),
          toOrganisationCode: 'DEMOPP1',
          service,
          reason: 'Please bring the team together around the change.',
        },
      });
      expect(body.errors).toBeUndefined();
      sent.push(body.data!.sendReferral.referral.id);
    }
    const { context, page } = await open('Rachel Green', '/referrals');
    const card = (service: string) => page.getByRole('group').filter({ hasText: service });
    await expect.poll(() => card('hospital discharge').count(), { timeout: 15_000 }).toBe(1);
    expect(await card('new carer').count()).toBe(1);
    await expectNoAxeViolations(page, 'the referrals worklist');
    await screenshot(page, 'coordinator-worklist');

    await card('hospital discharge')
      .getByRole('button', { name: /^Accept/ })
      .click();
    await expect.poll(() => saved(page)).toContain('accepted');
    await expect
      .poll(() => page.getByRole('region', { name: /Accepted, under way/ }).innerText())
      .toContain('hospital discharge');

    await card('new carer')
      .getByRole('button', { name: /^Decline/ })
      .click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'There is a problem' }).innerText())
      .toContain('Say why you are declining');
    await expectNoAxeViolations(page, 'the worklist with an error');
    await card('new carer').getByLabel('If you decline, say why').fill('Sam already has a named coordinator.');
    await card('new carer')
      .getByRole('button', { name: /^Decline/ })
      .click();
    await expect.poll(() => saved(page)).toContain('declined');
    await expect.poll(() => card('new carer').count()).toBe(0);
    // The accepted one is completed once the work is done, and leaves the worklist.
    await card('hospital discharge')
      .getByRole('button', { name: /^Mark completed/ })
      .click();
    await expect.poll(() => saved(page)).toContain('completed');
    await expect.poll(() => card('hospital discharge').count()).toBe(0);

    // And a referral the coordinator sends reaches the receiving organisation's worklist.
    await page.goto(`${system.appUrl}${plan}`);
    await planLoaded(page);
    await page.getByLabel('The organisation to refer to').fill('DEMOV2');
    await page.getByLabel('The service asked for').fill('Social prescribing: a Thursday cooking group');
    await page.getByLabel('Why').fill('Sam would like to cook his own tea with others.');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await expect.poll(() => saved(page)).toContain('referral for Social prescribing');
    const { body } = await system.federation.query<{
      referralWorklist: { edges: Array<{ node: { service: string } }> };
    }>('link-worker', '{ referralWorklist(status: [SENT]) { edges { node { service } } } }');
    expect(body.data!.referralWorklist.edges.map((edge) => edge.node.service)).toContain(
      'Social prescribing: a Thursday cooking group',
    );
    await context.close();
  });

  it('lists the caseload with overdue reviews first', async () => {
    // Sam's plan, reviewed in January with a review due in February, is overdue now.
    const version = await system.federation.query<{ person: { carePlan: { version: number } } }>(
      'coordinator',
      `{ person(nhsNumber: "${sam}") { carePlan { version } } }`,
    );
    const review = await system.federation.query(
      'coordinator',
      `mutation($input: CareCoordinationRecordCarePlanReviewInput!) { recordCarePlanReview(input: $input) {
         carePlan { reviewOverdue } } }`,
      {
        input: {
          nhsNumber: sam,
          idempotencyKey: randomUUID(),
          expectedVersion: version.body.data!.person.carePlan.version,
          reviewedOn: inDays(-300),
          summary: 'Going well; review again in four weeks.',
          nextReviewDue: inDays(-270),
        },
      },
    );
    expect(review.body.errors).toBeUndefined();
    const { context, page } = await open('Rachel Green', '/caseload');
    const rows = page.locator('.app-caseload-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const overdue = await rows.evaluateAll((all) => all.map((row) => row.textContent!.includes('Review overdue')));
    expect(overdue[0]).toBe(true);
    // Every overdue review comes before every other.
    expect(overdue).toEqual([...overdue].sort((a, b) => Number(b) - Number(a)));
    expect(await rows.first().innerText()).toMatch(/Review overdue/);
    await expectNoAxeViolations(page, 'the caseload');
    await screenshot(page, 'coordinator-caseload');
    await context.close();
  });

  it('shows the coordination measures as charts, each with a table of its figures', async () => {
    const { context, page } = await open('Rachel Green', '/measures');
    await expect
      .poll(() => page.locator('.recharts-wrapper > svg.recharts-surface').count(), { timeout: 15_000 })
      .toBe(3);
    for (const name of ['Joined-up care', 'Referral waits', 'What people say about their care']) {
      const figure = page.getByRole('figure', { name });
      expect(await figure.locator('.app-chart__plot').getAttribute('aria-label')).toContain(
        'The figures are in the table below.',
      );
      expect(await figure.getByRole('table').count()).toBe(1);
    }
    expect(await page.getByRole('table', { name: /percentage with/ }).innerText()).toContain('Shared plan');
    await expectNoAxeViolations(page, 'the measures');
    await screenshot(page, 'coordinator-measures');
    await context.close();

    // At a phone's width the pages still fit.
    const phone = await open('Rachel Green', '/measures', 360);
    await expect
      .poll(() => phone.page.locator('.recharts-wrapper > svg.recharts-surface').count(), { timeout: 15_000 })
      .toBe(3);
    await expectFitsWidth(phone.page, 360);
    await phone.page.goto(`${system.appUrl}${plan}`);
    await planLoaded(phone.page);
    await expectFitsWidth(phone.page, 360);
    await phone.context.close();
  });

  it('sent every operation by registered id, and the pages logged no error', () => {
    const gateway = system.federation.gatewayUrl;
    for (const record of recorded) {
      for (const request of record.requests.filter((r) => r.url === gateway && r.method === 'POST'))
        expect(JSON.parse(request.body!)).not.toHaveProperty('query');
      expect(record.problems).toEqual([]);
    }
  });
});
