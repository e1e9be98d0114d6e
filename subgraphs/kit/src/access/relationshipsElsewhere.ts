import type { Caller, Logger } from '@joined-up/core';
import { parse, print } from 'graphql';
import { agencyFieldPrefix, agencyTypePrefix } from '../agencyNames.ts';
import { type AgencyPolicy, recordedElsewhere } from './AgencyPolicy.ts';
import { maxRelationshipQuestion, type RecordedRelationships } from './relationshipsWithCaller.ts';

/** How long an agency waits for the federation's answer before deciding on its own data alone. @default */
export const defaultRelationshipsTimeoutMs = 1500;

/** Reads, for one request, the relationships other agencies record between its caller and people. */
export type RequestRelationshipsLoader = (
  caller: Caller,
  nhsNumbers: readonly string[],
  requestId: string,
) => Promise<Map<string, ReadonlySet<string>>>;

/** The agencies whose recorded relationships a policy's rules accept, in the order the rules name them. */
export function agenciesAccepted(policy: AgencyPolicy): string[] {
  const names = policy.rules.flatMap((rule) => rule.relationships.map((kind) => recordedElsewhere(kind)?.agency ?? []));
  return [...new Set(names.flat())];
}

/**
 * The one operation an agency sends the gateway to learn the relationships other agencies record:
 * a client operation like any other, registered under schema/operations/<agency>/ so that a
 * gateway refusing unregistered operations serves it. Undefined when the policy accepts none.
 */
export function relationshipsElsewhereOperation(agencyName: string, policy: AgencyPolicy): string | undefined {
  const agencies = agenciesAccepted(policy);
  if (agencies.length === 0) return undefined;
  const fields = agencies.map(
    (agency) =>
      `${agencyFieldPrefix(agency)}RelationshipsWithCaller(nhsNumbers: $nhsNumbers, forSector: ` +
      `${JSON.stringify(policy.sector)}) { nhsNumber relationships }`,
  );
  // Printed as graphql-js prints it: a gateway serving only registered operations matches the text exactly.
  return print(
    parse(
      `query ${agencyTypePrefix(agencyName)}RelationshipsElsewhere($nhsNumbers: [NHSNumber!]!) { ${fields.join(' ')} }`,
    ),
  );
}

/**
 * Asks the gateway, with the caller's own token (so each other agency's policy decides what it
 * tells), which relationships other agencies record between the caller and these people, and keeps
 * only those the policy's rules accept. One call for up to 100 people, a short timeout, and on any
 * failure (no gateway configured, the gateway or an agency down, slow or refusing) the agency
 * decides on its own data alone: nothing more is disclosed. Undefined when the policy accepts none.
 */
export function createRelationshipsElsewhereLoader(options: {
  agencyName: string;
  policy: AgencyPolicy;
  /** The gateway's GraphQL URL (JOINED_UP_GATEWAY_URL); undefined, nothing is asked. */
  gatewayUrl: () => string | undefined;
  timeoutMs?: number;
  logger: Logger;
}): RequestRelationshipsLoader | undefined {
  const operation = relationshipsElsewhereOperation(options.agencyName, options.policy);
  if (!operation) return undefined;
  const accepted = new Set(options.policy.rules.flatMap((rule) => rule.relationships.filter(recordedElsewhere)));
  const agencies = agenciesAccepted(options.policy);
  return async (caller, nhsNumbers, requestId) => {
    const found = new Map<string, Set<string>>();
    const url = options.gatewayUrl();
    if (!url || nhsNumbers.length === 0) return found;
    const asked = new Set(nhsNumbers.slice(0, maxRelationshipQuestion));
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${caller.token}`,
          'content-type': 'application/json',
          // The gateway keeps this as the correlation id, so the other agency's audit of what it
          // told names the request whose decision it informed.
          'x-request-id': requestId,
        },
        body: JSON.stringify({ query: operation, variables: { nhsNumbers: [...asked] } }),
        signal: AbortSignal.timeout(options.timeoutMs ?? defaultRelationshipsTimeoutMs),
      });
      const body = (await response.json()) as {
        data?: Record<string, RecordedRelationships[] | null> | null;
        errors?: Array<{ extensions?: { code?: unknown } }>;
      };
      // A refusal (the question no longer registered, the token refused, the rate limit) fails
      // closed like an agency that is down, but is said: it would otherwise look like "none".
      if (!response.ok || body.errors?.length)
        options.logger.warn(
          { requestId, status: response.status, codes: body.errors?.map((error) => error.extensions?.code) },
          'the gateway refused part of the question about relationships recorded elsewhere',
        );
      for (const agency of agencies) {
        // An agency that is down, or refused, answers null: its records count for nothing.
        for (const answer of body.data?.[`${agencyFieldPrefix(agency)}RelationshipsWithCaller`] ?? []) {
          if (!asked.has(answer.nhsNumber)) continue;
          for (const kind of answer.relationships) {
            const relationship = `${agency}:${kind}`;
            if (!accepted.has(relationship)) continue;
            const known = found.get(answer.nhsNumber) ?? new Set<string>();
            found.set(answer.nhsNumber, known.add(relationship));
          }
        }
      }
    } catch (error) {
      options.logger.warn(
        { requestId, error: (error as Error).message },
        'relationships recorded elsewhere could not be read; deciding on our own data alone',
      );
    }
    return found;
  };
}
