import { addDays, createError, type Database } from '@joined-up/kit';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { disclosedCount, disclosedPercentile, disclosedShare } from './disclosureControl.ts';
import { agreeingAnswers, experienceStatements } from './experienceStatements.ts';
import { invalid, requireDate, today } from './inputRules.ts';
import { careCoordinationPolicy } from './policy.ts';
import type { Context } from './context.ts';
import { type CareCoordinationTables, measureSnapshots } from './tables.ts';

/**
 * Who may take the measures: the population's to the place's care coordinators and the
 * partnership's own privacy officer, a caseload's to the coordinator who holds it. Every other
 * professional reads people one at a time, under the policy and the audit; a population figure
 * read by anyone who can also change one person's status would be a differencing oracle.
 */
function mayMeasure(caller: Context['caller'], scope: string): boolean {
  if (caller.purpose !== 'direct-care') return false;
  if (caller.role === 'care-coordinator') return true;
  const privacyOfficer =
    careCoordinationPolicy.privacyOfficerRoles.includes(caller.role) &&
    careCoordinationPolicy.organisationCodes.includes(caller.organisation.code);
  return scope === 'POPULATION' && privacyOfficer;
}

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

type Scope = 'POPULATION' | 'MY_CASELOAD';

/** The figures a week's measures publish, as stored: the statements by code alone. */
type Published = Omit<Awaited<ReturnType<typeof takeMeasures>>, 'experience'> & {
  experience: Array<{ code: string; responses: number | null; shareAgreeing: number | null }>;
};

/** The Monday of the week a day (YYYY-MM-DD) falls in, counted in UTC. */
function weekOf(day: string): string {
  return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/**
 * Coordination measures, published weekly. Each week's are taken once, at the first reading in it,
 * with the disclosure control's noise drawn then, and every later reading that week (by anyone, for
 * the population; by the coordinator, for a caseload) gets the same figures. So reading, changing
 * one person and reading again shows nothing; and since a week's noise is drawn once, reading many
 * times cannot average it away. A week that has not begun is refused, and so is a past week no one
 * read: taking it now would be a fresh draw over today's population, another chance to average.
 */
export async function coordinationMeasures(
  _: unknown,
  args: { scope?: string | null; asOf?: string | null },
  context: Context,
) {
  const scope = args.scope ?? 'POPULATION';
  if (scope !== 'POPULATION' && scope !== 'MY_CASELOAD') invalid('scope', 'must be POPULATION or MY_CASELOAD.');
  if (!mayMeasure(context.caller, scope)) {
    throw createError(
      'FORBIDDEN',
      `${context.agency.displayName} shares coordination measures with its care coordinators and privacy officer only.`,
      { agency: context.agency.displayName },
    );
  }
  const takenOn = today();
  const thisWeek = weekOf(takenOn);
  const week = args.asOf ? weekOf(requireDate(args.asOf, 'asOf')) : thisWeek;
  if (week > thisWeek)
    invalid('asOf', "is in a week that has not begun: each week's measures are taken from its first day.");
  const holder = scope === 'POPULATION' ? '' : context.caller.subject;
  const stored = async () =>
    (
      await context.db
        .select()
        .from(measureSnapshots)
        .where(
          and(
            eq(measureSnapshots.scope, scope),
            eq(measureSnapshots.holder, holder),
            eq(measureSnapshots.weekOf, week),
          ),
        )
    )[0];
  let snapshot = await stored();
  if (!snapshot) {
    if (week < thisWeek) {
      throw createError(
        'NOT_FOUND',
        `No coordination measures were taken in the week of ${week}: each week's are taken at its first reading.`,
      );
    }
    const { experience, ...figures } = await takeMeasures(scope, takenOn, context);
    const published: Published = {
      ...figures,
      experience: experience.map(({ statement, ...measure }) => ({ code: statement.code, ...measure })),
    };
    await context.db
      .insert(measureSnapshots)
      .values({ scope, holder, weekOf: week, takenOn, figures: published })
      .onConflictDoNothing();
    // Two first readings at once: whichever was stored first is the week's, for both.
    snapshot = (await stored())!;
  }
  const { experience, ...figures } = snapshot.figures as Published;
  return {
    ...figures,
    scope,
    asOf: snapshot.takenOn,
    experience: experienceStatements.map((statement) => ({
      statement,
      ...(experience.find((measure) => measure.code === statement.code) ?? { responses: null, shareAgreeing: null }),
    })),
  };
}

/**
 * The measures in two statements, whatever the population: who is involved with two or more
 * agencies (distinct organisations on their care team, the partnership's own aside), how many of
 * them have a plan and a named coordinator, plans overdue for review, referral waits (median and
 * 90th percentile, sending to first answer) and each person's latest answer to each experience
 * statement. Every figure goes through the disclosure control (disclosureControl.ts), whatever the
 * scope: a caseload changes by one person too, and its measures are read the same way.
 */
async function takeMeasures(scope: Scope, asOf: string, context: Context) {
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
  const multi = disclosedCount(f.multi);
  const answered = disclosedCount(f.answered);
  const medianDays = disclosedPercentile(f.median_days, answered);
  return {
    people: disclosedCount(f.people),
    peopleWithTwoOrMoreAgencies: multi,
    withSharedPlan: disclosedCount(f.with_plan),
    withNamedCoordinator: disclosedCount(f.with_coordinator),
    shareWithPlanAndCoordinator: disclosedShare(disclosedCount(f.with_both), multi),
    reviewsOverdue: disclosedCount(f.overdue),
    referralWaits: {
      answered,
      waiting: disclosedCount(f.waiting),
      medianDays,
      // Each percentile has its own noise; the 90th is still never shown below the median.
      p90Days: medianDays === null ? null : Math.max(medianDays, disclosedPercentile(f.p90_days, answered) ?? 0),
    },
    experience: experienceStatements.map((statement) => {
      const found = experience.find((row) => row.statement_code === statement.code);
      const responses = disclosedCount(found?.responses ?? 0);
      return { statement, responses, shareAgreeing: disclosedShare(disclosedCount(found?.agreeing ?? 0), responses) };
    }),
  };
}
