import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { metricsInPromQL } from './metricsInPromQL.ts';
import { type PrometheusSample, type PrometheusScrape, scrapeMetrics } from './parsePrometheusText.ts';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

const sam = '9990000018';
const record = /* GraphQL */ `
  query SamsRecord($nhsNumber: NHSNumber!) {
    person(nhsNumber: $nhsNumber) {
      name {
        full
      }
      problems {
        code {
          display
        }
      }
      careAndSupportPlan {
        status
      }
      socialPrescribingReferrals {
        status
      }
      carePlan {
        version
      }
    }
  }
`;

let federation: TestFederation;
const scrapes: Record<string, PrometheusScrape> = {};

function value(scrape: PrometheusScrape, name: string, labels: Record<string, string> = {}): number {
  return scrape.samples
    .filter((sample) => sample.name === name && Object.entries(labels).every(([key, v]) => sample.labels[key] === v))
    .reduce((sum, sample) => sum + sample.value, 0);
}

beforeAll(async () => {
  // A rate limit of 5 a window, so that a sixth request from one caller is refused and counted.
  federation = await startFederationForTest({ people: 60, gateway: { rateLimit: { limit: 5 } } });
  expect((await federation.query('gp', record, { nhsNumber: sam })).body.errors).toBeUndefined();
  // Refused by every agency: FORBIDDEN at each part.
  await federation.query('unrelated-gp', record, { nhsNumber: sam });
  // An emergency declared: health's policy opens demographics and problems to a GP.
  await federation.query(
    'unrelated-gp',
    record,
    { nhsNumber: sam },
    { 'x-break-glass': `${sam}; Collapsed in clinic.` },
  );
  // An operation named after a number is counted as "other", never under its name.
  await federation.query('gp', `query Sam${sam} { person(nhsNumber: "${sam}") { nhsNumber } }`);
  // The hospital's part: Sam reads his own stays, so that every agency has been called.
  await federation.query(
    'sam',
    `query HospitalStays($nhsNumber: NHSNumber!) {
      person(nhsNumber: $nhsNumber) { hospitalAdmissions { __typename } } }`,
    { nhsNumber: sam },
  );
  for (let call = 0; call < 6; call += 1) await federation.query('practice-nurse', '{ __typename }');
  scrapes['gateway'] = await scrapeMetrics(federation.gatewayUrl);
  for (const [name, subgraph] of Object.entries(federation.federation.subgraphs))
    scrapes[name] = await scrapeMetrics(subgraph.url);
}, 180_000);

afterAll(async () => {
  await federation?.stop();
});

describe('/metrics', () => {
  it('counts gateway requests by operation and outcome, with latency histograms', () => {
    const gateway = scrapes['gateway']!;
    expect(value(gateway, 'joined_up_graphql_requests_total', { operation: 'SamsRecord' })).toBe(3);
    // The unrelated GP without an emergency declared is refused every part: data with errors.
    expect(value(gateway, 'joined_up_graphql_requests_total', { operation: 'SamsRecord', outcome: 'partial' })).toBe(1);
    expect(value(gateway, 'joined_up_graphql_requests_total', { operation: 'other' })).toBe(1);
    expect(value(gateway, 'joined_up_graphql_request_duration_seconds_count', { operation: 'SamsRecord' })).toBe(3);
    expect(gateway.types.get('joined_up_graphql_request_duration_seconds')).toBe('histogram');
    expect(value(gateway, 'joined_up_graphql_errors_total', { code: 'FORBIDDEN' })).toBeGreaterThan(0);
  });

  it("counts each agency's calls and latency, and shows each circuit's state", () => {
    const gateway = scrapes['gateway']!;
    for (const agency of Object.keys(federation.federation.subgraphs)) {
      expect(value(gateway, 'joined_up_gateway_subgraph_requests_total', { agency, outcome: 'ok' })).toBeGreaterThan(0);
      expect(value(gateway, 'joined_up_gateway_subgraph_request_duration_seconds_count', { agency })).toBeGreaterThan(
        0,
      );
      expect(value(gateway, 'joined_up_gateway_circuit_state', { agency, state: 'closed' })).toBe(1);
      expect(value(gateway, 'joined_up_gateway_circuit_state', { agency, state: 'open' })).toBe(0);
    }
    expect(value(gateway, 'joined_up_gateway_supergraph_info')).toBe(1);
  });

  it('counts rate-limit refusals, and every HTTP answer by route and status', () => {
    const gateway = scrapes['gateway']!;
    expect(value(gateway, 'joined_up_gateway_rate_limited_total')).toBe(1);
    expect(value(gateway, 'joined_up_http_requests_total', { route: '/graphql', status_code: '429' })).toBe(1);
    expect(value(gateway, 'joined_up_http_requests_total', { route: '/graphql', status_code: '200' })).toBe(10);
  });

  it('counts policy decisions by agency, category and outcome, break-glass declarations and audit rows', () => {
    const health = scrapes['health']!;
    expect(
      value(health, 'joined_up_policy_decisions_total', { agency: 'health', category: 'problems', outcome: 'granted' }),
    ).toBe(2);
    expect(
      value(health, 'joined_up_policy_decisions_total', { agency: 'health', category: 'problems', outcome: 'refused' }),
    ).toBe(1);
    expect(value(health, 'joined_up_break_glass_declarations_total', { agency: 'health' })).toBe(1);
    expect(value(health, 'joined_up_audit_rows_written_total', { agency: 'health', action: 'read' })).toBeGreaterThan(
      1,
    );
    const socialCare = scrapes['social-care']!;
    expect(
      value(socialCare, 'joined_up_policy_decisions_total', { category: 'care-plan', outcome: 'refused' }),
    ).toBeGreaterThan(0);
    for (const [name, scrape] of Object.entries(scrapes)) {
      expect(value(scrape, 'joined_up_graphql_requests_total'), name).toBeGreaterThan(0);
      expect(value(scrape, 'process_cpu_seconds_total'), name).toBeGreaterThan(0);
    }
  });

  it('names follow Prometheus conventions and no label holds an NHS number or a name', () => {
    const all: PrometheusSample[] = Object.values(scrapes).flatMap((scrape) => scrape.samples);
    for (const sample of all) {
      for (const label of Object.values(sample.labels)) {
        expect(label).not.toMatch(/\d{10}/);
        expect(label).not.toMatch(/Sam Taylor|Taylor|Margaret|Priya|Shah/);
      }
    }
    for (const scrape of Object.values(scrapes)) {
      for (const [family, type] of scrape.types) {
        if (!family.startsWith('joined_up_')) continue;
        if (type === 'counter') expect(family).toMatch(/_total$/);
        if (type === 'histogram') expect(family).toMatch(/_seconds$/);
      }
    }
  });
});

const deploy = new URL('../../deploy/', import.meta.url);

/** Every PromQL expression of the committed Grafana dashboard, by panel title. */
function dashboardQueries(): Array<{ where: string; expr: string }> {
  const dashboard = JSON.parse(readFileSync(new URL('grafana/joined-up.json', deploy), 'utf8')) as {
    panels: Array<{ title: string; type: string; targets?: Array<{ expr: string }> }>;
  };
  return dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ where: `panel "${panel.title}"`, expr: target.expr })),
  );
}

/** Every expression of the committed alert rules, by alert name. */
function alertQueries(): Array<{ where: string; expr: string }> {
  const rules = parseYaml(readFileSync(new URL('prometheus/alerts.yaml', deploy), 'utf8')) as {
    groups: Array<{ rules: Array<{ alert: string; expr: string; labels: { severity: string }; annotations: object }> }>;
  };
  return rules.groups.flatMap((group) =>
    group.rules.map((rule) => {
      expect(['critical', 'warning', 'info']).toContain(rule.labels.severity);
      expect(rule.annotations).toHaveProperty('summary');
      return { where: `alert ${rule.alert}`, expr: rule.expr };
    }),
  );
}

describe('the Grafana dashboard and the Prometheus alert rules', () => {
  it('query only metrics the services export, with labels those metrics have', () => {
    const samples = Object.values(scrapes).flatMap((scrape) => scrape.samples);
    const queries = [...dashboardQueries(), ...alertQueries()];
    expect(queries.length).toBeGreaterThan(25);
    const unknown: string[] = [];
    for (const { where, expr } of queries) {
      const selected = metricsInPromQL(expr);
      if (selected.length === 0) unknown.push(`${where}: selects no metric`);
      for (const metric of selected) {
        const found = samples.filter((sample) => sample.name === metric.name);
        if (found.length === 0) unknown.push(`${where}: ${metric.name}`);
        for (const label of metric.labels) {
          if (!found.some((sample) => label in sample.labels)) unknown.push(`${where}: ${metric.name}{${label}}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('alert on an agency down, the error rate, latency and break-glass to review', () => {
    const alerts = alertQueries().map((query) => query.where);
    for (const name of [
      'JoinedUpAgencyDown',
      'JoinedUpHighErrorRate',
      'JoinedUpHighLatency',
      'JoinedUpBreakGlassToReview',
    ])
      expect(alerts).toContain(`alert ${name}`);
  });
});
