import { type FormEvent, useEffect, useState } from 'react';
import type { AppClientConfig } from '../../src/AppClientConfig.ts';
import { type DemoUser, listDemoUsers, signInAsDemoUser } from '../auth/demoSignIn.ts';
import { startOidcSignIn } from '../auth/oidcSignIn.ts';
import { setSession } from '../auth/session.ts';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary.tsx';

/**
 * Sign in. In development, a demo user of the development identity provider; in production, the
 * organisation's OpenID Connect issuer (NHS CIS2 for staff, NHS login for citizens, say).
 */
export function SignInPage(props: { config: AppClientConfig; returnTo: string }) {
  const { signIn } = props.config;
  if (signIn.kind === 'oidc') {
    return (
      <>
        <h1>Sign in</h1>
        <p className="nhsuk-body">Sign in with your organisation&apos;s account to see the records you care for.</p>
        <button className="nhsuk-button" type="button" onClick={() => void startOidcSignIn(signIn, props.returnTo)}>
          Continue to sign in
        </button>
      </>
    );
  }
  return <DemoSignIn identityProviderUrl={signIn.identityProviderUrl} returnTo={props.returnTo} />;
}

function DemoSignIn(props: { identityProviderUrl: string; returnTo: string }) {
  const [users, setUsers] = useState<DemoUser[] | undefined>();
  const [chosen, setChosen] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failed, setFailed] = useState<string | undefined>();
  useEffect(() => {
    listDemoUsers(props.identityProviderUrl).then(setUsers, (error: Error) => setFailed(error.message));
  }, [props.identityProviderUrl]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen)
      return setErrors([{ field: `user-${users?.[0]?.username ?? ''}`, message: 'Choose who to sign in as' }]);
    try {
      setSession(await signInAsDemoUser(props.identityProviderUrl, chosen));
      window.history.replaceState(null, '', props.returnTo);
      window.dispatchEvent(new Event('app:navigate'));
    } catch (error) {
      setFailed((error as Error).message);
    }
  };
  const error = errors[0]?.message;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Sign in as a demo user</h1>
      <p className="nhsuk-body">
        This is the development identity provider: choose a person from Sam&apos;s story. In production you would sign
        in with your own organisation&apos;s account.
      </p>
      {failed ? <p className="nhsuk-body">Signing in failed: {failed}</p> : null}
      {users ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
            <fieldset className="nhsuk-fieldset" aria-describedby={error ? 'user-error' : undefined}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Who are you?</legend>
              {error ? (
                <span className="nhsuk-error-message" id="user-error">
                  <span className="nhsuk-u-visually-hidden">Error:</span> {error}
                </span>
              ) : null}
              <div className="nhsuk-radios">
                {users.map((user) => (
                  <div className="nhsuk-radios__item" key={user.username}>
                    <input
                      className="nhsuk-radios__input"
                      id={`user-${user.username}`}
                      name="user"
                      type="radio"
                      value={user.username}
                      checked={chosen === user.username}
                      onChange={() => setChosen(user.username)}
                      aria-describedby={`user-${user.username}-hint`}
                    />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={`user-${user.username}`}>
                      {user.name}
                    </label>
                    <div className="nhsuk-hint nhsuk-radios__hint" id={`user-${user.username}-hint`}>
                      {user.description} ({user.organisation})
                    </div>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <button className="nhsuk-button" type="submit">
            Sign in
          </button>
        </form>
      ) : failed ? null : (
        <p className="nhsuk-body">Loading the demo users…</p>
      )}
    </>
  );
}
