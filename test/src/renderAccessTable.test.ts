import { readFileSync } from 'node:fs';
import { loadAgencyModules } from '@joined-up/dev';
import { describe, expect, it } from 'vitest';
import {
  renderAccessTable,
  renderDisclosures,
  renderPolicyRules,
  renderRelationshipsElsewhere,
} from './renderAccessTable.ts';

const readme = () => readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const policies = (await loadAgencyModules()).map(({ module }) => ({
  agency: module.agency.name,
  policy: module.access.policy,
}));

// After changing a policy or the matrix, print the tables with renderAccessTable() and
// renderPolicyRules(policies) and paste them into the README.
describe("the README's information governance tables", () => {
  it('shows the who-sees-what table the end-to-end access matrix checks', () => {
    expect(readme()).toContain(renderAccessTable());
  });

  it('shows every rule of every agency with its reason, as the policies say', () => {
    expect(readme()).toContain(renderPolicyRules(policies));
  });

  it('shows what each agency tells callers of their relationships, and why', () => {
    expect(readme()).toContain(renderDisclosures(policies));
  });

  it('shows the decisions on relationships recorded elsewhere that the end-to-end test checks', () => {
    expect(readme()).toContain(renderRelationshipsElsewhere());
  });
});
