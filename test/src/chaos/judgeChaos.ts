import type { ChaosSettings } from './ChaosSettings.ts';
import { knownGaps } from './knownGaps.ts';
import type { ChaosResult } from './runChaos.ts';
import type { FaultResult } from './runFaultScenario.ts';
import type { WriteResult } from './runWriteScenario.ts';

/**
 * How long an answer may take while one agency is at fault: that agency's timeout once (a request
 * never waits for a failed agency twice), and a margin for the other agencies' work on a loaded machine.
 */
export function answerBoundMs(settings: ChaosSettings): number {
  return settings.agencyTimeoutMs + Math.max(2_000, settings.agencyTimeoutMs / 5);
}

/**
 * How long answers may take to be whole again once the agency is back: the circuit's wait before
 * it probes, a probe that was already waiting on the agency, and a margin for a loaded machine.
 */
export function recoveryBoundMs(settings: ChaosSettings): number {
  return settings.halfOpenAfterMs + settings.agencyTimeoutMs + Math.max(5_000, settings.agencyTimeoutMs / 2);
}

/**
 * Every figure of a run that misses its goal, in words; none when all are met. The goals: every
 * answer keeps every other agency's data and names the agency at fault at each path it blanked,
 * is HTTP 200, and waits for the agency's timeout once at most; answers are whole again soon
 * after the agency returns; and no write is lost, duplicated or misreported, nor one that
 * committed told it failed when the process had its grace period. A gap listed in knownGaps is
 * held to what it says instead, and reported once closed.
 */
export function judgeChaos(result: ChaosResult): string[] {
  return [
    ...result.reads.flatMap((read) => judgeRead(read, result.settings)),
    ...result.writes.flatMap((write) => judgeWrite(write, result.settings)),
    ...result.unexpectedExits.map((exit) => `a process ended unasked: ${exit}`),
  ];
}

/** What one fault on one agency missed of its goals. */
export function judgeRead(read: FaultResult, settings: ChaosSettings): string[] {
  const problems: string[] = [];
  const at = `${read.fault} of ${read.agency}`;
  const gap = knownGaps[read.agency];
  if (read.answers === 0) problems.push(`${at}: no read was answered during the fault`);
  const lostBeyondGap = read.lostFields.filter((field) => !gap || (gap.fields !== '*' && !gap.fields.includes(field)));
  if (lostBeyondGap.length > 0)
    problems.push(
      `${at}: ${read.answers - read.keptOthers} of ${read.answers} answers lost ${lostBeyondGap.join(', ')}`,
    );
  const silentBeyondGap = read.silentGaps.filter((field) => !gap?.silent.includes(field));
  if (silentBeyondGap.length > 0)
    problems.push(`${at}: ${silentBeyondGap.join(', ')} went missing with no error at its path`);
  if (gap && read.keptOthers === read.answers && read.silentGaps.length === 0)
    problems.push(`${at}: the known gap (${gap.because}) is closed: remove it from knownGaps.ts`);
  if (read.misattributed > 0) problems.push(`${at}: ${read.misattributed} errors named no agency or a healthy one`);
  if (read.failedRequests > 0) problems.push(`${at}: ${read.failedRequests} reads got no HTTP 200 answer`);
  if (read.maxMs > answerBoundMs(settings))
    problems.push(`${at}: an answer took ${read.maxMs} ms, past the ${answerBoundMs(settings)} ms bound`);
  if (read.recoveryMs === undefined || read.recoveryMs > recoveryBoundMs(settings))
    problems.push(
      `${at}: answers were whole again after ` +
        `${read.recoveryMs ?? 'never'} ms, not within ` +
        `${recoveryBoundMs(settings)} ms`,
    );
  return problems;
}

/**
 * What one signal in the middle of a burst of writes missed of its goals. A write the gateway gave
 * up on while the agency was hung may still have been made once it woke: that is what retrying
 * with the same key is for, so after SIGSTOP it is counted, not refused; after SIGTERM, whose
 * grace period finishes what is in flight, none may be.
 */
export function judgeWrite(write: WriteResult, settings: ChaosSettings): string[] {
  const problems: string[] = [];
  const at = `${write.signal} to ${write.target}`;
  if (write.failed + write.cut === 0 || write.committed === 0)
    problems.push(`${at}: the signal did not come mid-burst (${write.committed} of ${write.writes} committed)`);
  if (write.lost > 0) problems.push(`${at}: ${write.lost} writes answered as committed are not in the database`);
  if (write.signal === 'SIGTERM' && write.failedButCommitted > 0)
    problems.push(`${at}: ${write.failedButCommitted} writes were answered as failed though they committed`);
  if (write.duplicates > 0) problems.push(`${at}: ${write.duplicates} keys were committed more than once`);
  if (write.misreported > 0) problems.push(`${at}: ${write.misreported} writes misreported`);
  if (write.unresolved > 0) problems.push(`${at}: ${write.unresolved} failed writes never went through on retry`);
  if (write.signal === 'SIGTERM' && write.exitCode !== 0)
    problems.push(`${at}: the process exited with ${write.exitCode}`);
  if (write.stopMs > settings.shutdownGraceMs + 5_000)
    problems.push(`${at}: the process took ${write.stopMs} ms to stop, past its grace period`);
  return problems;
}
