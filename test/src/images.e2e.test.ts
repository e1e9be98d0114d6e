import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { simulateDockerBuild, type SimulatedImage, startSimulatedImage } from '@joined-up/dev/images';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'joined-up-images-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every file path under a folder, relative to it. */
function filesUnder(base: string, at = ''): string[] {
  return readdirSync(join(base, at), { withFileTypes: true }).flatMap((entry) => {
    const path = join(at, entry.name);
    if (entry.isSymbolicLink()) return [path];
    return entry.isDirectory() ? filesUnder(base, path) : [path];
  });
}

// Each image is built as its Dockerfile says, without a Docker engine (see simulateDockerBuild),
// so these prove what an image holds and that it runs; a Docker build runs the same steps.
describe('images built from the Dockerfiles', { timeout: 240_000 }, () => {
  let health: SimulatedImage;

  it("builds the health agency's image alone: its code, the kit and the population, compiled", async () => {
    health = await simulateDockerBuild(join(root, 'subgraphs/health/Dockerfile'), {
      context: root,
      into: join(folder, 'health'),
    });
    expect(health).toMatchObject({ user: 'node', workdir: '/app', env: { NODE_ENV: 'production' } });
    expect(health.cmd).toEqual(['node', 'subgraphs/health/dist/main.js']);
    const app = join(health.root, 'app');
    expect(readdirSync(join(app, 'subgraphs')).sort()).toEqual(['health', 'kit', 'population']);
    const own = filesUnder(app).filter((path) => !path.startsWith('node_modules/'));
    expect(own.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
    expect(own.some((path) => path.startsWith('subgraphs/health/dist/'))).toBe(true);
    // No compiler or TypeScript runner at run time, and no other agency's package linked in.
    for (const absent of ['typescript', 'tsx', '@joined-up/social-care', '@joined-up/gateway', 'vitest']) {
      expect(existsSync(join(app, 'node_modules', absent)), absent).toBe(false);
    }
    expect(health.appBytes).toBeLessThan(150 * 1024 * 1024);
  });

  it('publishes from the image exactly the SDL the repository holds, and serves /health compiled', async () => {
    const app = join(health.root, 'app');
    const { stdout } = await run(process.execPath, ['subgraphs/health/dist/main.js', '--print-sdl'], { cwd: app });
    expect(stdout).toBe(readFileSync(join(root, 'schema/subgraphs/health.graphql'), 'utf8'));
    const running = await startSimulatedImage(health, { HEALTH_PORT: '0', JOINED_UP_SECTORS: 'health,social-care' });
    try {
      const response = await fetch(new URL('/health', running.url));
      expect(await response.json()).toEqual({ status: 'ok', service: 'health', database: 'pglite' });
      // Production seeds nothing unless asked.
      expect(running.output()).not.toContain('seeded demo population');
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });

  it("builds the gateway's image with no agency code, and it starts", async () => {
    const gateway = await simulateDockerBuild(join(root, 'gateway/Dockerfile'), {
      context: root,
      into: join(folder, 'gateway'),
    });
    expect(gateway.cmd).toEqual(['node', 'gateway/dist/main.js']);
    const app = join(gateway.root, 'app');
    expect(existsSync(join(app, 'subgraphs'))).toBe(false);
    expect(readdirSync(join(app, 'node_modules', '@joined-up')).sort()).toEqual(['core', 'gateway', 'schema']);
    // Production serves no explorer, so the image holds none (GraphiQL alone is about 200 MB).
    expect(existsSync(join(app, 'node_modules', '@graphql-yoga/graphiql'))).toBe(false);
    expect(gateway.appBytes).toBeLessThan(150 * 1024 * 1024);
    const running = await startSimulatedImage(gateway, { GATEWAY_PORT: '0' });
    try {
      const response = await fetch(new URL('/health', running.url));
      expect(response.status).toBe(200);
    } finally {
      await running.stop();
    }
  });
});
