import type { SocialCareTables } from './tables.ts';

type PersonTables = Pick<
  SocialCareTables,
  | 'requests'
  | 'assessments'
  | 'services'
  | 'plans'
  | 'reviews'
  | 'allocations'
  | 'unpaidCarers'
  | 'careWorkerAssignments'
  | 'careTeam'
  | 'delegations'
>;

/** Social care's rows about people, by table, as a seed batch collects them. */
export type SocialCareRows = { [K in keyof PersonTables]: Array<PersonTables[K]['$inferInsert']> };

export function emptySocialCareRows(): SocialCareRows {
  return {
    requests: [],
    assessments: [],
    services: [],
    plans: [],
    reviews: [],
    allocations: [],
    unpaidCarers: [],
    careWorkerAssignments: [],
    careTeam: [],
    delegations: [],
  };
}
