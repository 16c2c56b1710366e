import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { legalPages } from '../../../functions/core/legal-pages.de.ts';
import { ApiError, call, href } from '../lib/api.ts';
import { useNames } from '../names.ts';
import { allianceName, isAdmin, signedOut, useSession } from '../session.ts';
import { texts } from '../texts.de.ts';

function Account() {
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const current = useSession();
  if (current.state !== 'signed-in') return null;
  const signOut = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await call('signOut');
    } catch (failure) {
      // 401: the session had ended already, which is what was asked for. Anything else: still signed in.
      if (!(failure instanceof ApiError && failure.status === 401)) {
        setError((failure as Error).message);
        setBusy(false);
        return;
      }
    }
    setBusy(false);
    signedOut();
    route('/');
  };
  const isLocal = current.me.roles.includes('local');
  const isApplicantOnly = !current.me.roles.includes('member') && !isAdmin(current) && !isLocal;
  return (
    <div class="account">
      <nav aria-label={texts.portal.mainNav}>
        <ul class="account-nav">
          {/* The office and the steering group do not write sketches: their navigation leads to their own work. */}
          {isApplicantOnly ? (
            <>
              <li>
                <a href="/skizzen/neu">{texts.portal.newSketch}</a>
              </li>
              <li>
                <a href="/meine-skizzen">{texts.portal.mySketches}</a>
              </li>
            </>
          ) : null}
          {current.me.roles.includes('member') ? (
            <li>
              <a href="/abstimmungen">{texts.portal.votes}</a>
            </li>
          ) : null}
          {isLocal ? (
            <li>
              <a href="/allianz">{texts.portal.local}</a>
            </li>
          ) : null}
          {isAdmin(current) ? (
            <li>
              <a href="/verwaltung">{texts.portal.admin}</a>
            </li>
          ) : null}
          <li>
            {/* Everything the portal holds about the signed-in person, as one ZIP (Art. 15, 20 DSGVO). */}
            <a href={href('exportMyData')} download>
              {texts.portal.myData}
            </a>
          </li>
        </ul>
      </nav>
      <p class="account-email">
        <span class="visually-hidden">{texts.portal.signedInAs} </span>
        {current.me.email}
      </p>
      <button type="button" class="button button--quiet" onClick={signOut} disabled={busy}>
        {busy ? texts.portal.signingOut : texts.portal.signOut}
      </button>
      {error ? (
        <p class="account-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Header with the alliance's name and who is signed in, the page, and the footer. */
export function Layout({ children }: { children: ComponentChildren }) {
  const session = useSession();
  const alliance = allianceName(session);
  const names = useNames();
  return (
    <>
      <a class="skip-link" href="#main">
        {texts.portal.skipLink}
      </a>
      <header class="site-header">
        <div class="wrap site-header__inner">
          <a class="brand" href="/">
            <span class="brand__name">{texts.portal.name}</span>
            <span class="brand__alliance">{alliance ?? texts.portal.tagline}</span>
          </a>
          <Account />
        </div>
      </header>
      <main id="main" class="wrap" tabIndex={-1}>
        {/* The page waits for the header to know who is signed in (one short request): a header
            that grew after the page showed would push the page down under the reader's eyes. */}
        {session.state === 'unknown' ? null : children}
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <p>{texts.portal.footer(names)}</p>
          <p>{texts.portal.footerNote(names)}</p>
          <nav aria-label={texts.portal.footerNav}>
            <ul class="footer-links">
              {legalPages.map((legal) => (
                <li key={legal.id}>
                  <a href={legal.path}>{legal.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}
