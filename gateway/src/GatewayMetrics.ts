import { latencyBuckets } from '@joined-up/core';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { CircuitStateName } from './AgencyTraffic.ts';

/** What the gateway counts beyond requests: each agency's calls and circuit, refusals, the supergraph served. */
export interface GatewayMetrics {
  /** One call to an agency (retries included) and how it ended: `ok`, or why it gave nothing back. */
  fetched(agency: string, outcome: string, seconds: number): void;
  rateLimited(): void;
}

const circuitStates: CircuitStateName[] = ['closed', 'open', 'half-open', 'isolated'];

export function createGatewayMetrics(
  registry: Registry,
  sources: {
    /** Each agency's service name and circuit state now. */
    circuits: () => Iterable<[string, CircuitStateName]>;
    /** The id of the supergraph served (the first 12 hex digits of its SHA-256). */
    supergraphId: () => string;
  },
): GatewayMetrics {
  const fetches = new Counter({
    name: 'joined_up_gateway_subgraph_requests_total',
    help:
      'Calls to each agency, by outcome: ok (an answer came, its ' +
      'own errors included), or unreachable, timeout, bad-answer, ' +
      'circuit-open, deadline.',
    labelNames: ['agency', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'joined_up_gateway_subgraph_request_duration_seconds',
    help: 'Time of each call to an agency, retries included, by agency.',
    labelNames: ['agency'],
    buckets: latencyBuckets,
    registers: [registry],
  });
  new Gauge({
    name: 'joined_up_gateway_circuit_state',
    help:
      "Each agency's circuit breaker: 1 for the state it is in " +
      '(closed, open, half-open, isolated), 0 for the others.',
    labelNames: ['agency', 'state'],
    registers: [registry],
    collect() {
      for (const [agency, current] of sources.circuits()) {
        for (const state of circuitStates) this.set({ agency, state }, state === current ? 1 : 0);
      }
    },
  });
  const refused = new Counter({
    name: 'joined_up_gateway_rate_limited_total',
    help: 'Requests refused with RATE_LIMITED because their caller was over the rate limit.',
    registers: [registry],
  });
  refused.inc(0);
  new Gauge({
    name: 'joined_up_gateway_supergraph_info',
    help: 'The supergraph served: 1 for its id (the first 12 hex digits of the SHA-256 of the file).',
    labelNames: ['supergraph_id'],
    registers: [registry],
    collect() {
      this.reset();
      this.set({ supergraph_id: sources.supergraphId() }, 1);
    },
  });
  return {
    fetched: (agency, outcome, seconds) => {
      fetches.inc({ agency, outcome });
      duration.observe({ agency }, seconds);
    },
    rateLimited: () => refused.inc(),
  };
}
