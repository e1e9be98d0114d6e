import cluster from 'node:cluster';

/**
 * Runs `serve` in this process when `workers` is 1; otherwise forks that many node:cluster
 * workers, each running this entry file again and serving the same port, and returns false in
 * the primary. This is how the peers run one worker per core in the benchmark: Apollo Gateway
 * has no cluster mode of its own (node:cluster is what its users reach for), and Hive Gateway's
 * command line forks node:cluster workers in the same way (`--fork`), each one a gateway runtime.
 * SIGTERM to the primary stops every worker.
 */
export function forkWorkers(workers: number, serve: () => Promise<void>): Promise<void> {
  if (workers <= 1 || !cluster.isPrimary) return serve();
  for (let started = 0; started < workers; started += 1) cluster.fork();
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  });
  return Promise.resolve();
}
