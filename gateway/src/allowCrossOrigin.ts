import type { IncomingMessage, ServerResponse } from 'node:http';

// What a client app's page may send: its token, the JSON content type, a correlation id and the
// break-glass declaration headers. Nothing rides on cookies, so credentials are never allowed.
const allowedHeaders = [
  'authorization',
  'content-type',
  'x-request-id',
  'apollo-require-preflight',
  // An emergency declaration: the NHS number it is for and its reason.
  'x-break-glass',
].join(', ');

/**
 * CORS for the GraphQL path: a page served by one of `origins` (the web app) may call the gateway
 * and read its answers; a page from anywhere else gets no CORS headers, so the browser shows it
 * nothing. Answers a preflight itself (true); for anything else it only sets headers (false).
 */
export function allowCrossOrigin(
  origins: readonly string[],
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const allowed = new Set(origins);
  return (request, response) => {
    const origin = request.headers.origin;
    if (allowed.size === 0 || origin === undefined || !allowed.has(origin)) return false;
    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('vary', 'Origin');
    response.setHeader('access-control-expose-headers', 'x-request-id, retry-after');
    if (request.method !== 'OPTIONS') return false;
    response.setHeader('access-control-allow-methods', 'GET, POST');
    response.setHeader('access-control-allow-headers', allowedHeaders);
    // Ten minutes: Chromium's own cap is two hours, and a shorter one lets a change of policy land.
    response.setHeader('access-control-max-age', '600');
    response.statusCode = 204;
    response.end();
    return true;
  };
}
