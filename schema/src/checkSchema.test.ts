import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSchema } from './checkSchema.ts';
import { readPublishedSdl } from './composeSupergraph.ts';

const folder = mkdtempSync(join(tmpdir(), 'joined-up-schema-check-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const health = readPublishedSdl().find((subgraph) => subgraph.name === 'health')!.sdl;

/** Writes a proposed version of health's published SDL and checks it. */
function propose(name: string, sdl: string) {
  const path = join(folder, `${name}.graphql`);
  writeFileSync(path, sdl);
  return checkSchema('health', { proposedPath: path });
}

// Each check composes the whole graph: seconds on a busy two-core machine.
describe('the schema check', { timeout: 60_000 }, () => {
  it("passes every agency's published SDL as it is", async () => {
    for (const agency of ['health', 'social-care', 'voluntary-sector', 'care-coordination']) {
      const result = await checkSchema(agency);
      expect(result, agency).toMatchObject({ passed: true, compositionErrors: [], brokenOperations: [] });
      expect(
        result.changes.filter((change) => change.level !== 'safe'),
        agency,
      ).toEqual([]);
    }
  });

  it('fails a rename of a field registered operations use, naming each of them and where', async () => {
    const renamed = health.replace(/^ {2}dateOfBirth: Date @policy/m, '  birthDate: Date @policy');
    expect(renamed).not.toBe(health);
    const result = await propose('renamed', renamed);
    expect(result.passed).toBe(false);
    expect(result.changes).toContainEqual(
      expect.objectContaining({
        level: 'breaking',
        path: 'Person.dateOfBirth',
        location: expect.stringMatching(/renamed\.graphql:\d+$/),
      }),
    );
    const broken = result.brokenOperations.map((operation) => operation.name);
    expect(broken).toEqual(expect.arrayContaining(['SamsRecord', 'Search', 'PersonView']));
    const samsRecord = result.brokenOperations.find((operation) => operation.name === 'SamsRecord')!;
    expect(samsRecord.problems[0]).toEqual({
      message: 'Cannot query field "dateOfBirth" on type "Person".',
      location: expect.stringMatching(/^schema\/operations\/readme\/SamsRecord\.graphql:\d+$/),
    });
    const line = Number(samsRecord.problems[0]!.location.split(':').at(-1));
    const file = readFileSync(new URL('../operations/readme/SamsRecord.graphql', import.meta.url), 'utf8');
    expect(file.split('\n')[line - 1]).toContain('dateOfBirth');
  });

  it('passes a new nullable field, as a safe change', async () => {
    const added = health.replace(
      /^ {2}sex: String @policy\(policies: \[\["demographics"\]\]\)$/m,
      '$&\n  "The name the person prefers to be called, if they gave ' +
        'one."\n  preferredName: String @policy(policies: ' +
        '[["demographics"]])',
    );
    expect(added).not.toBe(health);
    const result = await propose('added', added);
    expect(result).toMatchObject({ passed: true, brokenOperations: [] });
    expect(result.changes).toContainEqual(expect.objectContaining({ level: 'safe', path: 'Person.preferredName' }));
  });

  it('fails SDL that does not compose, saying where', async () => {
    const result = await propose(
      'broken',
      health.replace('type Person @key(fields: "nhsNumber") {', 'type Person @key(fields: "nhsNumbr") {'),
    );
    expect(result.passed).toBe(false);
    expect(result.compositionErrors.length).toBeGreaterThan(0);
    expect(result.compositionErrors[0]!.message).toContain('nhsNumbr');
  });
});
