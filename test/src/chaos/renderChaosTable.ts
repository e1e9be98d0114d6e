import type { ChaosResult } from './runChaos.ts';

/** The suite's figures as Markdown tables, as `npm run chaos` prints them and bench/README.md keeps them. */
export function renderChaosTable(result: ChaosResult): string {
  const { settings } = result;
  const seconds = (ms: number | undefined) => (ms === undefined ? 'not in time' : `${(ms / 1_000).toFixed(1)} s`);
  const share = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(0)}%`);
  const list = (names: string[]) => (names.length === 0 ? '-' : names.join(', '));
  const reads = [
    '| Agency | Fault | Answers | Kept every other agency | Others\u2019 fields lost | Missing without an error ' +
      '| Answer time p50 / p95 / max | Back after | Whole again after |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...result.reads.map((read) =>
      [
        read.agency,
        read.fault,
        read.answers,
        `${share(read.keptOthers, read.answers)} (${read.keptOthers})`,
        list(read.lostFields),
        list(read.silentGaps),
        `${seconds(read.p50Ms)} / ${seconds(read.p95Ms)} / ${seconds(read.maxMs)}`,
        read.returnMs < 50 ? 'at once' : seconds(read.returnMs),
        seconds(read.recoveryMs),
      ].join(' | '),
    ),
  ].map((row) => (row.startsWith('|') ? row : `| ${row} |`));
  const writes = [
    '| Signal | Writes | Committed | Failed | Not answered | Lost | Failed but committed ' +
      '| Retries consistent | Duplicates | Misreported | Exit |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...result.writes.map(
      (write) =>
        `| ${[
          `${write.signal} to ${write.target}`,
          write.writes,
          write.committed,
          write.failed,
          write.cut,
          write.lost,
          write.failedButCommitted,
          `${write.retriedConsistently} of ${write.failed + write.cut}`,
          write.duplicates,
          write.misreported,
          write.signal === 'SIGTERM' ? `${write.exitCode} after ${seconds(write.stopMs)}` : 'woken',
        ].join(' | ')} |`,
    ),
  ];
  return [
    `Agency timeout ${seconds(settings.agencyTimeoutMs)}, request deadline ${seconds(settings.requestTimeoutMs)}, ` +
      (`circuit opens after ${settings.breakerFailures} failures and ` +
        `probes after ${seconds(settings.halfOpenAfterMs)}; `) +
      `each fault ${seconds(settings.faultMs)} under ${settings.readers} readers; slowed answers ` +
      `${seconds(settings.slowLatencyMs)} late.`,
    '',
    ...reads,
    '',
    ...writes,
    ...(result.unexpectedExits.length > 0 ? ['', `Unexpected exits: ${result.unexpectedExits.length}`] : []),
  ].join('\n');
}
