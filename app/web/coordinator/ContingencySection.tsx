import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { UpdateContingencyPlan } from '../generated/operations.ts';
import { TextAreaField } from './fields.tsx';
import type { Change, Plan, PlanPerson } from './planTypes.ts';
import { newKey } from './useChange.ts';

type Props = { person: PlanPerson; plan: Plan; change: Change };

/** What happens when the carer cannot care: what to do, and who to contact in order, one a line. */
export function ContingencySection(props: Props) {
  const current = props.plan.contingencyPlan;
  return (
    <section aria-labelledby="contingency-heading">
      <h2 id="contingency-heading">Contingency plan</h2>
      {/* A plan read again with someone else's words starts the form again from theirs. */}
      <ContingencyForm key={`${current?.whatToDo ?? ''}|${current?.whoToContact.join('|') ?? ''}`} {...props} />
    </section>
  );
}

function ContingencyForm(props: Props) {
  const { change, person, plan } = props;
  const [whatToDo, setWhatToDo] = useState(plan.contingencyPlan?.whatToDo ?? '');
  const [whoToContact, setWhoToContact] = useState(plan.contingencyPlan?.whoToContact.join('\n') ?? '');
  const [, update] = useMutation(UpdateContingencyPlan);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const contacts = whoToContact
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    void change.run({
      invalid: [
        ...(whatToDo.trim()
          ? []
          : [{ field: 'contingency-what', message: 'Enter what to do when the carer cannot care' }]),
        ...(contacts.length === 0
          ? [{ field: 'contingency-who', message: 'Enter at least one person to contact' }]
          : []),
        ...(contacts.length > 10 ? [{ field: 'contingency-who', message: 'Enter 10 people to contact or fewer' }] : []),
      ],
      fields: { 'input.whatToDo': 'contingency-what', 'input.whoToContact': 'contingency-who' },
      send: () =>
        update({
          input: {
            nhsNumber: person.nhsNumber,
            idempotencyKey: newKey(),
            expectedVersion: plan.version,
            whatToDo: whatToDo.trim(),
            whoToContact: contacts,
          },
        }),
      saved: 'contingency plan',
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextAreaField
        id="contingency-what"
        label="What to do when the carer cannot care"
        value={whatToDo}
        onChange={setWhatToDo}
        error={change.errorFor('contingency-what')}
        rows={5}
      />
      <TextAreaField
        id="contingency-who"
        label="Who to contact, in order"
        hint="One a line, with how to reach them"
        value={whoToContact}
        onChange={setWhoToContact}
        error={change.errorFor('contingency-who')}
        rows={4}
      />
      <button className="nhsuk-button" type="submit" disabled={change.saving}>
        Save contingency plan
      </button>
    </form>
  );
}
