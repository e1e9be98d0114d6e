import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, get as httpGet, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createLogger } from '@joined-up/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer } from './createAppServer.ts';

// A stand-in for a build: a page, a big script and a small one, the shapes vite build leaves.
const dist = mkdtempSync(join(tmpdir(), 'app-server-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), `<!doctype html><html><head><!--app-config--></head><body></body></html>`);
const script = `console.log(${JSON.stringify('the app '.repeat(4000))});`;
writeFileSync(join(dist, 'assets', 'index-abc.js'), script);
writeFileSync(join(dist, 'assets', 'tiny-abc.js'), 'void 0;');

describe('the app server', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    const listener = createAppServer({
      distDir: dist,
      config: {
        gatewayUrl: 'http://localhost:4000/graphql',
        signIn: { kind: 'demo', identityProviderUrl: 'http://x' },
      },
      logger: createLogger('app-test', 'silent'),
    });
    server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, acceptEncoding?: string) =>
    fetch(`${origin}${path}`, acceptEncoding === undefined ? {} : { headers: { 'accept-encoding': acceptEncoding } });
  // fetch would undo the encoding itself: read the raw bytes with node:http instead.
  const raw = (path: string, acceptEncoding: string) =>
    new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      httpGet(new URL(path, origin), { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });

  it('sends scripts in brotli to a browser that accepts it, and gzip to one that accepts only gzip', async () => {
    const br = await raw('/assets/index-abc.js', 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    const gzip = await raw('/assets/index-abc.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);
    const page = await raw('/people/9990000018', 'br');
    expect(page.headers['content-encoding']).toBe(undefined); // the page is under 1 KB: not worth it
    expect(page.body.toString()).toContain('id="app-config"');
  });

  it('sends bytes as they are when nothing is accepted or the file is tiny, and heeds q=0', async () => {
    expect((await raw('/assets/index-abc.js', 'identity')).headers['content-encoding']).toBe(undefined);
    expect((await raw('/assets/index-abc.js', 'br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
    expect((await raw('/assets/tiny-abc.js', 'br')).headers['content-encoding']).toBe(undefined);
    const plain = await get('/assets/index-abc.js', '');
    expect(await plain.text()).toBe(script);
  });

  it('answers a missing asset with a 404 and a code, and a bad path with a 400', async () => {
    const missing = await get('/assets/gone.js');
    expect(missing.status).toBe(404);
    expect(
      ((await missing.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code,
    ).toBe('NOT_FOUND');
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });
});
