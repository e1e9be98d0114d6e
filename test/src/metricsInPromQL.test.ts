import { describe, expect, it } from 'vitest';
import { metricsInPromQL } from './metricsInPromQL.ts';

describe('metricsInPromQL', () => {
  it('finds the metrics and matcher labels, not functions, aggregations, label lists or durations', () => {
    expect(
      metricsInPromQL(
        'histogram_quantile(0.95, sum by (le, agency) ' +
          '(rate(a_seconds_bucket{agency=~"h.*",x!="y"}[$__rate_interval])))' +
          ' / ignoring(le) b_total > 0.5 or max(c{state="open"}) == 1',
      ),
    ).toEqual([
      { name: 'a_seconds_bucket', labels: ['agency', 'x'] },
      { name: 'b_total', labels: [] },
      { name: 'c', labels: ['state'] },
    ]);
  });
});
