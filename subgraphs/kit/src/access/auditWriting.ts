import { inSpan, type Logger } from '@joined-up/core';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Database } from '../openDatabase.ts';
import { auditEvents } from './auditEvents.ts';
import type { AuditTrail } from './createAuditTrail.ts';
import type { SubgraphMetrics } from '../SubgraphMetrics.ts';

/**
 * Writes the request's audit trail in one insert before the response leaves. If the insert
 * fails, the data is not returned: a read that cannot be audited must not happen.
 */
export function auditWriting<TContext extends { audit?: AuditTrail; db?: Database<Record<string, unknown>> }>(
  logger: Logger,
  metrics?: SubgraphMetrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const rows = contextValue.audit?.rows() ?? [];
          if (rows.length === 0 || !contextValue.db) return;
          const db = contextValue.db;
          try {
            await inSpan('audit.write', { attributes: { 'joined_up.audit.rows': rows.length } }, async (span) => {
              try {
                await db.insert(auditEvents).values(rows);
                span?.setAttribute('joined_up.audit.outcome', 'written');
              } catch (error) {
                span?.setAttribute('joined_up.audit.outcome', 'failed');
                throw error;
              }
            });
            metrics?.audited(rows);
          } catch (error) {
            metrics?.auditFailed();
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
