import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** The address a request came from, for what is counted per address. */
export type ClientAddress = (request: IncomingMessage) => string;

/**
 * Which address a request is counted against. With no trusted proxies, the connection's own:
 * `X-Forwarded-For` is the sender's to write, so believing it would let one address pose as many.
 * Behind a load balancer or an ingress every connection comes from the proxy, so one caller's
 * refused tokens would use up everyone's allowance: name the proxies (addresses, CIDR ranges, or
 * proxy-addr's `loopback`, `linklocal`, `uniquelocal`), and the address is the nearest one in
 * `X-Forwarded-For` that is not a trusted proxy, as Express's `trust proxy` decides it.
 */
export function createClientAddress(trustedProxies: readonly string[]): ClientAddress {
  if (trustedProxies.length === 0) return (request) => request.socket.remoteAddress ?? 'unknown';
  const trust = proxyAddr.compile([...trustedProxies]);
  return (request) => (request.socket.remoteAddress === undefined ? 'unknown' : proxyAddr(request, trust));
}

/** Each of these is not an address, a CIDR range or one of proxy-addr's names; empty when all are. */
export function invalidTrustedProxies(trustedProxies: readonly string[]): string[] {
  return trustedProxies.filter((proxy) => {
    try {
      proxyAddr.compile(proxy);
      return false;
    } catch {
      return true;
    }
  });
}
