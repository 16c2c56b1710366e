import { type ComponentType, render } from 'preact';
import { ErrorBoundary, LocationProvider, lazy, Route, Router } from 'preact-iso';
import { sketchFormPage } from '../../functions/core/page-addresses.ts';
import { Layout } from './components/Layout.tsx';
import { focusPageStart } from './components/Page.tsx';
import { prime } from './lib/loaded.ts';
import { EditSketch } from './pages/EditSketch.tsx';
import { LoadFailed, NotFound } from './pages/NotFound.tsx';
import { loadProfile } from './profile.ts';
import { watchScrollFrames } from './scroll-frames.ts';
import { loadSession } from './session.ts';

/*
 * This first script holds the frame every page shares and the form's own frame (its heading shows
 * before anything else loads); each page's code is a chunk of its own, loaded when it is opened.
 */
/** A page's code, loaded when the page is opened; a failed load shows LoadFailed instead. */
const page = <M, K extends keyof M>(load: () => Promise<M>, name: K) =>
  lazy(() =>
    load().then(
      (module) => module[name] as ComponentType<Record<string, unknown>>,
      () => LoadFailed,
    ),
  );

const Start = page(() => import('./pages/Start.tsx'), 'Start');
const SignIn = page(() => import('./pages/SignIn.tsx'), 'SignIn');
const NewSketch = page(() => import('./pages/NewSketch.tsx'), 'NewSketch');
const MySketches = page(() => import('./pages/MySketches.tsx'), 'MySketches');

// The pages that show a sketch share a chunk.
const sketchPages = () => import('./pages/sketch-pages.ts');
const ReviewSketch = page(sketchPages, 'ReviewSketch');
const PrintSketch = page(sketchPages, 'PrintSketch');
const Sketch = page(sketchPages, 'Sketch');

// The office's second factor: its own small chunk, before the console.
const secondFactorPages = () => import('./pages/SecondFactor.tsx');
const SecondFactorEnrol = page(secondFactorPages, 'SecondFactorEnrol');
const SecondFactorVerify = page(secondFactorPages, 'SecondFactorVerify');

// The office's console is a chunk of its own: applicants never download it.
const Admin = page(() => import('./pages/Admin.tsx'), 'Admin');
const AdminSketch = page(() => import('./pages/AdminSketch.tsx'), 'AdminSketch');

// The steering group's pages: the office's and the members' each a chunk of their own.
const officePages = () => import('./pages/votes/office.ts');
const Seats = page(officePages, 'Seats');
const Votes = page(officePages, 'Votes');
const Vote = page(officePages, 'Vote');
const Meetings = page(officePages, 'Meetings');
const MeetingNew = page(officePages, 'MeetingNew');
const Votum = page(officePages, 'Votum');
const memberPages = () => import('./pages/votes/member.ts');
const MyVotes = page(memberPages, 'MyVotes');
const MyVote = page(memberPages, 'MyVote');

// The budget and the CSV exports, the deadlines overview and the calendar subscription: office
// pages of their own.
const Budget = page(() => import('./pages/admin/Budget.tsx'), 'Budget');
const Periods = page(() => import('./pages/admin/Periods.tsx'), 'Periods');
const Notices = page(() => import('./pages/admin/Notices.tsx'), 'Notices');
const Deadlines = page(() => import('./pages/admin/Deadlines.tsx'), 'Deadlines');
// The local alliances: their workspace (a chunk of its own), and the office's page of their accounts.
const localPages = () => import('./pages/local/Workspace.tsx');
const LocalWorkspace = page(localPages, 'Workspace');
const LocalSketch = page(localPages, 'LocalSketch');
const LocalAccounts = page(() => import('./pages/admin/LocalAccounts.tsx'), 'LocalAccounts');
// The legal pages (public, linked in every page's footer): one small chunk.
const legalPages = () => import('./pages/legal/Legal.tsx');
const Imprint = page(legalPages, 'Imprint');
const PrivacyStatement = page(legalPages, 'PrivacyStatement');
const AccessibilityStatement = page(legalPages, 'AccessibilityStatement');
// Who may open the office, and the sessions of an account.
const Access = page(() => import('./pages/admin/Access.tsx'), 'Access');
// Erasure on request and the retention log.
const Privacy = page(() => import('./pages/admin/Privacy.tsx'), 'Privacy');

export function App() {
  return (
    <LocationProvider>
      <Layout>
        <ErrorBoundary>
          <Router onRouteChange={focusPageStart}>
            <Route path="/" component={Start} />
            <Route path="/anmelden" component={SignIn} />
            <Route path="/zweiter-faktor" component={SecondFactorVerify} />
            <Route path="/zweiter-faktor/einrichten" component={SecondFactorEnrol} />
            <Route path="/skizzen/neu" component={NewSketch} />
            <Route path="/skizzen/:id" component={Sketch} />
            {/* The mails after the Votum lead here: the sketch's page, opened at its follow-up. */}
            <Route path="/skizzen/:id/foerderung" component={Sketch} />
            <Route path="/skizzen/:id/bearbeiten" component={EditSketch} />
            <Route path="/skizzen/:id/pruefen" component={ReviewSketch} />
            <Route path="/skizzen/:id/druck" component={PrintSketch} />
            <Route path="/meine-skizzen" component={MySketches} />
            <Route path="/verwaltung" component={Admin} />
            <Route path="/verwaltung/skizzen/:id" component={AdminSketch} />
            <Route path="/verwaltung/skizzen/:id/foerderung" component={AdminSketch} />
            <Route path="/verwaltung/skizzen/:id/votum" component={Votum} />
            <Route path="/verwaltung/sitze" component={Seats} />
            <Route path="/verwaltung/abstimmungen" component={Votes} />
            <Route path="/verwaltung/abstimmungen/:id" component={Vote} />
            <Route path="/verwaltung/sitzungen" component={Meetings} />
            <Route path="/verwaltung/sitzungen/neu" component={MeetingNew} />
            <Route path="/verwaltung/budget" component={Budget} />
            <Route path="/verwaltung/budget/perioden" component={Periods} />
            <Route path="/verwaltung/fristen" component={Deadlines} />
            <Route path="/verwaltung/zugaenge" component={Access} />
            <Route path="/verwaltung/datenschutz" component={Privacy} />
            <Route path="/verwaltung/lokale-allianzen" component={LocalAccounts} />
            <Route path="/allianz" component={LocalWorkspace} />
            <Route path="/allianz/skizzen/:id" component={LocalSketch} />
            <Route path="/verwaltung/benachrichtigungen" component={Notices} />
            <Route path="/impressum" component={Imprint} />
            <Route path="/datenschutz" component={PrivacyStatement} />
            <Route path="/barrierefreiheit" component={AccessibilityStatement} />
            <Route path="/abstimmungen" component={MyVotes} />
            <Route path="/abstimmungen/:id" component={MyVote} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </Layout>
    </LocationProvider>
  );
}

/*
 * The first render waits, briefly, for what the page's answer preloads: who is signed in, the
 * alliance's profile (every page's footer; the form's rules) and, on the sketch form, the sketch.
 * The page is then drawn once with its content, instead of three times (a frame saying "loading",
 * again once the session is known, again with the form), each with a layout: on a phone that is
 * main-thread time before the form shows, and a flash of "loading". An API slower than
 * `firstRenderWait` (a cold start) gets the frame drawn without it, and the page fills in as before.
 */
const firstRenderWait = 200;
const sketchId = sketchFormPage.exec(location.pathname)?.[1];
const preloaded = Promise.allSettled([
  loadSession(),
  // A page that needs the profile asks again, and shows the failure.
  loadProfile(),
  sketchId ? prime('getSketch', { params: { id: sketchId } }) : undefined,
]);
void Promise.race([preloaded, new Promise((resolve) => setTimeout(resolve, firstRenderWait))]).then(() => {
  const root = document.getElementById('app');
  if (!root) return;
  root.textContent = '';
  render(<App />, root);
  watchScrollFrames(root);
});
