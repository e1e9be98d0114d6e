/** The largest page a list gives, whatever `first` asks. */
export const maxPageSize = 100;

/**
 * The two parts of a cursor (base64url of a JSON pair of strings: the sort key and the id), or
 * undefined when the text is no cursor of that form. Neither part may hold a NUL character: a
 * forged cursor's parts go into SQL as parameters, and text columns cannot hold one.
 */
export function cursorParts(cursor: string): [string, string] | undefined {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(parts) || parts.length !== 2) return undefined;
    const [key, id] = parts as unknown[];
    const clean = (part: unknown): part is string => typeof part === 'string' && !part.includes('\u0000');
    return clean(key) && clean(id) ? [key, id] : undefined;
  } catch {
    return undefined;
  }
}
