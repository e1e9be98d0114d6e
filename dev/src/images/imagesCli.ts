import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSubgraphList } from '@joined-up/schema';
import { simulateDockerBuild } from './simulateDockerBuild.ts';
import { startSimulatedImage } from './startSimulatedImage.ts';

// `npm run images [-- <service> ...]`: builds each service's image from its Dockerfile without a
// Docker engine (see simulateDockerBuild), starts it, and reports what it holds and what one
// process of it uses, beside the same service run from source through tsx, as `npm start` does.
const { positionals } = parseArgs({ allowPositionals: true });
const root = fileURLToPath(new URL('../../../', import.meta.url));
const agencies = readSubgraphList().filter((entry) => entry.package !== undefined);
const services = [
  ...agencies.map((entry) => ({
    name: entry.name,
    dockerfile: `subgraphs/${entry.name}/Dockerfile`,
    source: `subgraphs/${entry.name}/src/main.ts`,
    env: { [`${entry.urlVariable.replace(/_URL$/, '')}_PORT`]: '0', JOINED_UP_SEED: 'false' },
  })),
  { name: 'gateway', dockerfile: 'gateway/Dockerfile', source: 'gateway/src/main.ts', env: { GATEWAY_PORT: '0' } },
].filter((service) => positionals.length === 0 || positionals.includes(service.name));
const folder = mkdtempSync(join(tmpdir(), 'joined-up-images-'));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const rows: string[] = [];
try {
  for (const service of services) {
    const started = Date.now();
    const image = await simulateDockerBuild(join(root, service.dockerfile), {
      context: root,
      into: join(folder, service.name),
    });
    const built = Date.now() - started;
    // A loaded machine may take minutes to migrate an embedded database on first start.
    const compiled = await startSimulatedImage(image, service.env, { timeoutMs: 300_000 });
    await settle(compiled.url);
    const compiledRss = await compiled.residentBytes();
    await compiled.stop();
    const fromSource = await startSimulatedImage(
      {
        ...image,
        root,
        workdir: '/',
        cmd: ['node', '--conditions=@joined-up/source', '--import', 'tsx', service.source],
      },
      // Its own databases, never the ones `npm start` uses.
      { ...service.env, JOINED_UP_DATA_DIR: join(folder, 'tsx-data') },
      { timeoutMs: 300_000 },
    );
    await settle(fromSource.url);
    const sourceRss = await fromSource.residentBytes();
    await fromSource.stop();
    rows.push(
      `| ${service.name} | ${mib(image.appBytes)} | ` +
        `${mib(image.nodeModulesBytes)} | ${mib(compiledRss)} | ` +
        `${mib(sourceRss)} | ${(built / 1000).toFixed(0)} s |`,
    );
    console.log(rows.at(-1));
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
console.log(
  [
    '',
    '| Service | Installed (app) | of which node_modules | Resident, compiled | Resident, tsx | Build |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Installed: the image less its Node.js base. Resident: one idle process after /health, on this machine.',
  ].join('\n'),
);

/** Asks /health a few times, so the measure is of a process that has served, not one just started. */
async function settle(url: string): Promise<void> {
  for (let i = 0; i < 5; i += 1) await fetch(new URL('/health', url)).then((response) => response.arrayBuffer());
  await new Promise((resolve) => setTimeout(resolve, 500));
}
