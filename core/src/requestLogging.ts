import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from './createLogger.ts';

/**
 * One structured log line per GraphQL request (request id, operation, duration, error codes),
 * and one per unexpected error with its cause. The request id is the one the gateway forwarded,
 * so a request can be followed across the gateway and every agency.
 */
export function requestLogging<TContext extends { requestId?: string }>(logger: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const started = performance.now();
      const codes = new Set<string>();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.['code'];
            codes.add(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
            if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
              logger.error(
                { requestId: contextValue?.requestId, err: error.originalError ?? error, path: error.path },
                error.message,
              );
            }
          }
        },
        async willSendResponse() {
          logger.info(
            {
              requestId: contextValue?.requestId,
              operationName: request.operationName ?? null,
              durationMs: Math.round(performance.now() - started),
              errorCodes: [...codes],
            },
            'graphql request',
          );
        },
      };
    },
  };
}
