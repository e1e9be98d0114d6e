import { describe, expect, it } from 'vitest';
import { readmeOperations } from './readmeOperations.ts';

const fence = '```';
const readme = `Some prose.

${fence}graphql
# Sam's record (run as gp).
query SamsRecord { person(nhsNumber: "9990000018") { name { full } } }
${fence}

${fence}sh
curl -s http://localhost:4000/graphql
${fence}

${fence}graphql
# 1. Refer (run as gp).
mutation Refer { sendReferral(input: { nhsNumber: "9990000018" }) { replayed } }
# 2. The worklist (run as link-worker)...
query Worklist { referralWorklist { edges { node { id } } } }
# ...and accept it.
mutation Accept { respondToReferral(input: { referralId: "<id>" }) { replayed } }
${fence}

${fence}graphql
query Unnamed { myCoordinationCaseload { edges { node { hasPlan } } } }
${fence}
`;

describe("the README's example operations", () => {
  it('splits each example into its operations, each with the user its comment names', () => {
    const operations = readmeOperations(readme, () => 'coordinator');
    expect(operations.map(({ name, as }) => ({ name, as }))).toEqual([
      { name: 'SamsRecord', as: 'gp' },
      { name: 'Refer', as: 'gp' },
      { name: 'Worklist', as: 'link-worker' },
      { name: 'Accept', as: 'link-worker' },
      { name: 'Unnamed', as: 'coordinator' },
    ]);
    expect(operations[2]?.query).toBe(
      'query Worklist {\n  referralWorklist {\n    edges {\n      node {\n        id\n      }\n    }\n  }\n}',
    );
  });
});
