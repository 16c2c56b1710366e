import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { de } from '../../../functions/core/messages.de.ts';
import {
  type FieldError,
  fieldErrors,
  type SketchField,
  sketchInput,
  sketchLimits,
} from '../../../functions/core/sketch.ts';
import { ApiError, api, type SketchCreated } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Field } from '../components/Field.tsx';
import { Page } from '../components/Page.tsx';
import { SignInPrompt } from '../components/SignInPrompt.tsx';
import { signInHref } from '../paths.ts';
import { useSession } from '../session.ts';
import { texts } from '../texts.de.ts';
import { newIdempotencyKey } from '../uuid.ts';

const path = '/skizzen/neu';

/** The form's fields, in the order they appear (and the error summary lists them). */
const fields = [
  'title',
  'organisation',
  'contactName',
  'contactEmail',
  'summary',
] as const satisfies readonly SketchField[];

type Values = Record<SketchField, string>;
type Errors = Partial<Record<SketchField, string>>;

const inputId = (field: string) => `sketch-${field}`;
const isField = (field: string): field is SketchField => (fields as readonly string[]).includes(field);

function errorsFrom(list: readonly FieldError[]): { errors: Errors; other: string[] } {
  const errors: Errors = {};
  const other: string[] = [];
  for (const { field, message } of list) {
    if (isField(field)) errors[field] ??= message;
    else other.push(message);
  }
  return { errors, other };
}

/** The error the shared schema finds for one field, judging the whole form as the API will. */
function errorFor(values: Values, field: SketchField): string | undefined {
  const parsed = sketchInput.safeParse(values);
  if (parsed.success) return undefined;
  return fieldErrors(parsed.error).find((e) => e.field === field)?.message;
}

function SketchForm({ email }: { email: string }) {
  const { route } = useLocation();
  const [values, setValues] = useState<Values>({
    title: '',
    organisation: '',
    contactName: '',
    contactEmail: email,
    summary: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [showSummary, setShowSummary] = useState(false);
  const [formError, setFormError] = useState<{ message: string; signIn?: boolean }>();
  const [sending, setSending] = useState(false);
  /** Fields the person has typed into: only these are checked when focus leaves them. */
  const touched = useRef(new Set<SketchField>());
  /** Bumped to move focus to the summary (or the form's error) once it is on screen. */
  const [focusRequest, setFocusRequest] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formErrorRef = useRef<HTMLDivElement>(null);
  /** One key per content: a retry of the same content reuses it, so the server stores it once. */
  const attempt = useRef<{ key: string; body: string }>({ key: newIdempotencyKey(), body: '' });

  useEffect(() => {
    if (focusRequest === 0) return;
    (summaryRef.current ?? formErrorRef.current)?.focus();
  }, [focusRequest]);

  const setValue = (field: SketchField, value: string) => {
    const next = { ...values, [field]: value };
    touched.current.add(field);
    setValues(next);
    // Once a field shows an error, it is re-checked while typing, so the error goes when fixed.
    if (errors[field]) setErrors({ ...errors, [field]: errorFor(next, field) });
  };

  const check = (field: SketchField) => {
    // Tabbing through untouched fields shows nothing; after a failed submit every field is checked.
    if (!touched.current.has(field) && !errors[field] && !showSummary) return;
    setErrors({ ...errors, [field]: errorFor(values, field) });
  };

  const fail = (list: readonly FieldError[], message?: string) => {
    const { errors: byField, other } = errorsFrom(list);
    setErrors(byField);
    setShowSummary(Object.keys(byField).length > 0);
    const rest = [...other, ...(Object.keys(byField).length === 0 && message ? [message] : [])];
    setFormError(rest.length ? { message: rest.join(' ') } : undefined);
    setFocusRequest((n) => n + 1);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    setFormError(undefined);
    const parsed = sketchInput.safeParse(values);
    if (!parsed.success) {
      fail(fieldErrors(parsed.error));
      return;
    }
    const body = JSON.stringify(parsed.data);
    if (attempt.current.body && attempt.current.body !== body)
      attempt.current = { key: newIdempotencyKey(), body };
    attempt.current.body = body;
    setSending(true);
    try {
      const created = await api.post<SketchCreated>('/api/sketches', parsed.data, {
        'Idempotency-Key': attempt.current.key,
      });
      route(`/skizzen/${encodeURIComponent(created.id)}?eingereicht=1`);
    } catch (failure) {
      setSending(false);
      if (failure instanceof ApiError && failure.status === 400 && failure.fields.length) {
        fail(failure.fields, failure.message);
      } else if (failure instanceof ApiError && failure.status === 401) {
        setShowSummary(false);
        setFormError({ message: texts.sketchForm.sessionEnded, signIn: true });
        setFocusRequest((n) => n + 1);
      } else {
        setShowSummary(false);
        setFormError({ message: (failure as Error).message });
        setFocusRequest((n) => n + 1);
      }
    }
  };

  const summary = fields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ field, message }] : [];
  });
  const hints = texts.sketchForm.hints;
  const limits: Partial<Record<SketchField, { min: number; max: number }>> = sketchLimits;

  return (
    <form onSubmit={submit} noValidate class="sketch-form">
      {showSummary && summary.length ? (
        <ErrorSummary errors={summary} idFor={inputId} summaryRef={summaryRef} />
      ) : null}
      {formError ? (
        <div class="notice notice--error" role="alert" tabIndex={-1} ref={formErrorRef}>
          <p>{formError.message}</p>
          {formError.signIn ? (
            <p>
              <a href={signInHref(path)} target="_blank" rel="noopener">
                {texts.prompt.linkNewWindow}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      <p>{texts.sketchForm.intro}</p>
      {fields.map((field) => (
        <Field
          key={field}
          id={inputId(field)}
          label={de.field[field]}
          value={values[field]}
          error={errors[field]}
          hint={hints[field]}
          limits={limits[field]}
          multiline={field === 'summary'}
          type={field === 'contactEmail' ? 'email' : 'text'}
          autoComplete={
            field === 'organisation'
              ? 'organization'
              : field === 'contactName'
                ? 'name'
                : field === 'contactEmail'
                  ? 'email'
                  : 'off'
          }
          onInput={(value) => setValue(field, value)}
          onBlur={() => check(field)}
        />
      ))}
      <button type="submit" class="button" disabled={sending}>
        {sending ? texts.sketchForm.sending : texts.sketchForm.submit}
      </button>
    </form>
  );
}

/** The minimal sketch: title, organisation, contact and summary, checked by the API's own schema. */
export function NewSketch() {
  const current = useSession();
  return (
    <Page title={texts.sketchForm.title}>
      {current.state === 'signed-in' ? (
        <SketchForm email={current.me.email} />
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
