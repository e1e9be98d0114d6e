/** How long and how hard the fault-injection suite runs, and the gateway settings it runs against. */
export interface ChaosSettings {
  /** The gateway's timeout for each agency (GATEWAY_SUBGRAPH_TIMEOUT_MS). */
  agencyTimeoutMs: number;
  /** The gateway's deadline for a whole request (GATEWAY_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** Consecutive failures that open an agency's circuit (GATEWAY_BREAKER_FAILURES). */
  breakerFailures: number;
  /** How long an open circuit waits before one call probes the agency (GATEWAY_BREAKER_HALF_OPEN_MS). */
  halfOpenAfterMs: number;
  /** The gateway's and each agency's grace period on SIGTERM. */
  shutdownGraceMs: number;
  /** How long each fault lasts under load. */
  faultMs: number;
  /** The latency a slowed agency's answers get: past its timeout, so the gateway must cut it off. */
  slowLatencyMs: number;
  /** Readers sending Sam's record, one request after another each. */
  readers: number;
  /** Writes in each burst, and how many are in flight at once. */
  writes: number;
  writeConcurrency: number;
  /** Longest wait for every answer to be whole again once the agency is back. */
  recoveryLimitMs: number;
  /** The demo population each agency seeds. */
  people: number;
}

/** What `npm test` runs: every fault on every agency, briefly, on a loaded two-core machine. */
export const shortChaosSettings: ChaosSettings = {
  agencyTimeoutMs: 1_000,
  requestTimeoutMs: 2_500,
  breakerFailures: 3,
  halfOpenAfterMs: 1_000,
  shutdownGraceMs: 10_000,
  faultMs: 2_500,
  slowLatencyMs: 2_000,
  readers: 3,
  writes: 24,
  writeConcurrency: 6,
  recoveryLimitMs: 20_000,
  people: 30,
};

/** What `npm run chaos` runs: the gateway's defaults, each fault for 20 seconds, more load and writes. */
export const longChaosSettings: ChaosSettings = {
  agencyTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  breakerFailures: 5,
  halfOpenAfterMs: 10_000,
  shutdownGraceMs: 10_000,
  faultMs: 30_000,
  slowLatencyMs: 12_000,
  readers: 8,
  writes: 200,
  writeConcurrency: 20,
  recoveryLimitMs: 60_000,
  people: 300,
};
