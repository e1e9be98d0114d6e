import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { formatDate } from '../format.ts';
import { CoordinationMeasures, type MeasureFieldsFragment } from '../generated/operations.ts';

// NHS blue and NHS dark grey: both at least 4.5:1 against white, and told apart by more than hue.
const colours = { population: '#005eb8', caseload: '#425563' };
const suppressed = 'Suppressed (fewer than 8, or too few to show)';

/** A share out of a count, as a whole percentage; null when either is suppressed. */
function percent(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : Math.round((part / whole) * 100);
}
const asPercent = (value: number | null) => (value === null ? suppressed : `${value}%`);
const asDays = (value: number | null) => (value === null ? suppressed : `${value} days`);
const asCount = (value: number | null) => (value === null ? suppressed : String(value));

function joinedUp(measures: MeasureFieldsFragment) {
  const base = measures.peopleWithTwoOrMoreAgencies;
  return {
    plan: percent(measures.withSharedPlan, base),
    coordinator: percent(measures.withNamedCoordinator, base),
    both: measures.shareWithPlanAndCoordinator === null ? null : Math.round(measures.shareWithPlanAndCoordinator * 100),
  };
}

/**
 * A chart with its text alternative: the chart is one image to assistive technology, named by what
 * it shows, and the table under it holds every figure, suppressed ones said in words.
 */
function ChartFigure(props: { id: string; title: string; summary: string; chart: ReactNode; table: ReactNode }) {
  return (
    <figure className="app-chart" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <div role="img" aria-label={`${props.summary} The figures are in the table below.`} className="app-chart__plot">
        <ResponsiveContainer width="100%" height={280}>
          {props.chart as React.ReactElement}
        </ResponsiveContainer>
      </div>
      {props.table}
    </figure>
  );
}

function Table(props: { caption: string; head: string[]; rows: Array<[string, ...string[]]> }) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">{props.caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          {props.head.map((cell) => (
            <th scope="col" className="nhsuk-table__header" key={cell}>
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {props.rows.map(([label, ...cells]) => (
          <tr className="nhsuk-table__row" key={label}>
            <th scope="row" className="nhsuk-table__header">
              {label}
            </th>
            {cells.map((cell, index) => (
              <td className="nhsuk-table__cell" key={index}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Coordination measures for the place and the coordinator's own caseload, as charts with tables. */
export function MeasuresPage() {
  const [{ data, error, fetching }] = useQuery({ query: CoordinationMeasures });
  if (fetching && !data) return <p className="nhsuk-body">Loading the measures…</p>;
  if (!data) return <p className="nhsuk-body">The measures could not be loaded: {error?.message}</p>;
  const { population, caseload } = data;
  const [place, mine] = [joinedUp(population), joinedUp(caseload)];
  const joinedUpRows = [
    { measure: 'Shared plan', population: place.plan, caseload: mine.plan },
    { measure: 'Named coordinator', population: place.coordinator, caseload: mine.coordinator },
    { measure: 'Both', population: place.both, caseload: mine.both },
  ];
  const waits = [
    { measure: 'Median', population: population.referralWaits.medianDays, caseload: caseload.referralWaits.medianDays },
    {
      measure: '90th percentile',
      population: population.referralWaits.p90Days,
      caseload: caseload.referralWaits.p90Days,
    },
  ];
  const experience = population.experience.map((entry) => ({
    measure: entry.statement.text,
    code: entry.statement.code,
    population: entry.shareAgreeing === null ? null : Math.round(entry.shareAgreeing * 100),
    responses: entry.responses,
  }));
  const bars = (unit: string) => [
    <Bar key="population" dataKey="population" name="The place" fill={colours.population} unit={unit} />,
    <Bar key="caseload" dataKey="caseload" name="My caseload" fill={colours.caseload} unit={unit} />,
  ];
  return (
    <>
      <h1>Coordination measures</h1>
      <p className="nhsuk-body">
        For everyone the place partnership knows, and for the people whose care you coordinate, this week: taken on{' '}
        {formatDate(population.asOf)} and kept all week. Each count is blurred by a few, then suppressed if 7 or less
        and otherwise rounded to the nearest 5, so no one&apos;s care can be told from them.
      </p>
      <ChartFigure
        id="joined-up"
        title="Joined-up care"
        summary={
          'Bar chart of the percentage of people whose team spans two or more agencies who have a shared plan, ' +
          'a named coordinator, and both, for the place and for your caseload.'
        }
        chart={
          <BarChart data={joinedUpRows} accessibilityLayer={false} margin={{ left: 0, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="measure" />
            <YAxis domain={[0, 100]} unit="%" width={48} />
            <Tooltip />
            <Legend />
            {bars('%')}
          </BarChart>
        }
        table={
          <Table
            caption="Of the people whose team spans two or more agencies, the percentage with"
            head={['Measure', 'The place', 'My caseload']}
            rows={joinedUpRows.map((row) => [row.measure, asPercent(row.population), asPercent(row.caseload)])}
          />
        }
      />
      <ChartFigure
        id="waits"
        title="Referral waits"
        summary={
          'Bar chart of the median and 90th percentile days from sending a referral to its first answer, ' +
          'for the place and for your caseload.'
        }
        chart={
          <BarChart data={waits} accessibilityLayer={false} margin={{ left: 0, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="measure" />
            <YAxis unit=" d" width={48} allowDecimals={false} />
            <Tooltip />
            <Legend />
            {bars(' days')}
          </BarChart>
        }
        table={
          <Table
            caption="Days from sending a referral to its first answer"
            head={['Measure', 'The place', 'My caseload']}
            rows={[
              ...waits.map((row): [string, string, string] => [
                row.measure,
                asDays(row.population),
                asDays(row.caseload),
              ]),
              [
                'Answered, still waiting',
                `${asCount(population.referralWaits.answered)}, ${asCount(population.referralWaits.waiting)}`,
                `${asCount(caseload.referralWaits.answered)}, ${asCount(caseload.referralWaits.waiting)}`,
              ],
            ]}
          />
        }
      />
      <ChartFigure
        id="experience"
        title="What people say about their care"
        summary={
          'Bar chart of the percentage of people in the place who agree with each statement ' +
          'about their coordinated care.'
        }
        chart={
          <BarChart data={experience} accessibilityLayer={false} margin={{ left: 0, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="code" />
            <YAxis domain={[0, 100]} unit="%" width={48} />
            <Tooltip />
            <Bar dataKey="population" name="Agreeing, the place" fill={colours.population} unit="%" />
          </BarChart>
        }
        table={
          <Table
            caption="People in the place agreeing with each statement"
            head={['Statement', 'Code', 'Agreeing', 'Responses']}
            rows={experience.map((row) => [row.measure, row.code, asPercent(row.population), asCount(row.responses)])}
          />
        }
      />
      <Table
        caption="People and reviews"
        head={['Measure', 'The place', 'My caseload']}
        rows={[
          ['People', asCount(population.people), asCount(caseload.people)],
          [
            'Care team spans two or more agencies',
            asCount(population.peopleWithTwoOrMoreAgencies),
            asCount(caseload.peopleWithTwoOrMoreAgencies),
          ],
          ['Plan reviews overdue', asCount(population.reviewsOverdue), asCount(caseload.reviewsOverdue)],
        ]}
      />
    </>
  );
}
