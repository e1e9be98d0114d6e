import type { LoadResult } from './runLoad.ts';

/** One target's result on one workload: the load run, SQL per request and peak memory. */
export interface Entry extends LoadResult {
  /** SQL statements the agencies ran per request, from their statement counters; null where no agency is involved. */
  sqlPerRequest: number | null;
  /** Peak resident memory of the target's processes (all workers), MiB; null for the direct call. */
  peakMemoryMb: number | null;
  /** Error codes in the answer checked before the load (FORBIDDEN is an agency's decision, not a failure). */
  errorCodesInAnswer: string[];
}

export interface BenchResults {
  startedAt: string;
  durationSeconds?: number;
  machine: { cpus: string; cores: number; memoryGiB: number; node: string };
  settings: Record<string, unknown>;
  /** Per workload, per target. */
  workloads: Record<string, Record<string, Entry>>;
  /** Per scaled workload, per number of people: our gateway's entry. */
  scales: Record<string, Record<string, Entry>>;
  checks: Record<string, Record<string, number>>;
  targets?: TargetCheck[];
}

/** One of the targets, as measured. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a && b ? Math.round((a / b) * 100) / 100 : null;

/** The speed targets against what this run measured. */
export function targetChecks(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const federation = results.workloads['federation-benchmark'];
  if (federation) {
    const ours = federation['joined-up'];
    const apollo = federation['apollo-gateway'];
    const hive = federation['hive-gateway'];
    const vsApollo = ratio(ours?.rps, apollo?.rps);
    const vsHive = ratio(ours?.rps, hive?.rps);
    checks.push({
      target: 'federation-benchmark: ≥ 1.5 × bare Apollo Gateway throughput, at equal or better p95',
      measured: `${vsApollo ?? '-'} × throughput; p95 ${ours?.p95Ms ?? '-'} vs ${apollo?.p95Ms ?? '-'} ms`,
      met: vsApollo === null ? null : vsApollo >= 1.5 && (ours?.p95Ms ?? Infinity) <= (apollo?.p95Ms ?? 0),
    });
    checks.push({
      target: 'federation-benchmark: ≥ Hive Gateway throughput, at equal or better p95',
      measured: `${vsHive ?? '-'} × throughput; p95 ${ours?.p95Ms ?? '-'} vs ${hive?.p95Ms ?? '-'} ms`,
      met: vsHive === null ? null : vsHive >= 1 && (ours?.p95Ms ?? Infinity) <= (hive?.p95Ms ?? 0),
    });
  }
  const search = results.workloads['search'];
  if (search?.['direct'] && search['joined-up']) {
    const overhead = Math.round((search['direct'].rps / search['joined-up'].rps - 1) * 100);
    checks.push({
      target: 'single-subgraph query (search): gateway overhead ≤ 15% over calling health directly',
      measured:
        `direct ${search['direct'].rps} req/s vs gateway ` +
        `${search['joined-up'].rps} req/s: ${overhead}% overhead in ` +
        `throughput; p50 ${search['joined-up'].p50Ms} vs ` +
        `${search['direct'].p50Ms} ms`,
      met: overhead <= 15,
    });
  }
  const person = results.scales['person-view'];
  const people = Object.keys(person ?? {})
    .map(Number)
    .sort((a, b) => a - b);
  if (person && people.length > 1) {
    const first = person[String(people[0])]!;
    const last = person[String(people.at(-1))]!;
    const growth = ratio(last.p95Ms, first.p95Ms);
    checks.push({
      target:
        `person-view p95 at ${people.at(-1)!.toLocaleString('en-GB')} ` +
        `people ≤ 2 × at ${people[0]!.toLocaleString('en-GB')}`,
      measured: `${last.p95Ms} vs ${first.p95Ms} ms: ${growth} ×`,
      met: growth === null ? null : growth <= 2,
    });
  }
  for (const [name, counts] of Object.entries(results.checks)) {
    if (counts['caseload-5'] === undefined) continue;
    checks.push({
      target:
        `SQL statements per request the same for a caseload of 5 and ` +
        `of 50 (${name.replace('sqlPerRequest@', '')} people)`,
      measured: `${counts['caseload-5']} and ${counts['caseload-50']}`,
      met: counts['caseload-5'] === counts['caseload-50'],
    });
  }
  return checks;
}

/** Prints the run as tables: each workload's targets side by side with the ratios, the scales, and the targets. */
export function printReport(results: BenchResults): void {
  results.targets ??= targetChecks(results);
  const row = (cells: Array<string | number | null | undefined>) =>
    `| ${cells.map((cell) => (cell === null || cell === undefined ? '-' : String(cell))).join(' | ')} |`;
  console.log('\n## Workloads (median round by throughput)\n');
  console.log(
    row([
      'Workload',
      'Target',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      'SQL/req',
      'peak MiB',
      '× Apollo',
      '× Hive',
    ]),
  );
  console.log(row(['---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---']));
  for (const [workload, byTarget] of Object.entries(results.workloads)) {
    for (const [target, entry] of Object.entries(byTarget)) {
      console.log(
        row([
          workload,
          target,
          entry.rps,
          entry.p50Ms,
          entry.p95Ms,
          entry.p99Ms,
          entry.errors,
          entry.sqlPerRequest,
          entry.peakMemoryMb,
          ratio(entry.rps, byTarget['apollo-gateway']?.rps),
          ratio(entry.rps, byTarget['hive-gateway']?.rps),
        ]),
      );
    }
  }
  if (Object.keys(results.scales).length > 0) {
    console.log('\n## Scale (our gateway, PostgreSQL)\n');
    console.log(row(['Workload', 'People per agency', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'SQL/req']));
    console.log(row(['---', '---', '---', '---', '---', '---', '---']));
    for (const [workload, byScale] of Object.entries(results.scales)) {
      for (const [people, entry] of Object.entries(byScale))
        console.log(
          row([
            workload,
            Number(people).toLocaleString('en-GB'),
            entry.rps,
            entry.p50Ms,
            entry.p95Ms,
            entry.p99Ms,
            entry.sqlPerRequest,
          ]),
        );
    }
  }
  console.log('\n## Targets\n');
  console.log(row(['Target', 'Measured', 'Met']));
  console.log(row(['---', '---', '---']));
  for (const check of results.targets)
    console.log(row([check.target, check.measured, check.met === null ? 'not measured' : check.met ? 'yes' : 'no']));
}
