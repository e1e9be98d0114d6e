import pg from 'pg';

/** A throwaway PostgreSQL database for one test file. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The server tests create databases on: the local one with trust authentication that CI starts. */
const adminUrl = process.env['JOINED_UP_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates an empty database named after `prefix` and made unique, so test files never share state. */
export async function scratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}
