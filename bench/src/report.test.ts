import { describe, expect, it } from 'vitest';
import { type BenchResults, type Entry, targetChecks } from './report.ts';

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
  it('meets the federation targets only with 1.5 × Apollo and at least Hive, at equal or better p95', () => {
    const met = targetChecks(
      results({
        'federation-benchmark': {
          'joined-up': entry(150, 10),
          'apollo-gateway': entry(100, 12),
          'hive-gateway': entry(140, 10),
        },
      }),
    );
    expect(met.map((check) => check.met)).toEqual([true, true]);
    const slowerTail = targetChecks(
      results({
        'federation-benchmark': {
          'joined-up': entry(150, 13),
          'apollo-gateway': entry(100, 12),
          'hive-gateway': entry(160, 10),
        },
      }),
    );
    expect(slowerTail.map((check) => check.met)).toEqual([false, false]);
  });

  it('measures gateway overhead on the single-subgraph query as lost throughput against the direct call', () => {
    const [within] = targetChecks(results({ search: { 'joined-up': entry(90, 10), direct: entry(100, 9) } }));
    expect(within).toMatchObject({ met: true, measured: expect.stringContaining('11% overhead') });
    const [over] = targetChecks(results({ search: { 'joined-up': entry(80, 10), direct: entry(100, 9) } }));
    expect(over?.met).toBe(false);
  });

  it(
    'compares person-view p95 at the largest scale with the ' +
      'smallest, and SQL per request for caseloads of 5 and 50',
    () => {
      const checks = targetChecks(
        results(
          {},
          { 'person-view': { '1000': entry(100, 20), '900000': entry(90, 41) } },
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
