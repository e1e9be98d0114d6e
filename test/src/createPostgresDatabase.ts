import pg from 'pg';

/** A throwaway PostgreSQL database on the machine's server. */
export interface TestPostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * The server to create test databases on: JOINED_UP_TEST_POSTGRES_URL, or the local server with
 * trust authentication that CI starts.
 */
export const postgresAdminUrl =
  process.env['JOINED_UP_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates an empty database with a unique name, so test files never share state. */
export async function createPostgresDatabase(prefix: string): Promise<TestPostgresDatabase> {
  const name = `${prefix.replace(/[^a-z0-9]/g, '_')}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresAdminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
