import type { SignedInUser } from '../auth/session.ts';
import { Link } from '../router.tsx';

/** Where a professional starts: what they can do here. */
export function HomePage(props: { user: SignedInUser; coordinator: boolean }) {
  return (
    <>
      <h1>Joined-up care record</h1>
      <p className="nhsuk-body-l">
        One record of the people you care for, from every organisation that supports them: each part shown, or withheld,
        by the organisation that holds it.
      </p>
      <ul className="nhsuk-list">
        <li>
          <Link to="/people">Find a person</Link>
        </li>
        {props.coordinator ? (
          <>
            <li>
              <Link to="/caseload">My caseload</Link>
            </li>
            <li>
              <Link to="/referrals">Referrals worklist</Link>
            </li>
            <li>
              <Link to="/measures">Coordination measures</Link>
            </li>
          </>
        ) : null}
      </ul>
    </>
  );
}
