import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { grantRuntimeRole, runtimeGrantStatements } from '../../subgraphs/kit/src/grantRuntimeRole.ts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAdminUrl } from './createPostgresDatabase.ts';
import { graphqlRequest } from './graphqlRequest.ts';
import { startIdentityProvider, type TestIdentityProvider } from './startIdentityProvider.ts';
import { type ServiceProcess, startServiceProcess } from './startServiceProcess.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const entryPoint = 'subgraphs/health/src/main.ts';
const suffix = `${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
const owner = `ju_owner_${suffix}`;
const runtime = `ju_runtime_${suffix}`;
const database = `ju_roles_${suffix}`;
const urlAs = (role: string) => {
  const url = new URL(postgresAdminUrl);
  url.username = role;
  url.pathname = `/${database}`;
  return url.toString();
};

/** Runs the agency's entry point once (a command such as --migrate) and resolves with what it printed. */
async function runEntryPoint(args: string[], env: Record<string, string>): Promise<string> {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@joined-up/source', '--import', 'tsx', entryPoint, ...args],
    { cwd: repositoryRoot, env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...env } },
  );
  return stdout + stderr;
}

async function connectAs(role: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: urlAs(role) });
  await client.connect();
  return client;
}

/** The SQLSTATE a statement fails with, or 'succeeded'. */
async function outcome(client: pg.Client, statement: string): Promise<string> {
  try {
    await client.query(statement);
    return 'succeeded';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

// Until now a subgraph served as the role that owned its audit table, so whoever held its serving
// credentials could switch the audit's triggers off, or drop them, and rewrite the rows.
describe('an agency served as its runtime role, migrated by its owner', () => {
  let admin: pg.Client;
  let idp: TestIdentityProvider;
  let service: ServiceProcess;
  let asRuntime: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: postgresAdminUrl });
    await admin.connect();
    await admin.query(`create role "${owner}" login nosuperuser nocreatedb nocreaterole`);
    await admin.query(`create database "${database}" owner "${owner}"`);
    // The runtime role is made as docker-compose's databases make it, by the administrator.
    const server = new URL(postgresAdminUrl);
    await promisify(execFile)('sh', ['deploy/postgres/createRuntimeRole.sh'], {
      cwd: repositoryRoot,
      env: {
        PATH: process.env['PATH'] ?? '',
        PGHOST: server.hostname,
        PGPORT: server.port || '5432',
        POSTGRES_USER: decodeURIComponent(server.username),
        POSTGRES_DB: database,
        RUNTIME_ROLE: runtime,
        RUNTIME_PASSWORD: 'local-only',
      },
    });
    idp = await startIdentityProvider();
    const identity = {
      JOINED_UP_ISSUER: idp.identity.issuer,
      JOINED_UP_AUDIENCE: idp.identity.audience,
      JOINED_UP_JWKS_URL: idp.identity.jwksUrl,
      JOINED_UP_SECTORS: 'health,social-care',
      JOINED_UP_LOG_LEVEL: 'info',
    };
    // The deployment's job: as the owner, migrate, grant the runtime role and seed, then exit.
    await runEntryPoint(['--migrate', '--seed', '20'], {
      ...identity,
      HEALTH_DATABASE_URL: urlAs(owner),
      HEALTH_RUNTIME_ROLE: runtime,
    });
    // The service: as the runtime role, which could not migrate if it tried.
    service = await startServiceProcess(entryPoint, {
      ...identity,
      HEALTH_PORT: '0',
      HEALTH_DATABASE_URL: urlAs(runtime),
      HEALTH_MIGRATE: 'false',
      JOINED_UP_SEED: 'false',
    });
    asRuntime = await connectAs(runtime);
  }, 240_000);
  afterAll(async () => {
    await asRuntime?.end();
    await service?.stop();
    await idp?.stop();
    await admin.query(`drop database if exists "${database}" with (force)`);
    await admin.query(`drop role if exists "${runtime}"`);
    await admin.query(`drop role if exists "${owner}"`);
    await admin.end();
  });

  const countAudit = async () => {
    const client = await connectAs(owner);
    try {
      return Number((await client.query<{ count: string }>('select count(*) from audit_events')).rows[0]?.count);
    } finally {
      await client.end();
    }
  };

  it('serves a read, auditing it, and a write', async () => {
    const before = await countAudit();
    const read = await graphqlRequest<{ _entities: Array<{ name: { full: string } }> }>(`${service.url}`, {
      token: await idp.tokenFor('gp'),
      query:
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name { full } ' +
        'problems { status } } } }',
      variables: { r: [{ __typename: 'Person', nhsNumber: '9990000018' }] },
    });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?._entities[0]?.name.full).toBe('Sam Taylor');
    expect(await countAudit()).toBeGreaterThan(before);
    const write = await graphqlRequest<{ setHealthSharing: { sector: string; shared: boolean } }>(service.url, {
      token: await idp.tokenFor('sam'),
      query:
        'mutation { setHealthSharing(nhsNumber: "9990000018", sector: "social-care", shared: false) ' +
        '{ sector shared } }',
    });
    expect(write.body).toEqual({ data: { setHealthSharing: { sector: 'social-care', shared: false } } });
    const verified = await graphqlRequest<{ healthAuditVerification: { intact: boolean } }>(service.url, {
      token: await idp.tokenFor('privacy-officer'),
      query: '{ healthAuditVerification { intact rowsChecked } }',
    });
    expect(verified.body.data?.healthAuditVerification).toEqual({ intact: true, rowsChecked: await countAudit() });
  });

  it('refuses the runtime role every way of switching off, dropping or going round the audit', async () => {
    const rows = await countAudit();
    const attacks = {
      'disable a trigger': 'alter table audit_events disable trigger audit_events_append_only',
      'disable every trigger': 'alter table audit_events disable trigger all',
      'replica mode': 'set session_replication_role = replica',
      'drop the append-only trigger': 'drop trigger audit_events_append_only on audit_events',
      'drop the chain trigger': 'drop trigger audit_events_chain on audit_events',
      'replace the trigger function':
        'create or replace function audit_events_append_only() returns trigger language plpgsql ' +
        'as $$ begin return null; end $$',
      'make the chain function its own': 'alter function audit_events_chain() security invoker',
      'delete audit rows': 'delete from audit_events',
      'update audit rows': "update audit_events set actor_name = 'nobody'",
      'truncate the audit': 'truncate audit_events',
      'move the chain head': "update audit_chain_head set hash = 'x'",
      'change a break-glass review': "update break_glass_reviews set outcome = 'justified'",
      'delete break-glass reviews': 'delete from break_glass_reviews',
      'drop the audit': 'drop table audit_events',
      'create an object beside the audit': 'create table public.shadow (id int)',
    };
    const outcomes: Record<string, string> = {};
    for (const [attack, statement] of Object.entries(attacks)) outcomes[attack] = await outcome(asRuntime, statement);
    // 42501: insufficient_privilege.
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(attacks).map((attack) => [attack, '42501'])));
    expect(await countAudit()).toBe(rows);
  });

  it('lets the runtime role append to the audit and read it, the chain set by the trigger', async () => {
    const inserted = await asRuntime.query<{ chain_position: string; row_hash: string }>(
      `insert into audit_events (request_id, actor_subject, actor_name, actor_role, actor_organisation_code,
         actor_organisation_name, purpose, nhs_number, action, categories, chain_position, row_hash)
       values ('r', 's', 'n', 'gp', 'X', 'X', 'direct-care', '9990000018', 'read', '{}', 1, 'forged')
       returning chain_position::text, row_hash`,
    );
    expect(inserted.rows[0]?.chain_position).toBe(String(await countAudit()));
    expect(inserted.rows[0]?.row_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is what makes the difference: the owner could do what the runtime role cannot', async () => {
    const asOwner = await connectAs(owner);
    try {
      await asOwner.query('begin');
      expect(await outcome(asOwner, 'alter table audit_events disable trigger audit_events_append_only')).toBe(
        'succeeded',
      );
      await asOwner.query('rollback');
    } finally {
      await asOwner.end();
    }
  });

  it('is refused as runtime role when it could undo the audit, and the README lists the grants', async () => {
    const asOwner = await connectAs(owner);
    try {
      await expect(grantRuntimeRole(asOwner, owner)).rejects.toThrow(/is, or is a member of/);
      await expect(grantRuntimeRole(asOwner, `${runtime}_missing`)).rejects.toThrow(/does not exist. Create it/);
      await expect(grantRuntimeRole(asOwner, 'postgres')).rejects.toThrow(/superuser/);
    } finally {
      await asOwner.end();
    }
    const readme = readFileSync(`${repositoryRoot}README.md`, 'utf8');
    expect(readme).toContain(
      ['```sql', ...runtimeGrantStatements('health_runtime').map((statement) => `${statement};`), '```'].join('\n'),
    );
  });
});
