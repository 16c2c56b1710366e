import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { de } from '../../../functions/core/messages.de.ts';
import { processSteps, processTexts } from '../../../functions/core/process.de.ts';
import { email as emailSchema } from '../../../functions/core/sketch.ts';
import { Field } from '../components/Field.tsx';
import { Page } from '../components/Page.tsx';
import { ApiError, call } from '../lib/api.ts';
import { useNames } from '../names.ts';
import { safeNext } from '../paths.ts';
import { useProfile } from '../profile.ts';
import { isAdmin, useSession } from '../session.ts';
import { startTexts } from './start.texts.de.ts';

const emailInput = emailSchema(de.field.email);

type Sent = { email: string } | undefined;

const inputId = 'sign-in-email';
const focusInput = () => document.getElementById(inputId)?.focus();

function SignInForm({ next }: { next: string | undefined }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Sent>();
  const sentRef = useRef<HTMLDivElement>(null);
  const formErrorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (sent) sentRef.current?.focus();
  }, [sent]);
  useEffect(() => {
    if (formError) formErrorRef.current?.focus();
  }, [formError]);

  const validate = () => {
    const parsed = emailInput.safeParse(value);
    setError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    return parsed;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setFormError(undefined);
    const parsed = validate();
    if (!parsed.success) {
      focusInput();
      return;
    }
    setSending(true);
    try {
      await call('requestLink', { body: { email: parsed.data, ...(next ? { next } : {}) } });
      setSent({ email: parsed.data });
    } catch (failure) {
      const fieldMessage =
        failure instanceof ApiError ? failure.fields.find((f) => f.field === 'email')?.message : undefined;
      if (fieldMessage) {
        setError(fieldMessage);
        focusInput();
      } else {
        setFormError((failure as Error).message);
      }
    } finally {
      setSending(false);
    }
  };

  if (sent) {
    return (
      <div class="notice notice--success" ref={sentRef} tabIndex={-1} role="status">
        <h3>{startTexts.start.sentHeading}</h3>
        <p>{startTexts.start.sent(sent.email)}</p>
        <p>{startTexts.start.sentHelp}</p>
        <button
          type="button"
          class="button button--quiet"
          onClick={() => {
            setSent(undefined);
            requestAnimationFrame(() => focusInput());
          }}
        >
          {startTexts.start.again}
        </button>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="sign-in-heading">
      {formError ? (
        <div class="notice notice--error" role="alert" tabIndex={-1} ref={formErrorRef}>
          <p>{formError}</p>
        </div>
      ) : null}
      <p class="hint">{startTexts.start.signInHint}</p>
      <Field
        id={inputId}
        label={de.field.email}
        type="email"
        autoComplete="email"
        value={value}
        error={error}
        onInput={(v) => {
          setValue(v);
          if (error && emailInput.safeParse(v).success) setError(undefined);
        }}
        onBlur={() => {
          if (value.trim()) validate();
        }}
      />
      <button type="submit" class="button" disabled={sending}>
        {sending ? startTexts.start.sending : startTexts.start.submit}
      </button>
    </form>
  );
}

/** What the portal is, and the sign-in form (or, when signed in, where to go next). */
export function Start() {
  const { query } = useLocation();
  const current = useSession();
  const next = safeNext(query.next);
  const names = useNames();
  const profile = useProfile();
  return (
    <Page title={startTexts.start.title}>
      <p class="lead">{startTexts.start.intro(names)}</p>
      {profile.state === 'loaded' ? (
        // The alliance's own steps and body, from its profile (`process`).
        <section aria-labelledby="process-heading" class="panel">
          <h2 id="process-heading">{processTexts.heading}</h2>
          <ol>
            {processSteps(profile.profile).map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <h3>{processTexts.decisionBodyHeading(profile.profile.names)}</h3>
          <p>{profile.profile.process.decisionBodyComposition}</p>
        </section>
      ) : null}
      <section aria-labelledby="sign-in-heading" class="panel">
        <h2 id="sign-in-heading">{startTexts.start.signInHeading}</h2>
        {current.state === 'signed-in' ? (
          <>
            <p>{startTexts.start.signedIn(current.me.email)}</p>
            <p class="actions">
              <a class="button" href="/skizzen/neu">
                {startTexts.start.continueApplicant}
              </a>
              <a class="button button--quiet" href="/meine-skizzen">
                {startTexts.start.continueMySketches}
              </a>
              {isAdmin(current) ? (
                <a class="button button--quiet" href="/verwaltung">
                  {startTexts.start.continueAdmin}
                </a>
              ) : current.me.secondFactor === 'pending' ? (
                <a class="button button--quiet" href="/zweiter-faktor">
                  {startTexts.start.confirmSecondFactor}
                </a>
              ) : null}
            </p>
          </>
        ) : (
          <SignInForm next={next} />
        )}
      </section>
    </Page>
  );
}
