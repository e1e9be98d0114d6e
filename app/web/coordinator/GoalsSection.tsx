import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import type { FieldError } from '../components/ErrorSummary.tsx';
import { formatDate, formatStatus } from '../format.ts';
import {
  AddCarePlanAction,
  AddCarePlanGoal,
  type CareCoordinationCarePlanActionStatus,
  type CareCoordinationCarePlanGoalStatus,
  UpdateCarePlanAction,
  UpdateCarePlanGoal,
} from '../generated/operations.ts';
import { InputField, SelectField, TextAreaField } from './fields.tsx';
import { type Change, memberName, type Plan, type PlanPerson } from './planTypes.ts';
import { newKey } from './useChange.ts';

const goalStatuses = [
  ['ACTIVE', 'Active'],
  ['ACHIEVED', 'Achieved'],
  ['DISCONTINUED', 'Discontinued'],
] as const;
const actionStatuses = [
  ['NOT_STARTED', 'Not started'],
  ['IN_PROGRESS', 'In progress'],
  ['DONE', 'Done'],
  ['CANCELLED', 'Cancelled'],
] as const;
const today = () => new Date().toISOString().slice(0, 10);
const need = (ok: boolean, field: string, message: string): FieldError[] => (ok ? [] : [{ field, message }]);

type SectionProps = { person: PlanPerson; plan: Plan; change: Change };

/** The person's goals in their words, each with its actions, and forms to add both. */
export function GoalsSection(props: SectionProps) {
  const { plan } = props;
  return (
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading">Goals and actions</h2>
      {plan.goals.length === 0 ? <p className="nhsuk-body">No goals yet.</p> : null}
      {plan.goals.map((goal, index) => (
        <div className="app-entry" key={goal.id}>
          <GoalForm key={`${goal.id}:${goal.description}:${goal.status}`} {...props} goal={goal} number={index + 1} />
          {goal.actions.length > 0 ? (
            <>
              <h4 className="nhsuk-heading-xs">Actions towards goal {index + 1}</h4>
              <ul className="nhsuk-list">
                {goal.actions.map((action) => (
                  <li key={action.id}>
                    <ActionForm key={`${action.id}:${action.status}`} {...props} action={action} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ))}
      <AddGoalForm {...props} />
      {plan.goals.length > 0 ? <AddActionForm {...props} /> : null}
    </section>
  );
}

function GoalForm(props: SectionProps & { goal: Plan['goals'][number]; number: number }) {
  const { goal, change, person, plan } = props;
  const [description, setDescription] = useState(goal.description);
  const [status, setStatus] = useState<string>(goal.status);
  const [, update] = useMutation(UpdateCarePlanGoal);
  const id = `goal-${goal.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void change.run({
      invalid: [
        ...need(description.trim() !== '', `${id}-description`, `Enter goal ${props.number}, in the person's words`),
        ...need(description.length <= 500, `${id}-description`, 'The goal must be 500 characters or fewer'),
      ],
      fields: { 'input.description': `${id}-description`, 'input.status': `${id}-status` },
      send: () =>
        update({
          input: {
            nhsNumber: person.nhsNumber,
            idempotencyKey: newKey(),
            expectedVersion: plan.version,
            goalId: goal.id,
            description: description.trim(),
            status: status as CareCoordinationCarePlanGoalStatus,
          },
        }),
      saved: `goal ${props.number}`,
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <h3 className="nhsuk-heading-s">Goal {props.number}</h3>
      <TextAreaField
        id={`${id}-description`}
        label={`Goal ${props.number}, in the person's words`}
        value={description}
        onChange={setDescription}
        error={change.errorFor(`${id}-description`)}
        rows={2}
      />
      <SelectField
        id={`${id}-status`}
        label={`Where goal ${props.number} stands`}
        value={status}
        options={goalStatuses}
        onChange={setStatus}
        error={change.errorFor(`${id}-status`)}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={change.saving}>
        Save goal {props.number}
      </button>
    </form>
  );
}

function ActionForm(props: SectionProps & { action: Plan['goals'][number]['actions'][number] }) {
  const { action, change, person, plan } = props;
  const [status, setStatus] = useState<string>(action.status);
  const [note, setNote] = useState('');
  const [, update] = useMutation(UpdateCarePlanAction);
  const id = `action-${action.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void change.run({
      invalid: need(status !== 'CANCELLED' || note.trim() !== '', `${id}-note`, 'Say why the action is cancelled'),
      fields: { 'input.status': `${id}-status`, 'input.note': `${id}-note` },
      send: () =>
        update({
          input: {
            nhsNumber: person.nhsNumber,
            idempotencyKey: newKey(),
            expectedVersion: plan.version,
            actionId: action.id,
            status: status as CareCoordinationCarePlanActionStatus,
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      saved: `action "${action.description}"`,
    });
  };
  return (
    <form onSubmit={submit} noValidate className="app-action">
      <p className="nhsuk-body nhsuk-u-margin-bottom-2">
        <strong>{action.description}</strong>
        <br />
        {action.ownerOrganisation.name}
        {action.owner ? `, ${action.owner.role}` : ''}; due {formatDate(action.dueOn)}
        {action.overdue ? (
          <>
            {' '}
            <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
          </>
        ) : null}{' '}
        <strong className="nhsuk-tag nhsuk-tag--grey">{formatStatus(action.status)}</strong>
      </p>
      <SelectField
        id={`${id}-status`}
        label={`Status of: ${action.description}`}
        value={status}
        options={actionStatuses}
        onChange={setStatus}
        error={change.errorFor(`${id}-status`)}
      />
      {status === 'CANCELLED' ? (
        <InputField
          id={`${id}-note`}
          label="Why it is cancelled"
          value={note}
          onChange={setNote}
          error={change.errorFor(`${id}-note`)}
          width={30}
        />
      ) : null}
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">
        Update action<span className="nhsuk-u-visually-hidden">: {action.description}</span>
      </button>
    </form>
  );
}

function AddGoalForm(props: SectionProps) {
  const { change, person, plan } = props;
  const [description, setDescription] = useState('');
  const [, add] = useMutation(AddCarePlanGoal);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await change.run({
      invalid: [
        ...need(description.trim() !== '', 'new-goal', "Enter the new goal, in the person's words"),
        ...need(description.length <= 500, 'new-goal', 'The goal must be 500 characters or fewer'),
      ],
      fields: { 'input.description': 'new-goal' },
      send: () =>
        add({
          input: {
            nhsNumber: person.nhsNumber,
            idempotencyKey: newKey(),
            expectedVersion: plan.version,
            description: description.trim(),
          },
        }),
      saved: 'new goal',
    });
    if (saved) setDescription('');
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h3 className="nhsuk-heading-s">Add a goal</h3>
      <TextAreaField
        id="new-goal"
        label="The new goal, in the person's words"
        hint="For example: I want to cook my own tea on Thursdays."
        value={description}
        onChange={setDescription}
        error={change.errorFor('new-goal')}
        rows={2}
      />
      <button className="nhsuk-button" type="submit" disabled={change.saving}>
        Add goal
      </button>
    </form>
  );
}

function AddActionForm(props: SectionProps) {
  const { change, person, plan } = props;
  const workers = (person.careTeam ?? []).filter((member) => member.kind !== 'UNPAID_CARER');
  const [form, setForm] = useState({ goalId: plan.goals[0]!.id, description: '', ownerMemberId: '', dueOn: '' });
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value });
  const [, add] = useMutation(AddCarePlanAction);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await change.run({
      invalid: [
        ...need(form.description.trim() !== '', 'new-action-description', 'Enter what will be done'),
        ...need(form.ownerMemberId !== '', 'new-action-owner', 'Choose who owns the action'),
        ...need(/^\d{4}-\d{2}-\d{2}$/.test(form.dueOn), 'new-action-due', 'Enter the date it is due'),
        ...need(form.dueOn === '' || form.dueOn >= today(), 'new-action-due', 'The due date must not be in the past'),
      ],
      fields: {
        'input.goalId': 'new-action-goal',
        'input.description': 'new-action-description',
        'input.ownerMemberId': 'new-action-owner',
        'input.dueOn': 'new-action-due',
      },
      send: () =>
        add({
          input: {
            nhsNumber: person.nhsNumber,
            idempotencyKey: newKey(),
            expectedVersion: plan.version,
            ...form,
            description: form.description.trim(),
          },
        }),
      saved: 'new action',
    });
    if (saved) setForm({ ...form, description: '', dueOn: '' });
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h3 className="nhsuk-heading-s">Add an action</h3>
      <SelectField
        id="new-action-goal"
        label="The goal it works towards"
        value={form.goalId}
        options={plan.goals.map((goal, index) => [goal.id, `Goal ${index + 1}: ${goal.description}`] as const)}
        onChange={set('goalId')}
        error={change.errorFor('new-action-goal')}
      />
      <TextAreaField
        id="new-action-description"
        label="What will be done"
        value={form.description}
        onChange={set('description')}
        error={change.errorFor('new-action-description')}
        rows={2}
      />
      <SelectField
        id="new-action-owner"
        label="Who owns it"
        hint="A worker on the care team; their organisation owns the action"
        value={form.ownerMemberId}
        options={[
          ['', 'Choose a team member'] as const,
          ...workers.map((member) => [member.id, `${memberName(member)}, ${member.role}`] as const),
        ]}
        onChange={set('ownerMemberId')}
        error={change.errorFor('new-action-owner')}
      />
      <InputField
        id="new-action-due"
        label="Due on"
        type="date"
        value={form.dueOn}
        onChange={set('dueOn')}
        error={change.errorFor('new-action-due')}
        width={10}
      />
      <button className="nhsuk-button" type="submit" disabled={change.saving}>
        Add action
      </button>
    </form>
  );
}
