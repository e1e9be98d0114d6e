import { type FormEvent, useState } from 'react';
import { useQuery } from 'urql';
import { ErrorSummary, type FieldError, TextField } from '../components/ErrorSummary.tsx';
import { formatDate, formatNhsNumber } from '../format.ts';
import { SearchPeople } from '../generated/operations.ts';
import { isValidNhsNumber } from '../nhsNumber.ts';
import { Link, navigate } from '../router.tsx';

interface Criteria {
  name?: string;
  dateOfBirth?: string;
  postcode?: string;
}

/** Find a person by name, date of birth, postcode or NHS number. */
export function FindPersonPage() {
  const [form, setForm] = useState({ nhsNumber: '', name: '', day: '', month: '', year: '', postcode: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [criteria, setCriteria] = useState<Criteria | undefined>();
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value });
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    const nhsNumber = form.nhsNumber.replace(/[\s-]/g, '');
    if (nhsNumber !== '') {
      if (!isValidNhsNumber(nhsNumber))
        found.push({ field: 'nhs-number', message: 'Enter a valid NHS number: 10 digits, like 999 000 0018' });
      else return navigate(`/people/${nhsNumber}`);
    }
    let dateOfBirth: string | undefined;
    if (form.day || form.month || form.year) {
      const [day, month, year] = [Number(form.day), Number(form.month), Number(form.year)];
      const date = new Date(Date.UTC(year, month - 1, day));
      if (!Number.isInteger(day) || !Number.isInteger(month) || form.year.length !== 4 || date.getUTCDate() !== day)
        found.push({ field: 'dob-day', message: 'Enter a real date of birth, like 14 3 2001' });
      else dateOfBirth = `${form.year}-${form.month.padStart(2, '0')}-${form.day.padStart(2, '0')}`;
    }
    if (found.length === 0 && !form.name.trim() && !dateOfBirth && !form.postcode.trim())
      found.push({
        field: 'name',
        message: 'Enter an NHS number, or at least one of name, date of birth and postcode',
      });
    setErrors(found);
    if (found.length > 0) return;
    setCriteria({
      ...(form.name.trim() ? { name: form.name.trim() } : {}),
      ...(dateOfBirth ? { dateOfBirth } : {}),
      ...(form.postcode.trim() ? { postcode: form.postcode.trim() } : {}),
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Find a person</h1>
      <form onSubmit={submit} noValidate>
        <TextField
          id="nhs-number"
          label="NHS number"
          hint="10 digits, like 999 000 0018"
          value={form.nhsNumber}
          onChange={set('nhsNumber')}
          error={errorFor('nhs-number')}
          width={10}
          inputMode="numeric"
        />
        <p className="nhsuk-body">Or search by any of these:</p>
        <TextField
          id="name"
          label="Name"
          hint="Family name, given name or both, or their start"
          value={form.name}
          onChange={set('name')}
          error={errorFor('name')}
          width={20}
        />
        <div className={`nhsuk-form-group${errorFor('dob-day') ? ' nhsuk-form-group--error' : ''}`}>
          <fieldset
            className="nhsuk-fieldset"
            role="group"
            aria-describedby={`dob-hint${errorFor('dob-day') ? ' dob-error' : ''}`}
          >
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Date of birth</legend>
            <div className="nhsuk-hint" id="dob-hint">
              For example, 14 3 2001
            </div>
            {errorFor('dob-day') ? (
              <span className="nhsuk-error-message" id="dob-error">
                <span className="nhsuk-u-visually-hidden">Error:</span> {errorFor('dob-day')}
              </span>
            ) : null}
            <div className="nhsuk-date-input">
              {(
                [
                  ['dob-day', 'Day', 'day', 2],
                  ['dob-month', 'Month', 'month', 2],
                  ['dob-year', 'Year', 'year', 4],
                ] as const
              ).map(([id, label, field, width]) => (
                <div className="nhsuk-date-input__item" key={id}>
                  <div className="nhsuk-form-group">
                    <label className="nhsuk-label nhsuk-date-input__label" htmlFor={id}>
                      {label}
                    </label>
                    <input
                      className={[
                        'nhsuk-input nhsuk-date-input__input',
                        `nhsuk-input--width-${width}`,
                        errorFor('dob-day') ? 'nhsuk-input--error' : '',
                      ].join(' ')}
                      id={id}
                      name={id}
                      type="text"
                      inputMode="numeric"
                      value={form[field]}
                      onChange={(event) => set(field)(event.target.value)}
                    />
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <TextField
          id="postcode"
          label="Postcode"
          hint="Full postcode or its first part, like RV1"
          value={form.postcode}
          onChange={set('postcode')}
          error={errorFor('postcode')}
          width={10}
        />
        <button className="nhsuk-button" type="submit">
          Search
        </button>
      </form>
      {criteria ? <SearchResults criteria={criteria} /> : null}
    </>
  );
}

function SearchResults(props: { criteria: Criteria }) {
  const [{ data, error, fetching }] = useQuery({ query: SearchPeople, variables: props.criteria });
  if (fetching && !data) return <p className="nhsuk-body">Searching…</p>;
  if (error && !data) return <p className="nhsuk-body">The search failed: {error.message}</p>;
  const people = data?.searchPeople.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" aria-live="polite">
        {people.length === 0
          ? 'No one matches'
          : `${people.length}${data?.searchPeople.pageInfo.hasNextPage ? '+' : ''} people match`}
      </h2>
      {people.length > 0 ? (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">People matching the search</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Name
              </th>
              <th scope="col" className="nhsuk-table__header">
                Date of birth
              </th>
              <th scope="col" className="nhsuk-table__header">
                Postcode
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {people.map((person) => (
              <tr className="nhsuk-table__row" key={person.nhsNumber}>
                <td className="nhsuk-table__cell">
                  <Link to={`/people/${person.nhsNumber}`}>
                    {person.name?.full ?? formatNhsNumber(person.nhsNumber)}
                  </Link>
                </td>
                <td className="nhsuk-table__cell">{person.dateOfBirth ? formatDate(person.dateOfBirth) : ''}</td>
                <td className="nhsuk-table__cell">{person.address?.postcode ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
