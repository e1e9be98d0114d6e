import { launchChromium, startAppUnderTest } from '@joined-up/test/app';
import type { Page } from 'playwright-core';

/** Sam's record opened in the real browser: how long until every section is shown, and what it downloads. */
export interface AppRecordResult {
  /** Each opening's time, navigation start to the last section filled, in milliseconds. */
  openings: number[];
  p50Ms: number;
  p95Ms: number;
  /** A first visit with an empty cache: the app's own files (HTML, scripts, styles, fonts, images). */
  appBytes: number;
  appBytesCompressed: number;
  /** The record's GraphQL answers on the same visit. */
  graphqlBytes: number;
  requests: number;
}

const samsNhsNumber = '9990000018';
// Every section of the record page: each is shown when its heading is there and no section is
// still loading; the page's own "loading" paragraph goes when the first answer arrives.
const sections = [
  'About me',
  'Alerts',
  'Individual requirements',
  'Problems and diagnoses',
  'Medications',
  'Allergies and adverse reactions',
  'Care and support plan',
  'Care team',
  'Services',
  'Social prescribing',
  'Referrals',
  'Timeline',
];

async function signIn(page: Page, appUrl: string, name: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByRole('radio', { name }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.app-header-user', { hasText: name }).waitFor();
}

/** Milliseconds from the click that opens the record to the last of its sections on screen. */
async function openRecord(page: Page): Promise<number> {
  await page.evaluate(() => window.history.pushState(null, '', '/'));
  const started = await page.evaluate((nhsNumber) => {
    const start = performance.now();
    window.history.pushState(null, '', `/people/${nhsNumber}`);
    window.dispatchEvent(new Event('app:navigate'));
    return start;
  }, samsNhsNumber);
  await page.waitForFunction(
    (headings) => {
      const shown = [...document.querySelectorAll('section h2')].map((heading) => heading.textContent?.trim());
      return (
        headings.every((heading) => shown.includes(heading)) && !document.body.innerText.includes('Loading the record')
      );
    },
    sections,
    { timeout: 30_000, polling: 'raf' },
  );
  return (await page.evaluate(() => performance.now())) - started;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * The built app and a whole federation (PGlite, in this process) in front of Debian's Chromium:
 * the GP opens Sam's record `openings` times, each in a new page of one browser (the app's files
 * cached, as in a day's work), after a first visit with an empty cache whose downloads are counted.
 */
export async function measureAppRecord(options: { openings: number }): Promise<AppRecordResult> {
  const [system, browser] = await Promise.all([startAppUnderTest({ people: 1000 }), launchChromium()]);
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const gatewayOrigin = new URL(system.federation.gatewayUrl).origin;
    const first = await context.newPage();
    const counted: Array<Promise<{ url: string; decoded: number; wire: number }>> = [];
    first.on('requestfinished', (request) =>
      counted.push(
        (async () => {
          const sizes = await request.sizes();
          const response = await request.response();
          const decoded = (await response?.body())?.length ?? 0;
          return { url: request.url(), decoded, wire: Math.max(0, sizes.responseBodySize) + sizes.responseHeadersSize };
        })(),
      ),
    );
    await signIn(first, system.appUrl, 'Dr Priya Shah');
    await openRecord(first);
    const downloads = await Promise.all(counted);
    await first.close();
    // The app's own files; the identity provider's answers (sign-in) and the gateway's apart.
    const appFiles = downloads.filter((download) => download.url.startsWith(system.appUrl));
    const graphql = downloads.filter((download) => download.url.startsWith(gatewayOrigin));
    // Each opening in a new page of the same browser: the app's files come from its cache, as on
    // a working day, but the record from the agencies (the page's GraphQL cache starts empty).
    const openings: number[] = [];
    for (let round = 0; round < options.openings; round++) {
      const page = await context.newPage();
      await signIn(page, system.appUrl, 'Dr Priya Shah');
      openings.push(await openRecord(page));
      await page.close();
    }
    const sorted = [...openings].sort((a, b) => a - b);
    await context.close();
    return {
      openings,
      p50Ms: Math.round(percentile(sorted, 50)),
      p95Ms: Math.round(percentile(sorted, 95)),
      appBytes: appFiles.reduce((sum, download) => sum + download.decoded, 0),
      appBytesCompressed: appFiles.reduce((sum, download) => sum + download.wire, 0),
      graphqlBytes: graphql.reduce((sum, download) => sum + download.decoded, 0),
      requests: downloads.length,
    };
  } finally {
    await browser.close();
    await system.stop();
  }
}
