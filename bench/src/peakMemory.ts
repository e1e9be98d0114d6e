import { readFileSync } from 'node:fs';

/** The process and every process below it (a gateway's cluster workers), from /proc. */
function processTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return [pid, ...children.flatMap(processTree)];
  } catch {
    return [pid];
  }
}

/**
 * The peak resident memory of a process and its descendants, in MiB: the sum of each one's
 * high-water mark (VmHWM), so several workers count together. Null where /proc is not there.
 */
export function peakMemoryMb(pid: number): number | null {
  let total = 0;
  for (const member of processTree(pid)) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
      if (match) total += Number(match[1]);
    } catch {
      if (member === pid) return null;
    }
  }
  return Math.round(total / 102.4) / 10;
}
