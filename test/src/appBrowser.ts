import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { operationsFolder, readRegisteredOperations } from '@joined-up/schema';
import { expect } from 'vitest';

export { type AppUnderTest, buildAppOnce, launchChromium, startAppUnderTest } from './startAppUnderTest.ts';

/** Where the browser tests leave the screenshots the README shows. */
export const screenshotsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'app', 'screenshots');

/** What a page did that a test must see: every request, and every error or CSP violation. */
export interface PageRecord {
  requests: Array<{ method: string; url: string; body: string | null }>;
  problems: string[];
}

export function recordPage(page: Page): PageRecord {
  const recorded: PageRecord = { requests: [], problems: [] };
  page.on('request', (request) =>
    recorded.requests.push({ method: request.method(), url: request.url(), body: request.postData() }),
  );
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
      recorded.problems.push(message.text());
  });
  page.on('pageerror', (error) => recorded.problems.push(error.message));
  return recorded;
}

/** A fresh browser context: no storage shared with any other, as a second person's browser. */
export async function newPage(browser: Browser, width = 1024): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  // playwright-core waits for ever by default: a missing element should fail the test, and say which.
  context.setDefaultTimeout(10_000);
  return { context, page: await context.newPage() };
}

/**
 * axe-core's WCAG 2.2 A and AA rules over the page as it is now: no violation may be found. The
 * engine is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<axe.AxeResults> } }
    ).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
  });
  expect(violations, `axe-core violations on ${where}`).toEqual([]);
}

/** Nothing on the page is wider than a 360-pixel phone screen: no sideways scrolling. */
export async function expectFitsWidth(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, 'page width at a phone screen').toBeLessThanOrEqual(width);
}

/** What the browser window shows now, as the README shows it: the top of the page (a whole record is metres long). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsFolder, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotsFolder, `${name}.png`), timeout: 30_000 });
}

/** Signs in as a demo user by keyboard alone: the radio for their name, then the button. */
export async function signInAs(page: Page, appUrl: string, name: string, path = '/'): Promise<void> {
  await page.goto(`${appUrl}${path}`);
  const radio = page.getByRole('radio', { name });
  await radio.focus();
  await page.keyboard.press('Space');
  await expect.poll(() => radio.isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Sign in' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.app-header-user').innerText()).toContain(name);
}

/** A section of a page by its level-2 heading, as the record pages lay them out. */
export const section = (page: Page, heading: string) =>
  page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading, exact: true }) });

const appIds = new Set(
  readRegisteredOperations(operationsFolder)
    .filter((operation) => operation.client === 'app')
    .map((operation) => operation.id),
);

/** Every GraphQL request the page made went by a registered id, with no operation text. */
export function expectOnlyRegisteredIds(recorded: PageRecord, gatewayUrl: string): void {
  const posts = recorded.requests.filter((request) => request.url === gatewayUrl && request.method === 'POST');
  expect(posts.length).toBeGreaterThan(0);
  for (const post of posts) {
    const body = JSON.parse(post.body ?? '{}') as { documentId?: string; query?: string };
    expect(body.query).toBeUndefined();
    expect(appIds.has(body.documentId ?? '')).toBe(true);
  }
}
