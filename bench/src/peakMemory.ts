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

/** Peak resident memory of a target's processes, in MiB. */
export interface PeakMemory {
  /** The sum of every process's high-water mark: the primary and all workers together. */
  totalMb: number;
  /** The largest single process's high-water mark. */
  largestProcessMb: number;
}

/**
 * The peak resident memory of a process and its descendants, from each one's high-water mark
 * (VmHWM). Null where /proc is not there.
 */
export function peakMemory(pid: number): PeakMemory | null {
  let total = 0;
  let largest = 0;
  for (const member of processTree(pid)) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
      if (match) {
        total += Number(match[1]);
        largest = Math.max(largest, Number(match[1]));
      }
    } catch {
      if (member === pid) return null;
    }
  }
  const mib = (kB: number) => Math.round(kB / 102.4) / 10;
  return { totalMb: mib(total), largestProcessMb: mib(largest) };
}
