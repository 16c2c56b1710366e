import { render } from 'preact';
import { ErrorBoundary, LocationProvider, lazy, Route, Router } from 'preact-iso';
import { Layout } from './components/Layout.tsx';
import { focusPageStart } from './components/Page.tsx';
import { EditSketch } from './pages/EditSketch.tsx';
import { LoadFailed, NotFound } from './pages/NotFound.tsx';
import { loadSession } from './session.ts';

/*
 * This first script holds the frame every page shares and the form's own frame (its heading shows
 * before anything else loads); each page's code is a chunk of its own, loaded when it is opened.
 */
const Start = lazy(() =>
  import('./pages/Start.tsx').then(
    (module) => module.Start,
    () => LoadFailed,
  ),
);
const SignIn = lazy(() =>
  import('./pages/SignIn.tsx').then(
    (module) => module.SignIn,
    () => LoadFailed,
  ),
);
const NewSketch = lazy(() =>
  import('./pages/NewSketch.tsx').then(
    (module) => module.NewSketch,
    () => LoadFailed,
  ),
);
const MySketches = lazy(() =>
  import('./pages/MySketches.tsx').then(
    (module) => module.MySketches,
    () => LoadFailed,
  ),
);

// The pages that show a sketch share a chunk.
const sketchPage = <K extends 'ReviewSketch' | 'PrintSketch' | 'Sketch'>(name: K) =>
  lazy(() =>
    import('./pages/sketch-pages.ts').then(
      (module) => module[name],
      () => LoadFailed,
    ),
  );
const ReviewSketch = sketchPage('ReviewSketch');
const PrintSketch = sketchPage('PrintSketch');
const Sketch = sketchPage('Sketch');

// The office's console is a chunk of its own: applicants never download it.
const Admin = lazy(() =>
  import('./pages/Admin.tsx').then(
    (module) => module.Admin,
    () => LoadFailed,
  ),
);
const AdminSketch = lazy(() =>
  import('./pages/AdminSketch.tsx').then(
    (module) => module.AdminSketch,
    () => LoadFailed,
  ),
);

// The steering group's pages: the office's and the members' each a chunk of their own.
const officePage = <K extends 'Seats' | 'Votes' | 'Vote' | 'Meetings' | 'MeetingNew' | 'Votum'>(name: K) =>
  lazy(() =>
    import('./pages/votes/office.ts').then(
      (module) => module[name],
      () => LoadFailed,
    ),
  );
const Seats = officePage('Seats');
const Votes = officePage('Votes');
const Vote = officePage('Vote');
const Meetings = officePage('Meetings');
const MeetingNew = officePage('MeetingNew');
const Votum = officePage('Votum');
const memberPage = <K extends 'MyVotes' | 'MyVote'>(name: K) =>
  lazy(() =>
    import('./pages/votes/member.ts').then(
      (module) => module[name],
      () => LoadFailed,
    ),
  );
const MyVotes = memberPage('MyVotes');
const MyVote = memberPage('MyVote');
// The budget and the CSV exports: an office page of its own.
const Budget = lazy(() =>
  import('./pages/admin/Budget.tsx').then(
    (module) => module.Budget,
    () => LoadFailed,
  ),
);

// The deadlines overview and the calendar subscription: an office page of its own.
const Deadlines = lazy(() =>
  import('./pages/admin/Deadlines.tsx').then(
    (module) => module.Deadlines,
    () => LoadFailed,
  ),
);

export function App() {
  return (
    <LocationProvider>
      <Layout>
        <ErrorBoundary>
          <Router onRouteChange={focusPageStart}>
            <Route path="/" component={Start} />
            <Route path="/anmelden" component={SignIn} />
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
            <Route path="/verwaltung/fristen" component={Deadlines} />
            <Route path="/abstimmungen" component={MyVotes} />
            <Route path="/abstimmungen/:id" component={MyVote} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </Layout>
    </LocationProvider>
  );
}

void loadSession();
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
