import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { loadChecks } from '../checks.ts';
import { useChunk } from '../chunk.ts';
import { Page } from '../components/Page.tsx';
import { SignInPrompt } from '../components/SignInPrompt.tsx';
import { formTexts } from '../form.texts.de.ts';
import { ApiError, call } from '../lib/api.ts';
import { useNames } from '../names.ts';
import { signInHref } from '../paths.ts';
import { useProfile } from '../profile.ts';
import { useSession } from '../session.ts';
import { sketchTexts } from '../sketch.texts.de.ts';
import { editPath, sectionsOf } from '../sketch-paths.ts';
import { texts } from '../texts.de.ts';
import { newIdempotencyKey } from '../uuid.ts';
import { PrivacyNotice } from './legal/Legal.tsx';
import { legalTexts } from './legal/legal.texts.de.ts';

const path = '/skizzen/neu';
const t = sketchTexts.newSketch;

function CreateForm({ email }: { email: string }) {
  const { route } = useLocation();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ message: string; signIn?: boolean }>();
  // The notice must be read before the first save: the draft exists from the click below on.
  const [acknowledged, setAcknowledged] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  // The form's checks load while the notice is read (the form then opens with them at hand).
  useChunk(loadChecks, { idle: true });
  const profile = useProfile();
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const create = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    if (!acknowledged) {
      setError({ message: legalTexts.notice.mustAcknowledge });
      return;
    }
    setError(undefined);
    setSending(true);
    try {
      const draft = { applicant: { contactEmail: email } };
      // The new draft's open steps go with it, for the form's step list on a later visit; if the
      // checks cannot load, it starts without them.
      const checks = await loadChecks().catch(() => undefined);
      const openSteps =
        checks && profile.state === 'loaded' ? checks.stepsOpen(draft, profile.profile) : undefined;
      // A fresh key per click: each click means one new sketch; a retry by the network layer reuses it.
      const doc = await call(
        'createSketch',
        { body: { draft, ...(openSteps ? { openSteps } : {}) } },
        { headers: { 'Idempotency-Key': newIdempotencyKey() } },
      );
      route(editPath(doc.id));
    } catch (failure) {
      setSending(false);
      if (failure instanceof ApiError && failure.status === 401)
        setError({ message: formTexts.sketchForm.sessionEnded, signIn: true });
      else setError({ message: (failure as Error).message });
    }
  };

  return (
    <form onSubmit={create} noValidate aria-labelledby="new-sketch-heading">
      {error ? (
        <div class="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
          <p>{error.message}</p>
          {error.signIn ? (
            <p>
              <a href={signInHref(path)}>{texts.prompt.link}</a>
            </p>
          ) : null}
        </div>
      ) : null}
      <h2 id="new-sketch-heading">{t.heading}</h2>
      <p>{t.autosave}</p>
      <PrivacyNotice />
      <p>
        <label>
          <input
            type="checkbox"
            name="privacyNotice"
            checked={acknowledged}
            onChange={(event) => setAcknowledged((event.target as HTMLInputElement).checked)}
          />{' '}
          {legalTexts.notice.acknowledge}
        </label>
      </p>
      <button type="submit" class="button" disabled={sending}>
        {sending ? t.creating : t.create}
      </button>
    </form>
  );
}

/** `/skizzen/neu`: what a sketch asks for, and the button that starts one (then the form opens). */
export function NewSketch() {
  const current = useSession();
  const names = useNames();
  const profile = useProfile();
  const sections = sectionsOf(profile.state === 'loaded' ? profile.profile : undefined);
  return (
    <Page title={t.title}>
      <p class="lead">{t.intro(names)}</p>
      <h2>{t.sectionsHeading}</h2>
      <ol class="section-list">
        {sections.map((s) => (
          <li key={s.key}>{s.title}</li>
        ))}
      </ol>
      <p>{t.prepare}</p>
      {current.state === 'signed-in' ? (
        <CreateForm email={current.me.email} />
      ) : current.state === 'anonymous' ? (
        <SignInPrompt path={path} />
      ) : current.state === 'unreachable' ? (
        <div class="notice notice--error" role="alert">
          <p>{current.message}</p>
        </div>
      ) : (
        <p role="status">{texts.error.loading}</p>
      )}
    </Page>
  );
}
