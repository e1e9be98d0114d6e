import type { SignedInUser } from '../auth/session.ts';
import { Link } from '../router.tsx';

/** Where the person, or their carer, starts: what they can see and do with their record. */
export function MyHomePage(props: { user: SignedInUser }) {
  const carer = props.user.role === 'carer';
  return (
    <>
      <h1>{carer ? 'The record of the person you care for' : 'Your joined-up care record'}</h1>
      <p className="nhsuk-body-l">
        {carer
          ? 'What the organisations that support them have written down, as far as they asked each one to show you.'
          : 'What the organisations that support you have written down, in one place. You decide who else sees it.'}
      </p>
      <ul className="nhsuk-list app-my-links">
        <li>
          <Link to="/my-record">{carer ? 'Their record' : 'My record'}</Link>: what matters, health, medicines and
          support
        </li>
        <li>
          <Link to="/my-record/plan">{carer ? 'Their plan and team' : 'My plan and team'}</Link>: goals, who is doing
          what, and how to reach them
        </li>
        <li>
          <Link to="/my-record/experience">How is it going?</Link>: tell us how care feels
        </li>
        <li>
          <Link to="/my-record/sharing">Sharing</Link>: choose which services may see each part
        </li>
        <li>
          <Link to="/my-record/access">Who has seen the record</Link>: everyone who looked, newest first
        </li>
      </ul>
    </>
  );
}
