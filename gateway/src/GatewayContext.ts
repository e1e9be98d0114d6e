import type { BreakGlassDeclaration, Caller, Logger } from '@joined-up/core';
import type { AgencyFailure } from './AgencyFailure.ts';

/** Per-request context of the gateway: who is calling, and the request id to pass on. */
export interface GatewayContext {
  /** The gateway's own id for this request, unique: what every agency's audit is keyed by. */
  requestId: string;
  /** The caller's own x-request-id, if it sent one: passed on as x-correlation-id, beside the request id. */
  correlationId?: string | undefined;
  caller: Caller;
  logger: Logger;
  /** An emergency the caller declared (x-break-glass: whose record, and why), passed on to every agency. */
  breakGlass?: BreakGlassDeclaration | undefined;
  /** When the whole request's time runs out (performance.now() milliseconds); later calls get what is left. */
  deadlineAt?: number;
  /** Agencies that failed this request (unreachable, timed out, circuit open): later calls to them fail at once. */
  unavailable?: Map<string, AgencyFailure>;
}
