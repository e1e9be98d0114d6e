import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { commandOf, type DockerStage, parseDockerfile } from '@joined-up/dev/images';
import { readSubgraphList } from '@joined-up/schema';
import { parse } from 'yaml';

/** A service docker-compose.yml must run, as the code expects it. */
export interface ExpectedService {
  name: string;
  role: 'identity' | 'subgraph' | 'gateway';
  /** Entry file, relative to the repository root. */
  entry: string;
  port: number;
  /** Environment variable prefix of a subgraph (HEALTH_PORT, HEALTH_DATABASE_URL). */
  prefix?: string;
}

/** The services compose must run: the identity provider, every agency this repository runs, the gateway. */
export const expectedServices: readonly ExpectedService[] = [
  { name: 'identity', role: 'identity', entry: 'dev/dist/identityProviderMain.js', port: 4100 },
  ...readSubgraphList()
    .filter((entry) => entry.package !== undefined)
    .map((entry): ExpectedService => ({
      name: entry.name,
      role: 'subgraph',
      entry: `subgraphs/${entry.name}/dist/main.js`,
      port: Number(new URL(entry.url).port),
      prefix: entry.urlVariable.replace(/_URL$/, ''),
    })),
  { name: 'gateway', role: 'gateway', entry: 'gateway/dist/main.js', port: 4000 },
];

/** The current Node.js LTS, on the Debian slim image every service is built from. */
export const nodeBaseImage = 'node:26-bookworm-slim';
const postgresDataDirectory = '/var/lib/postgresql/data';
/** The script that creates a database's runtime role, as the postgres image runs it on a new volume. */
export const runtimeRoleScript = './deploy/postgres/createRuntimeRole.sh';
/** Each agency's one-shot job that migrates and seeds its database as the owner. */
const migrationJobs = new Set(
  expectedServices.filter((service) => service.role === 'subgraph').map((service) => `${service.name}-migrate`),
);

type Mapping = Record<string, unknown>;

/** Reads docker-compose.yml as Compose does, `<<` merge keys included. */
export function loadComposeFile(path: string): unknown {
  return parse(readFileSync(path, 'utf8'), { merge: true });
}

/**
 * Checks a parsed docker-compose.yml against the services the code expects and the rules of the
 * deployment (one database per agency, nothing shared, images built from existing Dockerfiles).
 * Returns every problem found, as sentences; an empty list means the file is sound.
 */
export function checkComposeFile(document: unknown, repoRoot: string): string[] {
  if (!isMapping(document) || !isMapping(document['services'])) return ['the document is not a mapping with services'];
  const problems: string[] = [];
  const services = new Map(
    Object.entries(document['services']).map(([name, value]) => [name, isMapping(value) ? value : {}]),
  );
  // Agencies' databases are named <agency>-db; other images are shared infrastructure (Redis for
  // the gateway's rate limit).
  const unbuilt = [...services].filter(([, service]) => service['build'] === undefined).map(([name]) => name);
  const databases = new Set(unbuilt.filter((name) => name.endsWith('-db')));
  const infrastructure = new Set(unbuilt.filter((name) => !name.endsWith('-db')));

  for (const expected of expectedServices)
    if (!services.has(expected.name)) problems.push(`${expected.name}: service is missing`);
  for (const [name, service] of services) {
    if (databases.has(name)) checkDatabase(name, service, problems);
    else if (infrastructure.has(name)) checkInfrastructure(name, service, problems);
    else checkBuild(name, service, repoRoot, problems);
    for (const dependency of dependsOn(service)) {
      if (!services.has(dependency)) problems.push(`${name}: depends_on names ${dependency}, which is not a service`);
    }
    // A one-shot job (an agency's migration) has finished, not become healthy, when what waits for it starts.
    if (service['healthcheck'] === undefined && !migrationJobs.has(name)) problems.push(`${name}: has no healthcheck`);
  }
  checkIdentityVariables(services, problems);
  checkSubgraphDatabases(services, databases, problems);
  checkGateway(services, problems);
  checkPublishedPorts(services, problems);
  checkSharedResources(document, services, databases, problems);
  return problems;
}

function checkDatabase(name: string, service: Mapping, problems: string[]): void {
  const image = service['image'];
  if (typeof image !== 'string' || !/^postgres:\d+(\.\d+)*(-[a-z0-9.]+)?$/.test(image)) {
    problems.push(`${name}: image ${JSON.stringify(image)} is not postgres with a pinned major version`);
  }
  if (!healthcheckCommand(service).includes('pg_isready'))
    problems.push(`${name}: healthcheck does not run pg_isready`);
  if (!namedVolumes(service).some((volume) => volume.target === postgresDataDirectory)) {
    problems.push(`${name}: no named volume is mounted at ${postgresDataDirectory}`);
  }
}

function checkInfrastructure(name: string, service: Mapping, problems: string[]): void {
  const image = service['image'];
  if (typeof image !== 'string' || !/^[a-z0-9./-]+:\d+(\.\d+)*(-[a-z0-9.]+)?$/.test(image)) {
    problems.push(`${name}: image ${JSON.stringify(image)} does not pin a version`);
  }
  if (publishedPorts(service).length > 0) problems.push(`${name}: must not be published to the host`);
}

function checkBuild(name: string, service: Mapping, repoRoot: string, problems: string[]): void {
  const build = service['build'];
  if (!isMapping(build) || build['context'] !== '.' || typeof build['dockerfile'] !== 'string') {
    problems.push(`${name}: build must have context "." and its own dockerfile`);
    return;
  }
  const dockerfilePath = build['dockerfile'];
  if (!existsSync(join(repoRoot, dockerfilePath))) {
    problems.push(`${name}: dockerfile ${dockerfilePath} does not exist`);
    return;
  }
  // An agency's migration job runs the agency's own image, checked as the agency's service.
  if (migrationJobs.has(name)) return;
  const stages = parseDockerfile(readFileSync(join(repoRoot, dockerfilePath), 'utf8'));
  const expected = expectedServices.find((candidate) => candidate.name === name);
  const where = `${name}: ${dockerfilePath}`;
  checkDockerfile(where, stages, expected, repoRoot, problems);
  const final = stages.at(-1);
  const dockerfile = {
    expose: final?.instructions.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args.split(/\s+/)) ?? [],
  };
  if (expected) {
    if (!dockerfile.expose.includes(String(expected.port))) problems.push(`${where} must EXPOSE ${expected.port}`);
    const url = healthcheckCommand(service)
      .join(' ')
      .match(/https?:\/\/[^'"\s)]+/)?.[0];
    const port = url ? new URL(url).port : undefined;
    if (port !== String(expected.port))
      problems.push(`${name}: healthcheck must fetch a URL on port ${expected.port}, found ${url ?? 'none'}`);
  }
}

/**
 * An image is built alone and runs compiled: multi-stage on the LTS image; the build stage copies
 * from the context only the workspaces the service is made of (never another agency's) and
 * installs this workspace's production dependencies; the final stage takes the build stage's
 * result alone, runs as the node user and starts the compiled entry point.
 */
function checkDockerfile(
  where: string,
  stages: DockerStage[],
  expected: ExpectedService | undefined,
  repoRoot: string,
  problems: string[],
): void {
  if (stages.length < 2) problems.push(`${where} must build in one stage and run in another`);
  const images = [...new Set(stages.map((stage) => stage.from))];
  if (images.length !== 1 || images[0] !== nodeBaseImage)
    problems.push(`${where} must be FROM ${nodeBaseImage}, found ${images.join(', ') || 'nothing'}`);
  const final = stages.at(-1);
  if (!final) return;
  const lastUser = final.instructions.findLast((instruction) => instruction.keyword === 'USER')?.args;
  if (lastUser !== 'node') problems.push(`${where} must run as USER node`);
  const environment = final.instructions.filter((i) => i.keyword === 'ENV').map((i) => i.args);
  const wanted = expected?.role === 'identity' ? 'NODE_ENV=development' : 'NODE_ENV=production';
  if (!environment.includes(wanted)) problems.push(`${where} must set ENV ${wanted}`);
  const cmd = commandOf(final);
  if (expected && (cmd.length !== 2 || cmd[0] !== 'node' || cmd[1] !== expected.entry))
    problems.push(`${where} must end with CMD ["node", "${expected.entry}"], found ${JSON.stringify(cmd)}`);
  if (expected && !existsSync(join(repoRoot, expected.entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts'))))
    problems.push(`${where} starts ${expected.entry}, which no source file compiles to`);
  const finalCopies = final.instructions.filter((instruction) => instruction.keyword === 'COPY');
  if (finalCopies.some((copy) => !/--from=/.test(copy.args)))
    problems.push(`${where}: the final stage must take only the build stage's result`);
  const workspaces = workspaceDirectories(repoRoot);
  const agencies = new Set(
    [...workspaces.values()].filter(
      (folder) => folder.startsWith('subgraphs/') && !['subgraphs/kit', 'subgraphs/population'].includes(folder),
    ),
  );
  const own = expected ? [...workspaces].find(([, folder]) => expected.entry.startsWith(`${folder}/`)) : undefined;
  const copied = stages
    .slice(0, -1)
    .flatMap((stage) => stage.instructions)
    .filter((instruction) => instruction.keyword === 'COPY' && !/--from=/.test(instruction.args))
    .flatMap((instruction) =>
      instruction.args
        .split(/\s+/)
        .filter((word) => !word.startsWith('--'))
        .slice(0, -1),
    )
    .map((source) => posix.normalize(source).replace(/\/$/, ''));
  for (const source of copied) {
    if (agencies.has(source) && source !== own?.[1]) problems.push(`${where} copies another agency's ${source}`);
  }
  if (own && !copied.includes(own[1])) problems.push(`${where} does not copy its own ${own[1]}`);
  const install = stages
    .flatMap((stage) => stage.instructions)
    .find((instruction) => instruction.keyword === 'RUN' && /\bnpm ci\b/.test(instruction.args));
  if (!install) {
    problems.push(`${where} does not run npm ci`);
    return;
  }
  const words = install.args.split(/\s+/);
  if (!words.includes('--omit=dev')) problems.push(`${where}: npm ci lacks --omit=dev`);
  if (own && !words.includes(`--workspace=${own[0]}`))
    problems.push(`${where}: npm ci does not install ${own[0]} alone (--workspace=${own[0]})`);
}

/** Every service trusts the same issuer, and finds its keys at the identity service. */
function checkIdentityVariables(services: Map<string, Mapping>, problems: string[]): void {
  const identity = services.get('identity');
  if (identity === undefined) return;
  const identityEnvironment = environment(identity);
  const identityPort = expectedServices.find((service) => service.name === 'identity')?.port;
  if (identityEnvironment['IDENTITY_PORT'] !== String(identityPort))
    problems.push(`identity: IDENTITY_PORT must be ${identityPort}`);
  // It signs a token for anyone who asks: it refuses to start as production, and must not be asked to.
  if (!['development', undefined].includes(identityEnvironment['NODE_ENV']))
    problems.push(`identity: NODE_ENV must be development, found ${identityEnvironment['NODE_ENV']}`);
  const keyPath = identityEnvironment['IDENTITY_KEY_PATH'];
  if (keyPath === undefined || !namedVolumes(identity).some((volume) => isWithin(keyPath, volume.target))) {
    problems.push('identity: IDENTITY_KEY_PATH must be on a named volume');
  }
  const jwksUrl = `http://identity:${identityPort}/.well-known/jwks.json`;
  for (const expected of expectedServices.filter((service) => service.role !== 'identity')) {
    const service = services.get(expected.name);
    if (service === undefined) continue;
    const variables = environment(service);
    for (const name of ['JOINED_UP_ISSUER', 'JOINED_UP_AUDIENCE']) {
      if (variables[name] === undefined || variables[name] !== identityEnvironment[name])
        problems.push(`${expected.name}: ${name} must equal the identity service's`);
    }
    if (variables['JOINED_UP_JWKS_URL'] !== jwksUrl)
      problems.push(`${expected.name}: JOINED_UP_JWKS_URL must be ${jwksUrl}`);
    if (variables['NODE_ENV'] !== 'production') problems.push(`${expected.name}: NODE_ENV must be production`);
  }
}

/** Each subgraph has its own PostgreSQL, reaches it by service name, and waits for it to be healthy. */
function checkSubgraphDatabases(services: Map<string, Mapping>, databases: Set<string>, problems: string[]): void {
  const owners = new Map<string, string>();
  for (const expected of expectedServices.filter((service) => service.role === 'subgraph')) {
    const service = services.get(expected.name);
    if (service === undefined) continue;
    const variables = environment(service);
    const prefix = expected.prefix ?? '';
    if (variables[`${prefix}_PORT`] !== String(expected.port))
      problems.push(`${expected.name}: ${prefix}_PORT must be ${expected.port}`);
    const databaseName = `${expected.name}-db`;
    const url = parseUrl(variables[`${prefix}_DATABASE_URL`]);
    if (url === undefined || !['postgres:', 'postgresql:'].includes(url.protocol)) {
      problems.push(`${expected.name}: ${prefix}_DATABASE_URL must be a postgres:// URL`);
      continue;
    }
    const host = url.hostname;
    if (host !== databaseName)
      problems.push(`${expected.name}: ${prefix}_DATABASE_URL points at ${host}, expected ${databaseName}`);
    const owner = owners.get(host);
    if (owner !== undefined) problems.push(`${host} is shared by ${owner} and ${expected.name}`);
    owners.set(host, expected.name);
    const database = services.get(host);
    if (database === undefined || !databases.has(host)) {
      problems.push(`${expected.name}: ${prefix}_DATABASE_URL host ${host} is not a database service`);
      continue;
    }
    checkDatabaseRoles(expected, service, url, host, services, problems);
    if (dependencyCondition(service, host) !== 'service_healthy')
      problems.push(`${expected.name}: must depend on ${host} with condition service_healthy`);
  }
  for (const database of databases) if (!owners.has(database)) problems.push(`${database}: no subgraph uses it`);
}

/**
 * A subgraph serves as its database's runtime role, never as the owner, and does not migrate: that
 * role (RUNTIME_ROLE) is made when the database's volume is first initialised, and the agency's
 * `<agency>-migrate` job, from the agency's own image, migrates as the owner and grants it, and has
 * finished before the subgraph starts. So the serving credentials cannot alter the audit.
 */
function checkDatabaseRoles(
  expected: ExpectedService,
  service: Mapping,
  url: URL,
  databaseName: string,
  services: Map<string, Mapping>,
  problems: string[],
): void {
  const prefix = expected.prefix ?? '';
  const database = services.get(databaseName) ?? {};
  const postgres = environment(database);
  const runtimeRole = postgres['RUNTIME_ROLE'];
  const isDatabase = (candidate: URL | undefined) =>
    candidate?.hostname === databaseName &&
    candidate.pathname === `/${postgres['POSTGRES_DB']}` &&
    (candidate.port === '' || candidate.port === '5432');
  const mounted = Array.isArray(database['volumes']) ? database['volumes'].map(String) : [];
  if (
    !runtimeRole ||
    !postgres['RUNTIME_PASSWORD'] ||
    !mounted.some((volume) => volume.startsWith(`${runtimeRoleScript}:/docker-entrypoint-initdb.d/`))
  )
    problems.push(
      `${databaseName}: must make the runtime role: RUNTIME_ROLE, RUNTIME_PASSWORD and ${runtimeRoleScript} ` +
        'in /docker-entrypoint-initdb.d/',
    );
  const user = decodeURIComponent(url.username);
  if (user === postgres['POSTGRES_USER'])
    problems.push(
      `${expected.name}: ${prefix}_DATABASE_URL connects as ${user}, ${databaseName}'s owner: ` +
        'a subgraph serves as the runtime role',
    );
  else if (
    user !== runtimeRole ||
    decodeURIComponent(url.password) !== postgres['RUNTIME_PASSWORD'] ||
    !isDatabase(url)
  )
    problems.push(
      `${expected.name}: ${prefix}_DATABASE_URL does not match ${databaseName}'s runtime role, ` +
        'password, database and port',
    );
  if (environment(service)[`${prefix}_MIGRATE`] !== 'false')
    problems.push(`${expected.name}: ${prefix}_MIGRATE must be false; its owner migrates`);
  const jobName = `${expected.name}-migrate`;
  const job = services.get(jobName);
  if (job === undefined) {
    problems.push(`${jobName}: service is missing`);
    return;
  }
  const variables = environment(job);
  const ownerUrl = parseUrl(variables[`${prefix}_DATABASE_URL`]);
  const asOwner =
    isDatabase(ownerUrl) &&
    decodeURIComponent(ownerUrl?.username ?? '') === postgres['POSTGRES_USER'] &&
    decodeURIComponent(ownerUrl?.password ?? '') === postgres['POSTGRES_PASSWORD'];
  if (!asOwner) problems.push(`${jobName}: ${prefix}_DATABASE_URL must be ${databaseName}'s owner's`);
  if (runtimeRole !== undefined && variables[`${prefix}_RUNTIME_ROLE`] !== runtimeRole)
    problems.push(`${jobName}: ${prefix}_RUNTIME_ROLE must be ${databaseName}'s RUNTIME_ROLE, ${runtimeRole}`);
  const command = Array.isArray(job['command']) ? job['command'].map(String) : [];
  if (command[0] !== 'node' || command[1] !== expected.entry || !command.includes('--migrate'))
    problems.push(`${jobName}: command must run node ${expected.entry} --migrate`);
  // The demonstration's people, seeded by the owner, not by the service.
  if (!/^[1-9]\d*$/.test(command[command.indexOf('--seed') + 1] ?? '') || !command.includes('--seed'))
    problems.push(`${jobName}: command must seed the demonstration with --seed <people>`);
  const dockerfileOf = (of: Mapping) => (isMapping(of['build']) ? of['build']['dockerfile'] : undefined);
  if (dockerfileOf(job) !== dockerfileOf(service)) problems.push(`${jobName}: must be built as ${expected.name} is`);
  if (dependencyCondition(job, databaseName) !== 'service_healthy')
    problems.push(`${jobName}: must depend on ${databaseName} with condition service_healthy`);
  if (dependencyCondition(service, jobName) !== 'service_completed_successfully')
    problems.push(`${expected.name}: must depend on ${jobName} with condition service_completed_successfully`);
}

function checkGateway(services: Map<string, Mapping>, problems: string[]): void {
  const gateway = services.get('gateway');
  if (gateway === undefined) return;
  const variables = environment(gateway);
  if (variables['GATEWAY_PORT'] !== '4000') problems.push('gateway: GATEWAY_PORT must be 4000');
  if (!variables['GATEWAY_SUPERGRAPH_PATH']) problems.push('gateway: GATEWAY_SUPERGRAPH_PATH is not set');
  // Several gateway replicas share one rate-limit count in Redis.
  if (variables['GATEWAY_REDIS_URL'] !== 'redis://redis:6379')
    problems.push(
      `gateway: GATEWAY_REDIS_URL must be redis://redis:6379, found ${variables['GATEWAY_REDIS_URL'] ?? 'nothing'}`,
    );
  if (!services.has('redis')) problems.push('redis: service is missing');
  else if (dependencyCondition(gateway, 'redis') !== 'service_healthy')
    problems.push('gateway: must depend on redis with condition service_healthy');
  for (const expected of expectedServices.filter((service) => service.role !== 'gateway')) {
    if (dependencyCondition(gateway, expected.name) !== 'service_healthy')
      problems.push(`gateway: must depend on ${expected.name} with condition service_healthy`);
    if (expected.prefix === undefined) continue;
    const url = `http://${expected.name}:${expected.port}/graphql`;
    if (variables[`${expected.prefix}_URL`] !== url)
      problems.push(
        `gateway: ${expected.prefix}_URL must be ${url}, found ${variables[`${expected.prefix}_URL`] ?? 'nothing'}`,
      );
  }
}

/**
 * Only the gateway is published on the host's every interface: agencies are reached through it,
 * never around it, so a subgraph publishes nothing; anything else published (the development
 * identity provider) is bound to the host's loopback. No host port is published twice.
 */
function checkPublishedPorts(services: Map<string, Mapping>, problems: string[]): void {
  const publishers = new Map<string, string>();
  const roles = new Map(expectedServices.map((expected) => [expected.name, expected.role]));
  for (const [name, service] of services) {
    const ports = publishedPorts(service);
    if (roles.get(name) === 'subgraph' && ports.length > 0)
      problems.push(`${name}: a subgraph must not be published to the host; it is reached through the gateway`);
    for (const { host, port } of ports) {
      const other = publishers.get(port);
      if (other !== undefined) problems.push(`host port ${port} is published by ${other} and ${name}`);
      publishers.set(port, name);
      if (roles.get(name) !== 'gateway' && roles.get(name) !== 'subgraph' && host !== '127.0.0.1')
        problems.push(`${name}: port ${port} is published on every interface; only the gateway's may be`);
    }
  }
}

/**
 * Named volumes and networks are declared; no volume is shared by a database and anything else; a database's networks
 * reach only its own subgraph.
 */
function checkSharedResources(
  document: Mapping,
  services: Map<string, Mapping>,
  databases: Set<string>,
  problems: string[],
): void {
  const declaredVolumes = isMapping(document['volumes']) ? Object.keys(document['volumes']) : [];
  const declaredNetworks = isMapping(document['networks']) ? Object.keys(document['networks']) : [];
  const volumeUsers = new Map<string, string[]>();
  for (const [name, service] of services) {
    for (const { source } of namedVolumes(service)) {
      if (!declaredVolumes.includes(source)) problems.push(`${name}: volume ${source} is not declared`);
      volumeUsers.set(source, [...(volumeUsers.get(source) ?? []), name]);
    }
    for (const network of networks(service)) {
      if (network !== 'default' && !declaredNetworks.includes(network))
        problems.push(`${name}: network ${network} is not declared`);
    }
  }
  for (const [volume, users] of volumeUsers) {
    if (users.length > 1 && users.some((user) => databases.has(user)))
      problems.push(`volume ${volume} is used by ${users.join(' and ')}`);
  }
  for (const database of databases) {
    const own = database.replace(/-db$/, '');
    const reachable = new Set(networks(services.get(database) ?? {}));
    const neighbours = [...services]
      .filter(([name, service]) => name !== database && networks(service).some((network) => reachable.has(network)))
      .map(([name]) => name);
    if (neighbours.some((name) => name !== own && name !== `${own}-migrate`))
      problems.push(`${database}: shares a network with ${neighbours.sort().join(', ')}, not only ${own}`);
  }
}

/** Workspace package names and their folders, from the root package.json. */
function workspaceDirectories(repoRoot: string): Map<string, string> {
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { workspaces?: string[] };
  const directories = new Map<string, string>();
  for (const directory of root.workspaces ?? []) {
    const manifest = join(repoRoot, directory, 'package.json');
    if (existsSync(manifest))
      directories.set((JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name, directory);
  }
  return directories;
}

/** A service's environment as strings, in either Compose form, with `${NAME:-default}` resolved to its default. */
export function environment(service: Mapping): Record<string, string> {
  const raw = service['environment'];
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((item): [string, unknown] => {
        const [name = '', ...value] = String(item).split('=');
        return [name, value.join('=')];
      })
    : isMapping(raw)
      ? Object.entries(raw)
      : [];
  return Object.fromEntries(
    entries
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([name, value]) => [name, interpolate(String(value))]),
  );
}

/** Compose variable substitution as if no variable were set: defaults apply, `$$` is a dollar. */
export function interpolate(value: string): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, _name, fallback: string | undefined) => (match === '$$' ? '$' : (fallback ?? '')),
  );
}

function dependsOn(service: Mapping): string[] {
  const raw = service['depends_on'];
  if (Array.isArray(raw)) return raw.map(String);
  return isMapping(raw) ? Object.keys(raw) : [];
}

function dependencyCondition(service: Mapping, dependency: string): string | undefined {
  const raw = service['depends_on'];
  if (Array.isArray(raw)) return raw.includes(dependency) ? 'service_started' : undefined;
  if (!isMapping(raw) || !(dependency in raw)) return undefined;
  const entry = raw[dependency];
  return isMapping(entry) && typeof entry['condition'] === 'string' ? entry['condition'] : 'service_started';
}

function healthcheckCommand(service: Mapping): string[] {
  const healthcheck = service['healthcheck'];
  const test = isMapping(healthcheck) ? healthcheck['test'] : undefined;
  if (Array.isArray(test)) return test.map(String);
  return typeof test === 'string' ? [test] : [];
}

/** Host side of each published port, as "ip:port" or "port". */
/** The host ports a service publishes, each with the host address it is bound to (undefined: every one). */
function publishedPorts(service: Mapping): { host: string | undefined; port: string }[] {
  const raw = service['ports'];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((port): { host: string | undefined; port: string }[] => {
    if (isMapping(port)) {
      if (port['published'] === undefined) return [];
      const host = typeof port['host_ip'] === 'string' ? port['host_ip'] : undefined;
      return [{ host, port: String(port['published']) }];
    }
    const parts = String(port)
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    if (parts.length < 2) return [];
    return [{ host: parts.length > 2 ? parts.slice(0, -2).join(':') : undefined, port: parts.at(-2)! }];
  });
}

/** Named volumes mounted by a service (bind mounts, which start with . / or ~, are left out). */
function namedVolumes(service: Mapping): { source: string; target: string }[] {
  const raw = service['volumes'];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((volume): { source: string; target: string }[] => {
    if (isMapping(volume)) {
      return volume['type'] === 'volume' && typeof volume['source'] === 'string' && typeof volume['target'] === 'string'
        ? [{ source: volume['source'], target: volume['target'] }]
        : [];
    }
    const [source = '', target = ''] = String(volume).split(':');
    return target === '' || /^[./~]/.test(source) ? [] : [{ source, target }];
  });
}

function networks(service: Mapping): string[] {
  const raw = service['networks'];
  if (Array.isArray(raw)) return raw.map(String);
  return isMapping(raw) ? Object.keys(raw) : ['default'];
}

function parseUrl(value: string | undefined): URL | undefined {
  try {
    return value === undefined ? undefined : new URL(value);
  } catch {
    return undefined;
  }
}

/** Whether `path` is `folder` or inside it (paths relative to the repository root or absolute). */
function isWithin(path: string, folder: string): boolean {
  const normalized = posix.normalize(folder).replace(/\/$/, '');
  return normalized === '.' || path === normalized || path.startsWith(`${normalized}/`);
}

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
