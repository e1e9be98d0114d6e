import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientAddress, createClientAddress, invalidTrustedProxies } from './createClientAddress.ts';

// Real connections from loopback, so what the socket says is what a gateway would see.
let address: ClientAddress = () => '';
const server = createServer((request, response) => response.end(address(request)));
beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function addressSeen(counted: ClientAddress, forwardedFor?: string): Promise<string> {
  address = counted;
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      { port, host: '127.0.0.1', headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(body));
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

describe('the address a request is counted against', () => {
  it("is the connection's own when no proxy is trusted, whatever X-Forwarded-For says", async () => {
    expect(await addressSeen(createClientAddress([]), '203.0.113.7')).toBe('127.0.0.1');
  });

  it('is the nearest untrusted address in X-Forwarded-For when the connection is a trusted proxy', async () => {
    const behindIngress = createClientAddress(['loopback', '10.0.0.0/8']);
    expect(await addressSeen(behindIngress, '203.0.113.7')).toBe('203.0.113.7');
    // A client that writes its own X-Forwarded-For cannot choose what is counted: the proxies add
    // the address they saw, and the nearest untrusted one is taken.
    expect(await addressSeen(behindIngress, '198.51.100.1, 203.0.113.7, 10.1.2.3')).toBe('203.0.113.7');
    expect(await addressSeen(behindIngress)).toBe('127.0.0.1');
  });

  it('is not believed from a proxy that is not trusted', async () => {
    expect(await addressSeen(createClientAddress(['10.0.0.0/8']), '203.0.113.7')).toBe('127.0.0.1');
  });

  it('names each trusted proxy that is not an address, a range or a named range', () => {
    expect(invalidTrustedProxies(['loopback', '10.0.0.0/8', '::1', 'ingress', '10.0.0.0/33'])).toEqual([
      'ingress',
      '10.0.0.0/33',
    ]);
  });
});
