import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { partnershipSectors, readSubgraphList } from '@joined-up/schema';
import { describe, expect, it } from 'vitest';
import { checkComposeFile, environment, expectedServices, interpolate, loadComposeFile } from './checkComposeFile.ts';
import { commandOf, parseDockerfile } from '@joined-up/dev/images';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const composePath = join(repoRoot, 'docker-compose.yml');

type Mapping = Record<string, unknown>;

/** A fresh copy of the real file's services, to break one thing at a time. */
function compose(): { services: Record<string, Mapping> } & Mapping {
  return structuredClone(loadComposeFile(composePath)) as { services: Record<string, Mapping> } & Mapping;
}

function service(document: { services: Record<string, Mapping> }, name: string): Mapping {
  const found = document.services[name];
  if (found === undefined) throw new Error(`no service ${name}`);
  return found;
}

function env(document: { services: Record<string, Mapping> }, name: string): Mapping {
  return service(document, name)['environment'] as Mapping;
}

const identityVariables = {
  JOINED_UP_ISSUER: 'https://identity.joined-up.dev',
  JOINED_UP_AUDIENCE: 'joined-up',
  JOINED_UP_JWKS_URL: 'http://identity:4100/.well-known/jwks.json',
  NODE_ENV: 'production',
};

// Every agency this repository runs, as the subgraph list says: a new one needs no edit here.
const agencies = readSubgraphList().filter((entry) => entry.package !== undefined);
const sectors = partnershipSectors(readSubgraphList()).join(',');
const prefixOf = (entry: { urlVariable: string }) => entry.urlVariable.replace(/_URL$/, '');
const portOf = (entry: { url: string }) => new URL(entry.url).port;

describe('docker-compose.yml', () => {
  it('passes every check', () => {
    expect(checkComposeFile(loadComposeFile(composePath), repoRoot)).toEqual([]);
  });

  it('runs the identity provider, each agency with its own database, Redis and the gateway', () => {
    const document = compose();
    expect(Object.keys(document.services).sort()).toEqual(
      [
        'identity',
        'redis',
        'gateway',
        ...agencies.flatMap((entry) => [entry.name, `${entry.name}-db`, `${entry.name}-migrate`]),
      ].sort(),
    );
    for (const entry of agencies) expect(service(document, `${entry.name}-db`)['image']).toBe('postgres:16-alpine');
    expect(Object.keys(document['volumes'] as Mapping).sort()).toEqual(
      ['identity-data', ...agencies.map((entry) => `${entry.name}-db-data`)].sort(),
    );
  });

  it('gives each service the variables its code reads', () => {
    const document = compose();
    expect(environment(service(document, 'identity'))).toEqual({
      IDENTITY_PORT: '4100',
      IDENTITY_HOST: '0.0.0.0',
      JOINED_UP_ISSUER: 'https://identity.joined-up.dev',
      JOINED_UP_AUDIENCE: 'joined-up',
      IDENTITY_KEY_PATH: '/data/signing-key.json',
      NODE_ENV: 'development',
    });
    expect(service(document, 'identity')['volumes']).toEqual(['identity-data:/data']);
    for (const entry of agencies) {
      const prefix = prefixOf(entry);
      const database = entry.name.replace(/-/g, '_');
      expect(environment(service(document, entry.name)), entry.name).toEqual({
        ...identityVariables,
        [`${prefix}_PORT`]: portOf(entry),
        // The runtime role, which may not migrate.
        [`${prefix}_DATABASE_URL`]:
          `postgres://${database}_runtime:${entry.name}-runtime-local-only` + `@${entry.name}-db:5432/${database}`,
        [`${prefix}_MIGRATE`]: 'false',
        JOINED_UP_SECTORS: sectors,
        JOINED_UP_SEED: 'false',
        // Relationships other agencies record, read through the gateway on the compose network.
        JOINED_UP_GATEWAY_URL: 'http://gateway:4000/graphql',
      });
      expect(environment(service(document, `${entry.name}-migrate`)), `${entry.name}-migrate`).toEqual({
        ...identityVariables,
        [`${prefix}_DATABASE_URL`]: `postgres://${database}:${entry.name}-local-only@${entry.name}-db:5432/${database}`,
        [`${prefix}_RUNTIME_ROLE`]: `${database}_runtime`,
      });
      expect(service(document, `${entry.name}-migrate`)['command']).toEqual([
        'node',
        `subgraphs/${entry.name}/dist/main.js`,
        '--migrate',
        '--seed',
        '3000',
      ]);
      expect(environment(service(document, `${entry.name}-db`)), `${entry.name}-db`).toEqual({
        POSTGRES_DB: database,
        POSTGRES_USER: database,
        POSTGRES_PASSWORD: `${entry.name}-local-only`,
        RUNTIME_ROLE: `${database}_runtime`,
        RUNTIME_PASSWORD: `${entry.name}-runtime-local-only`,
      });
    }
    expect(environment(service(document, 'gateway'))).toEqual({
      ...identityVariables,
      GATEWAY_PORT: '4000',
      GATEWAY_SUPERGRAPH_PATH: '/app/schema/supergraph.graphql',
      GATEWAY_REDIS_URL: 'redis://redis:6379',
      ...Object.fromEntries(
        agencies.map((entry) => [entry.urlVariable, `http://${entry.name}:${portOf(entry)}/graphql`]),
      ),
    });
  });

  it("publishes only the gateway's port, and the identity provider's on loopback", () => {
    const document = compose();
    const published = Object.fromEntries(
      Object.entries(document.services).map(([name, value]) => [name, value['ports']]),
    );
    expect(published).toEqual({
      identity: ['127.0.0.1:4100:4100'],
      redis: undefined,
      gateway: ['4000:4000'],
      ...Object.fromEntries(
        agencies.flatMap((entry) => [
          [entry.name, undefined],
          [`${entry.name}-db`, undefined],
          [`${entry.name}-migrate`, undefined],
        ]),
      ),
    });
  });

  it('checks node services over HTTP with node itself, as the slim image has no curl', () => {
    const healthcheck = service(compose(), 'health')['healthcheck'] as Mapping;
    expect(healthcheck['test']).toEqual([
      'CMD',
      'node',
      '-e',
      "fetch('http://127.0.0.1:4001/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))",
    ]);
    // The merge key brings in the shared timings.
    expect(healthcheck).toMatchObject({ interval: '10s', timeout: '5s', retries: 5, start_period: '300s' });
  });
});

describe('the Dockerfiles', () => {
  for (const expected of expectedServices) {
    it(`${expected.name}: built in two stages on node:26-bookworm-slim, non-root, running ${expected.entry}`, () => {
      const build = service(compose(), expected.name)['build'] as Mapping;
      const stages = parseDockerfile(readFileSync(join(repoRoot, String(build['dockerfile'])), 'utf8'));
      expect(stages.map((stage) => stage.from)).toEqual(['node:26-bookworm-slim', 'node:26-bookworm-slim']);
      const final = stages.at(-1)!;
      expect(commandOf(final)).toEqual(['node', expected.entry]);
      expect(final.instructions.filter((i) => i.keyword === 'USER').map((i) => i.args)).toEqual(['node']);
      expect(final.instructions.filter((i) => i.keyword === 'EXPOSE').map((i) => i.args)).toEqual([
        String(expected.port),
      ]);
      // The build stage installs this workspace's production dependencies alone.
      const install = stages[0]!.instructions.find((i) => i.keyword === 'RUN' && i.args.includes('npm ci'));
      expect(install?.args).toMatch(/^npm ci --omit=dev (--omit=optional )?--workspace=@joined-up\/[a-z-]+ /);
    });
  }
});

describe('checkComposeFile rejects', () => {
  const root = repoRoot;

  it('a document without services', () => {
    expect(checkComposeFile(null, root)).toEqual(['the document is not a mapping with services']);
    expect(checkComposeFile({ version: '3' }, root)).toEqual(['the document is not a mapping with services']);
  });

  it('two subgraphs sharing a database', () => {
    const document = compose();
    env(document, 'social-care')['SOCIAL_CARE_DATABASE_URL'] =
      'postgres://health_runtime:${HEALTH_RUNTIME_DB_PASSWORD:-health-runtime-local-only}@health-db:5432/health';
    expect(checkComposeFile(document, root)).toEqual([
      'social-care: SOCIAL_CARE_DATABASE_URL points at health-db, expected social-care-db',
      'health-db is shared by health and social-care',
      "social-care-migrate: SOCIAL_CARE_DATABASE_URL must be health-db's owner's",
      "social-care-migrate: SOCIAL_CARE_RUNTIME_ROLE must be health-db's RUNTIME_ROLE, health_runtime",
      'social-care-migrate: must depend on health-db with condition service_healthy',
      'social-care: must depend on health-db with condition service_healthy',
      'social-care-db: no subgraph uses it',
    ]);
  });

  it('a database URL whose credentials do not match its database', () => {
    const document = compose();
    env(document, 'health')['HEALTH_DATABASE_URL'] = 'postgres://health_runtime:wrong@health-db:5432/health';
    expect(checkComposeFile(document, root)).toEqual([
      "health: HEALTH_DATABASE_URL does not match health-db's runtime role, password, database and port",
    ]);
  });

  // Serving as the owner, the subgraph's credentials could switch off the audit's triggers and rewrite it.
  it("a subgraph serving as its database's owner, or migrating itself", () => {
    const document = compose();
    env(document, 'health')['HEALTH_DATABASE_URL'] = 'postgres://health:health-local-only@health-db:5432/health';
    delete env(document, 'health')['HEALTH_MIGRATE'];
    expect(checkComposeFile(document, root)).toEqual([
      "health: HEALTH_DATABASE_URL connects as health, health-db's owner: a subgraph serves as the runtime role",
      'health: HEALTH_MIGRATE must be false; its owner migrates',
    ]);
  });

  it('a migration job missing, not as the owner, not granting the runtime role, or not waited for', () => {
    const missing = compose();
    delete missing.services['hospital-migrate'];
    expect(checkComposeFile(missing, root)).toEqual([
      'hospital: depends_on names hospital-migrate, which is not a service',
      'hospital-migrate: service is missing',
    ]);
    const document = compose();
    const job = env(document, 'health-migrate');
    job['HEALTH_DATABASE_URL'] =
      'postgres://health_runtime:${HEALTH_RUNTIME_DB_PASSWORD:-health-runtime-local-only}@health-db:5432/health';
    job['HEALTH_RUNTIME_ROLE'] = 'health';
    service(document, 'health-migrate')['command'] = ['node', 'subgraphs/health/dist/main.js'];
    service(document, 'health')['depends_on'] = { 'health-db': { condition: 'service_healthy' } };
    const database = service(document, 'health-db');
    database['volumes'] = ['health-db-data:/var/lib/postgresql/data'];
    expect(checkComposeFile(document, root)).toEqual([
      'health-db: must make the runtime role: RUNTIME_ROLE, RUNTIME_PASSWORD and ' +
        './deploy/postgres/createRuntimeRole.sh in /docker-entrypoint-initdb.d/',
      "health-migrate: HEALTH_DATABASE_URL must be health-db's owner's",
      "health-migrate: HEALTH_RUNTIME_ROLE must be health-db's RUNTIME_ROLE, health_runtime",
      'health-migrate: command must run node subgraphs/health/dist/main.js --migrate',
      'health-migrate: command must seed the demonstration with --seed <people>',
      'health: must depend on health-migrate with condition service_completed_successfully',
    ]);
  });

  it('a subgraph that does not wait for its healthy database', () => {
    const document = compose();
    service(document, 'voluntary-sector')['depends_on'] = {
      'voluntary-sector-db': {},
      'voluntary-sector-migrate': { condition: 'service_completed_successfully' },
    };
    expect(checkComposeFile(document, root)).toEqual([
      'voluntary-sector: must depend on voluntary-sector-db with condition service_healthy',
    ]);
  });

  it('two databases sharing a volume', () => {
    const document = compose();
    service(document, 'voluntary-sector-db')['volumes'] = [
      'health-db-data:/var/lib/postgresql/data',
      './deploy/postgres/createRuntimeRole.sh:/docker-entrypoint-initdb.d/createRuntimeRole.sh:ro',
    ];
    expect(checkComposeFile(document, root)).toEqual([
      'volume health-db-data is used by health-db and voluntary-sector-db',
    ]);
  });

  it('a database reachable from other agencies', () => {
    const document = compose();
    service(document, 'health-db')['networks'] = ['graph', 'health-data'];
    const onGraph = ['gateway', 'identity', 'redis', 'health-migrate', ...agencies.map((entry) => entry.name)].sort();
    expect(checkComposeFile(document, root)).toEqual([
      `health-db: shares a network with ${onGraph.join(', ')}, not only health`,
    ]);
  });

  it('depends_on naming a service that does not exist', () => {
    const document = compose();
    // A name no agency will take, so the test holds in a checkout that has added an agency (the new-agency test's).
    (service(document, 'gateway')['depends_on'] as Mapping)['no-such-service'] = { condition: 'service_healthy' };
    expect(checkComposeFile(document, root)).toEqual([
      'gateway: depends_on names no-such-service, which is not a service',
    ]);
  });

  it('a missing service', () => {
    const document = compose();
    delete document.services['voluntary-sector'];
    expect(checkComposeFile(document, root)).toEqual([
      'voluntary-sector: service is missing',
      'gateway: depends_on names voluntary-sector, which is not a service',
      'voluntary-sector-db: no subgraph uses it',
    ]);
  });

  it('a host port published twice', () => {
    const document = compose();
    service(document, 'identity')['ports'] = ['127.0.0.1:4000:4100'];
    expect(checkComposeFile(document, root)).toEqual(['host port 4000 is published by identity and gateway']);
  });

  it('a subgraph published to the host, or anything but the gateway on every interface', () => {
    const document = compose();
    service(document, 'health')['ports'] = ['4001:4001'];
    service(document, 'identity')['ports'] = [{ target: 4100, published: 4100 }];
    expect(checkComposeFile(document, root)).toEqual([
      "identity: port 4100 is published on every interface; only the gateway's may be",
      'health: a subgraph must not be published to the host; it is reached through the gateway',
    ]);
  });

  it('gateway subgraph URLs that do not name the subgraph services', () => {
    const document = compose();
    env(document, 'gateway')['HEALTH_URL'] = 'http://localhost:4001/graphql';
    env(document, 'gateway')['SOCIAL_CARE_URL'] = 'http://social-care:4001/graphql';
    expect(checkComposeFile(document, root)).toEqual([
      'gateway: HEALTH_URL must be http://health:4001/graphql, found http://localhost:4001/graphql',
      'gateway: SOCIAL_CARE_URL must be http://social-care:4002/graphql, found http://social-care:4001/graphql',
    ]);
  });

  it('the development identity provider run as production', () => {
    const document = compose();
    env(document, 'identity')['NODE_ENV'] = 'production';
    expect(checkComposeFile(document, root)).toEqual(['identity: NODE_ENV must be development, found production']);
  });

  it('a service that trusts a different issuer or fetches keys elsewhere', () => {
    const document = compose();
    env(document, 'health')['JOINED_UP_ISSUER'] = 'https://elsewhere.example';
    env(document, 'gateway')['JOINED_UP_JWKS_URL'] = 'http://localhost:4100/.well-known/jwks.json';
    expect(checkComposeFile(document, root)).toEqual([
      "health: JOINED_UP_ISSUER must equal the identity service's",
      'gateway: JOINED_UP_JWKS_URL must be http://identity:4100/.well-known/jwks.json',
    ]);
  });

  it('a gateway without the shared Redis, or a Redis with a floating image', () => {
    const withoutRedis = compose();
    delete (withoutRedis.services as Record<string, unknown>)['redis'];
    delete (service(withoutRedis, 'gateway')['depends_on'] as Record<string, unknown>)['redis'];
    expect(checkComposeFile(withoutRedis, root)).toEqual(['redis: service is missing']);
    const floating = compose();
    service(floating, 'redis')['image'] = 'redis:latest';
    expect(checkComposeFile(floating, root)).toEqual(['redis: image "redis:latest" does not pin a version']);
  });

  it('database images that are not postgres with a pinned major version', () => {
    for (const image of ['postgres', 'postgres:latest', 'postgres:alpine', 'mysql:8']) {
      const document = compose();
      service(document, 'health-db')['image'] = image;
      expect(checkComposeFile(document, root)).toEqual([
        `health-db: image "${image}" is not postgres with a pinned major version`,
      ]);
    }
    const document = compose();
    service(document, 'health-db')['image'] = 'postgres:16.4-bookworm';
    expect(checkComposeFile(document, root)).toEqual([]);
  });

  it('a build without its own existing Dockerfile', () => {
    const document = compose();
    service(document, 'gateway')['build'] = '.';
    (service(document, 'health')['build'] as Mapping)['dockerfile'] = 'subgraphs/health/Dockerfile.missing';
    expect(checkComposeFile(document, root)).toEqual([
      'health: dockerfile subgraphs/health/Dockerfile.missing does not exist',
      'gateway: build must have context "." and its own dockerfile',
      'health-migrate: must be built as health is',
    ]);
  });

  it('a healthcheck aimed at another port', () => {
    const document = compose();
    const healthcheck = service(document, 'social-care')['healthcheck'] as Mapping;
    healthcheck['test'] = [
      'CMD',
      'node',
      '-e',
      "fetch('http://127.0.0.1:4001/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))",
    ];
    expect(checkComposeFile(document, root)).toEqual([
      'social-care: healthcheck must fetch a URL on port 4002, found http://127.0.0.1:4001/health',
    ]);
  });

  it('Dockerfiles with the wrong base image, user, command or copied sources', () => {
    // A copy of the manifests and Dockerfiles, with one Dockerfile broken.
    const scratch = mkdtempSync(join(tmpdir(), 'joined-up-compose-'));
    try {
      const manifests = [
        'package.json',
        ...(
          JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] }
        ).workspaces.map((folder) => `${folder}/package.json`),
      ];
      const dockerfiles = expectedServices.map((expected) =>
        String((service(compose(), expected.name)['build'] as Mapping)['dockerfile']),
      );
      for (const file of [...manifests, ...dockerfiles]) cpSync(join(repoRoot, file), join(scratch, file));
      const original = readFileSync(join(repoRoot, 'subgraphs/health/Dockerfile'), 'utf8');
      const broken = original
        .replace('ARG NODE_IMAGE=node:26-bookworm-slim', 'ARG NODE_IMAGE=node:22')
        .replace('USER node\n', '')
        .replace('COPY subgraphs/health subgraphs/health\n', 'COPY subgraphs/social-care subgraphs/social-care\n')
        .replace('npm ci --omit=dev --workspace=@joined-up/health', 'npm ci --workspace=@joined-up/health')
        .replace('"subgraphs/health/dist/main.js"', '"subgraphs/health/src/main.ts"');
      writeFileSync(join(scratch, 'subgraphs/health/Dockerfile'), broken);
      const entries = expectedServices.map((expected) =>
        expected.entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts'),
      );
      for (const file of entries) cpSync(join(repoRoot, file), join(scratch, file));
      expect(checkComposeFile(loadComposeFile(composePath), scratch)).toEqual([
        'health: subgraphs/health/Dockerfile must be FROM node:26-bookworm-slim, found node:22',
        'health: subgraphs/health/Dockerfile must run as USER node',
        'health: subgraphs/health/Dockerfile must end with CMD ' +
          '["node", "subgraphs/health/dist/main.js"], found ' +
          '["node","subgraphs/health/src/main.ts"]',
        "health: subgraphs/health/Dockerfile copies another agency's subgraphs/social-care",
        'health: subgraphs/health/Dockerfile does not copy its own subgraphs/health',
        'health: subgraphs/health/Dockerfile: npm ci lacks --omit=dev',
      ]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('interpolate', () => {
  it('resolves Compose variables to their defaults', () => {
    expect(interpolate('postgres://u:${DB_PASSWORD:-secret}@db/${NAME-x}${UNSET}$$HOME')).toBe(
      'postgres://u:secret@db/x$HOME',
    );
  });
});
