import type { Caller, Logger } from '@joined-up/core';

/** Per-request context of the gateway: who is calling, and the request id to pass on. */
export interface GatewayContext {
  requestId: string;
  caller: Caller;
  logger: Logger;
  /** An emergency reason declared by the caller (x-break-glass-reason), passed on to every agency. */
  breakGlassReason?: string | undefined;
}
