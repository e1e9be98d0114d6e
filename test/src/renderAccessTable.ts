import type { AgencyPolicy } from '@joined-up/kit';
import { categoryFields, expectedAccess, relationshipsElsewhereCases } from './accessMatrix.ts';

/** The README's who-sees-what table, rendered from the same data the end-to-end test checks. */
export function renderAccessTable(): string {
  const agencies = Object.keys(categoryFields) as Array<keyof typeof categoryFields>;
  const header = `| User | ${agencies.join(' | ')} |\n| --- | ${agencies.map(() => '---').join(' | ')} |`;
  const rows = Object.entries(expectedAccess).map(([user, sees]) => {
    const cells = agencies.map((agency) => {
      const selections = categoryFields[agency] as Record<string, string>;
      const seen = sees[agency] as readonly string[];
      if (seen.length === 0) return 'nothing';
      // Every field: a narrower category of a field already seen whole (own-referrals beside
      // referrals) takes nothing away.
      if (new Set(seen.map((category) => selections[category])).size === new Set(Object.values(selections)).size)
        return 'everything';
      return seen.join(', ');
    });
    return `| \`${user}\` | ${cells.join(' | ')} |`;
  });
  return [header, ...rows].join('\n');
}

/** The README's rules table: every agency's rules with their reasons, from the policies themselves. */
export function renderPolicyRules(policies: Array<{ agency: string; policy: AgencyPolicy }>): string {
  const rows = policies.flatMap(({ agency, policy }) =>
    policy.rules.map(
      (rule) =>
        `| ${agency} | ${rule.roles.join(', ')} | ` +
        `${rule.relationships.join(' or ')} | ` +
        `${rule.categories.join(', ')}${rule.sensitive ? ' (sensitive included)' : ''} ` +
        `| ${rule.because} |`,
    ),
  );
  return [
    '| Agency | Roles | Relationship (the agency’s data, or `agency:kind` another records) | Categories | Why |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The README's table of what each agency tells a caller of their own relationships, for other agencies' rules. */
export function renderDisclosures(policies: Array<{ agency: string; policy: AgencyPolicy }>): string {
  const rows = policies.flatMap(({ agency, policy }) =>
    (policy.discloses ?? []).map(
      (disclosure) =>
        `| ${agency} | ${disclosure.roles.join(', ')} | ` +
        `${disclosure.relationships.map((kind) => `${agency}:${kind}`).join(', ')} | ${disclosure.because} |`,
    ),
  );
  return ['| Agency | To roles | Tells them of | Why |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README's table of decisions on relationships another agency records, as the end-to-end test checks them. */
export function renderRelationshipsElsewhere(): string {
  const rows = relationshipsElsewhereCases.map(
    (decision) =>
      `| \`${decision.user}\` | ${decision.subject} | ${decision.category} | ${decision.relationship} | ` +
      `${decision.sees ? 'shown' : '`FORBIDDEN`'} |`,
  );
  return [
    '| User | Person | Health category | Relationship recorded elsewhere | Answer |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
