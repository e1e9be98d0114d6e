import { createError, type ErrorCode } from '@joined-up/core';
import type { GraphQLError } from 'graphql';

/**
 * Why a call to an agency gave nothing back. `unreachable`, `timeout` and `bad-answer` say the
 * agency (or the way to it) is failing and count against its circuit; `circuit-open` is the
 * circuit failing fast; `deadline` is the request's own time running out, which says nothing
 * about the agency; `refused` is the agency answering with a GraphQL error of its own (its code
 * kept), which is an answer, not a failure to reach it.
 */
export type FailureReason = 'unreachable' | 'timeout' | 'bad-answer' | 'circuit-open' | 'deadline' | 'refused';

/** A call to an agency that gave nothing back, and what to tell the client at each path it blanked. */
export class AgencyFailure extends Error {
  readonly reason: FailureReason;
  readonly code: ErrorCode;
  /** More for extensions, such as the HTTP status of a bad answer. */
  readonly details: Record<string, unknown>;

  constructor(
    reason: FailureReason,
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AgencyFailure';
    this.reason = reason;
    this.code = code;
    this.details = options.details ?? {};
  }

  /** Whether this says the agency is failing: it counts against its circuit. */
  get countsAgainstAgency(): boolean {
    return this.reason === 'unreachable' || this.reason === 'timeout' || this.reason === 'bad-answer';
  }

  /** Whether later calls to the agency in the same request should fail at once instead of waiting again. */
  get agencyUnavailable(): boolean {
    return this.countsAgainstAgency || this.reason === 'circuit-open';
  }

  /** The coded error for one path, with the agency's name and why. */
  toGraphQLError(agency: { name: string; displayName: string }): GraphQLError {
    return createError(this.code, this.message, {
      agency: agency.displayName,
      serviceName: agency.name,
      ...(this.reason === 'refused' ? {} : { reason: this.reason }),
      ...this.details,
    });
  }
}

/** The words for each way an agency can fail a call. */
export function agencyFailure(
  reason: Exclude<FailureReason, 'refused'>,
  agency: string,
  options: { cause?: unknown; status?: number } = {},
): AgencyFailure {
  const missing = 'its part of this answer is missing.';
  switch (reason) {
    case 'unreachable':
      return new AgencyFailure(reason, 'SUBGRAPH_UNAVAILABLE', `${agency} could not be reached; ${missing}`, options);
    case 'timeout':
      return new AgencyFailure(reason, 'SUBGRAPH_UNAVAILABLE', `${agency} did not answer in time; ${missing}`, options);
    case 'bad-answer':
      return new AgencyFailure(
        reason,
        'SUBGRAPH_UNAVAILABLE',
        `${agency} answered with an error (HTTP ${options.status ?? 'without GraphQL'}); ${missing}`,
        { ...options, details: options.status === undefined ? {} : { status: options.status } },
      );
    case 'circuit-open':
      return new AgencyFailure(
        reason,
        'SUBGRAPH_UNAVAILABLE',
        `${agency} has been failing and is not being called for now; ${missing}`,
        options,
      );
    case 'deadline':
      return new AgencyFailure(
        reason,
        'GATEWAY_TIMEOUT',
        `The request ran out of time before ${agency} answered; ${missing}`,
        options,
      );
  }
}
