import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { berlinDate } from '../../../functions/core/dates.ts';
import type { FieldError } from '../../../functions/core/sketch.ts';
import { AttachmentsSlot } from '../components/AttachmentsSlot.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Field } from '../components/Field.tsx';
import { Page } from '../components/Page.tsx';
import { SectionNav, type SectionState } from '../components/SectionNav.tsx';
import { SketchView } from '../components/SketchView.tsx';
import { ApiError, call } from '../lib/api.ts';
import { signInHref } from '../paths.ts';
import { useProfile } from '../profile.ts';
import { sketchTexts } from '../sketch.texts.de.ts';
import { validateDraft } from '../sketch-check.ts';
import { fieldId, normalizeDraft, type PublicProfile, sectionOf, sectionsOf } from '../sketch-form.ts';
import { Loading, type SketchDoc, useSketch } from '../sketch-loading.tsx';
import { attemptedKey, editPath, reviewPath } from '../sketch-paths.ts';
import { texts } from '../texts.de.ts';
import { newIdempotencyKey } from '../uuid.ts';

const t = sketchTexts.review;

type Failure =
  | { kind: 'conflict' }
  | { kind: 'not-editable' }
  | { kind: 'signed-out' }
  | { kind: 'other'; message: string };

function markAttempted(id: string, on: boolean): void {
  try {
    if (on) sessionStorage.setItem(attemptedKey(id), '1');
    else sessionStorage.removeItem(attemptedKey(id));
  } catch {
    // Only a convenience: the edit page then shows errors once fields are touched.
  }
}

function Review({ doc, profile }: { doc: SketchDoc; profile: PublicProfile }) {
  const { route } = useLocation();
  const id = doc.id;
  const draft = useMemo(() => normalizeDraft(doc.draft), [doc]);
  const issues = useMemo(() => validateDraft(draft, profile, berlinDate(new Date())), [draft, profile]);
  const [serverErrors, setServerErrors] = useState<readonly FieldError[]>();
  const [failure, setFailure] = useState<Failure>();
  const [sending, setSending] = useState(false);
  // A resubmission (after the office returned it) tells the office what changed.
  const resubmission = doc.submissions.length > 0;
  const [changeNote, setChangeNote] = useState('');
  /** Bumped to move focus to the error summary or the failure notice once it is rendered. */
  const [focusRequest, setFocusRequest] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  /** One key per version: a retry of the same version is the same submission to the server. */
  const keys = useRef(new Map<number, string>());

  const errors = serverErrors ?? issues.map(({ field, message }) => ({ field, message }));
  useEffect(() => {
    // Seeing the errors here counts as a submit attempt: back in the form, each shows at its field.
    markAttempted(id, errors.length > 0);
  }, [id, errors.length]);
  useEffect(() => {
    if (focusRequest) (failureRef.current ?? summaryRef.current)?.focus();
  }, [focusRequest]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    setFailure(undefined);
    if (errors.length) {
      setFocusRequest((n) => n + 1);
      return;
    }
    const key = keys.current.get(doc.version) ?? newIdempotencyKey();
    keys.current.set(doc.version, key);
    setSending(true);
    try {
      await call(
        'submitSketch',
        {
          params: { id },
          body: { version: doc.version, ...(resubmission && changeNote.trim() ? { changeNote } : {}) },
        },
        { headers: { 'Idempotency-Key': key } },
      );
      markAttempted(id, false);
      route(`/skizzen/${encodeURIComponent(id)}?eingereicht=1`);
      return;
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fields.length)
        setServerErrors(error.fields);
      else if (error instanceof ApiError && error.status === 409)
        setFailure(error.code === 'version_conflict' ? { kind: 'conflict' } : { kind: 'not-editable' });
      else if (error instanceof ApiError && error.status === 401) setFailure({ kind: 'signed-out' });
      else setFailure({ kind: 'other', message: (error as Error).message });
      setFocusRequest((n) => n + 1);
    }
    setSending(false);
  };

  const sections = sectionsOf(profile);
  const states: SectionState[] = sections.map((s) =>
    errors.some((e) => sectionOf(e.field).key === s.key) ? 'errors' : 'done',
  );
  return (
    <div class="sketch-editor">
      <div class="editor-layout">
        <SectionNav
          sections={sections}
          current={-1}
          states={states}
          hrefFor={(slug) => editPath(id, slug)}
          reviewHref={reviewPath(id)}
        />
        <div class="editor-form">
          {failure ? (
            <div class="notice notice--error" role="alert" tabIndex={-1} ref={failureRef}>
              {failure.kind === 'conflict' ? (
                <>
                  <p>{t.conflict}</p>
                  <p>
                    <button type="button" class="button button--quiet" onClick={() => location.reload()}>
                      {t.reload}
                    </button>
                  </p>
                </>
              ) : failure.kind === 'not-editable' ? (
                <>
                  <p>{t.notEditable}</p>
                  <p>
                    <a href={`/skizzen/${encodeURIComponent(id)}`}>{texts.editSketch.notEditable.link}</a>
                  </p>
                </>
              ) : failure.kind === 'signed-out' ? (
                <>
                  <p>{t.signedOut}</p>
                  <p>
                    <a href={signInHref(reviewPath(id))} target="_blank" rel="noopener">
                      {texts.prompt.linkNewWindow}
                    </a>
                  </p>
                </>
              ) : (
                <p>{failure.message}</p>
              )}
            </div>
          ) : null}
          {errors.length ? (
            <ErrorSummary
              errors={errors}
              idFor={(field) => fieldId(field, draft)}
              hrefFor={(field) =>
                `${editPath(id, sectionOf(field).slug)}#${encodeURIComponent(fieldId(field, draft))}`
              }
              heading={t.incomplete(errors.length)}
              live={focusRequest > 0}
              summaryRef={summaryRef}
            />
          ) : (
            <div class="notice notice--success">
              <p>{t.complete}</p>
            </div>
          )}
          <p>{t.intro(profile.names)}</p>
          <SketchView draft={doc.draft} profile={profile} editHref={(slug) => editPath(id, slug)} />
          <AttachmentsSlot sketchId={id} />
          <section class="panel submit-panel" aria-labelledby="submit-heading">
            <h2 id="submit-heading">{t.submitHeading}</h2>
            <p>{t.submitText(profile.names)}</p>
            <form onSubmit={submit} noValidate>
              {resubmission ? (
                <Field
                  id="submit-changeNote"
                  label={t.changeNote}
                  hint={t.changeNoteHint}
                  multiline
                  value={changeNote}
                  onInput={setChangeNote}
                  limits={{ min: 0, max: 2000 }}
                />
              ) : null}
              <button type="submit" class="button" disabled={sending}>
                {sending ? t.sending : t.submit}
              </button>
            </form>
          </section>
        </div>
      </div>
    </div>
  );
}

/** `/skizzen/:id/pruefen`: the whole sketch to read, its errors linked to their fields, and the submit button. */
export function ReviewSketch() {
  const { params } = useRoute();
  const { url, path } = useLocation();
  const id = params.id ?? '';
  const loaded = useSketch(id);
  const profile = useProfile();
  return (
    <Page title={t.title}>
      <Loading loaded={loaded} profile={profile} path={url || path}>
        {(doc, p) =>
          doc.status === 'draft' ? (
            <Review key={doc.id} doc={doc} profile={p} />
          ) : (
            <div class="notice notice--info">
              <p>{t.notEditable}</p>
              <p>
                <a href={`/skizzen/${encodeURIComponent(id)}`}>{texts.editSketch.notEditable.link}</a>
              </p>
            </div>
          )
        }
      </Loading>
    </Page>
  );
}
