import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { SimulatedImage } from './simulateDockerBuild.ts';

/** An image's command running on this machine, with what it logged and how to stop it. */
export interface RunningImage {
  child: ChildProcess;
  /** The URL the service said it listens on (its "listening" log line). */
  url: string;
  output(): string;
  /** Resident memory of the process now, in bytes (Linux /proc). */
  residentBytes(): Promise<number>;
  stop(): Promise<number | null>;
}

/**
 * Starts a simulated image's CMD in its WORKDIR with its ENV and the given variables, as `docker
 * run` would, and waits for the service to log the URL it listens on.
 */
export async function startSimulatedImage(
  image: SimulatedImage,
  env: Record<string, string>,
  options: { node?: string; timeoutMs?: number } = {},
): Promise<RunningImage> {
  const [command = 'node', ...args] = image.cmd;
  const child = spawn(command === 'node' ? (options.node ?? process.execPath) : command, args, {
    cwd: join(image.root, image.workdir),
    env: { PATH: process.env['PATH'] ?? '', HOME: join(image.root, 'home'), ...image.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`No listening line within the time:\n${output}`)),
      options.timeoutMs ?? 60_000,
    );
    const look = () => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The image's command exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    child,
    url,
    output: () => output,
    residentBytes: async () => {
      const { readFile } = await import('node:fs/promises');
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
