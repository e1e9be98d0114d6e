import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppUnderTest,
  expectNoAxeViolations,
  launchChromium,
  newPage,
  recordPage,
  screenshot,
  section,
  signInAs,
  startAppUnderTest,
} from './appBrowser.ts';

const samsNhsNumber = '9990000018';
const council = 'Riverside Council Adult Social Care';

// A suite of its own: the agency is stopped for good, which no other browser test may share.
describe('the web app with one agency stopped', () => {
  let system: AppUnderTest;
  let browser: Browser;
  beforeAll(async () => {
    [system, browser] = await Promise.all([startAppUnderTest(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it("shows everything else of Sam's record and names the agency that could not be reached", async () => {
    const { context, page } = await newPage(browser);
    const recorded = recordPage(page);
    await signInAs(page, system.appUrl, 'Dr Priya Shah', `/people/${samsNhsNumber}`);
    // Before: the council's services are there.
    await expect
      .poll(() => section(page, 'Services').innerText(), { timeout: 15_000 })
      .not.toContain('could not be reached');

    // The council's subgraph stops, as a container that has died would: its port refuses.
    await system.federation.federation.subgraphs['social-care']!.stop();
    await page.reload();
    await expect
      .poll(() => section(page, 'Services').innerText(), { timeout: 20_000 })
      .toContain(`${council} could not be reached; everything else is shown.`);
    // Every other agency's part is shown as before.
    expect(await section(page, 'Problems and diagnoses').innerText()).toContain('Type 1 diabetes mellitus');
    expect(await section(page, 'Medications').innerText()).toMatch(/insulin/i);
    // The care team is the partnership's; only the names the council would give are missing, and said so.
    const team = await section(page, 'Care team').innerText();
    expect(team).toContain('Amira Hassan');
    expect(team).toContain(`${council} could not be reached`);
    // The notice is said only where the council's data would be, not over the whole page.
    expect(await section(page, 'Problems and diagnoses').innerText()).not.toContain(council);
    await expectNoAxeViolations(page, 'the record with an agency down');
    await screenshot(page, 'record-agency-down');
    // A page that cannot reach an agency has no error of its own: nothing broke in the browser.
    expect(recorded.problems).toEqual([]);
    await context.close();
  });
});
