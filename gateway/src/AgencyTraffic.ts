import type { Logger } from '@joined-up/core';
import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
} from 'cockatiel';
import { AgencyFailure, agencyFailure } from './AgencyFailure.ts';
import { RetryBudget, type RetryBudgetOptions } from './RetryBudget.ts';

/** How the gateway shapes its calls to each agency. Every figure applies to each agency on its own. */
export interface TrafficShaping {
  /** Consecutive failed calls (unreachable, timed out, or a broken answer) that open the circuit. @default 5 */
  breakerFailures: number;
  /** How long an open circuit fails fast before one probe call is let through (half-open). @default 10_000 */
  halfOpenAfterMs: number;
  /** Retries of a read that could not reach the agency; mutations are never retried. 0 for none. @default 1 */
  retries: number;
  /** The retry budget (at most 20% more calls, plus 10 a second, over 10 s). */
  retryBudget?: RetryBudgetOptions;
}

export const defaultTrafficShaping: TrafficShaping = { breakerFailures: 5, halfOpenAfterMs: 10_000, retries: 1 };

/** The state of an agency's circuit, as /ready shows it. */
export type CircuitStateName = 'closed' | 'open' | 'half-open' | 'isolated';

const stateNames: Record<CircuitState, CircuitStateName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

/**
 * One agency's circuit breaker (cockatiel's) and retry budget. While the agency keeps failing, the
 * circuit opens and every call fails at once instead of waiting for its timeout; after
 * `halfOpenAfterMs` one call probes it (half-open), and closes the circuit if it succeeds. Only
 * failures that say the agency is failing count: its own GraphQL errors (FORBIDDEN, say) and the
 * request's deadline do not. A read that could not reach the agency (refused or reset connection,
 * a proxy's 502-504) is retried at once, within the budget; a timeout is not, as the agency is
 * then slow, and waiting twice would only spend the request's deadline.
 */
export class AgencyTraffic {
  readonly #breaker: CircuitBreakerPolicy;
  readonly #budget: RetryBudget;
  readonly #retries: number;
  readonly #displayName: string;

  constructor(agency: { name: string; displayName: string }, shaping: TrafficShaping, logger: Logger) {
    this.#displayName = agency.displayName;
    this.#retries = shaping.retries;
    this.#budget = new RetryBudget(shaping.retryBudget);
    this.#breaker = circuitBreaker(
      handleWhen((error) => error instanceof AgencyFailure && error.countsAgainstAgency),
      { halfOpenAfter: shaping.halfOpenAfterMs, breaker: new ConsecutiveBreaker(shaping.breakerFailures) },
    );
    this.#breaker.onStateChange((state) =>
      logger[state === CircuitState.Closed ? 'info' : 'warn'](
        { agency: agency.displayName, serviceName: agency.name, circuit: stateNames[state] },
        `circuit to ${agency.displayName} ${stateNames[state]}`,
      ),
    );
  }

  /** The circuit's state now. An open circuit whose wait is over shows open until a call probes it. */
  get state(): CircuitStateName {
    return stateNames[this.#breaker.state];
  }

  /** Makes a call through the circuit, retrying a read that could not reach the agency. */
  async call<T>(read: boolean, attempt: () => Promise<T>): Promise<T> {
    this.#budget.recordCall();
    for (let retry = 0; ; retry += 1) {
      try {
        return await this.#breaker.execute(attempt);
      } catch (error) {
        if (error instanceof BrokenCircuitError)
          throw agencyFailure('circuit-open', this.#displayName, { cause: error });
        const retryable = read && error instanceof AgencyFailure && isTransient(error);
        if (!retryable || retry >= this.#retries || !this.#budget.tryRetry()) throw error;
      }
    }
  }
}

/** A failure a second attempt may well not meet: the connection, not the agency's work, failed. */
function isTransient(failure: AgencyFailure): boolean {
  if (failure.reason === 'unreachable') return true;
  const status = failure.details['status'];
  return failure.reason === 'bad-answer' && (status === 502 || status === 503 || status === 504);
}
