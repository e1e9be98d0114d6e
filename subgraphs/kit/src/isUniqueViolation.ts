/**
 * True when a database error is a unique-constraint violation (SQLSTATE 23505), however the
 * driver wrapped it: drizzle wraps the driver's error as `cause`, and PGlite and node-postgres
 * both carry the SQLSTATE as `code`. Map it to the CONFLICT the caller can act on.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
