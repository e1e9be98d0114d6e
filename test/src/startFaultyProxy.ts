import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** How the proxy treats each new connection. */
export type ProxyMode = 'forward' | 'hang' | 'refuse';

/** A TCP proxy in front of a service that can forward to it, hang every connection, or drop them. */
export interface FaultyProxy {
  /** The service's URL with the proxy's port instead. */
  url: string;
  mode: ProxyMode;
  /** Drops every connection open now (a client then reconnects and meets the current mode). */
  dropConnections(): void;
  stop(): Promise<void>;
}

/**
 * Stands between the gateway and an agency running in the same process, so a test can make the
 * agency hang (accept and never answer, as a process under SIGSTOP does) or refuse, and bring it
 * back, without stopping it.
 */
export async function startFaultyProxy(targetUrl: string): Promise<FaultyProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const proxy: Omit<FaultyProxy, 'url' | 'stop'> & { mode: ProxyMode } = {
    mode: 'forward',
    dropConnections: () => {
      for (const socket of sockets) socket.destroy();
    },
  };
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (proxy.mode === 'refuse') return client.destroy();
    if (proxy.mode === 'hang') return client.resume();
    const upstream = connect(Number(target.port), target.hostname === 'localhost' ? '127.0.0.1' : target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return Object.assign(proxy, {
    url: url.toString(),
    stop: async () => {
      proxy.dropConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
