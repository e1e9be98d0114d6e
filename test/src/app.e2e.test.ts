import { randomUUID } from 'node:crypto';
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

const samsNhsNumber = '9990000018';
/** Opens a person's record by NHS number from the Find a person page, by keyboard. */
async function openRecord(page: Page, nhsNumber: string): Promise<void> {
  await page.getByRole('link', { name: 'Find a person' }).first().focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('NHS number').focus();
  await page.keyboard.type(nhsNumber);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.url(), { timeout: 10_000 }).toContain(`/people/${nhsNumber}`);
}

describe('the web app against the real gateway and agencies', () => {
  let system: AppUnderTest;
  let browser: Browser;
  beforeAll(async () => {
    [system, browser] = await Promise.all([startAppUnderTest(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('the GP finds Sam and reads his joined-up record, each entry with its agency and provenance', async () => {
    const { context, page } = await newPage(browser);
    const recorded = recordPage(page);
    await signInAs(page, system.appUrl, 'Dr Priya Shah');
    await expectNoAxeViolations(page, 'the home page');
    await openRecord(page, samsNhsNumber);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 })
      .toContain('Sam Taylor');
    const problems = await section(page, 'Problems and diagnoses').innerText();
    expect(problems).toContain('Type 1 diabetes mellitus');
    expect(problems).toMatch(/Recorded by Dr Priya Shah \(GP\), Riverside Medical Centre, on \d+ \w+ \d{4}/);
    expect(problems).toContain('Held by Riverside GP Federation and Community Health Services');
    expect(await section(page, 'Care and support plan').innerText()).toContain(
      'Held by Riverside Council Adult Social Care',
    );
    expect(await section(page, 'Alerts').innerText()).toContain('Risk of hypoglycaemia');
    // The timeline is the partnership's, built from each agency's: what one withholds is named there.
    expect(await section(page, 'Timeline').innerText()).toContain('Withheld by Riverside Council Adult Social Care');
    await expectNoAxeViolations(page, "the GP's view of Sam's record");
    await screenshot(page, 'record');
    expectOnlyRegisteredIds(recorded, system.federation.gatewayUrl);
    expect(recorded.problems).toEqual([]);
    await context.close();
  });

  it('the care worker sees his insulin needs and is told what is withheld from her, section by section', async () => {
    const { context, page } = await newPage(browser);
    const recorded = recordPage(page);
    await signInAs(page, system.appUrl, 'Lucy Evans');
    await openRecord(page, samsNhsNumber);
    await expect.poll(() => section(page, 'Alerts').innerText(), { timeout: 15_000 }).toContain('Insulin is given');
    expect(await section(page, 'Medications').innerText()).toMatch(/insulin/i);
    const problems = await section(page, 'Problems and diagnoses').innerText();
    expect(problems).toContain('Withheld by Riverside GP Federation and Community Health Services');
    expect(problems).not.toContain('Autism spectrum disorder');
    expect(await section(page, 'Social prescribing').innerText()).toContain(
      'Withheld by Riverside Voluntary Sector Partnership',
    );
    await expectNoAxeViolations(page, "the care worker's view");
    expect(recorded.problems).toEqual([]);
    await context.close();
  });

  it('the unrelated GP is refused, declares an emergency for Sam alone and reads, told it is recorded', async () => {
    const { context, page } = await newPage(browser);
    const recorded = recordPage(page);
    await signInAs(page, system.appUrl, 'Dr Michael Brown');
    await openRecord(page, samsNhsNumber);
    await expect
      .poll(() => page.locator('main').innerText(), { timeout: 15_000 })
      .toContain('You have no care relationship with this person');
    expect(await section(page, 'Problems and diagnoses').innerText()).toContain('Withheld by');
    await expectNoAxeViolations(page, 'the refused record');
    await page.getByRole('link', { name: 'Declare an emergency to see this record' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('Declare an emergency');
    expect(await page.locator('main').innerText()).toContain('Your access is recorded and reviewed');
    // A reason is required.
    await page.getByRole('button', { name: 'Declare an emergency and open the record' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.nhsuk-error-summary').innerText())
      .toContain('Enter why you need this record');
    await expectNoAxeViolations(page, 'the emergency declaration with errors');
    await screenshot(page, 'emergency-access');
    await page.getByLabel('Why do you need this record now?').focus();
    await page.keyboard.type('Unconscious in A&E, no history available');
    await page.getByLabel('I understand that this access is recorded and will be reviewed').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Declare an emergency and open the record' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => section(page, 'Problems and diagnoses').innerText(), { timeout: 15_000 })
      .toContain('Type 1 diabetes mellitus');
    const notice = await page.locator('.nhsuk-warning-callout').innerText();
    expect(notice).toContain('Unconscious in A&E');
    expect(notice).toContain('recorded by every agency and will be reviewed');
    await expectNoAxeViolations(page, 'the record opened in an emergency');
    expect(recorded.problems).toEqual([]);
    await context.close();
  });

  it('works at a 360-pixel-wide phone screen', async () => {
    const { context, page } = await newPage(browser, 360);
    await signInAs(page, system.appUrl, 'Dr Priya Shah', `/people/${samsNhsNumber}`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 })
      .toContain('Sam Taylor');
    await expectFitsWidth(page, 360);
    await expectNoAxeViolations(page, 'the record at 360 pixels');
    await screenshot(page, 'record-phone');
    await context.close();
  });

  // Last: the declaration changes Sam's plan for the rest of this suite.
  it('when his mother declares she cannot care, his GP sees first that the contingency plan is in force', async () => {
    const declared = await system.federation.query<{ declareCarerCannotCare: { carePlan: { planInForce: string } } }>(
      'carer',
      `mutation Declare($input: CareCoordinationDeclareCarerCannotCareInput!) {
        declareCarerCannotCare(input: $input) { carePlan { planInForce } } }`,
      {
        input: {
          nhsNumber: samsNhsNumber,
          idempotencyKey: `declare-${randomUUID()}`,
          reason: 'I have been taken into hospital.',
          until: '2031-01-31',
        },
      },
    );
    expect(declared.body.errors).toBeUndefined();
    const { context, page } = await newPage(browser);
    const recorded = recordPage(page);
    await signInAs(page, system.appUrl, 'Dr Priya Shah', `/people/${samsNhsNumber}`);
    const plan = section(page, 'Care and support plan');
    await expect.poll(() => plan.innerText(), { timeout: 15_000 }).toContain('The contingency plan is in force');
    const callout = await plan.locator('.nhsuk-warning-callout').innerText();
    expect(callout).toContain('I have been taken into hospital.');
    expect(callout).toContain('until 31 January 2031');
    expect(callout).toContain('Margaret Taylor');
    expect(await plan.innerText()).toContain('Contingency plan: in force now');
    await expectNoAxeViolations(page, 'the record with the contingency plan in force');
    expect(recorded.problems).toEqual([]);
    await context.close();
  });
});
