import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { type AddressInfo, Server as NetServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** A server that is listening, with the means to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  /**
   * Stops gracefully: accepts no new connection, lets every request in flight finish (up to the
   * grace period), then closes what is left and runs the server's own stop. Calling it again
   * returns the same stop.
   */
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export interface ListenOptions {
  /** Longest wait for requests in flight once stopping; those still running then are cut. @default 10_000 */
  shutdownGraceMs?: number;
  /** Told as soon as stopping begins, before requests in flight finish: readiness then says no. */
  onDraining?: () => void;
  /**
   * The address to listen on. Development keeps every service on loopback (127.0.0.1), so that
   * nobody on the network reaches a subgraph around the gateway; a container listens on every
   * interface (0.0.0.0) and its network decides who reaches it. @default every interface
   */
  host?: string | undefined;
  /**
   * Takes over a connection that asks to upgrade (a WebSocket). Such a connection is long-lived:
   * stopping closes it straight away rather than waiting out the grace period for it.
   */
  onUpgrade?: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

/**
 * Listens on `port` (0 picks a free one) on `options.host`, or all interfaces, and reports where. `onStop` runs once
 * every request has finished or been cut, so a database it closes is never closed under a request.
 */
export async function listen(
  listener: RequestListener,
  port: number,
  path = '/graphql',
  onStop?: () => Promise<void>,
  options: ListenOptions = {},
): Promise<RunningServer> {
  const graceMs = options.shutdownGraceMs ?? 10_000;
  const inFlight = new Set<ServerResponse>();
  // Connections accepted whose first request has not arrived yet: Node counts them idle, but a
  // client has a request on its way on each, so draining waits for them too.
  const unheard = new Set<Socket>();
  let draining = false;
  let allFinished: (() => void) | undefined;
  const settled = (): void => {
    if (draining && inFlight.size === 0 && unheard.size === 0) allFinished?.();
  };
  const server = createServer((request, response) => {
    unheard.delete(request.socket);
    inFlight.add(response);
    response.once('close', () => {
      inFlight.delete(response);
      if (!draining) return;
      // A keep-alive connection whose last request just finished is closed now, not left idle.
      closeIdleServed();
      settled();
    });
    // A request that arrives on an open connection while draining is still served, then the
    // connection is closed so the client opens its next one elsewhere.
    if (draining) response.setHeader('connection', 'close');
    listener(request, response);
  });
  // The gateway keeps connections to subgraphs alive; the server must hold them open longer
  // than the client's idle timeout, or the client may reuse a socket just as it is closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const sockets = new Set<Socket>();
  // Node's closeIdleConnections() would also close the connections still unheard.
  const closeIdleServed = (): void => {
    const busy = new Set([...inFlight].map((response) => response.socket));
    for (const socket of sockets) if (!busy.has(socket) && !unheard.has(socket)) socket.destroy();
  };
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    unheard.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      unheard.delete(socket);
      settled();
    });
  });
  const onUpgrade = options.onUpgrade;
  if (onUpgrade) {
    server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
      // No request event comes for it: it has been heard, and is no longer the server's to drain.
      unheard.delete(socket);
      sockets.delete(socket);
      settled();
      if (draining) socket.destroy();
      else onUpgrade(request, socket, head);
    });
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (options.host === undefined) server.listen(port, () => resolve());
    else server.listen(port, options.host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  const drainAndStop = async (): Promise<void> => {
    draining = true;
    options.onDraining?.();
    for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
    // Stop accepting at once, through net.Server's close: http.Server's would also close every
    // connection it counts idle, those whose first request is still on its way included. Idle
    // keep-alive connections that have served are closed; those with a request in flight stay
    // open until it is answered. Only when the grace period is over are those left cut
    // (closeAllConnections), so a write that committed is answered as committed.
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    closeIdleServed();
    if (inFlight.size > 0 || unheard.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        allFinished = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    server.closeAllConnections();
    await closed;
    await onStop?.();
  };
  const stop = (): Promise<void> => (stopping ??= drainAndStop());
  return { url: `http://localhost:${actualPort}${path}`, port: actualPort, stop, [Symbol.asyncDispose]: stop };
}
