import { registeredOperation } from '@joined-up/schema';
import { federationBenchmarkQuery } from './federationBenchmark/index.ts';
import type { GatewayName, TargetName } from './startTarget.ts';

/** One named piece of work the benchmark sends, over and over, to each target. */
export interface Workload {
  name: string;
  description: string;
  /** The agencies of this repository, or The Guild's four benchmark subgraphs. */
  graph: 'agencies' | 'federation-benchmark';
  /** The demo user whose token is sent. */
  user: string;
  query: string;
  /** The registered operation the query is, so a system of another revision can send its own version of it. */
  operation?: string;
  variables?: Record<string, unknown>;
  /** Which agency answers the whole query, when one does: the direct target calls it. */
  directSubgraph?: string;
  /** Whether the workload is repeated at each scale (1k, 100k, 900k people). */
  scaled: boolean;
}

const sam = '9990000018';

export const workloads: readonly Workload[] = [
  {
    name: 'person-view',
    description:
      "Sam's whole record through the gateway, as his GP: " +
      'demographics, problems, medications, alerts, encounters, the ' +
      "council's plan and services, social prescribing, the shared " +
      'plan, the care team and the first page of the joined-up ' +
      'timeline (every agency).',
    graph: 'agencies',
    user: 'gp',
    scaled: true,
    query: registeredOperation('PersonView').body,
    operation: 'PersonView',
    variables: { nhsNumber: sam },
  },
  {
    name: 'caseload',
    description:
      "The care coordinator's caseload, 50 people a page, with a few fields from every agency for each person.",
    graph: 'agencies',
    user: 'coordinator',
    scaled: true,
    query: registeredOperation('Caseload').body,
    operation: 'Caseload',
    variables: { first: 50 },
  },
  {
    name: 'search',
    description:
      'The people search by name (health only), 20 a page: the single-subgraph query, also sent to health directly.',
    graph: 'agencies',
    user: 'gp',
    scaled: false,
    directSubgraph: 'health',
    query: registeredOperation('PeopleSearch').body,
    operation: 'PeopleSearch',
    variables: { name: 'tay' },
  },
  {
    name: 'federation-benchmark',
    description:
      "The Guild's public gateway benchmark: its four subgraphs " +
      '(accounts, inventory, products, reviews), ported to Node ' +
      'from the published schema and data, and the nested query of ' +
      'its k6 scenario.',
    graph: 'federation-benchmark',
    user: 'gp',
    scaled: false,
    query: federationBenchmarkQuery,
  },
];

/** The targets a workload runs against: every gateway, and the subgraph itself where one answers it all. */
export function targetsOf(workload: Workload, gateways: readonly GatewayName[]): TargetName[] {
  return [...gateways, ...(workload.directSubgraph ? (['direct'] as const) : [])];
}
