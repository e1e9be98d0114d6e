import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const repository = fileURLToPath(new URL('../../', import.meta.url));
const outside = mkdtempSync(join(tmpdir(), 'joined-up-outside-agency-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

// An agency outside this repository, in plain JavaScript, on the kit as npm packs it.
const agency = `import { fileURLToPath } from 'node:url';
import { definePolicy, loadConsentFacts, runSubgraphMain } from '@joined-up/kit';
import { pgTable, text } from 'drizzle-orm/pg-core';

const notes = pgTable('notes', { nhsNumber: text('nhs_number').primaryKey(), text: text('text').notNull() });
const policy = definePolicy({
  sector: 'housing',
  categories: ['notes', 'access-log', 'sharing-decisions'],
  rules: [
    {
      roles: ['care-coordinator'],
      relationships: ['care-team'],
      categories: ['notes'],
      because: 'The team plans with it.',
    },
  ],
  delegable: [],
  breakGlass: { roles: [], categories: [] },
  privacyOfficerRoles: ['privacy-officer'],
  organisationCodes: ['OUT1'],
});
await runSubgraphMain(
  {
    agency: { name: 'outside', displayName: 'An Outside Housing Association' },
    typeDefs: \`
      "A person."
      type Person @key(fields: "nhsNumber") {
        "Their NHS number."
        nhsNumber: NHSNumber!
        "What the association notes."
        outsideNotes: String @policy(policies: [["notes"]])
      }\`,
    resolvers: { Person: { __resolveReference: async (reference) => reference } },
    tables: { notes },
    migrationsFolder: fileURLToPath(new URL('./drizzle', import.meta.url)),
    createLoaders: () => ({}),
    access: { policy, loadSubjectFacts: (db) => (caller, people) => loadConsentFacts(db, caller, people, policy) },
    seed: async () => {},
  },
  { defaultPort: 4990 },
);
`;

describe('the kit as a package', { timeout: 300_000 }, () => {
  it(
    'packs with its compiled code, type declarations and ' + 'migrations, and runs an agency outside this repository',
    async () => {
      await exec('npm', ['pack', '-w', '@joined-up/core', '-w', '@joined-up/kit', '--pack-destination', outside], {
        cwd: repository,
      });
      const tarballs = readdirSync(outside).filter((name) => name.endsWith('.tgz'));
      expect(tarballs.sort()).toEqual(['joined-up-core-0.2.0.tgz', 'joined-up-kit-0.2.0.tgz']);
      const { stdout: listing } = await exec('tar', ['-tzf', join(outside, 'joined-up-kit-0.2.0.tgz')]);
      expect(listing).toContain('package/dist/index.js');
      expect(listing).toContain('package/dist/index.d.ts');
      expect(listing).toContain('package/drizzle/0000_governance.sql');
      expect(listing).not.toMatch(/\.test\.ts/);

      const project = join(outside, 'agency');
      mkdirSync(join(project, 'drizzle/meta'), { recursive: true });
      writeFileSync(
        join(project, 'package.json'),
        JSON.stringify({ name: 'outside-agency', private: true, type: 'module' }),
      );
      writeFileSync(
        join(project, 'drizzle/meta/_journal.json'),
        JSON.stringify({ version: '7', dialect: 'postgresql', entries: [] }),
      );
      writeFileSync(join(project, 'main.js'), agency);
      await exec(
        'npm',
        [
          'install',
          '--no-audit',
          '--no-fund',
          join(outside, 'joined-up-core-0.2.0.tgz'),
          join(outside, 'joined-up-kit-0.2.0.tgz'),
        ],
        { cwd: project },
      );
      const { stdout: sdl } = await exec(process.execPath, ['main.js', '--print-sdl'], { cwd: project });
      expect(sdl).toContain('outsideNotes: String @policy(policies: [["notes"]])');
      expect(sdl).toContain('outsideAccessLog(');
      expect(sdl).toContain('extend schema');
    },
  );
});
