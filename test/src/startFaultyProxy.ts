import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** How the proxy treats each new connection. */
export type ProxyMode = 'forward' | 'hang' | 'refuse';

/** A TCP proxy in front of a service that can forward to it, slowly or not, hang every connection, or drop them. */
export interface FaultyProxy {
  /** The service's URL with the proxy's port instead. */
  url: string;
  mode: ProxyMode;
  /**
   * While forwarding, how long each piece of the service's answer is held before it is passed on:
   * a slow agency (or a slow network to it). It applies at once, to open connections too. @default 0
   */
  latencyMs: number;
  /** Bytes the clients have sent so far, forwarded or not: whether anything tried the agency at all. */
  readonly bytesReceived: number;
  /** Forwards new connections to another address of the service (one restarted on another port). */
  retarget(targetUrl: string): void;
  /** Drops every connection open now (a client then reconnects and meets the current mode). */
  dropConnections(): void;
  stop(): Promise<void>;
}

/**
 * Stands between the gateway and an agency, so a test can make the agency slow, hang (accept and
 * never answer, as a process under SIGSTOP does) or refuse, and bring it back, without stopping
 * it; or keep one address for an agency whose process is killed and started again elsewhere.
 */
export async function startFaultyProxy(targetUrl: string): Promise<FaultyProxy> {
  let target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let bytesReceived = 0;
  const proxy: Omit<FaultyProxy, 'url' | 'stop'> = {
    mode: 'forward',
    latencyMs: 0,
    get bytesReceived() {
      return bytesReceived;
    },
    retarget: (url) => {
      target = new URL(url);
    },
    dropConnections: () => {
      for (const socket of sockets) socket.destroy();
    },
  };
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.on('data', (chunk: Buffer) => (bytesReceived += chunk.length));
    if (proxy.mode === 'refuse') return client.destroy();
    if (proxy.mode === 'hang') return client.resume();
    const upstream = connect(Number(target.port), target.hostname === 'localhost' ? '127.0.0.1' : target.hostname);
    sockets.add(upstream);
    // The answer's way back is where the latency is added: each piece waits its turn in one queue,
    // due no earlier than the piece before it, so a latency changed mid-answer never reorders bytes.
    const queue: Array<{ due: number; pass: () => void }> = [];
    let waiting = false;
    const pump = (): void => {
      waiting = false;
      while (queue.length > 0 && queue[0]!.due <= performance.now()) queue.shift()!.pass();
      if (queue.length === 0) return;
      waiting = true;
      setTimeout(pump, queue[0]!.due - performance.now());
    };
    const delayed = (pass: () => void): void => {
      const due = Math.max(performance.now() + proxy.latencyMs, queue.at(-1)?.due ?? 0);
      queue.push({ due, pass });
      if (!waiting) pump();
    };
    upstream.on('data', (chunk: Buffer) => delayed(() => client.write(chunk)));
    upstream.on('close', () => {
      sockets.delete(upstream);
      delayed(() => client.destroy());
    });
    upstream.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
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
