/**
 * True when a database error is a unique-constraint violation (SQLSTATE 23505), however the
 * driver wrapped it: drizzle wraps the driver's error as `cause`, and PGlite and node-postgres
 * both carry the SQLSTATE as `code`.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (
    let current: unknown = error, depth = 0;
    current && depth < 5;
    current = (current as { cause?: unknown }).cause, depth += 1
  ) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
