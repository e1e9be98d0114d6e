import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@joined-up/core';

export interface GatewayWorkersOptions {
  /** How many worker processes serve the port. */
  workers: number;
  logger: Logger;
  /** Wait before restarting a worker that died; doubles with each death in quick succession. @default 1_000 */
  restartDelayMs?: number;
  /** Longest wait before a restart. @default 30_000 */
  maxRestartDelayMs?: number;
  /** A worker that served this long before dying is restarted after the shortest wait again. @default 60_000 */
  healthyAfterMs?: number;
  /** How long a graceful stop may take before the workers left are killed. @default 15_000 */
  stopTimeoutMs?: number;
}

/**
 * The primary process of a gateway with several workers (GATEWAY_WORKERS): forks that many
 * copies of the entry point, each running startGateway on the same port, and node:cluster hands
 * each new connection to the next of them, so every core serves requests. A worker that dies is
 * restarted, after a wait that grows while deaths keep coming, so a crash loop does not spin; but
 * if one fails before any worker has ever listened, the configuration or the port is at fault and
 * the whole gateway exits with 1, as a single process would. SIGINT and SIGTERM stop the workers
 * gracefully (each finishes its requests and closes its connections), then the primary exits.
 */
export function runGatewayWorkers(options: GatewayWorkersOptions): void {
  const { logger } = options;
  const restartDelayMs = options.restartDelayMs ?? 1_000;
  const maxRestartDelayMs = options.maxRestartDelayMs ?? 30_000;
  const healthyAfterMs = options.healthyAfterMs ?? 60_000;
  const live = new Set<Worker>();
  let stopping = false;
  let exitCode = 0;
  let servedOnce = false;
  let quickDeaths = 0;

  const stop = (code: number): void => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    if (live.size === 0) process.exit(exitCode);
    for (const worker of live) worker.process.kill('SIGTERM');
    setTimeout(() => {
      logger.error(
        { workers: [...live].map((worker) => worker.process.pid) },
        'gateway workers did not stop in time; killing them',
      );
      for (const worker of live) worker.process.kill('SIGKILL');
    }, options.stopTimeoutMs ?? 15_000).unref();
  };

  const fork = (): void => {
    const worker = cluster.fork();
    const forkedAt = performance.now();
    live.add(worker);
    worker.once('listening', () => (servedOnce = true));
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) {
        if (live.size === 0) process.exit(exitCode);
        return;
      }
      const pid = worker.process.pid;
      if (!servedOnce) {
        logger.fatal({ pid, code, signal }, 'a gateway worker failed to start; stopping');
        stop(1);
        return;
      }
      quickDeaths = performance.now() - forkedAt >= healthyAfterMs ? 1 : quickDeaths + 1;
      const delayMs = Math.min(maxRestartDelayMs, restartDelayMs * 2 ** (quickDeaths - 1));
      logger.error({ pid, code, signal, restartInMs: delayMs }, 'a gateway worker stopped unexpectedly; restarting it');
      setTimeout(() => {
        if (!stopping) fork();
      }, delayMs);
    });
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(0));
  for (let started = 0; started < options.workers; started += 1) fork();
  logger.info({ workers: options.workers }, 'gateway workers starting');
}
