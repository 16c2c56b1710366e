import { useEffect, useRef, useState } from 'preact/hooks';
import { berlinDate, formatDate, formatDateTime } from '../../../../functions/core/dates.ts';
import type { FieldError } from '../../../../functions/core/sketch.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { type AnswerOf, call } from '../../lib/api.ts';
import { NotLoaded, useAction, useLoad } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import { OfficeNav } from '../votes/OfficeNav.tsx';
import { logEntryText, privacyPageTexts as t } from './Privacy.texts.de.ts';

/*
 * `/verwaltung/datenschutz`: erasure on request (erasePerson) in three steps — the address twice
 * and the reason, the confirmation that says what goes and what stays, the result with what a
 * retention duty keeps — and the retention log (retentionLog) in words.
 */

type Erasure = AnswerOf<'erasePerson'>;
type LogItem = AnswerOf<'retentionLog'>['items'][number];
type Input = { email: string; confirmEmail: string; reason: string };

const ids: Record<string, string> = {
  email: 'erasure-email',
  confirmEmail: 'erasure-confirm-email',
  reason: 'erasure-reason',
};
const idFor = (field: string) => ids[field.split('.')[0] ?? ''] ?? 'erasure-email';

/** The checks the API makes too, before the confirmation, so the office corrects them first. */
function check(input: Input): FieldError[] {
  const errors: FieldError[] = [];
  const email = input.email.trim().toLowerCase();
  if (!email) errors.push({ field: 'email', message: t.erasure.emailMissing });
  if (input.confirmEmail.trim().toLowerCase() !== email)
    errors.push({ field: 'confirmEmail', message: t.erasure.confirmMismatch });
  if (input.reason.trim().length < 5) errors.push({ field: 'reason', message: t.erasure.reasonMissing });
  return errors;
}

function ErasureForm({
  input,
  setInput,
  errors,
  onNext,
}: {
  input: Input;
  setInput: (input: Input) => void;
  errors: readonly FieldError[];
  onNext: () => void;
}) {
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) summaryRef.current?.focus();
  }, [errors]);
  const error = (field: string) => errors.find((e) => idFor(e.field) === ids[field])?.message;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
      }}
      noValidate
      aria-labelledby="erasure-heading"
    >
      {errors.length ? (
        <ErrorSummary
          errors={errors}
          idFor={idFor}
          summaryRef={summaryRef}
          heading={t.erasure.summaryHeading}
        />
      ) : null}
      <Field
        id={ids.email ?? ''}
        label={t.erasure.email}
        type="email"
        value={input.email}
        onInput={(email) => setInput({ ...input, email })}
        error={error('email')}
        autoComplete="off"
      />
      <Field
        id={ids.confirmEmail ?? ''}
        label={t.erasure.confirmEmail}
        hint={t.erasure.confirmHint}
        type="email"
        value={input.confirmEmail}
        onInput={(confirmEmail) => setInput({ ...input, confirmEmail })}
        error={error('confirmEmail')}
        autoComplete="off"
      />
      <Field
        id={ids.reason ?? ''}
        label={t.erasure.reason}
        hint={t.erasure.reasonHint}
        value={input.reason}
        onInput={(reason) => setInput({ ...input, reason })}
        error={error('reason')}
        limits={{ min: 5, max: 1000 }}
        multiline
      />
      <div class="actions">
        <button type="submit" class="button">
          {t.erasure.next}
        </button>
      </div>
    </form>
  );
}

/** Why the API refused: its conflicts in the office's words, with the page that resolves them. */
function Refusal({ code, message }: { code: string | undefined; message: string }) {
  const names = useNames();
  const r = t.refusals;
  const [text, link] =
    code === 'is_admin'
      ? [r.isAdmin(names), { href: '/verwaltung/zugaenge', label: r.accessLink }]
      : code === 'holds_seat'
        ? [r.holdsSeat(names), { href: '/verwaltung/sitze', label: r.seatsLink }]
        : [message, undefined];
  return (
    <div id="erasure-refusal" class="notice notice--error" role="alert">
      <p>{text}</p>
      {link ? (
        <p>
          <a href={link.href}>{link.label}</a>
        </p>
      ) : null}
    </div>
  );
}

function Confirmation({
  email,
  busy,
  refusal,
  onConfirm,
  onBack,
}: {
  email: string;
  busy: boolean;
  refusal: { code: string | undefined; message: string } | undefined;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const c = t.confirm;
  const names = useNames();
  const questionRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => questionRef.current?.focus(), []);
  return (
    <form
      class="confirm"
      aria-labelledby="erasure-question"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm();
      }}
    >
      <h3 id="erasure-question" class="confirm__question" tabIndex={-1} ref={questionRef}>
        {c.question(email)}
      </h3>
      <ul>
        <li>{c.deleted}</li>
        <li>{c.pseudonymised(names)}</li>
        <li>{c.kept}</li>
      </ul>
      <p>{c.mail}</p>
      {refusal ? <Refusal code={refusal.code} message={refusal.message} /> : null}
      <div class="actions">
        <button
          type="submit"
          class="button button--danger"
          disabled={busy}
          aria-describedby={refusal ? 'erasure-refusal' : undefined}
        >
          {busy ? c.busy : c.submit}
        </button>
        <button type="button" class="button button--quiet" disabled={busy} onClick={onBack}>
          {c.back}
        </button>
      </div>
    </form>
  );
}

function Result({ email, result, onAnother }: { email: string; result: Erasure; onAnother: () => void }) {
  const r = t.result;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div class="notice notice--success">
      <h3 id="erasure-result" tabIndex={-1} ref={headingRef}>
        {r.heading}
      </h3>
      <p>{r.done(email)}</p>
      <ul>
        <li>{r.deleted(result.deleted)}</li>
        <li>{r.pseudonymised(result.pseudonymised)}</li>
        <li>{r.files(result.files)}</li>
        <li>{r.mails(result.mails)}</li>
        <li>{r.signIns(result.signIns)}</li>
      </ul>
      <h4>{r.keptHeading}</h4>
      {result.kept.length ? (
        <>
          <p>{r.keptIntro}</p>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{r.keptCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{r.keptTitle}</th>
                  <th scope="col">{r.keptUntil}</th>
                </tr>
              </thead>
              <tbody>
                {result.kept.map((k) => (
                  <tr key={k.sketchId}>
                    <th scope="row">
                      <a href={`/verwaltung/skizzen/${k.sketchId}`}>{k.title}</a>
                    </th>
                    <td>{formatDate(berlinDate(new Date(k.until)))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>{r.noneKept}</p>
      )}
      <div class="actions">
        <button type="button" class="button button--quiet" onClick={onAnother}>
          {r.another}
        </button>
      </div>
    </div>
  );
}

const empty: Input = { email: '', confirmEmail: '', reason: '' };

function ErasureSection({ onErased }: { onErased: () => void }) {
  const [input, setInput] = useState<Input>(empty);
  const [step, setStep] = useState<'input' | 'confirm' | 'done'>('input');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<{ email: string; answer: Erasure }>();
  const action = useAction();
  const email = input.email.trim().toLowerCase();

  const next = () => {
    const found = check(input);
    setErrors(found);
    action.setError(undefined);
    if (!found.length) setStep('confirm');
  };
  const erase = async () => {
    const body = {
      email,
      confirmEmail: input.confirmEmail.trim().toLowerCase(),
      reason: input.reason.trim(),
    };
    const answer = await action.run(() => call('erasePerson', { body }));
    if (answer) {
      setResult({ email, answer });
      setInput(empty);
      setStep('done');
      onErased();
    }
  };
  // A field the API refused goes back to the form, beside its field.
  useEffect(() => {
    if (action.error?.fields.length) {
      setErrors([...action.error.fields]);
      setStep('input');
    }
  }, [action.error]);
  const refusal =
    action.error && !action.error.fields.length
      ? { code: action.error.code, message: action.error.message }
      : undefined;

  return (
    <section aria-labelledby="erasure-heading" class="panel">
      <h2 id="erasure-heading">{t.erasure.heading}</h2>
      {step === 'input' ? (
        <>
          <p>{t.erasure.intro}</p>
          <ErasureForm input={input} setInput={setInput} errors={errors} onNext={next} />
        </>
      ) : step === 'confirm' ? (
        <Confirmation
          email={email}
          busy={action.busy}
          refusal={refusal}
          onConfirm={() => void erase()}
          onBack={() => {
            action.setError(undefined);
            setStep('input');
          }}
        />
      ) : result ? (
        <Result
          email={result.email}
          result={result.answer}
          onAnother={() => {
            setResult(undefined);
            setStep('input');
          }}
        />
      ) : null}
    </section>
  );
}

function occasion(entry: LogItem): string {
  return entry.kind === 'request' || entry.action === 'erased'
    ? t.log.request(entry.by, entry.reason)
    : t.log.automatic;
}

function scope(entry: LogItem): string {
  const l = t.log;
  return [
    entry.sketchId ? l.sketch(entry.sketchId) : '',
    l.items(entry.items),
    entry.files ? l.files(entry.files) : '',
    entry.kept?.length ? l.kept(entry.kept.length) : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function RetentionLog({ reloads }: { reloads: number }) {
  const l = t.log;
  const log = useLoad('retentionLog', {}, reloads);
  return (
    <section aria-labelledby="retention-log-heading">
      <h2 id="retention-log-heading">{l.heading}</h2>
      <p>{l.intro}</p>
      {log.state !== 'loaded' ? (
        <NotLoaded loaded={log} path="/verwaltung/datenschutz" />
      ) : log.data.items.length ? (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{l.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{l.at}</th>
                <th scope="col">{l.what}</th>
                <th scope="col">{l.scope}</th>
                <th scope="col">{l.occasion}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((entry, i) => (
                <tr key={`${entry.at}-${i}`}>
                  <th scope="row">{formatDateTime(entry.at)}</th>
                  <td>{logEntryText(entry)}</td>
                  <td>{scope(entry)}</td>
                  <td>{occasion(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{l.none}</p>
      )}
    </section>
  );
}

export function Privacy() {
  const [reloads, setReloads] = useState(0);
  return (
    <Page title={t.title}>
      <OfficeNav current="privacy" />
      <p>{t.intro}</p>
      <ErasureSection onErased={() => setReloads((n) => n + 1)} />
      <RetentionLog reloads={reloads} />
    </Page>
  );
}
