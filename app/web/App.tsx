import { useEffect, useState } from 'react';
import type { AppClientConfig } from '../src/AppClientConfig.ts';
import { rememberedDemoUser, signInAsDemoUser } from './auth/demoSignIn.ts';
import { completeOidcSignIn, isOidcCallback } from './auth/oidcSignIn.ts';
import { isCitizen, type Session, setSession, useSession } from './auth/session.ts';
import { Layout, type MenuItem } from './components/Layout.tsx';
import { CarePlanEditPage } from './coordinator/CarePlanEditPage.tsx';
import { CaseloadPage } from './coordinator/CaseloadPage.tsx';
import { MeasuresPage } from './coordinator/MeasuresPage.tsx';
import { WorklistPage } from './coordinator/WorklistPage.tsx';
import { FindPersonPage } from './pages/FindPersonPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { LiveNotificationsBanner } from './notifications/LiveNotificationsBanner.tsx';
import { NotificationsPage } from './notifications/NotificationsPage.tsx';
import { type LiveState, useLiveNotifications } from './notifications/useLiveNotifications.ts';
import { EmergencyAccessPage } from './record/EmergencyAccessPage.tsx';
import { RecordPage } from './record/RecordPage.tsx';
import { myRecordPageFor } from './myRecord/myRecordPageFor.tsx';
import { navigate, useLocation } from './router.tsx';

/** A page: its title for the tab and the heading, and what it shows. */
interface Page {
  title: string;
  element: React.ReactNode;
}

const isCoordinator = (session: Session) => session.user.role === 'care-coordinator';

function menuFor(session: Session | undefined): MenuItem[] {
  if (!session) return [];
  if (isCitizen(session.user))
    return [
      { to: '/my-record', label: 'My record' },
      { to: '/my-record/plan', label: 'My plan and team' },
      { to: '/my-record/experience', label: 'How it is going' },
      { to: '/my-record/sharing', label: 'Sharing' },
      { to: '/my-record/access', label: 'Who has seen my record' },
      { to: '/notifications', label: 'Notifications' },
    ];
  return [
    { to: '/', label: 'Home' },
    { to: '/people', label: 'Find a person' },
    { to: '/notifications', label: 'Notifications' },
    ...(isCoordinator(session)
      ? [
          { to: '/caseload', label: 'Caseload' },
          { to: '/referrals', label: 'Referrals' },
          { to: '/measures', label: 'Measures' },
        ]
      : []),
  ];
}

/** The coordinator's own pages, by address. */
const coordinatorPages: Record<string, () => Page> = {
  '/caseload': () => ({ title: 'My caseload', element: <CaseloadPage /> }),
  '/referrals': () => ({ title: 'Referrals worklist', element: <WorklistPage /> }),
  '/measures': () => ({ title: 'Coordination measures', element: <MeasuresPage /> }),
};

function pageFor(pathname: string, session: Session, live: LiveState): Page {
  const mine = myRecordPageFor(pathname, session);
  if (mine) return mine;
  if (pathname === '/notifications')
    return { title: 'Notifications', element: <NotificationsPage live={live} citizen={isCitizen(session.user)} /> };
  const record = /^\/people\/(\d{10})(\/[a-z-]+)?$/.exec(pathname);
  if (record) {
    const nhsNumber = record[1]!;
    if (record[2] === '/plan' && isCoordinator(session))
      return { title: 'Care plan and team', element: <CarePlanEditPage key={nhsNumber} nhsNumber={nhsNumber} /> };
    if (record[2] === '/emergency-access')
      return { title: 'Declare an emergency', element: <EmergencyAccessPage nhsNumber={nhsNumber} /> };
    return {
      title: 'Record',
      element: <RecordPage key={nhsNumber} nhsNumber={nhsNumber} canEditPlan={isCoordinator(session)} />,
    };
  }
  if (pathname === '/people') return { title: 'Find a person', element: <FindPersonPage /> };
  const coordinatorPage = isCoordinator(session) ? coordinatorPages[pathname] : undefined;
  if (coordinatorPage) return coordinatorPage();
  return { title: 'Home', element: <HomePage user={session.user} coordinator={isCoordinator(session)} /> };
}

/** The app: signs in, then shows the page the address names, with the menu for who is signed in. */
export function App(props: { config: AppClientConfig }) {
  const session = useSession();
  const { pathname, search } = useLocation();
  const [restoring, setRestoring] = useState(true);
  const [signInError, setSignInError] = useState<string | undefined>();
  const live = useLiveNotifications(props.config.gatewayUrl);

  // On load: finish a sign-in the issuer sent back, or sign the remembered demo user in again.
  useEffect(() => {
    const { signIn } = props.config;
    const restore = async () => {
      if (signIn.kind === 'oidc' && isOidcCallback()) {
        const { session: signedIn, returnTo } = await completeOidcSignIn(signIn);
        setSession(signedIn);
        navigate(returnTo, { replace: true });
      } else if (signIn.kind === 'demo') {
        const username = rememberedDemoUser();
        if (username) setSession(await signInAsDemoUser(signIn.identityProviderUrl, username));
      }
    };
    restore()
      .catch((error: Error) => setSignInError(error.message))
      .finally(() => setRestoring(false));
  }, [props.config]);

  if (restoring) return null;
  if (!session) {
    return (
      <Layout title="Sign in" session={undefined} menu={[]} current={pathname}>
        {signInError ? <p className="nhsuk-body">Signing in failed: {signInError}</p> : null}
        <SignInPage config={props.config} returnTo={pathname === '/callback' ? '/' : pathname + search} />
      </Layout>
    );
  }
  const page = pageFor(pathname, session, live);
  return (
    <Layout title={page.title} session={session} menu={menuFor(session)} current={pathname}>
      {/* The inbox lists what arrives itself. */}
      {pathname === '/notifications' ? null : <LiveNotificationsBanner live={live} citizen={isCitizen(session.user)} />}
      {page.element}
    </Layout>
  );
}
