import { useRef, useState } from 'preact/hooks';
import { formatDate, formatDateTime } from '../../../../functions/core/dates.ts';
import { transitions } from '../../../../functions/core/lifecycle.ts';
import { de } from '../../../../functions/core/messages.de.ts';
import { Attachments } from '../../components/Attachments.tsx';
import { Field } from '../../components/Field.tsx';
import { draftSubRegions, LocalStatements } from '../../components/LocalStatements.tsx';
import { call } from '../../lib/api.ts';
import { useAction } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import type { SketchDoc } from '../../sketch-loading.tsx';
import type { PublicProfile } from './shared.ts';
import { adminTexts } from './texts.de.ts';

const t = adminTexts.sketch;

export interface ActionProps {
  doc: SketchDoc;
  /** Called after the API accepted the action, with the sentence to announce. */
  onDone: (announcement: string) => void;
}

/** Whether the office may take `transition` from the sketch's current state (lifecycle.ts). */
export const allows = (transition: keyof typeof transitions, doc: SketchDoc) =>
  (transitions[transition].from as readonly string[]).includes(doc.status);

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The local alliance as the applicant stated it, its attachments, and the local alliances'
 * statements given in their workspace (where the profile has the local step).
 */
export function EndorsementBlock({ doc, profile }: Pick<ActionProps, 'doc'> & { profile: PublicProfile }) {
  const e = t.endorsement;
  // Without the profile's local step there is no local alliance to show: only the attachments.
  if (!profile.localStatements.required)
    return (
      <section aria-labelledby="endorsement-heading" id="befuerwortung" class="review-block">
        <h2 id="endorsement-heading">{e.attachments}</h2>
        <Attachments sketchId={doc.id} />
      </section>
    );
  const stated = record(doc.draft.localAlliance);
  const subRegionId = text(stated.subRegionId);
  const alliance = profile.subRegions.find((s) => s.id === subRegionId)?.localAlliance ?? subRegionId;
  const presentedOn = text(stated.presentedOn);
  const statement = text(stated.statement);
  return (
    <section aria-labelledby="endorsement-heading" id="befuerwortung" class="review-block">
      <h2 id="endorsement-heading">{e.heading}</h2>
      <dl class="details">
        <div class="details__row">
          <dt>{e.alliance}</dt>
          <dd>{alliance || e.missing}</dd>
        </div>
        <div class="details__row">
          <dt>{e.presentedOn}</dt>
          <dd>
            {/^\d{4}-\d{2}-\d{2}$/.test(presentedOn) ? (
              <time dateTime={presentedOn}>{formatDate(presentedOn)}</time>
            ) : (
              presentedOn || e.missing
            )}
          </dd>
        </div>
        <div class="details__row">
          <dt>{e.statement}</dt>
          <dd>{statement || e.missing}</dd>
        </div>
      </dl>
      <h3>{e.attachments}</h3>
      <Attachments sketchId={doc.id} />
      <LocalStatements
        profile={profile}
        subRegionIds={draftSubRegions(doc.draft)}
        statements={doc.localStatements}
        headingLevel={3}
      />
    </section>
  );
}

/** "Zur Abstimmung freigeben": refused by the API (409 statements_missing) until every local statement is in. */
export function AcceptAction({ doc, onDone }: ActionProps) {
  const a = t.accept;
  const names = useNames();
  const action = useAction();
  const missing = action.error?.code === 'statements_missing';
  return (
    <div class="review-block">
      <h3 id="accept-heading">{a.heading}</h3>
      <p id="accept-hint" class="hint">
        {a.hint(names)}
      </p>
      {action.error ? (
        <div id="accept-error" class="notice notice--error" role="alert">
          <p>{action.error.message}</p>
          {missing ? (
            <p>
              <a href="#befuerwortung">{a.toEndorsement}</a>
            </p>
          ) : null}
        </div>
      ) : null}
      <button
        type="button"
        class="button"
        disabled={action.busy}
        aria-describedby={action.error ? 'accept-error accept-hint' : 'accept-hint'}
        onClick={async () => {
          if (await action.run(() => call('acceptSketch', { params: { id: doc.id } }))) onDone(a.done);
        }}
      >
        {action.busy ? a.busy : a.button}
      </button>
    </div>
  );
}

const noteLimits = { min: 10, max: 3000 };

/** "Zur Überarbeitung zurückgeben" with the note the applicant receives by mail (10–3000 characters). */
export function ReturnAction({ doc, onDone }: ActionProps) {
  const r = t.return;
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState<string>();
  const action = useAction();
  const inputId = 'return-note';
  const focusNote = () => document.getElementById(inputId)?.focus();
  /** Validated only on submit and, after a failed submit, while typing: no error before the first try. */
  const tried = useRef(false);

  const check = (value: string) => {
    const length = value.trim().length;
    if (length === 0) return de.validation.required(r.label);
    if (length < noteLimits.min) return de.validation.tooShort(r.label, noteLimits.min);
    if (length > noteLimits.max) return de.validation.tooLong(r.label, noteLimits.max);
    return undefined;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    tried.current = true;
    const problem = check(note);
    setInvalid(problem);
    if (problem) {
      focusNote();
      return;
    }
    const body = { note: note.trim() };
    if (!(await action.run(() => call('returnSketch', { params: { id: doc.id }, body })))) return;
    setNote('');
    tried.current = false;
    onDone(r.done);
  };

  const fieldError = invalid ?? action.error?.fields.find((f) => f.field === 'note')?.message;
  const otherError =
    action.error && !action.error.fields.some((f) => f.field === 'note') ? action.error : undefined;
  return (
    <form class="review-block" onSubmit={submit} noValidate aria-labelledby="return-heading">
      <h3 id="return-heading">{r.heading}</h3>
      <Field
        id={inputId}
        label={r.label}
        hint={r.hint}
        limits={noteLimits}
        multiline
        value={note}
        error={fieldError}
        onInput={(value) => {
          setNote(value);
          if (tried.current) setInvalid(check(value));
        }}
      />
      {otherError ? (
        <p id="return-error" class="field-error" role="alert">
          {otherError.message}
        </p>
      ) : null}
      <button
        type="submit"
        class="button button--quiet"
        disabled={action.busy}
        aria-describedby={otherError ? 'return-error' : undefined}
      >
        {action.busy ? r.busy : r.button}
      </button>
    </form>
  );
}

/** The note of the last return, shown while the sketch is back with the applicant. */
export function ReturnedNotice({ doc }: { doc: SketchDoc }) {
  if (!doc.returned || doc.status !== 'draft') return null;
  return (
    <div class="notice">
      <p>{t.returnedNotice(formatDateTime(doc.returned.at), doc.returned.by)}</p>
      <blockquote class="quote">{doc.returned.note}</blockquote>
    </div>
  );
}
