import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { supergraphPath } from '@joined-up/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArgumentCase, argumentCases } from './fuzz/argumentCases.ts';
import { problemWith } from './fuzz/checkAnswer.ts';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

interface AnsweredError {
  message: string;
  extensions?: { code?: string; argumentName?: string };
}

const schema = Supergraph.build(readFileSync(supergraphPath, 'utf8'), { supportedFeatures: null })
  .apiSchema()
  .toGraphQLJSSchema();
const cases = argumentCases(schema);
// Callers who get past the policies of different fields (Sam his own consent and access logs, the
// privacy officer the break-glass lists, the ward nurse the hospital's writes), so that values
// which are well formed but odd reach resolvers and statements, not only a refusal.
const users = ['gp', 'sam', 'coordinator', 'privacy-officer', 'ward-nurse'];

/** Why a case's answer breaks the rule, or undefined when it keeps it. */
function faultOf(testCase: ArgumentCase, status: number, text: string): string | undefined {
  const leak = problemWith({ status, text });
  if (leak) return leak;
  const errors = (JSON.parse(text) as { errors?: AnsweredError[] }).errors ?? [];
  const internal = errors.find((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR');
  if (internal) return `INTERNAL_SERVER_ERROR: ${internal.message}`;
  if (testCase.kind === 'odd') return undefined;
  // Named as the argument (`first`, `input.dueOn`), or as the variable that carried it when GraphQL
  // itself refused the value (`Variable "$input" got invalid value ... at "input.dueOn"`).
  const path = testCase.argument;
  const [root] = path.split('.');
  const leaf = path.split('.').at(-1)!;
  const variable = Object.keys(testCase.variables).find((name) => name === root || name === `c_${root}`)!;
  const named = errors.some(
    (error) =>
      error.extensions?.code === 'BAD_USER_INPUT' &&
      (error.extensions.argumentName === root ||
        error.extensions.argumentName === path ||
        error.message.includes(`"${path}"`) ||
        error.message.includes(`"$${variable}"`)) &&
      (error.message.includes(leaf) || error.extensions.argumentName === leaf),
  );
  if (named) return undefined;
  const got = errors.map((error) => `${error.extensions?.code}: ${error.message.slice(0, 160)}`);
  return got.length > 0 ? got.join(' | ') : `accepted: ${text.slice(0, 160)}`;
}

// An outside review sent impossible dates, NUL characters, forged cursors and wrong NHS numbers:
// some reached the database and came back internal errors whose text, in development, held the
// SQL. Every argument of every field of the composed supergraph gets every kind of bad value,
// through the real gateway to the real subgraphs, all in development mode, where an error's words
// are not hidden: each must be refused as BAD_USER_INPUT naming the argument.
describe('bad values in every argument of every field, in development', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startFederationForTest({
      people: 20,
      environment: 'development',
      gateway: { rateLimit: { limit: 10_000_000 } },
      subgraphLimits: { rateLimit: { limit: 10_000_000, windowSeconds: 60 } },
    });
  });
  afterAll(async () => federation?.stop());

  it('walks every root field with arguments, input objects and Person pages included', () => {
    const fields = new Set(cases.map((testCase) => testCase.field));
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const field of Object.values(root.getFields()))
        if (field.args.length > 0) expect(fields, `${root.name}.${field.name}`).toContain(`${root.name}.${field.name}`);
    }
    expect(fields).toContain('Person.encounters');
    expect(cases.map((testCase) => testCase.argument)).toContain('input.dueOn');
  });

  it('refuses each as BAD_USER_INPUT naming the argument, never an internal error or SQL', async () => {
    const tokens = await Promise.all(users.map(async (user) => [user, await federation.tokenFor(user)] as const));
    const faults: string[] = [];
    const queue = cases.flatMap((testCase) => tokens.map(([user, token]) => ({ testCase, user, token })));
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { testCase, user, token } = next;
        const response = await fetch(federation.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: testCase.query, variables: testCase.variables }),
        });
        const fault = faultOf(testCase, response.status, await response.text());
        if (fault) faults.push(`${testCase.field}(${testCase.argument}) ${testCase.why}, as ${user}: ${fault}`);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    expect(faults.sort()).toEqual([]);
  }, 600_000);
});
