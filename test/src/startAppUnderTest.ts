import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '@joined-up/app';
import { buildApp } from '@joined-up/app/build';
import { createLogger, type RunningServer } from '@joined-up/core';
import { type Browser, chromium } from 'playwright-core';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

// Apart from the browser tests' assertions (appBrowser.ts), so that the benchmark, which runs
// outside vitest, starts the same app and browser.
const chromiumPath = '/usr/bin/chromium';

/** Debian's Chromium, headless, kept off the network it cannot reach. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(
      `No Chromium at ${chromiumPath}: the browser tests need it. Install it with "apt-get install -y chromium".`,
    );
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

/** The built app served beside a whole federation that lets its pages call the gateway. */
export interface AppUnderTest {
  federation: TestFederation;
  app: RunningServer;
  appUrl: string;
  stop(): Promise<void>;
}

let built: Promise<string> | undefined;

/** Builds the app once for the test process (about 8 s), into a folder of its own. */
export function buildAppOnce(): Promise<string> {
  built ??= buildApp(join(mkdtempSync(join(tmpdir(), 'joined-up-app-')), 'web'));
  return built;
}

export async function startAppUnderTest(options: { people?: number; without?: string[] } = {}): Promise<AppUnderTest> {
  const distDir = await buildAppOnce();
  let federation: TestFederation | undefined;
  const app = await startApp({
    port: 0,
    distDir,
    logger: createLogger('app-e2e', 'silent'),
    config: async (origin) => {
      federation = await startFederationForTest({
        people: options.people ?? 60,
        ...(options.without ? { without: options.without } : {}),
        gateway: { allowedOrigins: [origin] },
      });
      return {
        gatewayUrl: federation.gatewayUrl,
        signIn: { kind: 'demo', identityProviderUrl: `http://localhost:${federation.federation.identity.port}` },
      };
    },
  });
  const running = federation!;
  return {
    federation: running,
    app,
    appUrl: new URL(app.url).origin,
    stop: async () => {
      await app.stop();
      await running.stop();
    },
  };
}
