import type { Caller, Logger } from '@joined-up/core';
import type { AgencyFailure } from './AgencyFailure.ts';

/** Per-request context of the gateway: who is calling, and the request id to pass on. */
export interface GatewayContext {
  requestId: string;
  caller: Caller;
  logger: Logger;
  /** An emergency reason declared by the caller (x-break-glass-reason), passed on to every agency. */
  breakGlassReason?: string | undefined;
  /** When the whole request's time runs out (performance.now() milliseconds); later calls get what is left. */
  deadlineAt?: number;
  /** Agencies that failed this request (unreachable, timed out, circuit open): later calls to them fail at once. */
  unavailable?: Map<string, AgencyFailure>;
}
