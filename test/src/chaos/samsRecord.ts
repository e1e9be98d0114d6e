import { isDeepStrictEqual } from 'node:util';
import { registeredOperation } from '@joined-up/schema';
import type { GraphQLResult } from '../graphqlRequest.ts';
import { personFieldOwners, personFieldParts } from '../personFieldOwners.ts';

/**
 * Sam's joined-up record (schema/operations/chaos/SamsRecordUnderFault.graphql): a few fields from
 * each agency, and from care coordination the plan, the team, the skills check (which needs social
 * care's part) and the timeline (which needs every agency's). Every nested selection stays within
 * the field's own agency, so whose data a field is follows from the Person field alone; the
 * timeline's entries each name theirs.
 */
export const samsRecordQuery = registeredOperation('SamsRecordUnderFault').body;

/**
 * The user the suite reads as: Sam, whom every agency lets see all of his record, so that every
 * part of the timeline is there (a professional is refused some agency's part of it).
 */
export const samsRecordReader = 'sam';

type Person = Record<string, unknown>;
type Answer = Pick<GraphQLResult<{ person: Person | null }>, 'status' | 'body'>;

/** How one answer compares with the whole record, for one agency at fault. */
export interface RecordJudgement {
  /** Every field of every other agency is as it is when all answer (the timeline: their entries). */
  keepsOthers: boolean;
  /** The whole record, with no error. */
  whole: boolean;
  /** Fields of other agencies that came back null or short, by name. */
  lostFields: string[];
  /** Fields that came back null or short with no error at their path: a silent gap. */
  silentGaps: string[];
  /** Errors that name no agency, or call another agency than the one at fault unavailable. */
  misattributed: number;
}

const owners = personFieldOwners();
const parts = personFieldParts();

/** The agency whose entry a timeline entry is: its id starts with the agency's name (health:encounter:123). */
function entryAgency(entry: unknown): string {
  const id = (entry as { node?: { id?: unknown } }).node?.id;
  return typeof id === 'string' ? id.slice(0, id.indexOf(':')) : '';
}

/**
 * Compares `answer` with `whole` (Sam's record when every agency answers), while `faulted` is down,
 * hung or slow. A field of `faulted` may be missing; every other agency's must be there, and every
 * missing field must have an error at its path naming `faulted`.
 */
export function judgeRecord(answer: Answer, whole: Person, faulted: string): RecordJudgement {
  const person = answer.status === 200 ? answer.body.data?.person : undefined;
  const errors = answer.body.errors ?? [];
  const lostFields: string[] = [];
  const silentGaps: string[] = [];
  for (const [field, value] of Object.entries(whole)) {
    const got = person?.[field];
    const same = isDeepStrictEqual(got, value);
    if (!same) {
      const reported = errors.some((error) => {
        const path = error.path?.join('.') ?? '';
        return path === 'person' || path === `person.${field}` || path.startsWith(`person.${field}.`);
      });
      if (!reported) silentGaps.push(field);
    }
    if (owners.get(field) === faulted) continue;
    if (field === 'timeline') {
      // A field that gathers every agency's entries keeps the others' when one agency is missing.
      const theirs = (timelineEdges(value) ?? []).filter((edge) => entryAgency(edge) !== faulted);
      const gotEdges = timelineEdges(got);
      if (!gotEdges || !theirs.every((edge) => gotEdges.some((candidate) => isDeepStrictEqual(candidate, edge))))
        lostFields.push(field);
    } else if ((parts.get(field) ?? []).some((part) => owners.get(part) === faulted)) {
      // Any other field gathered from the faulted agency's part (the skills check, from social
      // care's assignments) keeps its own agency's part: each of its items is still there, though
      // what it says of them can no longer be checked.
      if (!Array.isArray(got) || !Array.isArray(value) || got.length !== value.length) lostFields.push(field);
    } else if (!same) lostFields.push(field);
  }
  const misattributed = errors.filter((error) => {
    const agency = error.extensions?.['serviceName'];
    return agency === undefined || (agency !== faulted && error.extensions?.['code'] === 'SUBGRAPH_UNAVAILABLE');
  }).length;
  return {
    keepsOthers: lostFields.length === 0,
    whole: person !== undefined && isDeepStrictEqual(person, whole) && errors.length === 0,
    lostFields,
    silentGaps,
    misattributed,
  };
}

function timelineEdges(value: unknown): unknown[] | undefined {
  const edges = (value as { edges?: unknown } | null | undefined)?.edges;
  return Array.isArray(edges) ? edges : undefined;
}
