import type { ReactNode } from 'react';
import type { Session } from '../auth/session.ts';
import { isCitizen } from '../auth/session.ts';
import { ExperiencePage } from './ExperiencePage.tsx';
import { MyHomePage } from './MyHomePage.tsx';
import { MyPlanPage } from './MyPlanPage.tsx';
import { MyRecordPage } from './MyRecordPage.tsx';
import { SharingPage } from './SharingPage.tsx';
import { WhoHasSeenMyRecordPage } from './WhoHasSeenMyRecordPage.tsx';

/**
 * The person's and their carer's pages, by address: undefined for anyone else, or for an address
 * that is not theirs. They see the one record the token says they act for.
 */
export function myRecordPageFor(pathname: string, session: Session): { title: string; element: ReactNode } | undefined {
  const { user } = session;
  if (!isCitizen(user) || !user.actsFor) return undefined;
  const props = { user, nhsNumber: user.actsFor };
  switch (pathname) {
    case '/':
      return { title: 'Home', element: <MyHomePage user={user} /> };
    case '/my-record':
      return { title: 'My record', element: <MyRecordPage {...props} /> };
    case '/my-record/plan':
      return { title: 'My plan and team', element: <MyPlanPage {...props} /> };
    case '/my-record/experience':
      return { title: 'How is it going', element: <ExperiencePage {...props} /> };
    case '/my-record/sharing':
      return { title: 'Sharing', element: <SharingPage {...props} /> };
    case '/my-record/access':
      return { title: 'Who has seen my record', element: <WhoHasSeenMyRecordPage {...props} /> };
    default:
      return undefined;
  }
}
