import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server that is listening, with the means to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Listens on `port` (0 picks a free one) on all interfaces and reports where. */
export async function listen(
  listener: RequestListener,
  port: number,
  path = '/graphql',
  onStop?: () => Promise<void>,
): Promise<RunningServer> {
  const server = createServer(listener);
  // The gateway keeps connections to subgraphs alive; the server must hold them open longer
  // than the client's idle timeout, or the client may reuse a socket just as it is closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const stop = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await onStop?.();
  };
  return { url: `http://localhost:${actualPort}${path}`, port: actualPort, stop, [Symbol.asyncDispose]: stop };
}
