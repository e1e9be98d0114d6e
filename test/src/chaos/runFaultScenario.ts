import type { ChaosSettings } from './ChaosSettings.ts';
import { judgeRecord } from './samsRecord.ts';
import type { ReadAnswer, ReadLoad } from './runReadLoad.ts';
import type { ChaosAgency } from './startChaosFederation.ts';

/** What is done to an agency: its process killed (SIGKILL), stopped (SIGSTOP), or its answers slowed. */
export type Fault = 'kill' | 'hang' | 'slow';

/** What one fault on one agency cost the readers. */
export interface FaultResult {
  agency: string;
  fault: Fault;
  /** Answers to reads sent while the agency was at fault. */
  answers: number;
  /** Of those, how many kept every other agency's data. */
  keptOthers: number;
  /** The other agencies' fields lost in any answer. */
  lostFields: string[];
  /** Fields that went missing in any answer without an error at their path. */
  silentGaps: string[];
  /** Errors naming no agency, or calling a healthy agency unavailable. */
  misattributed: number;
  /** Answers that were not HTTP 200 with a body (a failed request, not a partial answer). */
  failedRequests: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** How long the agency took to return (a killed one restarting); 0 when it returns at once. */
  returnMs: number;
  /** From the agency's return to the first of a run of whole answers; undefined when none came in time. */
  recoveryMs: number | undefined;
}

/** Whole answers in a row that count as recovered. */
const recoveredAfter = 3;

/**
 * Under the readers' load, puts `agency` at fault for `settings.faultMs`, brings it back, and
 * measures the answers sent meanwhile against Sam's whole record, and the time until answers are
 * whole again.
 */
export async function runFaultScenario(options: {
  agency: ChaosAgency;
  fault: Fault;
  load: ReadLoad;
  whole: Record<string, unknown>;
  settings: ChaosSettings;
}): Promise<FaultResult> {
  const { agency, fault, load, whole, settings } = options;
  const isWhole = (answer: ReadAnswer) => judgeRecord(answer, whole, agency.name).whole;
  // Start from a whole federation: the scenario before may still be recovering.
  const startedAt = performance.now();
  if ((await recoveryAfter(load, startedAt, isWhole, settings.recoveryLimitMs)) === undefined) {
    // Say how the last answer fell short, so a failure here can be read without rerunning it.
    const last = load.answers.filter((answer) => answer.sentAt >= startedAt).at(-1);
    const judged = last && judgeRecord(last, whole, agency.name);
    const detail = last
      ? `last answer HTTP ${last.status}, fields differing: ${judged!.silentGaps.join(', ') || 'none'}, ` +
        `errors: ${JSON.stringify(last.body.errors ?? []).slice(0, 1_500)}`
      : 'no answer came';
    throw new Error(`The federation did not answer whole before ${fault} of ${agency.name}: ${detail}`);
  }
  const faultAt = performance.now();
  if (fault === 'kill') agency.signal('SIGKILL');
  if (fault === 'hang') agency.signal('SIGSTOP');
  if (fault === 'slow') agency.proxy.latencyMs = settings.slowLatencyMs;
  await new Promise((resolve) => setTimeout(resolve, settings.faultMs));
  const returning = performance.now();
  if (fault === 'kill') await agency.start();
  if (fault === 'hang') agency.signal('SIGCONT');
  if (fault === 'slow') agency.proxy.latencyMs = 0;
  const returnedAt = performance.now();
  const recoveredAt = await recoveryAfter(load, returnedAt, isWhole, settings.recoveryLimitMs);
  const during = load.answers.filter((answer) => answer.sentAt >= faultAt && answer.sentAt < returnedAt);
  const judged = during.map((answer) => judgeRecord(answer, whole, agency.name));
  const times = during.map((answer) => answer.answeredAt - answer.sentAt).sort((a, b) => a - b);
  return {
    agency: agency.name,
    fault,
    answers: during.length,
    keptOthers: judged.filter((judgement) => judgement.keepsOthers).length,
    lostFields: [...new Set(judged.flatMap((judgement) => judgement.lostFields))].sort(),
    silentGaps: [...new Set(judged.flatMap((judgement) => judgement.silentGaps))].sort(),
    misattributed: judged.reduce((sum, judgement) => sum + judgement.misattributed, 0),
    failedRequests: during.filter((answer) => answer.status !== 200).length,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    maxMs: Math.round(times.at(-1) ?? 0),
    returnMs: Math.round(returnedAt - returning),
    recoveryMs: recoveredAt === undefined ? undefined : Math.round(recoveredAt - returnedAt),
  };
}

/**
 * Waits until `recoveredAfter` reads in a row sent after `since` are whole, and returns when the
 * first of them was answered; undefined if that does not happen within `limitMs`.
 */
async function recoveryAfter(
  load: ReadLoad,
  since: number,
  isWhole: (answer: ReadAnswer) => boolean,
  limitMs: number,
): Promise<number | undefined> {
  const giveUpAt = since + limitMs;
  for (;;) {
    const after = load.answers.filter((answer) => answer.sentAt >= since).sort((a, b) => a.sentAt - b.sentAt);
    let run = 0;
    for (const [index, answer] of after.entries()) {
      run = isWhole(answer) ? run + 1 : 0;
      if (run === recoveredAfter) return after[index - recoveredAfter + 1]!.answeredAt;
    }
    if (performance.now() > giveUpAt) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!);
}
