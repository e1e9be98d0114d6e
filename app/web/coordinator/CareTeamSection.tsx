import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import type { FieldError } from '../components/ErrorSummary.tsx';
import { formatDate } from '../format.ts';
import {
  AddCareTeamMember,
  type CareCoordinationCareTeamMemberKind,
  RemoveCareTeamMember,
} from '../generated/operations.ts';
import { InputField, SelectField } from './fields.tsx';
import { type Change, memberName, type PlanPerson, type TeamMember } from './planTypes.ts';
import { newKey } from './useChange.ts';

const kinds = [
  ['CLINICIAN', 'A clinician (health)'],
  ['SOCIAL_CARE_WORKER', 'A social worker or care worker (social care)'],
  ['VOLUNTARY_SECTOR_WORKER', 'A charity worker (voluntary sector)'],
  ['PARTNERSHIP_WORKER', 'A worker of the place partnership'],
  ['UNPAID_CARER', 'An unpaid carer: family or a friend'],
] as const;

type Props = { person: PlanPerson; change: Change };

/** The care team across agencies: who is on it, taking members off, and adding a worker or a carer. */
export function CareTeamSection(props: Props) {
  const { person, change } = props;
  const [, remove] = useMutation(RemoveCareTeamMember);
  const removeMember = (member: TeamMember) =>
    void change.run({
      invalid: [],
      fields: {},
      about: 'care team',
      send: () => remove({ input: { nhsNumber: person.nhsNumber, idempotencyKey: newKey(), memberId: member.id } }),
      saved: `${memberName(member)} is no longer on the care team`,
    });
  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">Care team</h2>
      <table className="nhsuk-table-responsive">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">The care team across agencies</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Organisation</th>
            <th scope="col">
              <span className="nhsuk-u-visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {(person.careTeam ?? []).map((member) => (
            <tr className="nhsuk-table__row" key={member.id}>
              <td className="nhsuk-table__cell">
                <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                  Name{' '}
                </span>
                {memberName(member)}
                {member.isCoordinator ? ' (care coordinator)' : ''}
              </td>
              <td className="nhsuk-table__cell">
                <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                  Role{' '}
                </span>
                {member.role}
                {member.carerRelationship ? ` (${member.carerRelationship})` : ''}, since {formatDate(member.since)}
              </td>
              <td className="nhsuk-table__cell">
                <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                  Organisation{' '}
                </span>
                {member.organisation?.name ?? 'Unpaid carer'}
              </td>
              <td className="nhsuk-table__cell">
                {member.isCoordinator ? null : (
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                    disabled={change.saving}
                    onClick={() => removeMember(member)}
                  >
                    Remove<span className="nhsuk-u-visually-hidden"> {memberName(member)} from the care team</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddMemberForm {...props} />
    </section>
  );
}

function AddMemberForm(props: Props) {
  const { person, change } = props;
  const blank = {
    kind: 'CLINICIAN',
    role: '',
    workerId: '',
    organisationCode: '',
    organisationName: '',
    carerName: '',
    carerRelationship: '',
    carerContact: '',
  };
  const [form, setForm] = useState(blank);
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value });
  const [, add] = useMutation(AddCareTeamMember);
  const carer = form.kind === 'UNPAID_CARER';
  const partnership = form.kind === 'PARTNERSHIP_WORKER';
  const required = (field: keyof typeof form, id: string, message: string): FieldError[] =>
    form[field].trim() ? [] : [{ field: id, message }];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(Object.entries(form).map(([key, value]) => [key, value.trim()])) as typeof form;
    const saved = await change.run({
      invalid: carer
        ? [
            ...required('carerName', 'member-carer-name', "Enter the carer's name, as they asked to be called"),
            ...required('carerRelationship', 'member-carer-relationship', 'Enter how they are related, like Mother'),
            ...required('role', 'member-role', 'Enter their part in the team, like Main unpaid carer'),
          ]
        : [
            ...required('workerId', 'member-worker-id', "Enter the worker's ID in their organisation"),
            ...(partnership
              ? []
              : [
                  ...required('organisationCode', 'member-organisation-code', "Enter their organisation's code"),
                  ...required('organisationName', 'member-organisation-name', "Enter their organisation's name"),
                ]),
            ...required('role', 'member-role', 'Enter their part in the team, like Practice nurse'),
          ],
      fields: {
        'input.role': 'member-role',
        'input.kind': 'member-kind',
        'input.workerId': carer ? 'member-carer-name' : 'member-worker-id',
        'input.organisationCode': 'member-organisation-code',
        'input.organisationName': 'member-organisation-name',
        'input.carerName': 'member-carer-name',
        'input.carerRelationship': 'member-carer-relationship',
        'input.carerContact': 'member-carer-contact',
      },
      about: 'care team',
      send: () =>
        add({
          input: {
            nhsNumber: person.nhsNumber,
            idempotencyKey: newKey(),
            kind: form.kind as CareCoordinationCareTeamMemberKind,
            role: trimmed.role,
            ...(carer
              ? {
                  carerName: trimmed.carerName,
                  carerRelationship: trimmed.carerRelationship,
                  ...(trimmed.carerContact ? { carerContact: trimmed.carerContact } : {}),
                }
              : {
                  workerId: trimmed.workerId,
                  ...(partnership
                    ? {}
                    : { organisationCode: trimmed.organisationCode, organisationName: trimmed.organisationName }),
                }),
          },
        }),
      saved: `${carer ? trimmed.carerName : trimmed.role} added to the care team`,
    });
    if (saved) setForm(blank);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h3 className="nhsuk-heading-s">Add a member to the care team</h3>
      <SelectField
        id="member-kind"
        label="Who they are"
        value={form.kind}
        options={kinds}
        onChange={set('kind')}
        error={change.errorFor('member-kind')}
      />
      {carer ? (
        <>
          <InputField
            id="member-carer-name"
            label="Their name, as they asked to be called"
            value={form.carerName}
            onChange={set('carerName')}
            error={change.errorFor('member-carer-name')}
            width={20}
          />
          <InputField
            id="member-carer-relationship"
            label="How they are related"
            hint="For example, Mother or Friend"
            value={form.carerRelationship}
            onChange={set('carerRelationship')}
            error={change.errorFor('member-carer-relationship')}
            width={20}
          />
          <InputField
            id="member-carer-contact"
            label="How the team should reach them (optional)"
            value={form.carerContact}
            onChange={set('carerContact')}
            error={change.errorFor('member-carer-contact')}
            width={30}
          />
        </>
      ) : (
        <>
          <InputField
            id="member-worker-id"
            label="Their ID in their organisation"
            hint="As their organisation's staff directory gives it, like w-pn-okafor"
            value={form.workerId}
            onChange={set('workerId')}
            error={change.errorFor('member-worker-id')}
            width={20}
          />
          {partnership ? null : (
            <>
              <InputField
                id="member-organisation-code"
                label="Their organisation's code"
                hint="The ODS code, like DEMOP1"
                value={form.organisationCode}
                onChange={set('organisationCode')}
                error={change.errorFor('member-organisation-code')}
                width={10}
              />
              <InputField
                id="member-organisation-name"
                label="Their organisation's name"
                value={form.organisationName}
                onChange={set('organisationName')}
                error={change.errorFor('member-organisation-name')}
                width={30}
              />
            </>
          )}
        </>
      )}
      <InputField
        id="member-role"
        label="Their part in the team"
        hint={carer ? 'For example, Main unpaid carer' : 'For example, Practice nurse'}
        value={form.role}
        onChange={set('role')}
        error={change.errorFor('member-role')}
        width={30}
      />
      <button className="nhsuk-button" type="submit" disabled={change.saving}>
        Add to the care team
      </button>
    </form>
  );
}
