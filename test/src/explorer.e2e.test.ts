import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { demoUsers, findDemoUser } from '@joined-up/dev';
import { createExplorer } from '@joined-up/gateway';
import { createHttpHandler, createLogger, createTokenVerifier, listen, type RunningServer } from '@joined-up/core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';
import { startIdentityProvider, type TestIdentityProvider } from './startIdentityProvider.ts';

const chromiumPath = '/usr/bin/chromium';
const screenshotPath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scratch', 'explorer.png');

interface HelloContext {
  name: string;
}

/** A one-field graph behind the kit's HTTP handler and token check, serving the explorer like the gateway. */
async function startHelloServer(
  identity: TestIdentityProvider['identity'],
  identityProviderUrl: string | undefined,
): Promise<RunningServer> {
  const verifyToken = createTokenVerifier(identity);
  const apollo = new ApolloServer<HelloContext>({
    typeDefs: 'type Query { "Hello doc" hello: String }',
    resolvers: {
      Query: { hello: (_parent: unknown, _args: unknown, context: HelloContext) => `Hello, ${context.name}` },
    },
  });
  await apollo.start();
  const explorer = createExplorer({ graphqlPath: '/graphql', identityProviderUrl });
  const listener = createHttpHandler<HelloContext>({
    apollo,
    logger: createLogger('explorer-e2e', 'silent'),
    context: async (request) => ({ name: (await verifyToken(request.headers.authorization)).name }),
    routes: explorer.routes,
    beforeGraphQL: (request, response) => explorer.beforeGraphQL(request, response),
  });
  return listen(listener, 0, '/graphql', () => apollo.stop());
}

interface Recorded {
  requests: Array<{ method: string; url: string; authorization: string | undefined }>;
  problems: string[];
}

/** Records every request the page and its workers make, and every error or CSP violation. */
function record(page: Page): Recorded {
  const recorded: Recorded = { requests: [], problems: [] };
  page.context().on('request', (request) => {
    recorded.requests.push({
      method: request.method(),
      url: request.url(),
      authorization: request.headers()['authorization'],
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
      recorded.problems.push(message.text());
  });
  page.on('pageerror', (error) => recorded.problems.push(error.message));
  return recorded;
}

function expectOnlyFrom(recorded: Recorded, origins: string[]): void {
  const elsewhere = recorded.requests.filter(({ url }) => {
    const { protocol, origin } = new URL(url);
    // data: URLs are the fonts inlined in graphiql.css; they leave nothing.
    return protocol !== 'data:' && !origins.includes(origin);
  });
  expect(elsewhere, 'requests to another origin').toEqual([]);
  expect(recorded.problems, 'console errors or CSP violations').toEqual([]);
}

/** An element's text with Monaco's non-breaking spaces and line breaks as plain spaces. */
async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).innerText()).replace(/\s+/g, ' ');
}

/** What the hello field answers for a demo user, as Monaco shows it. */
function greetingFor(username: string): string {
  const user = findDemoUser(username);
  if (!user) throw new Error(`No demo user ${username}`);
  return `"hello": "Hello, ${user.name}"`;
}

/** Replaces the operation in GraphiQL's Monaco editor and runs it. */
async function runQuery(page: Page, query: string): Promise<void> {
  await page.locator('.graphiql-query-editor .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Typed key by key: Monaco closes "{" itself and then types over its own "}", whereas
  // inserting the text at once would leave a second "}".
  await page.keyboard.type(query);
  await expect.poll(() => textOf(page, '.graphiql-query-editor .view-lines')).toBe(query);
  await page.locator('.graphiql-execute-button').click();
}

async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: the explorer's browser test ` +
        `needs it. Install it with "apt-get install -y chromium".`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Without the background-networking flags Chromium keeps trying to reach Google's hosts,
    // which this machine's closed network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

describe('the offline explorer in a real browser', () => {
  let idp: TestIdentityProvider;
  let server: RunningServer;
  let tokenOnlyServer: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    idp = await startIdentityProvider();
    server = await startHelloServer(idp.identity, `http://localhost:${idp.port}`);
    tokenOnlyServer = await startHelloServer(idp.identity, undefined);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await tokenOnlyServer?.stop();
    await idp?.stop();
  });

  it('renders GraphiQL from local files, signs in a demo user, shows the docs and runs a query', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const recorded = record(page);
    const gatewayOrigin = `http://localhost:${server.port}`;
    const idpOrigin = `http://localhost:${idp.port}`;

    const response = await page.goto(`${gatewayOrigin}/graphql`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    // GraphiQL is up: an editor holding the default query, and the docs button.
    await expect
      .poll(() => page.locator('.graphiql-query-editor .monaco-editor').isVisible(), { timeout: 30_000 })
      .toBe(true);
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText()).toContain('SamsSummary');
    const docsButton = page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]');
    expect(await docsButton.isVisible()).toBe(true);

    // The picker lists the identity provider's demo users, with gp signed in by default.
    await expect.poll(() => page.locator('#explorer-user option').count()).toBe(demoUsers.length);
    expect(await page.locator('#explorer-user').inputValue()).toBe('gp');
    await expect.poll(() => page.locator('#explorer-status').innerText()).toContain('Signed in as gp');

    // The docs come from introspection, which needs the token.
    await docsButton.click();
    await page
      .locator('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name', { hasText: 'Query' })
      .first()
      .click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText()).toContain('Hello doc');
    expect(
      await page.locator('.graphiql-doc-explorer .graphiql-doc-explorer-field-name', { hasText: 'hello' }).isVisible(),
    ).toBe(true);

    await runQuery(page, '{ hello }');
    await expect.poll(() => textOf(page, '.graphiql-response'), { timeout: 15_000 }).toContain(greetingFor('gp'));
    mkdirSync(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });

    // Picking another user changes the token GraphiQL sends.
    await page.locator('#explorer-user').selectOption('sam');
    await expect.poll(() => page.locator('#explorer-status').innerText()).toContain('Signed in as sam');
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => textOf(page, '.graphiql-response'), { timeout: 15_000 }).toContain(greetingFor('sam'));

    const urls = recorded.requests.map((request) => request.url);
    expect(urls).toContain(`${idpOrigin}/token?user=gp`);
    expect(urls).toContain(`${idpOrigin}/users`);
    expect(urls.some((url) => url.startsWith(`${gatewayOrigin}/explorer/yoga-graphiql.js?v=`))).toBe(true);
    expect(urls.some((url) => url.startsWith(`${gatewayOrigin}/explorer/editor.worker.js?v=`))).toBe(true);
    const graphqlPosts = recorded.requests.filter(
      (request) => request.method === 'POST' && request.url === `${gatewayOrigin}/graphql`,
    );
    expect(graphqlPosts.length).toBeGreaterThanOrEqual(3);
    for (const post of graphqlPosts) expect(post.authorization).toMatch(/^Bearer ey/);
    expectOnlyFrom(recorded, [gatewayOrigin, idpOrigin]);
    await context.close();
  });

  it('without an identity provider, loads the docs once a token is pasted', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const recorded = record(page);
    const origin = `http://localhost:${tokenOnlyServer.port}`;

    await page.goto(`${origin}/graphql`);
    await expect
      .poll(() => page.locator('.graphiql-query-editor .monaco-editor').isVisible(), { timeout: 30_000 })
      .toBe(true);
    expect(await page.locator('#explorer-user').count()).toBe(0);
    await page.locator('#explorer-token').fill(await idp.tokenFor('carer'));
    await page.getByRole('button', { name: 'Use token' }).click();

    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    await page
      .locator('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name', { hasText: 'Query' })
      .first()
      .click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText()).toContain('Hello doc');
    await runQuery(page, '{ hello }');
    await expect.poll(() => textOf(page, '.graphiql-response'), { timeout: 15_000 }).toContain(greetingFor('carer'));

    // The only requests went to the server itself: nothing to the identity provider or a CDN.
    expectOnlyFrom(recorded, [origin]);
    await context.close();
  });
});

describe('the explorer served by the real gateway', () => {
  let federation: TestFederation;
  let browser: Browser;
  beforeAll(async () => {
    federation = await startFederationForTest({ people: 50 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await federation?.stop();
  });

  it("documents the federated schema and runs the default query for Sam's record", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const recorded = record(page);
    const gatewayOrigin = new URL(federation.gatewayUrl).origin;
    const idpOrigin = `http://localhost:${federation.federation.identity.port}`;

    await page.goto(federation.gatewayUrl);
    await expect
      .poll(() => page.locator('.graphiql-query-editor').innerText(), { timeout: 30_000 })
      .toContain('SamsSummary');
    await expect.poll(() => page.locator('#explorer-status').innerText()).toContain('Signed in as gp');
    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    await page
      .locator('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name', { hasText: /^Person$/ })
      .first()
      .click();
    // Descriptions written by three agencies, composed into one Person.
    await expect
      .poll(() => page.locator('.graphiql-doc-explorer').innerText())
      .toContain('Health owns the identity and demographics');
    const docs = await page.locator('.graphiql-doc-explorer').innerText();
    for (const field of ['problems', 'careAndSupportPlan', 'socialPrescribingReferrals']) expect(docs).toContain(field);

    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => textOf(page, '.graphiql-response'), { timeout: 15_000 }).toContain('"full": "Sam Taylor"');
    expect(await textOf(page, '.graphiql-response')).toContain('Type 1 diabetes mellitus');
    expectOnlyFrom(recorded, [gatewayOrigin, idpOrigin]);
    await context.close();
  });
});
