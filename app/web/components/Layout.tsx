import { type ReactNode, useEffect, useRef } from 'react';
import { type Session, setSession } from '../auth/session.ts';
import { forgetDemoUser } from '../auth/demoSignIn.ts';
import { Link, navigate } from '../router.tsx';

/** A page's place in the menu. */
export interface MenuItem {
  to: string;
  label: string;
}

const nhsLogo = [
  'M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8',
  '.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-2',
  '5.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14',
  ' 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-',
  '65H125L119.5 32h-20l5-24.5Z',
].join('');

/**
 * Every page: a skip link, the NHS header with the signed-in user and sign-out, the menu, and the
 * main content, which takes the focus when the page changes so a screen reader starts there.
 */
export function Layout(props: {
  title: string;
  session: Session | undefined;
  menu: MenuItem[];
  current: string;
  children: ReactNode;
}) {
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    document.title = `${props.title} - Joined-up care record`;
    // Not on the first load: the browser starts at the top, where the skip link is.
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [props.title, props.current]);
  const signOut = () => {
    setSession(undefined);
    forgetDemoUser();
    navigate('/');
  };
  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <header className="nhsuk-header nhsuk-header--inline" role="banner">
        <div className="nhsuk-header__container nhsuk-width-container">
          <div className="nhsuk-header__service">
            <Link className="nhsuk-header__service-logo" to="/">
              <svg
                className="nhsuk-header__logo"
                xmlns="http://www.w3.org/2000/svg"
                viewBox="0 0 200 80"
                height="40"
                width="100"
                focusable="false"
                role="img"
                aria-label="NHS"
              >
                <title>NHS</title>
                <path fill="currentcolor" d={nhsLogo} />
              </svg>
              <span className="nhsuk-header__service-name">Joined-up care record</span>
            </Link>
          </div>
          {props.session ? (
            <nav className="nhsuk-header__account" aria-label="Account">
              <ul className="nhsuk-header__account-list">
                <li className="nhsuk-header__account-item">
                  <span className="app-header-user">
                    {props.session.user.name}
                    {props.session.user.organisation ? `, ${props.session.user.organisation}` : ''}
                  </span>
                </li>
                <li className="nhsuk-header__account-item">
                  <button type="button" className="nhsuk-header__account-button" onClick={signOut}>
                    Sign out
                  </button>
                </li>
              </ul>
            </nav>
          ) : null}
        </div>
      </header>
      {props.menu.length > 0 ? (
        <nav className="app-menu" aria-label="Menu">
          <ul className="nhsuk-width-container app-menu__list">
            {props.menu.map((item) => (
              <li key={item.to} className="app-menu__item">
                {item.to === props.current ? (
                  <strong className="app-menu__current" aria-current="page">
                    {item.label}
                  </strong>
                ) : (
                  <Link className="app-menu__link" to={item.to}>
                    {item.label}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" ref={main} tabIndex={-1}>
          {props.children}
        </main>
      </div>
      <footer className="nhsuk-footer" role="contentinfo">
        <div className="nhsuk-width-container">
          <p className="nhsuk-body-s">
            Each part of this record is held, and each access to it decided and recorded, by the organisation named
            beside it.
          </p>
        </div>
      </footer>
    </>
  );
}
