import { readSubgraphList } from '@joined-up/schema';
import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { personFieldOwners } from '../personFieldOwners.ts';
import { judgeRecord, samsRecordQuery } from './samsRecord.ts';

const timeline = {
  edges: [
    { node: { id: 'social-care:review:1', title: 'Review' } },
    { node: { id: 'health:encounter:2', title: 'Diabetes review' } },
    { node: { id: 'care-coordination:plan:3', title: 'Plan changed' } },
  ],
};
const whole = {
  name: { full: 'Sam Taylor' },
  careAndSupportPlan: { status: 'ACTIVE' },
  carePlan: { version: 6 },
  timeline,
};
const unavailable = (path: string[], serviceName: string) => ({
  message: 'could not be reached',
  path,
  extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName },
});

describe('judging an answer against the whole record', () => {
  it('keeps the others when only the agency at fault is missing, at its path', () => {
    const judgement = judgeRecord(
      {
        status: 200,
        body: {
          data: { person: { ...whole, careAndSupportPlan: null, timeline: { edges: timeline.edges.slice(1) } } },
          errors: [
            unavailable(['person', 'careAndSupportPlan'], 'social-care'),
            unavailable(['person', 'timeline'], 'social-care'),
          ],
        },
      },
      whole,
      'social-care',
    );
    expect(judgement).toEqual({ keepsOthers: true, whole: false, lostFields: [], silentGaps: [], misattributed: 0 });
  });

  it('counts a gathering field without the others, a silent gap and a healthy agency blamed', () => {
    const judgement = judgeRecord(
      {
        status: 200,
        body: {
          data: { person: { ...whole, careAndSupportPlan: null, timeline: null } },
          errors: [
            unavailable(['person', 'careAndSupportPlan'], 'social-care'),
            unavailable(['person', 'carePlan'], 'care-coordination'),
          ],
        },
      },
      whole,
      'social-care',
    );
    expect(judgement).toEqual({
      keepsOthers: false,
      whole: false,
      lostFields: ['timeline'],
      silentGaps: ['timeline'],
      misattributed: 1,
    });
  });

  it('takes nothing from an answer that is not HTTP 200, and calls the whole record whole', () => {
    expect(judgeRecord({ status: 502, body: { data: { person: whole } } }, whole, 'health').keepsOthers).toBe(false);
    expect(judgeRecord({ status: 200, body: { data: { person: whole } } }, whole, 'health')).toMatchObject({
      keepsOthers: true,
      whole: true,
    });
  });
  it("keeps the skills check's needs while social care's assignments are missing, and not once it is null", () => {
    const withSkills = { ...whole, skillCoverage: [{ skill: 'Insulin administration', gap: true }] };
    const answer = (skillCoverage: unknown) =>
      judgeRecord(
        {
          status: 200,
          body: {
            data: { person: { ...withSkills, careAndSupportPlan: null, timeline, skillCoverage } },
            errors: [
              unavailable(['person', 'careAndSupportPlan'], 'social-care'),
              unavailable(['person', 'skillCoverage'], 'social-care'),
            ],
          },
        },
        withSkills,
        'social-care',
      );
    expect(answer([{ skill: 'Insulin administration', gap: false }]).lostFields).toEqual([]);
    expect(answer(null).lostFields).toEqual(['skillCoverage']);
  });
});

describe("the suite's read of Sam's record", () => {
  it('asks every agency for something, so a fault on any of them shows in the answers', () => {
    const [operation] = parse(samsRecordQuery).definitions as OperationDefinitionNode[];
    const person = operation!.selectionSet.selections[0]!;
    const fields = person.kind === Kind.FIELD ? (person.selectionSet?.selections ?? []) : [];
    const owners = personFieldOwners();
    const asked = new Set(fields.flatMap((field) => (field.kind === Kind.FIELD ? [owners.get(field.name.value)] : [])));
    expect(readSubgraphList().filter((agency) => !asked.has(agency.name))).toEqual([]);
  });
});
