import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadIdentityProviderConfig } from './loadIdentityProviderConfig.ts';
import { loadStartConfig } from './loadStartConfig.ts';
import { startFederation } from './startFederation.ts';
import { generateSigningKey } from './signingKey.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

// It signs a token for anyone who asks, as any demo user: a production that ran it would trust anyone.
describe('the development identity provider in production', () => {
  it('refuses to start as its own process, saying why, and listens on nothing', async () => {
    const run = promisify(execFile)(
      process.execPath,
      ['--conditions=@joined-up/source', '--import', 'tsx', 'dev/src/identityProviderMain.ts'],
      {
        cwd: repositoryRoot,
        env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', IDENTITY_PORT: '0' },
        timeout: 60_000,
      },
    );
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('NODE_ENV is production: the development identity provider signs tokens');
    expect(failure?.stdout).not.toContain('listening');
  }, 70_000);

  it('refuses in its configuration, and starts in development and test', () => {
    expect(() => loadIdentityProviderConfig({ NODE_ENV: 'production' }, '/tmp/key.json')).toThrow(
      /must not run in production/,
    );
    for (const environment of [undefined, 'development', 'test'])
      expect(loadIdentityProviderConfig({ NODE_ENV: environment }, '/tmp/key.json').port).toBe(4100);
  });

  it('is not started by npm start or startFederation in production', async () => {
    expect(() => loadStartConfig({ NODE_ENV: 'production' }, [])).toThrow(/must not run in production/);
    await expect(
      startFederation({
        people: 2,
        key: await generateSigningKey(),
        issuer: 'https://identity.joined-up.dev',
        audience: 'joined-up',
        environment: 'production',
      }),
    ).rejects.toThrow(/must not run in production/);
  });
});
