import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import type { FieldError } from '../components/ErrorSummary.tsx';
import { type CareCoordinationReferralPriority, SendReferral } from '../generated/operations.ts';
import { InputField, SelectField, TextAreaField } from './fields.tsx';
import type { Change, PlanPerson } from './planTypes.ts';
import { newKey } from './useChange.ts';

/** Refers the person from the coordinator's organisation to another of the place's; it reaches their worklist. */
export function ReferSection(props: { person: PlanPerson; change: Change }) {
  const { person, change } = props;
  const blank = { toOrganisationCode: '', service: '', reason: '', priority: 'ROUTINE' };
  const [form, setForm] = useState(blank);
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value });
  const [, send] = useMutation(SendReferral);
  const required = (field: keyof typeof form, id: string, message: string): FieldError[] =>
    form[field].trim() ? [] : [{ field: id, message }];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await change.run({
      invalid: [
        ...required('toOrganisationCode', 'refer-to', 'Enter the code of the organisation to refer to'),
        ...required('service', 'refer-service', 'Enter the service asked for'),
        ...required('reason', 'refer-reason', 'Enter why you are referring'),
      ],
      fields: {
        'input.toOrganisationCode': 'refer-to',
        'input.service': 'refer-service',
        'input.reason': 'refer-reason',
        'input.priority': 'refer-priority',
      },
      about: 'referral',
      send: () =>
        send({
          input: {
            nhsNumber: person.nhsNumber,
            idempotencyKey: newKey(),
            toOrganisationCode: form.toOrganisationCode.trim().toUpperCase(),
            service: form.service.trim(),
            reason: form.reason.trim(),
            priority: form.priority as CareCoordinationReferralPriority,
          },
        }),
      saved: `referral for ${form.service.trim()} sent`,
    });
    if (saved) setForm(blank);
  };
  return (
    <section aria-labelledby="refer-heading">
      <h2 id="refer-heading">Send a referral</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <InputField
          id="refer-to"
          label="The organisation to refer to"
          hint="Its ODS code, like DEMOV2 for Community Links Social Prescribing"
          value={form.toOrganisationCode}
          onChange={set('toOrganisationCode')}
          error={change.errorFor('refer-to')}
          width={10}
        />
        <InputField
          id="refer-service"
          label="The service asked for"
          hint="For example, Social prescribing"
          value={form.service}
          onChange={set('service')}
          error={change.errorFor('refer-service')}
          width={30}
        />
        <TextAreaField
          id="refer-reason"
          label="Why"
          value={form.reason}
          onChange={set('reason')}
          error={change.errorFor('refer-reason')}
        />
        <SelectField
          id="refer-priority"
          label="How soon"
          value={form.priority}
          options={[
            ['ROUTINE', 'Routine'],
            ['URGENT', 'Urgent'],
          ]}
          onChange={set('priority')}
          error={change.errorFor('refer-priority')}
        />
        <button className="nhsuk-button" type="submit" disabled={change.saving}>
          Send referral
        </button>
      </form>
    </section>
  );
}
