import { Counter, type Registry } from 'prom-client';

/**
 * What an agency's subgraph counts beyond requests: its policy decisions, break-glass
 * declarations and audit rows. Labels are the agency's service name, the record category and the
 * outcome: never a person, a caller or an NHS number.
 */
export interface SubgraphMetrics {
  decided(category: string, granted: boolean): void;
  audited(rows: ReadonlyArray<{ action?: string; breakGlassDeclared?: boolean | null }>): void;
  auditFailed(): void;
}

export function createSubgraphMetrics(registry: Registry, agency: string): SubgraphMetrics {
  const decisions = new Counter({
    name: 'joined_up_policy_decisions_total',
    help: "Access decisions made under the agency's policy, by record category and outcome (granted, refused).",
    labelNames: ['agency', 'category', 'outcome'],
    registers: [registry],
  });
  const breakGlass = new Counter({
    name: 'joined_up_break_glass_declarations_total',
    help:
      'Emergency (break-glass) accesses declared, one per person ' +
      'and request; each is for the privacy officer to review.',
    labelNames: ['agency'],
    registers: [registry],
  });
  const auditRows = new Counter({
    name: 'joined_up_audit_rows_written_total',
    help: 'Rows appended to the audit, by action (read, write).',
    labelNames: ['agency', 'action'],
    registers: [registry],
  });
  const auditFailures = new Counter({
    name: 'joined_up_audit_write_failures_total',
    help: 'Audit writes that failed, each withholding the answer it would have recorded.',
    labelNames: ['agency'],
    registers: [registry],
  });
  // Every series from the start, at zero: an alert on a rate sees a series before its first event.
  breakGlass.inc({ agency }, 0);
  auditFailures.inc({ agency }, 0);
  for (const action of ['read', 'write']) auditRows.inc({ agency, action }, 0);
  return {
    decided: (category, granted) => decisions.inc({ agency, category, outcome: granted ? 'granted' : 'refused' }),
    audited: (rows) => {
      for (const row of rows) {
        auditRows.inc({ agency, action: row.action ?? 'read' });
        if (row.breakGlassDeclared) breakGlass.inc({ agency });
      }
    },
    auditFailed: () => auditFailures.inc({ agency }),
  };
}
