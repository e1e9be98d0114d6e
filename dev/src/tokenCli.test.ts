import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = new URL('./tokenCli.ts', import.meta.url).pathname;

// Each case starts the CLI through tsx, which takes seconds on a loaded machine.
describe('npm run token', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'joined-up-token-'));
  });
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  it('prints a verifiable token for a demo user on its last line and nothing else there', async () => {
    const keyPath = join(folder, 'key.json');
    const { stdout } = await run(
      process.execPath,
      ['--conditions=@joined-up/source', '--import', 'tsx', cli, 'carer'],
      {
        env: { ...process.env, IDENTITY_KEY_PATH: keyPath },
      },
    );
    const token = stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const { publicJwk } = JSON.parse(await readFile(keyPath, 'utf8')) as { publicJwk: { kid: string } };
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: [publicJwk] }), {
      issuer: 'https://identity.joined-up.dev',
      audience: 'joined-up',
    });
    expect(payload).toMatchObject({
      sub: 'citizen-margaret',
      role: 'carer',
      acts_for: '9990000018',
      organisation: { sector: 'citizen' },
    });
  }, 60_000);

  it('lists the demo users and fails for an unknown one', async () => {
    const failure = await run(process.execPath, ['--conditions=@joined-up/source', '--import', 'tsx', cli, 'nobody'], {
      env: { ...process.env, IDENTITY_KEY_PATH: join(folder, 'key.json') },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('unrelated-gp');
  }, 60_000);
});
