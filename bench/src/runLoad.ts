import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  durationSeconds: number;
}

/** What one load run measured: successful responses per second and their latency, and failures. */
export interface LoadResult {
  requests: number;
  rps: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** Connection errors, timeouts and non-2xx responses. */
  errors: number;
}

const loadProcess = fileURLToPath(new URL('./loadProcess.ts', import.meta.url));

/** Runs autocannon in its own process, so the load generator does not share an event loop with what it measures. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@joined-up/source', '--import', 'tsx', loadProcess, JSON.stringify(options)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    // An interrupted run stops its load generator too.
    const orphan = () => child.kill('SIGKILL');
    process.once('exit', orphan);
    child.once('exit', () => process.off('exit', orphan));
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = output.trim().split('\n').at(-1);
      if (code !== 0 || !line) return reject(new Error(`The load generator exited with ${code}: ${output}`));
      resolve(JSON.parse(line) as LoadResult);
    });
  });
}
