import { readdirSync, readFileSync } from 'node:fs';
import { auditAppendOnlySql } from '@joined-up/kit';
import { readSubgraphList } from '@joined-up/schema';
import { describe, expect, it } from 'vitest';

const subgraphs = new URL('../../subgraphs/', import.meta.url);
// Every agency in the federation, so a new one cannot be added without its trigger.
const agencies = readSubgraphList().map((entry) => entry.name);

describe("every agency's append-only audit migration", () => {
  // Each agency commits its own copy of the trigger (drizzle-kit cannot generate triggers);
  // this keeps every copy the kit's one definition.
  it.each(agencies)('%s applies the kit’s trigger SQL, and its journal lists it', (agency) => {
    const folder = new URL(`${agency}/drizzle/`, subgraphs);
    const file = readdirSync(folder).find((name) => name.endsWith('_audit_append_only.sql'));
    expect(file, agency).toBeDefined();
    expect(readFileSync(new URL(file!, folder), 'utf8')).toContain(auditAppendOnlySql);
    const journal = JSON.parse(readFileSync(new URL('meta/_journal.json', folder), 'utf8')) as {
      entries: Array<{ tag: string }>;
    };
    expect(journal.entries.map((entry) => `${entry.tag}.sql`)).toContain(file);
  });
});
