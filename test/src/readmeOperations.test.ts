import { readFileSync } from 'node:fs';
import { readRegisteredOperations } from '@joined-up/schema';
import { parse, print } from 'graphql';
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

describe("the README's examples and the registered operations", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const registered = readRegisteredOperations().filter((operation) => operation.client === 'readme');

  it('registers every operation the README shows, word for word, and nothing it does not show', () => {
    const shown = readmeOperations(readme, () => 'nobody');
    expect(shown.map((operation) => operation.name).sort()).toEqual(
      registered.map((operation) => operation.name).sort(),
    );
    for (const operation of shown) {
      const file = registered.find((candidate) => candidate.name === operation.name)!;
      expect(print(parse(operation.query)), `${operation.name} in ${file.file}`).toBe(file.body);
    }
  });

  it('names the demo user to run each as, in the README and in the registered file alike', () => {
    const shown = new Map(readmeOperations(readme, () => 'nobody').map((operation) => [operation.name, operation.as]));
    for (const operation of registered) expect(operation.runAs, operation.file).toBe(shown.get(operation.name));
    expect(registered.every((operation) => operation.runAs !== undefined)).toBe(true);
  });
});
