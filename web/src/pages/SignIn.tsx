import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Page } from '../components/Page.tsx';
import { call } from '../lib/api.ts';
import { safeNext, signInHref } from '../paths.ts';
import { loadSession } from '../session.ts';
import { startTexts } from './start.texts.de.ts';

type Phase = { phase: 'working' } | { phase: 'failed'; message: string; next: string | undefined };

/** Reads the token from the fragment and takes it out of the address bar and the history. */
function takeToken(): { token: string | null; next: string | undefined } {
  const params = new URLSearchParams(window.location.hash.slice(1));
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
  return { token: params.get('token'), next: safeNext(params.get('next')) };
}

/**
 * The page the emailed link opens (`/anmelden#token=…&next=…`). Opening it changes nothing: the
 * token is redeemed by this script's POST, so a mail scanner that fetches the link consumes nothing.
 */
export function SignIn() {
  const { route } = useLocation();
  const [state, setState] = useState<Phase>({ phase: 'working' });
  const started = useRef(false);

  useEffect(() => {
    const redeem = async () => {
      const { token, next } = takeToken();
      if (!token) {
        setState({ phase: 'failed', message: startTexts.signIn.noToken, next });
        return;
      }
      setState({ phase: 'working' });
      try {
        const created = await call('redeemLink', { body: { token } });
        await loadSession();
        // The office confirms the link with its second factor first (the page sets one up if none yet).
        if (created.secondFactor === 'pending')
          route(`/zweiter-faktor${next ? `?next=${encodeURIComponent(next)}` : ''}`, true);
        else
          route(
            next ??
              (created.roles.includes('admin')
                ? '/verwaltung'
                : created.roles.includes('local')
                  ? '/allianz'
                  : '/skizzen/neu'),
            true,
          );
      } catch (failure) {
        // A link used up on this device (a vote mail opened again): the session it made still holds.
        const session = await loadSession();
        if (session.state === 'signed-in') route(next ?? '/', true);
        else setState({ phase: 'failed', message: (failure as Error).message, next });
      }
    };
    // A link pasted into this tab while the page is open only changes the fragment.
    const onHashChange = () => {
      if (window.location.hash.includes('token=')) void redeem();
    };
    if (!started.current) {
      started.current = true;
      void redeem();
    }
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, [route]);

  return (
    <Page title={startTexts.signIn.title}>
      {state.phase === 'working' ? (
        <p role="status" class="notice">
          {startTexts.signIn.working}
        </p>
      ) : (
        <div class="notice notice--error" role="alert">
          <p>{state.message}</p>
          <p>
            <a class="button" href={state.next ? signInHref(state.next) : '/'}>
              {startTexts.signIn.requestNew}
            </a>
          </p>
        </div>
      )}
    </Page>
  );
}
