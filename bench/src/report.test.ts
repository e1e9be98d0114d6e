import { describe, expect, it } from 'vitest';
import { type BenchResults, type Entry, type TargetCheck, targetChecks } from './report.ts';

const entry = (rps: number, p95Ms: number): Entry => ({
  requests: rps * 10,
  rps,
  p50Ms: p95Ms / 2,
  p95Ms,
  p99Ms: p95Ms * 2,
  errors: 0,
  sqlPerRequest: null,
  peakMemoryMb: 100,
  errorCodesInAnswer: [],
});
const results = (
  workloads: BenchResults['workloads'],
  scales: BenchResults['scales'] = {},
  checks: BenchResults['checks'] = {},
): BenchResults => ({
  startedAt: '2026-11-22T00:00:00Z',
  machine: { cpus: 'x', cores: 2, memoryGiB: 24, node: 'v20' },
  settings: {},
  workloads,
  scales,
  checks,
});

describe("the benchmark's targets", () => {
  it('meets the federation targets only with 2 × Apollo and at least Hive on the Rust planner', () => {
    const met = targetChecks(
      results({
        'federation-benchmark': {
          'joined-up': entry(200, 10),
          'apollo-gateway': entry(100, 12),
          'hive-gateway-rust': entry(190, 10),
        },
      }),
    );
    const federation = (checks: TargetCheck[]) => checks.filter((check) => check.target.startsWith('federation'));
    expect(federation(met).map((check) => check.met)).toEqual([true, true]);
    const short = targetChecks(
      results({
        'federation-benchmark': {
          'joined-up': entry(190, 13),
          'apollo-gateway': entry(100, 12),
          'hive-gateway-rust': entry(200, 10),
        },
      }),
    );
    expect(federation(short).map((check) => check.met)).toEqual([false, false]);
  });

  it('asks twice the throughput of the before system on the agency workloads, at no worse p95', () => {
    const checks = targetChecks(
      results({
        'person-view': { 'joined-up': entry(100, 10), 'joined-up-before': entry(50, 10) },
        caseload: { 'joined-up': entry(100, 11), 'joined-up-before': entry(50, 10) },
      }),
    );
    expect(checks.map((check) => [check.target.slice(0, 12), check.met])).toEqual([
      ['person-view:', true],
      ['caseload: ≥ ', false],
    ]);
  });

  it('holds the person view to 20 statements and each of our processes to 1.2 × Apollo Gateway memory', () => {
    const checks = targetChecks(
      results({
        'person-view': { 'joined-up': { ...entry(100, 10), sqlPerRequest: 21, peakProcessMemoryMb: 119 } },
        search: {
          'joined-up': { ...entry(100, 10), peakProcessMemoryMb: 130 },
          'apollo-gateway': entry(100, 10),
        },
      }),
    );
    expect(checks.map((check) => [check.target.slice(0, 12), check.met, check.measured])).toEqual([
      ['person-view:', false, '21'],
      ['memory: each', false, 'at most 1.3 × (search: 130 vs 100 MiB)'],
    ]);
  });

  it("takes the person view's statements from the exact count when the run made one", () => {
    const checks = targetChecks(
      results(
        { 'person-view': { 'joined-up': { ...entry(100, 10), sqlPerRequest: 31 } } },
        {},
        { 'sqlPerRequest@1000': { 'person-view': 18, 'person-view-before': 50 } },
      ),
    );
    expect(checks.find((check) => check.target.startsWith('person-view: ≤ 20'))).toMatchObject({
      measured: '18 (before: 50)',
      met: true,
    });
  });

  it('measures the single-subgraph query against the direct call in throughput and p50', () => {
    const [within] = targetChecks(results({ search: { 'joined-up': entry(90, 10), direct: entry(100, 9) } }));
    expect(within).toMatchObject({ met: true, measured: expect.stringContaining('10% below') });
    const [over] = targetChecks(results({ search: { 'joined-up': entry(80, 10), direct: entry(100, 9) } }));
    expect(over?.met).toBe(false);
    const [slow] = targetChecks(results({ search: { 'joined-up': entry(95, 14), direct: entry(100, 10) } }));
    expect(slow?.met).toBe(false);
  });

  it(
    'compares person-view p95 at the largest scale with the ' +
      'smallest, and SQL per request for caseloads of 5 and 50',
    () => {
      const checks = targetChecks(
        results(
          {},
          { 'person-view': { '1000': entry(100, 20), '900000': entry(90, 27) } },
          {
            'sqlPerRequest@1000': { 'caseload-5': 25, 'caseload-50': 25 },
            'sqlPerRequest@900000': { 'caseload-5': 25, 'caseload-50': 26 },
          },
        ),
      );
      expect(checks.map((check) => [check.target.slice(0, 30), check.met])).toEqual([
        ['person-view p95 at 900,000 peo', false],
        ['SQL statements per request the', true],
        ['SQL statements per request the', false],
      ]);
    },
  );
});
