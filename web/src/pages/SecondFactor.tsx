import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Field } from '../components/Field.tsx';
import { Page } from '../components/Page.tsx';
import { type AnswerOf, ApiError, call } from '../lib/api.ts';
import { useAction } from '../lib/load.tsx';
import { safeNext } from '../paths.ts';
import { loadSession } from '../session.ts';
import { secondFactorTexts as t } from './second-factor.texts.de.ts';

/*
 * The office's second factor (docs/api.md, "Second factor"): `/zweiter-faktor/einrichten` sets one
 * up at the first admin sign-in (a passkey, or an authenticator app by its secret as text), then
 * shows the recovery codes once; `/zweiter-faktor` confirms a later sign-in by passkey, app code or
 * recovery code. Each page sends to the other when the account's state says so; `?next=` is where
 * to go afterwards (the office's console by default).
 */

type Status = AnswerOf<'secondFactorStatus'>;
type Passed = AnswerOf<'verifyTotp'>;

const enrolPath = '/zweiter-faktor/einrichten';
const verifyPath = '/zweiter-faktor';

/** Where to go afterwards: `?next=` when it is a path of ours, else the office's console. */
const nextOf = (query: Record<string, string>) => safeNext(query.next) ?? '/verwaltung';

/** The browser's passkey dialog: cancelled or refused, it says so in our words, not the browser's. */
const browserStep = <T,>(step: Promise<T>) =>
  step.catch(() => {
    throw new ApiError(0, t.passkeyCancelled);
  });

/** The address of the other page, keeping `next`. */
const withNext = (path: string, query: Record<string, string>) =>
  query.next ? `${path}?next=${encodeURIComponent(query.next)}` : path;

function useStatus(): { status: Status | undefined; error: string | undefined } {
  const [status, setStatus] = useState<Status>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    call('secondFactorStatus').then(setStatus, (failure: Error) => setError(failure.message));
  }, []);
  return { status, error };
}

/** An error said where it happened, announced at once. */
function Problem({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div class="notice notice--error" role="alert">
      <p>{message}</p>
    </div>
  );
}

/** A six-digit code with its button: the authenticator app's. */
function CodeForm({
  id,
  button,
  busy,
  onSubmit,
}: {
  id: string;
  button: string;
  busy: boolean;
  onSubmit: (code: string) => void;
}) {
  const [code, setCode] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(code);
      }}
    >
      <Field id={id} label={t.codeLabel} value={code} onInput={setCode} autoComplete="one-time-code" />
      <button class="button" type="submit" disabled={busy}>
        {busy ? t.working : button}
      </button>
    </form>
  );
}

/** The recovery codes, shown this once, and the way on. */
function RecoveryCodes({ codes, next }: { codes: readonly string[]; next: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="recovery-codes">
      <h2 id="recovery-codes" tabIndex={-1} ref={heading}>
        {t.recovery.heading}
      </h2>
      <p>{t.recovery.intro}</p>
      <ul class="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a class="button" href={next}>
          {t.recovery.continue}
        </a>
      </p>
    </section>
  );
}

/** `/zweiter-faktor/einrichten`: the first admin sign-in sets up a passkey or an authenticator app. */
export function SecondFactorEnrol() {
  const { route, query } = useLocation();
  const next = nextOf(query);
  const { status, error: loadError } = useStatus();
  const { busy, error, run: attempt } = useAction();
  const [totp, setTotp] = useState<AnswerOf<'setupTotp'>>();
  const [codes, setCodes] = useState<readonly string[]>();

  const enrolled = status && (status.totp || status.passkeys.length > 0);
  useEffect(() => {
    if (!status || codes) return;
    if (status.state === 'none') route('/', true);
    else if (status.state === 'pending' && enrolled) route(withNext(verifyPath, query), true);
  }, [status, enrolled, codes, route, query]);

  const done = async (passed: Passed) => {
    await loadSession();
    if (passed.recoveryCodes) setCodes(passed.recoveryCodes);
    else route(next);
  };

  const passkey = () =>
    attempt(async () => {
      const optionsJSON = await call('passkeyRegistrationOptions');
      const response = await browserStep(startRegistration({ optionsJSON: optionsJSON as never }));
      await done(await call('registerPasskey', { body: response as never }));
    });

  return (
    <Page title={t.enrol.title}>
      <Problem message={loadError} />
      {codes ? (
        <RecoveryCodes codes={codes} next={next} />
      ) : !status ? (
        loadError ? null : (
          <p role="status">{t.loading}</p>
        )
      ) : (
        <>
          <p>{t.enrol.intro}</p>
          <Problem message={error?.message} />
          <section aria-labelledby="enrol-passkey">
            <h2 id="enrol-passkey">{t.enrol.passkeyHeading}</h2>
            <p>{t.enrol.passkeyHint}</p>
            <button class="button" type="button" disabled={busy} onClick={passkey}>
              {t.enrol.passkeyButton}
            </button>
          </section>
          <section aria-labelledby="enrol-totp">
            <h2 id="enrol-totp">{t.enrol.totpHeading}</h2>
            <p>{t.enrol.totpHint}</p>
            {totp ? (
              <>
                <dl>
                  <dt>{t.enrol.secretLabel}</dt>
                  <dd>
                    <code data-testid="totp-secret">{totp.secret}</code>
                  </dd>
                  <dt>{t.enrol.uriLabel}</dt>
                  <dd>
                    <code class="break-all">{totp.uri}</code>
                  </dd>
                </dl>
                <CodeForm
                  id="totp-code"
                  button={t.enrol.confirmButton}
                  busy={busy}
                  onSubmit={(code) =>
                    attempt(async () => done(await call('confirmTotp', { body: { code } })))
                  }
                />
              </>
            ) : (
              <button
                class="button button--quiet"
                type="button"
                disabled={busy}
                onClick={() => attempt(async () => setTotp(await call('setupTotp')))}
              >
                {t.enrol.totpButton}
              </button>
            )}
          </section>
        </>
      )}
    </Page>
  );
}

/** `/zweiter-faktor`: a later admin sign-in is confirmed by passkey, app code or recovery code. */
export function SecondFactorVerify() {
  const { route, query } = useLocation();
  const next = nextOf(query);
  const { status, error: loadError } = useStatus();
  const { busy, error, run: attempt } = useAction();
  const [recovery, setRecovery] = useState('');
  const [left, setLeft] = useState<number>();

  useEffect(() => {
    if (!status) return;
    if (status.state === 'none') route('/', true);
    else if (status.state === 'pending' && !status.totp && status.passkeys.length === 0)
      route(withNext(enrolPath, query), true);
  }, [status, route, query]);

  const done = async (passed: Passed) => {
    await loadSession();
    if (passed.recoveryCodesLeft !== undefined) setLeft(passed.recoveryCodesLeft);
    else route(next);
  };
  const passkey = () =>
    attempt(async () => {
      const optionsJSON = await call('passkeyChallenge');
      const response = await browserStep(startAuthentication({ optionsJSON }));
      await done(await call('verifyPasskey', { body: response as never }));
    });

  return (
    <Page title={t.verify.title}>
      <Problem message={loadError} />
      {left !== undefined ? (
        <div class="notice notice--success" role="status">
          <p>{t.passed}</p>
          <p>{t.verify.recoveryLeft(left)}</p>
          <p>
            <a class="button" href={next}>
              {t.continue}
            </a>
          </p>
        </div>
      ) : !status ? (
        loadError ? null : (
          <p role="status">{t.loading}</p>
        )
      ) : status.state === 'passed' ? (
        <div class="notice notice--success">
          <p>{t.passed}</p>
          <p>
            <a class="button" href={next}>
              {t.continue}
            </a>
          </p>
        </div>
      ) : (
        <>
          <p>{t.verify.intro}</p>
          <Problem message={error?.message} />
          {status.passkeys.length > 0 ? (
            <p>
              <button class="button" type="button" disabled={busy} onClick={passkey}>
                {t.verify.passkeyButton}
              </button>
            </p>
          ) : null}
          {status.totp ? (
            <section aria-labelledby="verify-totp">
              <h2 id="verify-totp">{t.verify.totpHeading}</h2>
              <CodeForm
                id="totp-code"
                button={t.verify.confirmButton}
                busy={busy}
                onSubmit={(code) => attempt(async () => done(await call('verifyTotp', { body: { code } })))}
              />
            </section>
          ) : null}
          <details>
            <summary>{t.verify.recoveryHeading}</summary>
            <p>{t.verify.recoveryHint}</p>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void attempt(async () => done(await call('useRecoveryCode', { body: { code: recovery } })));
              }}
            >
              <Field
                id="recovery-code"
                label={t.verify.recoveryLabel}
                value={recovery}
                onInput={setRecovery}
                autoComplete="off"
              />
              <button class="button button--quiet" type="submit" disabled={busy}>
                {t.verify.recoveryButton}
              </button>
            </form>
          </details>
        </>
      )}
    </Page>
  );
}
