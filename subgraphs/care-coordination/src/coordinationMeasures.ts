import { createError, type Database } from '@joined-up/kit';
import { type SQL, sql } from 'drizzle-orm';
import { agreeingAnswers, experienceStatements } from './experienceStatements.ts';
import { invalid, requireDate, today } from './inputRules.ts';
import { professionalRoles } from './policy.ts';
import type { Context } from './context.ts';
import type { CareCoordinationTables } from './tables.ts';

/** Population counts below this are suppressed, so that a small count cannot pick someone out. */
const smallestShown = 5;
const mayMeasure: ReadonlySet<string> = new Set([...professionalRoles, 'privacy-officer']);

type Figures = {
  people: number;
  multi: number;
  with_plan: number;
  with_coordinator: number;
  with_both: number;
  overdue: number;
  answered: number;
  waiting: number;
  median_days: number | null;
  p90_days: number | null;
};

async function rows<T>(db: Database<CareCoordinationTables>, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Coordination measures in two statements, whatever the population: who is involved with two or
 * more agencies (distinct organisations on their care team, the partnership's own aside), how many
 * of them have a plan and a named coordinator, plans overdue for review, referral waits (median and
 * 90th percentile, sending to first answer) and each person's latest answer to each experience
 * statement. For the population, counts under 5 are suppressed; a coordinator's own caseload is
 * shown in full, since they know every person in it.
 */
export async function coordinationMeasures(
  _: unknown,
  args: { scope?: string | null; asOf?: string | null },
  context: Context,
) {
  if (!mayMeasure.has(context.caller.role) || context.caller.purpose !== 'direct-care') {
    throw createError(
      'FORBIDDEN',
      `${context.agency.displayName} shares coordination measures with the professionals of the place only.`,
      { agency: context.agency.displayName },
    );
  }
  const scope = args.scope ?? 'POPULATION';
  if (scope !== 'POPULATION' && scope !== 'MY_CASELOAD') invalid('scope', 'must be POPULATION or MY_CASELOAD.');
  const asOf = args.asOf ? requireDate(args.asOf, 'asOf') : today();
  const people =
    scope === 'POPULATION'
      ? sql`select nhs_number from care_team_members union select nhs_number from care_plans union select
             nhs_number from referrals`
      : sql`select nhs_number from care_team_members where worker_id = ${context.caller.subject} and is_coordinator`;
  const [figures] = await rows<Figures>(
    context.db,
    sql`with scope as (${people}),
      agencies as (
        select m.nhs_number, count(distinct m.member_organisation_code) as n
        from care_team_members m join scope s on s.nhs_number = m.nhs_number
        where m.worker_id is not null and m.sector <> 'care-coordination'
        group by m.nhs_number),
      multi as (
        select a.nhs_number,
          exists (select 1 from care_plans p where p.nhs_number = a.nhs_number) as has_plan,
          exists (select 1 from care_team_members c where c.nhs_number = a.nhs_number and
            c.is_coordinator) as has_coordinator
        from agencies a where a.n >= 2),
      waits as (
        select r.answered_at, extract(epoch from (r.answered_at - r.sent_at)) / 86400.0 as days
        from referrals r join scope s on s.nhs_number = r.nhs_number
        where r.sent_at < (${asOf}::date + 1))
      select
        (select count(*) from scope)::int as people,
        (select count(*) from multi)::int as multi,
        (select count(*) from multi where has_plan)::int as with_plan,
        (select count(*) from multi where has_coordinator)::int as with_coordinator,
        (select count(*) from multi where has_plan and has_coordinator)::int as with_both,
        (select count(*) from care_plans p join scope s on s.nhs_number = p.nhs_number where
          p.next_review_due < ${asOf}::date)::int as overdue,
        (select count(*) from waits where answered_at is not null)::int as answered,
        (select count(*) from waits where answered_at is null)::int as waiting,
        (select percentile_cont(0.5) within group (order by days) from waits where answered_at is
          not null)::float8 as median_days,
        (select percentile_cont(0.9) within group (order by days) from waits where answered_at is
          not null)::float8 as p90_days`,
  );
  const experience = await rows<{ statement_code: string; responses: number; agreeing: number }>(
    context.db,
    sql`with scope as (${people}),
      latest as (
        select distinct on (e.nhs_number, e.statement_code) e.statement_code, e.answer
        from experience_responses e join scope s on s.nhs_number = e.nhs_number
        where e.answered_on <= ${asOf}::date
        order by e.nhs_number, e.statement_code, e.answered_on desc, e.id desc)
      select statement_code, count(*)::int as responses,
        count(*) filter (where answer in (${sql.join(
          agreeingAnswers.map((answer) => sql`${answer}`),
          sql`, `,
        )}))::int as agreeing
      from latest group by statement_code`,
  );
  const f = figures!;
  const shown = (count: number): number | null =>
    scope === 'POPULATION' && count > 0 && count < smallestShown ? null : count;
  const share = (part: number, whole: number): number | null =>
    whole === 0 || shown(whole) === null || shown(part) === null ? null : Math.round((part / whole) * 1000) / 1000;
  const days = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    scope,
    asOf,
    people: shown(f.people),
    peopleWithTwoOrMoreAgencies: shown(f.multi),
    withSharedPlan: shown(f.with_plan),
    withNamedCoordinator: shown(f.with_coordinator),
    shareWithPlanAndCoordinator: share(f.with_both, f.multi),
    reviewsOverdue: shown(f.overdue),
    referralWaits: {
      answered: shown(f.answered),
      waiting: shown(f.waiting),
      // A median of fewer answers than the smallest count shown would describe those few people.
      medianDays: shown(f.answered) === null ? null : days(f.median_days),
      p90Days: shown(f.answered) === null ? null : days(f.p90_days),
    },
    experience: experienceStatements.map((statement) => {
      const found = experience.find((row) => row.statement_code === statement.code);
      const responses = found?.responses ?? 0;
      return { statement, responses: shown(responses), shareAgreeing: share(found?.agreeing ?? 0, responses) };
    }),
  };
}
