import type { Logger } from '@joined-up/core';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Database } from '../openDatabase.ts';
import { auditEvents } from './auditEvents.ts';
import type { AuditTrail } from './createAuditTrail.ts';

/**
 * Writes the request's audit trail in one insert before the response leaves. If the insert
 * fails, the data is not returned: a read that cannot be audited must not happen.
 */
export function auditWriting<TContext extends { audit?: AuditTrail; db?: Database<Record<string, unknown>> }>(
  logger: Logger,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const rows = contextValue.audit?.rows() ?? [];
          if (rows.length === 0 || !contextValue.db) return;
          try {
            await contextValue.db.insert(auditEvents).values(rows);
          } catch (error) {
            logger.error({ err: error }, 'audit write failed; response withheld');
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                new GraphQLError('The record could not be returned because its access could not be audited.', {
                  extensions: { code: 'INTERNAL_SERVER_ERROR' },
                }),
              ];
            }
          }
        },
      };
    },
  };
}
