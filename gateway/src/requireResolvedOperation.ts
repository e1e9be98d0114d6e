import type { ApolloServerPlugin } from '@apollo/server';
import { createRequestError } from '@joined-up/core';

/**
 * Refuses, with 400 and BAD_USER_INPUT naming `operationName`, a request whose document does not
 * pick out one operation: several operations and no operationName, or a name the document does
 * not hold. Apollo Server leaves that to the executor, and Apollo Gateway's executor then fails
 * with a 500, as if the fault were ours.
 */
export function requireResolvedOperation<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? `The document has no operation named "${request.operationName}".`
            : 'The document holds several operations: say which to run with operationName.';
          throw createRequestError('BAD_USER_INPUT', message, { argumentName: 'operationName' });
        },
      };
    },
  };
}
