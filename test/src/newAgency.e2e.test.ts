import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const repository = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'joined-up-new-agency-'));
const source = ['--conditions=@joined-up/source', '--import', 'tsx'];

/** Runs a command in the scratch copy, as a developer would in their clone. */
async function run(command: string, args: string[], env: Record<string, string> = {}) {
  try {
    return await exec(command, args, { cwd: scratch, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`, {
      cause: error,
    });
  }
}

const changedFiles = async () =>
  (await run('git', ['status', '--porcelain', '--untracked-files=all'])).stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ status: line.slice(0, 2).trim(), path: line.slice(3) }));

// The README's "Adding an agency's subgraph", step by step, in a scratch copy of the repository:
// the scaffold, the new agency's own tests, evolving its schema with the check, and reading Sam's
// new field through the whole federation as a user the new policy allows and as one it refuses.
describe('a new agency joins with one command, touching no one else', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    const tracked = (
      await exec('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repository })
    ).stdout
      .split('\0')
      .filter(Boolean);
    for (const file of tracked) {
      mkdirSync(dirname(join(scratch, file)), { recursive: true });
      cpSync(join(repository, file), join(scratch, file), { verbatimSymlinks: true });
    }
    // The installed dependencies, hard-linked: a copy in moments, and npm replaces files rather
    // than writing into them, so the repository's own are never touched.
    await exec('cp', ['-al', join(repository, 'node_modules'), join(scratch, 'node_modules')]);
    // The one file npm rewrites in place: the copy gets its own, or the repository's would change.
    rmSync(join(scratch, 'node_modules/.package-lock.json'), { force: true });
    await run('git', ['init', '-q']);
    await run('git', ['-c', 'user.email=test@joined-up.dev', '-c', 'user.name=test', 'add', '-A']);
    await run('git', ['-c', 'user.email=test@joined-up.dev', '-c', 'user.name=test', 'commit', '-qm', 'before']);
  }, 300_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('makes a governed subgraph, registers it and composes, changing no kit file and no other agency', async () => {
    const { stdout } = await run('npm', [
      'run',
      '-s',
      'new-agency',
      '--',
      'housing',
      '--display',
      'Riverside Homes',
      '--port',
      '4006',
    ]);
    expect(stdout).toContain('Made Riverside Homes (housing) on port 4006.');
    const changed = await changedFiles();
    const outside = changed.filter(({ path }) => !path.startsWith('subgraphs/housing/'));
    expect(outside.map(({ status, path }) => `${status} ${path}`).sort()).toEqual([
      '?? schema/subgraphs/housing.graphql',
      'M docker-compose.yml',
      'M package-lock.json',
      'M package.json',
      'M schema/subgraphs.json',
      'M schema/supergraph.graphql',
      'M tsconfig.build.json',
    ]);
    const created = changed.filter(({ path }) => path.startsWith('subgraphs/housing/')).map(({ path }) => path);
    expect(created).toEqual(
      expect.arrayContaining([
        'subgraphs/housing/schema.graphql',
        'subgraphs/housing/src/policy.ts',
        'subgraphs/housing/src/tables.ts',
        'subgraphs/housing/src/seed.ts',
        'subgraphs/housing/src/main.ts',
        'subgraphs/housing/src/housing.integration.test.ts',
        'subgraphs/housing/Dockerfile',
        'subgraphs/housing/package.json',
        'subgraphs/housing/drizzle/meta/_journal.json',
      ]),
    );
    expect(created.some((path) => /^subgraphs\/housing\/drizzle\/0000_.*\.sql$/.test(path))).toBe(true);
    console.log(
      `new-agency: ${created.length} files created in subgraphs/housing, ${outside.length} shared files changed`,
    );
    expect(readFileSync(join(scratch, 'schema/supergraph.graphql'), 'utf8')).toContain('housingSupport');
  });

  it('passes its own tests, the type check, the linter and the formatter on the first run', async () => {
    await run('npx', ['vitest', 'run', 'subgraphs/housing']);
    await run('npx', ['tsc', '-p', 'tsconfig.json']);
    await run('npx', ['eslint', 'subgraphs/housing']);
    await run('npx', ['prettier', '--check', 'subgraphs/housing']);
    await run('npx', [
      'vitest',
      'run',
      'test/src/agencyBoundaries.test.ts',
      'test/src/dockerCompose.test.ts',
      'test/src/kitSurface.test.ts',
      'test/src/configurationTable.test.ts',
    ]);
  });

  it('evolves its schema with the check: a new nullable field is published, checked and composed', async () => {
    const sdlPath = join(scratch, 'subgraphs/housing/schema.graphql');
    writeFileSync(
      sdlPath,
      readFileSync(sdlPath, 'utf8').replace(
        '  housingSupport: [HousingSupport!] @policy(policies: [["support"]])\n',
        '$&  "When Riverside Homes next visits the person; null when ' +
          'no visit is booked."\n  housingNextVisitOn: Date ' +
          '@policy(policies: [["support"]])\n',
      ),
    );
    await run('npm', ['run', '-s', 'generate-migrations', '-w', '@joined-up/housing']);
    await run('npm', ['run', '-s', 'publish-sdl', '--', 'housing']);
    const check = await run('npm', ['run', '-s', 'schema:check', '--', 'housing']);
    expect(check.stdout).toContain('PASSED');
    await run('npm', ['run', '-s', 'compose']);
    expect(readFileSync(join(scratch, 'schema/supergraph.graphql'), 'utf8')).toContain('housingNextVisitOn');
  });

  describe('in the running federation', () => {
    let federation: ChildProcess;
    let gatewayUrl: string;
    const env = { JOINED_UP_DATA_DIR: join(scratch, '.data'), JOINED_UP_PEOPLE: '40' };
    beforeAll(async () => {
      const entries = JSON.parse(readFileSync(join(scratch, 'schema/subgraphs.json'), 'utf8')) as Array<{
        urlVariable: string;
      }>;
      const ports = Object.fromEntries(entries.map((entry) => [entry.urlVariable.replace(/_URL$/, '_PORT'), '0']));
      federation = spawn(process.execPath, [...source, 'dev/src/start.ts'], {
        cwd: scratch,
        env: { ...process.env, ...env, ...ports, GATEWAY_PORT: '0', IDENTITY_PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      gatewayUrl = await new Promise<string>((resolve, reject) => {
        const look = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Gateway and explorer\s+(http:\/\/localhost:\d+\/graphql)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        };
        federation.stdout?.on('data', look);
        federation.stderr?.on('data', look);
        federation.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
      });
    }, 300_000);
    afterAll(async () => {
      federation?.kill('SIGTERM');
      await new Promise((resolve) => federation?.once('exit', resolve));
    });

    const asUser = async (user: string) => {
      const token = (await run(process.execPath, [...source, 'dev/src/tokenCli.ts', user], env)).stdout
        .trim()
        .split('\n')
        .at(-1);
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: '{ person(nhsNumber: "9990000018") { name { full } housingSupport { summary } } }',
        }),
      });
      return (await response.json()) as {
        data?: { person: Record<string, unknown> };
        errors?: Array<{ path: unknown; extensions: Record<string, unknown> }>;
      };
    };

    it("shows Sam's new field to the coordinator the new policy allows", async () => {
      const body = await asUser('coordinator');
      expect(body.data?.person['housingSupport']).toEqual([
        { summary: 'Support from Riverside Homes, agreed with Sam.' },
      ]);
      expect(body.errors?.filter((error) => error.extensions['agency'] === 'Riverside Homes') ?? []).toEqual([]);
    });

    it('refuses it to a GP the policy does not allow, naming the agency', async () => {
      const body = await asUser('unrelated-gp');
      expect(body.data?.person['housingSupport']).toBeNull();
      expect(body.errors).toContainEqual(
        expect.objectContaining({
          path: ['person', 'housingSupport'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN', agency: 'Riverside Homes' }),
        }),
      );
    });
  });
});
