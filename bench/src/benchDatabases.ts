import pg from 'pg';

/** The PostgreSQL server the benchmark seeds its databases on (trust authentication locally). */
export const benchPostgresUrl =
  process.env['JOINED_UP_BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * One database per agency and scale, kept between runs: seeding 900,000 people takes a long
 * time, and the seed is deterministic, so a database seeded once serves every later run. The
 * before system has its own (`suffix`), because an agency refuses a database that holds
 * migrations newer than its own.
 */
export async function benchDatabases(
  agencies: readonly string[],
  people: number,
  suffix = '',
): Promise<Record<string, string>> {
  const admin = new pg.Client({ connectionString: benchPostgresUrl });
  await admin.connect();
  try {
    const urls: Record<string, string> = {};
    for (const agency of agencies) {
      const name = `jbench_${agency.replace(/[^a-z0-9]/g, '_')}_${people}${suffix ? `_${suffix}` : ''}`;
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) await admin.query(`create database "${name}"`);
      const url = new URL(benchPostgresUrl);
      url.pathname = `/${name}`;
      urls[agency] = url.toString();
    }
    return urls;
  } finally {
    await admin.end();
  }
}
