import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppUnderTest,
  expectFitsWidth,
  expectNoAxeViolations,
  expectOnlyRegisteredIds,
  launchChromium,
  newPage,
  recordPage,
  screenshot,
  section,
  signInAs,
  startAppUnderTest,
} from './appBrowser.ts';

const sam = '9990000018';
const health = 'Riverside GP Federation and Community Health Services';
/** Follows a menu link by keyboard and waits for the page's main heading. */
async function follow(page: Page, link: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: link, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toMatch(heading);
}

/** The social worker's view of the problems in Sam's record, as the professional record page shows it. */
async function socialWorkersProblems(browser: Browser, system: AppUnderTest): Promise<string> {
  const { context, page } = await newPage(browser);
  await signInAs(page, system.appUrl, 'Daniel Moore', `/people/${sam}`);
  const problems = section(page, 'Problems and diagnoses');
  await expect.poll(() => problems.innerText(), { timeout: 15_000 }).toMatch(/Type 1 diabetes|Withheld by/);
  const text = await problems.innerText();
  await context.close();
  return text;
}

describe("Sam's own record in the web app, for him and for his mother", () => {
  let system: AppUnderTest;
  let browser: Browser;
  beforeAll(async () => {
    [system, browser] = await Promise.all([startAppUnderTest(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('Sam reads his record in plain language, then his plan and the people who support him', async () => {
    const { context, page } = await newPage(browser);
    const recorded = recordPage(page);
    await signInAs(page, system.appUrl, 'Sam Taylor');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Your joined-up care record');
    await expectNoAxeViolations(page, "Sam's home page");
    await follow(page, 'My record', /^My record/);
    await expect.poll(() => section(page, 'My medicines').innerText(), { timeout: 15_000 }).toMatch(/insulin/i);
    expect(await section(page, 'My health').innerText()).toContain('Type 1 diabetes mellitus');
    expect(await section(page, 'What people need to know about me').innerText()).toContain('hypoglycaemia');
    expect(await section(page, 'What matters to me').innerText()).toMatch(/Written down by .+ at .+ on \d+ \w+ \d{4}/);
    expect(await page.locator('main').innerText()).not.toContain('as his carer');
    await expectNoAxeViolations(page, "Sam's record");
    await screenshot(page, 'my-record');
    await follow(page, 'My plan and team', 'My plan and team');
    await expect.poll(() => section(page, 'The people who support me').innerText()).toContain('Daniel Moore');
    expect(await section(page, 'The people who support me').innerText()).toContain('(my care coordinator)');
    expect(await section(page, 'My care plan').innerText()).toContain('Kept by Riverside Place Partnership');
    await expectNoAxeViolations(page, "Sam's plan and team");
    expectOnlyRegisteredIds(recorded, system.federation.gatewayUrl);
    expect(recorded.problems).toEqual([]);
    await context.close();
  });

  it('Margaret sees his record as his carer, and only what he delegated to her', async () => {
    const { context, page } = await newPage(browser);
    const recorded = recordPage(page);
    await signInAs(page, system.appUrl, 'Margaret Taylor');
    await follow(page, 'My record', "Sam's record");
    const main = page.locator('main');
    await expect
      .poll(() => main.innerText(), { timeout: 15_000 })
      .toContain("You are looking at Sam's record as his carer");
    await expect.poll(() => section(page, 'My medicines').innerText()).toMatch(/insulin/i);
    await expectNoAxeViolations(page, "Sam's record as his mother sees it");
    await screenshot(page, 'my-record-carer');
    await follow(page, 'Who has seen my record', "Who has seen Sam's record");
    expect(await main.innerText()).toContain("You are looking at Sam's record as his carer");
    await expect.poll(() => page.locator('.app-access').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // He asked the hospital to tell her of his stays, not to show her who has seen that record.
    expect(await main.innerText()).toContain(
      'Not shown to you: Sam has not asked Riverside University Hospitals NHS Foundation Trust to show you this part.',
    );
    await expectNoAxeViolations(page, "who has seen Sam's record, for his mother");
    expect(recorded.problems).toEqual([]);
    await context.close();
  });

  it('Sam answers an experience statement, and his answer is kept', async () => {
    const { context, page } = await newPage(browser);
    const recorded = recordPage(page);
    await signInAs(page, system.appUrl, 'Sam Taylor', '/my-record/experience');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('How is it going?');
    const form = page.locator('form').first();
    await expect.poll(() => form.innerText(), { timeout: 15_000 }).toContain('1.');
    // Saving with no answer says what to do.
    await form.getByRole('button', { name: /^Save answer/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => form.innerText()).toContain('Choose how far you agree');
    await expectNoAxeViolations(page, 'an experience statement left unanswered');
    await form.getByRole('radio', { name: 'Agree', exact: true }).focus();
    await page.keyboard.press('Space');
    await form.getByLabel('Anything you want to add (optional)').focus();
    await page.keyboard.type('Rachel rings me before things change.');
    await form.getByRole('button', { name: /^Save answer/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => form.innerText()).toContain('Your answer is saved');
    await expect.poll(() => form.innerText()).toMatch(/Last answer: Agree, on \d+ \w+ \d{4} \(by Sam Taylor\)/);
    await expectNoAxeViolations(page, 'an experience statement answered');
    await screenshot(page, 'my-experience');
    expectOnlyRegisteredIds(recorded, system.federation.gatewayUrl);
    expect(recorded.problems).toEqual([]);
    await context.close();
  });

  it("Sam stops sharing his GP record with social care, and his social worker's view changes", async () => {
    expect(await socialWorkersProblems(browser, system)).toContain('Type 1 diabetes mellitus');

    const { context, page } = await newPage(browser);
    const recorded = recordPage(page);
    await signInAs(page, system.appUrl, 'Sam Taylor', '/my-record/sharing');
    const agency = section(page, health);
    await expect.poll(() => agency.innerText(), { timeout: 15_000 }).toContain('Shared');
    await expectNoAxeViolations(page, "Sam's sharing choices");
    await agency.getByRole('button', { name: /^Stop sharing with social care/ }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('group', { name: 'Important: Stop sharing?' });
    await expect.poll(() => confirm.innerText()).toContain('will no longer see what');
    await expectNoAxeViolations(page, 'the confirmation of a sharing change');
    await screenshot(page, 'my-sharing-confirm');
    await confirm.getByRole('button', { name: 'Yes, stop sharing' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').first().innerText())
      .toContain(`Done. ${health} no longer shows your record to social care`);
    await expect.poll(() => agency.innerText()).toMatch(/Not shared\s+with social care/);
    await expectNoAxeViolations(page, 'the sharing change made');
    expectOnlyRegisteredIds(recorded, system.federation.gatewayUrl);
    expect(recorded.problems).toEqual([]);

    const after = await socialWorkersProblems(browser, system);
    expect(after).toContain(`Withheld by ${health}`);
    expect(after).not.toContain('Type 1 diabetes mellitus');

    // He changes his mind: the social worker sees it again.
    await agency.getByRole('button', { name: /^Share with social care/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Yes, share it' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('now shows your record');
    expect(await socialWorkersProblems(browser, system)).toContain('Type 1 diabetes mellitus');
    await context.close();
  });

  it('who has seen my record: every agency in one list, newest first, the emergency access marked', async () => {
    const reason = 'Collapsed at the climbing wall, no history available';
    const declared = await system.federation.query(
      'unrelated-gp',
      `{ person(nhsNumber: "${sam}") { name { full } careAndSupportPlan { status } } }`,
      {},
      { 'x-break-glass': `${sam}; ${reason}` },
    );
    expect(declared.body.errors).toBeUndefined();
    // Health's privacy officer reviews the declaration; social care's has not yet.
    const listed = await system.federation.query<{
      healthBreakGlassAccesses: { edges: Array<{ node: { nhsNumber: string; breakGlassDeclarationId: string } }> };
    }>(
      'privacy-officer',
      '{ healthBreakGlassAccesses(unreviewed: true) { edges { node { nhsNumber breakGlassDeclarationId } } } }',
    );
    const declarationId = listed.body.data!.healthBreakGlassAccesses.edges.find(({ node }) => node.nhsNumber === sam)!
      .node.breakGlassDeclarationId;
    const reviewed = await system.federation.query(
      'privacy-officer',
      `mutation Review($id: ID!) {
        reviewHealthBreakGlass(declarationId: $id, outcome: JUSTIFIED, note: "Confirmed with the climbing centre.") {
          replayed
        }
      }`,
      { id: declarationId },
    );
    expect(reviewed.body.errors).toBeUndefined();

    const { context, page } = await newPage(browser);
    const recorded = recordPage(page);
    await signInAs(page, system.appUrl, 'Sam Taylor', '/my-record/access');
    const entries = page.locator('.app-access');
    await expect.poll(() => entries.count(), { timeout: 15_000 }).toBeGreaterThan(3);
    const times = await entries
      .locator('time')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')!));
    const sorted = [...times].sort((a, b) => Date.parse(b) - Date.parse(a));
    expect(times).toEqual(sorted);
    const texts = await entries.allInnerTexts();
    const agencies = new Set(texts.map((text) => /held by (.+)\.$/m.exec(text)?.[1]));
    expect(agencies.size).toBeGreaterThanOrEqual(2);
    expect(agencies).toContain(health);
    const emergencies = await page.locator('.app-access--emergency').allInnerTexts();
    for (const marked of emergencies) {
      expect(marked).toContain('Emergency access');
      expect(marked).toContain('Dr Michael Brown');
      expect(marked).toContain(reason);
    }
    const inHealth = emergencies.filter((marked) => marked.includes(`held by ${health}.`));
    expect(inHealth.length).toBeGreaterThan(0);
    for (const marked of inHealth)
      expect(marked).toMatch(/The privacy officer Joanna Ward checked: it was a real emergency \(\d+ \w+ \d{4}/);
    const inSocialCare = emergencies.filter((marked) =>
      marked.includes('held by Riverside Council Adult Social Care.'),
    );
    expect(inSocialCare.length).toBeGreaterThan(0);
    for (const marked of inSocialCare) expect(marked).toContain('Not checked by the privacy officer yet');
    // What the officer wrote about the professional's conduct is theirs alone.
    expect(await page.locator('main').innerText()).not.toContain('Confirmed with the climbing centre');
    expect(await page.locator('main').innerText()).toMatch(/made in an emergency/);
    await expectNoAxeViolations(page, 'who has seen my record');
    await screenshot(page, 'who-has-seen-my-record');
    expectOnlyRegisteredIds(recorded, system.federation.gatewayUrl);
    expect(recorded.problems).toEqual([]);
    await context.close();
  });

  it('at a 360-pixel-wide screen, who has seen my record and sharing fit without sideways scrolling', async () => {
    const { context, page } = await newPage(browser, 360);
    await signInAs(page, system.appUrl, 'Sam Taylor', '/my-record/access');
    await expect.poll(() => page.locator('.app-access').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectFitsWidth(page, 360);
    await expectNoAxeViolations(page, 'who has seen my record at 360 pixels');
    await follow(page, 'Sharing', 'Who can see your record');
    await expect.poll(() => page.locator('.app-entry').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectFitsWidth(page, 360);
    await context.close();
  });
});

describe("Sam's own record with an agency that cannot be reached", () => {
  let system: AppUnderTest;
  let browser: Browser;
  beforeAll(async () => {
    [system, browser] = await Promise.all([
      startAppUnderTest({ people: 20, without: ['voluntary-sector'] }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('who has seen my record lists the agencies that answered and names the one that did not', async () => {
    const read = await system.federation.query(
      'gp',
      `{ person(nhsNumber: "${sam}") { name { full } allocatedSocialWorker { name } carePlan { status } } }`,
    );
    expect(read.body.errors).toBeUndefined();
    const { context, page } = await newPage(browser);
    await signInAs(page, system.appUrl, 'Sam Taylor', '/my-record/access');
    await expect.poll(() => page.locator('.app-access').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Riverside Voluntary Sector Partnership could not be reached just now');
    expect(main).not.toContain('held by Riverside Voluntary Sector Partnership.');
    await expectNoAxeViolations(page, 'who has seen my record, one agency down');
    await follow(page, 'Sharing', 'Who can see your record');
    await expect
      .poll(() => section(page, 'Riverside Voluntary Sector Partnership').innerText(), { timeout: 15_000 })
      .toContain('could not be reached just now');
    expect(await section(page, health).innerText()).toContain('with social care');
    await context.close();
  });
});
