import { startTracing, type Tracing } from '@joined-up/core';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parentIdOf, renderSpanTree } from './renderSpanTree.ts';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

// Sam's joined-up record across all five agencies, as his GP sees it.
const samsJoinedUpRecord = /* GraphQL */ `
  query SamsJoinedUpRecord {
    person(nhsNumber: "9990000018") {
      name {
        full
      }
      dateOfBirth
      problems {
        code {
          display
        }
      }
      medications(status: ACTIVE) {
        name
      }
      careAndSupportPlan {
        status
        provider {
          name
        }
      }
      allocatedSocialWorker {
        name
      }
      socialPrescribingReferrals {
        status
      }
      carePlan {
        version
        goals {
          description
        }
      }
      hospitalAdmissions {
        ward
        admittedAt
      }
    }
  }
`;

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let federation: TestFederation;
let spans: ReadableSpan[];
let samsRecordRequestId: string;
let refusal: { traceId: unknown; spans: ReadableSpan[] };

function treeOf(requestId: string): ReadableSpan[] {
  const all = exporter.getFinishedSpans();
  const root = all.find((span) => span.attributes['joined_up.request_id'] === requestId);
  if (!root) throw new Error(`no span for request ${requestId}`);
  return all.filter((span) => span.spanContext().traceId === root.spanContext().traceId);
}

/** Waits until every server span of a request has ended (a subgraph's ends as its answer closes). */
async function settled(requestId: string): Promise<ReadableSpan[]> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const tree = treeOf(requestId);
    const servers = tree.filter((span) => span.attributes['http.route'] === '/graphql');
    if (servers.length >= 6 && tree.some((span) => span.name.startsWith('POST /graphql'))) return tree;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return treeOf(requestId);
}

beforeAll(async () => {
  // Tracing starts before any service, as each entry point starts it, so databases open traced.
  tracing = await startTracing({ serviceName: 'joined-up-test', exporter });
  federation = await startFederationForTest({ people: 60 });
  exporter.reset();
  const answer = await federation.query('gp', samsJoinedUpRecord);
  samsRecordRequestId = answer.headers.get('x-request-id')!;
  expect(answer.body.errors).toBeUndefined();
  spans = await settled(samsRecordRequestId);
  const refused = await federation.query('unrelated-gp', samsJoinedUpRecord);
  refusal = {
    traceId: refused.body.errors?.[0]?.extensions?.['traceId'],
    spans: await settled(refused.headers.get('x-request-id')!),
  };
  if (process.env['PRINT_SPAN_TREE']) console.log(renderSpanTree(spans));
}, 180_000);

afterAll(async () => {
  await federation?.stop();
  await tracing?.stop();
});

const byId = () => new Map(spans.map((span) => [span.spanContext().spanId, span]));

function ancestors(span: ReadableSpan, index: Map<string, ReadableSpan>): ReadableSpan[] {
  const chain: ReadableSpan[] = [];
  for (let parent = parentIdOf(span); parent;) {
    const found = index.get(parent);
    if (!found) break;
    chain.push(found);
    parent = parentIdOf(found);
  }
  return chain;
}

describe("the trace of Sam's joined-up record", () => {
  it('is one trace, from the gateway through each agency', () => {
    const traceIds = new Set(spans.map((span) => span.spanContext().traceId));
    expect(traceIds.size).toBe(1);
    const index = byId();
    const gatewayServer = spans.find(
      (span) => span.attributes['joined_up.request_id'] === samsRecordRequestId && ancestors(span, index).length <= 1,
    );
    expect(gatewayServer?.name).toBe('POST /graphql');
    for (const name of ['gateway.request', 'gateway.validate', 'gateway.plan', 'gateway.execute']) {
      expect(spans.map((span) => span.name)).toContain(name);
    }
    const fetched = new Set(
      spans.filter((span) => span.name === 'gateway.fetch').map((span) => String(span.attributes['service'])),
    );
    expect([...fetched].sort()).toEqual([
      'care-coordination',
      'directory',
      'health',
      'hospital',
      'social-care',
      'voluntary-sector',
    ]);
  });

  it("continues in each agency under the gateway's fetch of it, W3C traceparent carried by the call", () => {
    const index = byId();
    const agencyServers = spans.filter(
      (span) => span.name === 'POST /graphql' && span.attributes['joined_up.request_id'] === samsRecordRequestId,
    );
    const agencies = agencyServers
      .map((server) => ancestors(server, index).find((span) => span.name === 'gateway.fetch')?.attributes['service'])
      .filter((service) => service !== undefined);
    expect(new Set(agencies)).toEqual(
      new Set(['care-coordination', 'health', 'hospital', 'social-care', 'voluntary-sector']),
    );
    // The parent of each agency's span is the HTTP client span of the call (undici's instrumentation).
    for (const server of agencyServers.filter((span) => ancestors(span, index).length > 1)) {
      expect(index.get(parentIdOf(server)!)?.name).toBe('POST');
    }
  });

  it('has each SQL statement under the fetch of the agency whose database ran it', () => {
    const index = byId();
    const statements = spans.filter((span) => span.attributes['db.system.name'] === 'postgresql');
    expect(statements.length).toBeGreaterThan(8);
    const namespaces = new Set<unknown>();
    for (const statement of statements) {
      const fetch = ancestors(statement, index).find((span) => span.name === 'gateway.fetch');
      expect(fetch?.attributes['service'], statement.name).toBe(statement.attributes['db.namespace']);
      namespaces.add(statement.attributes['db.namespace']);
    }
    expect(namespaces.size).toBe(5);
    expect(statements.map((span) => span.name)).toContain('INSERT audit_events');
  });

  it('shows loader batches, policy decisions and audit writes with their outcomes', () => {
    const named = (name: string) => spans.filter((span) => span.name === name);
    expect(named('dataloader.batch').length).toBeGreaterThan(0);
    const decisions = named('policy.decide');
    expect(decisions.length).toBeGreaterThan(4);
    expect(new Set(decisions.map((span) => span.attributes['joined_up.policy.outcome']))).toEqual(new Set(['granted']));
    const audits = named('audit.write');
    expect(audits.length).toBe(5);
    for (const audit of audits) expect(audit.attributes['joined_up.audit.outcome']).toBe('written');
    const refusedDecisions = refusal.spans.filter((span) => span.name === 'policy.decide');
    expect(new Set(refusedDecisions.map((span) => span.attributes['joined_up.policy.outcome']))).toEqual(
      new Set(['refused']),
    );
  });

  it('carries no person data: no NHS number, name, date of birth or token in any name, attribute or event', () => {
    const personData = /999\d{7}|Sam Taylor|Taylor|Margaret|2001-03-14|Willow Court|RV1 4QT|eyJ/;
    for (const span of [...spans, ...refusal.spans]) {
      const text = JSON.stringify([
        span.name,
        span.attributes,
        span.events.map((event) => [event.name, event.attributes]),
      ]);
      expect(text, span.name).not.toMatch(personData);
    }
  });

  it("puts the trace id in every error's extensions, so a refusal leads to its trace", () => {
    expect(refusal.traceId).toBe(refusal.spans[0]?.spanContext().traceId);
  });
});
