import type { Logger } from './createLogger.ts';
import { currentRequestScope } from './requestContext.ts';
import { sendError } from './createHttpHandler.ts';

export interface CrashSafetyNetOptions {
  logger: Logger;
  /**
   * Stops the service gracefully (stop accepting, finish what is in flight) after a failure that
   * belongs to no request; the process then exits with 1 so that its supervisor restarts it.
   */
  shutdown: () => Promise<void>;
  /** Ends the process. @default process.exit */
  exit?: (code: number) => void;
}

/**
 * The process-level net under every service's own error handling, installed by entry points only
 * (a library must not take over a host's process-wide handlers).
 *
 * - A promise rejected with no handler never ends the process, whatever it belongs to. By the time
 *   Node reports it, the code that dropped it has returned: nothing was unwound half-way, so the
 *   process is as sound as before. It is logged as an error, with the request id when it belongs
 *   to a request, so it gets fixed.
 * - An exception thrown out of a callback during a request's work (its request id known) fails
 *   that request with INTERNAL_SERVER_ERROR if it has not been answered, and the process carries
 *   on: the stack it unwound was that request's.
 * - An exception that belongs to no request (a timer, a connection pool, start-up) may have left
 *   shared state half-changed, which Node's documentation warns cannot be resumed safely. The
 *   service then drains like on SIGTERM and exits with 1, to be restarted clean; a second such
 *   failure while draining exits at once.
 *
 * Returns a function that removes the net (for tests).
 */
export function installCrashSafetyNet(options: CrashSafetyNetOptions): () => void {
  const { onRejection, onException } = crashHandlers(options);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}

/** The net's two listeners, apart from the process so that tests can call them. */
export function crashHandlers(options: CrashSafetyNetOptions): {
  onRejection: (reason: unknown) => void;
  onException: (error: Error) => void;
} {
  const { logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let shuttingDown = false;

  const onRejection = (reason: unknown): void => {
    const scope = currentRequestScope();
    logger.error({ err: reason, requestId: scope?.requestId }, 'unhandled promise rejection; the process carries on');
  };

  const onException = (error: Error): void => {
    const scope = currentRequestScope();
    if (scope) {
      logger.error({ err: error, requestId: scope.requestId }, 'uncaught exception in a request; the request fails');
      if (!scope.response.headersSent)
        sendError(scope.response, 'INTERNAL_SERVER_ERROR', 'Something failed on our side.');
      return;
    }
    logger.fatal({ err: error }, 'uncaught exception outside any request; draining and exiting');
    if (shuttingDown) return exit(1);
    shuttingDown = true;
    options.shutdown().then(
      () => exit(1),
      (stopError: unknown) => {
        logger.fatal({ err: stopError }, 'graceful stop failed');
        exit(1);
      },
    );
  };

  return { onRejection, onException };
}
