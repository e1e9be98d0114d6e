import { createError, decodeCursor, pageSize, toConnection, type Caller, type Database } from '@joined-up/kit';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { careRelationships, patients, type HealthTables } from './tables.ts';
import { careTeam } from '@joined-up/kit';

export interface SearchPeopleArgs {
  name?: string | null;
  dateOfBirth?: string | null;
  postcode?: string | null;
  first?: number | null;
  after?: string | null;
}

const sortKey = sql`lower(${patients.familyName}) || ' ' || lower(${patients.givenName})`;

/**
 * The people search: every given criterion must match. Each criterion is served by an index
 * (tables.ts), and pages are keyset-paginated on (family, given, NHS number), so deep pages
 * cost the same as the first.
 */
export async function searchPeople(db: Database<HealthTables>, caller: Caller, args: SearchPeopleArgs) {
  const size = pageSize(args.first);
  const conditions: SQL[] = [];
  const name = args.name?.trim();
  if (name) conditions.push(nameCondition(name));
  if (args.dateOfBirth) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(args.dateOfBirth) || Number.isNaN(Date.parse(args.dateOfBirth))) {
      throw createError('BAD_USER_INPUT', 'Argument "dateOfBirth" must be a date written YYYY-MM-DD.', {
        argumentName: 'dateOfBirth',
      });
    }
    conditions.push(eq(patients.dateOfBirth, args.dateOfBirth));
  }
  const postcode = args.postcode?.replace(/\s+/g, '').toUpperCase();
  if (postcode) {
    if (!/^[A-Z0-9]{2,7}$/.test(postcode)) {
      throw createError('BAD_USER_INPUT', 'Argument "postcode" must be a UK postcode or its outward part.', {
        argumentName: 'postcode',
      });
    }
    // A full postcode matches exactly; an outward code ("RV1") matches the whole district.
    const compact = sql`replace(upper(${patients.postcode}), ' ', '')`;
    conditions.push(
      postcode.length >= 5
        ? sql`${compact} = ${postcode}`
        : sql`${compact} like ${`${postcode}%`} and split_part(upper(${patients.postcode}), ' ', 1) = ${postcode}`,
    );
  }
  if (conditions.length === 0) {
    throw createError('BAD_USER_INPUT', 'Give at least one of "name", "dateOfBirth" or "postcode" to search.', {
      argumentName: 'name',
    });
  }
  conditions.push(knownToCaller(caller));
  const after = decodeCursor(args.after);
  if (after) conditions.push(sql`(${sortKey}, ${patients.nhsNumber}) > (${after.key}, ${after.id})`);
  const rows = await db
    .select({ patient: patients, sortKey: sql<string>`${sortKey}` })
    .from(patients)
    .where(and(...conditions))
    .orderBy(sortKey, asc(patients.nhsNumber))
    .limit(size + 1);
  const connection = toConnection(rows, size, (row) => ({ key: row.sortKey, id: row.patient.nhsNumber }));
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.patient })) };
}

function nameCondition(name: string): SQL {
  const words = name.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 2);
  const pattern = (word: string) => `${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  if (words.length === 2) {
    const [given, family] = words as [string, string];
    return sql`lower(${patients.givenName}) like ${pattern(given)} and lower(${patients.familyName}) like
                ${pattern(family)}`;
  }
  const word = words[0] as string;
  return sql`(lower(${patients.familyName}) like ${pattern(word)} or lower(${patients.givenName}) like
    ${pattern(word)})`;
}

/**
 * Search finds only people the caller has a relationship with in health's data (the policy's
 * relationships), so a search never reveals that anyone else is registered.
 */
function knownToCaller(caller: Caller): SQL {
  if (caller.role === 'person' || caller.role === 'carer') return sql`${patients.nhsNumber} = ${caller.actsFor ?? ''}`;
  const practice =
    caller.organisation.sector === 'health'
      ? sql`${patients.gpPracticeCode} = ${caller.organisation.code}`
      : sql`false`;
  return sql`(${practice}
    or ${patients.nhsNumber} in (select ${careRelationships.nhsNumber} from ${careRelationships}
      where ${careRelationships.clinicianId} = ${caller.subject})
    or ${patients.nhsNumber} in (select ${careTeam.nhsNumber} from ${careTeam} where
      ${careTeam.memberSubject} = ${caller.subject}))`;
}
