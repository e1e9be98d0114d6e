import type pg from 'pg';

/**
 * Tables the runtime role may read and append to but never change: the audit, and the privacy
 * officers' reviews of break-glass declarations (a review stands once made). UPDATE, DELETE and
 * TRUNCATE are not granted, and only the table's owner may disable, drop or replace its triggers.
 */
export const appendOnlyTables: readonly string[] = ['audit_events', 'break_glass_reviews'];

/**
 * Tables the runtime role may only read: the audit chain's head moves only in the chain trigger,
 * which runs as its owner (SECURITY DEFINER), so that the serving role cannot set it.
 */
export const readOnlyTables: readonly string[] = ['audit_chain_head'];

/**
 * The statements that give `role` what a serving subgraph needs in `schema`, and no more. Every
 * privilege it held is revoked first, so running them again (each `--migrate` does) leaves exactly
 * this, whatever was granted by hand before; tables a migration added are granted as it makes them.
 * The README lists them as they are for a role named health_runtime (a test keeps the two alike).
 */
export function runtimeGrantStatements(role: string, schema = 'public'): string[] {
  const who = quoteIdentifier(role);
  const where = quoteIdentifier(schema);
  const table = (name: string) => `${where}.${quoteIdentifier(name)}`;
  return [
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${where} FROM ${who}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${where} FROM ${who}`,
    `REVOKE CREATE ON SCHEMA ${where} FROM ${who}`,
    `GRANT USAGE ON SCHEMA ${where} TO ${who}`,
    // The agency's own tables and the kit's governance tables: read and written as the service does.
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${where} TO ${who}`,
    ...appendOnlyTables.map((name) => `REVOKE UPDATE, DELETE ON ${table(name)} FROM ${who}`),
    ...readOnlyTables.map((name) => `REVOKE INSERT, UPDATE, DELETE ON ${table(name)} FROM ${who}`),
    // bigserial and serial columns draw from sequences.
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${where} TO ${who}`,
  ];
}

/**
 * Grants the runtime role its privileges, as the owner who has just migrated the database. The
 * role must already exist: creating roles and choosing their passwords is the database
 * administrator's (the owner needs no CREATEROLE). Refused, with why, when the role could undo
 * what it is meant to be unable to: a superuser, the owner itself, a member of the owner's role, or
 * a role that may create objects in the schema.
 */
export async function grantRuntimeRole(client: pg.ClientBase, role: string): Promise<void> {
  const found = await client.query<{
    superuser: boolean;
    owner: string;
    schema: string;
    member: boolean;
  }>(
    `select r.rolsuper as superuser, t.tableowner as owner, current_schema() as schema,
            pg_has_role(r.oid, t.tableowner, 'MEMBER') as member
       from pg_roles r
       left join pg_tables t on t.schemaname = current_schema() and t.tablename = 'audit_events'
      where r.rolname = $1`,
    [role],
  );
  const facts = found.rows[0];
  if (!facts)
    throw new Error(
      `The runtime role ${role} does not exist. Create it first, as the database's administrator: ` +
        `CREATE ROLE ${quoteIdentifier(role)} LOGIN PASSWORD '...' NOSUPERUSER NOCREATEDB NOCREATEROLE;`,
    );
  if (facts.superuser) throw new Error(`The runtime role ${role} is a superuser: it could rewrite the audit.`);
  if (facts.member || facts.owner === role)
    throw new Error(`The runtime role ${role} is, or is a member of, ${facts.owner}, the audit's owner.`);
  await client.query('begin');
  try {
    for (const statement of runtimeGrantStatements(role, facts.schema)) await client.query(statement);
    const creates = await client.query<{ create: boolean }>(`select has_schema_privilege($1, $2, 'CREATE') as create`, [
      role,
      facts.schema,
    ]);
    // PostgreSQL before 15 lets PUBLIC create in the public schema: a role that can create there can
    // put its own objects beside the audit's, so the database's owner must revoke it first.
    if (creates.rows[0]?.create)
      throw new Error(
        `The runtime role ${role} may create objects in schema ${facts.schema} (granted to it or to PUBLIC): ` +
          `REVOKE CREATE ON SCHEMA ${quoteIdentifier(facts.schema)} FROM PUBLIC first.`,
      );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/** A PostgreSQL identifier, quoted so that any name is taken literally. */
function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
