import { useEffect, useRef, useState } from 'preact/hooks';
import type { AttachmentMeta } from '../../../../functions/core/attachments.ts';
import type { BudgetWarning } from '../../../../functions/core/budget.ts';
import { addMonths, formatDate, isValidDate } from '../../../../functions/core/dates.ts';
import type { DeadlineView } from '../../../../functions/core/followup.ts';
import type { FieldError as ApiFieldError } from '../../../../functions/core/sketch.ts';
import { Field } from '../../components/Field.tsx';
import { call, isAbort } from '../../lib/api.ts';
import { DateField } from '../../lib/controls.tsx';
import { NotLoaded, useAction } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import { useProfile } from '../../profile.ts';
import { officeFollowUpTexts as o } from './office.texts.de.ts';
import {
  DecisionView,
  type FollowUpDoc,
  FormErrors,
  fundingWaitOf,
  ReportContentView,
  ReportFacts,
  Row,
  reportsOf,
  TextArea,
  useAttachmentList,
  useFollowUp,
  useFormErrors,
} from './shared.tsx';
import type { OfficeFollowUpProps } from './slots.tsx';
import { followUpTexts as t } from './texts.de.ts';

/*
 * The office's part after an endorsing Votum, on its sketch page (/verwaltung/skizzen/:id and
 * /…/foerderung, where the mails and the deadlines overview lead): the reported decision with its
 * differences and the budget check before confirming it, the project's end (which moves the final
 * report), interim reports, and accepting a report or asking for more. A chunk of its own.
 */

const berlinDay = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const dayOf = (iso: string) => berlinDay.format(new Date(iso));

interface ChangeProps {
  doc: FollowUpDoc;
  /** An action's answer (the whole follow-up) and the sentence to announce. */
  onChanged: (doc: FollowUpDoc, announcement: string) => void;
}

/** The months after the end the final report is due (the profile's rule); undefined until the profile is loaded. */
function useFinalDue() {
  const profile = useProfile();
  return (end: string) =>
    profile.state === 'loaded' && isValidDate(end)
      ? addMonths(end, profile.profile.reports.finalReportMonthsAfterEnd)
      : undefined;
}

/** A reminder's or the escalation's state; one whose day has come waits for the deadline job's next run. */
const actionState = (at: string, done: boolean) =>
  done ? 'done' : new Date(at).getTime() <= Date.now() ? 'due' : 'planned';

/** Who waits on whom, and (while the applicant is awaited) the reminders and the escalation: rows of a list. */
function WaitingRows({ deadline }: { deadline: DeadlineView }) {
  const w = deadline.waiting;
  const names = useNames();
  const open = deadline.state === 'open';
  return (
    <>
      <Row term={o.waiting}>{o.waitingText(w.by.name, w.on.name, w.what)}</Row>
      {open && deadline.reminders.length ? (
        <Row term={o.reminders}>
          {deadline.reminders.map((r) => o.reminder(dayOf(r.at), actionState(r.at, r.sent))).join(', ')}
        </Row>
      ) : null}
      {open && deadline.escalation ? (
        <Row term={o.escalation(names)}>
          {o.escalationValue(
            dayOf(deadline.escalation.at),
            actionState(deadline.escalation.at, deadline.escalation.done),
          )}
        </Row>
      ) : null}
    </>
  );
}

type BudgetCheck =
  | { state: 'checking' }
  | { state: 'checked'; warnings: BudgetWarning[] }
  | { state: 'failed'; message: string };

/** Before an approval is confirmed: would it overdraw a sub-region's share or the total? */
function useBudgetCheck(doc: FollowUpDoc, cents: number | undefined): BudgetCheck | undefined {
  const [check, setCheck] = useState<BudgetCheck>({ state: 'checking' });
  useEffect(() => {
    if (cents === undefined) return;
    const abort = new AbortController();
    setCheck({ state: 'checking' });
    call(
      'budgetCheck',
      { params: { id: doc.sketchId }, query: { amountCents: cents } },
      { signal: abort.signal },
    )
      .then((answer) => setCheck({ state: 'checked', warnings: answer.warnings }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setCheck({ state: 'failed', message: (error as Error).message });
      });
    return () => abort.abort();
  }, [doc.sketchId, cents]);
  return cents === undefined ? undefined : check;
}

function Confirm({ doc, onChanged }: ChangeProps) {
  const c = o.confirm;
  const decision = doc.fundingDecision;
  const approved = decision?.outcome === 'approved';
  const budget = useBudgetCheck(doc, approved ? decision?.approvedCents : undefined);
  const finalDue = useFinalDue();
  const [note, setNote] = useState('');
  const action = useAction();
  const warned = budget?.state === 'checked' && budget.warnings.length > 0;
  const due = approved && decision?.end ? finalDue(decision.end) : undefined;

  const confirm = async (event: Event) => {
    event.preventDefault();
    const answer = await action.run(() =>
      call('confirmFunding', {
        params: { id: doc.sketchId },
        body: note.trim() ? { note: note.trim() } : {},
      }),
    );
    if (answer) onChanged(answer, c.done(approved));
  };

  return (
    <form class="followup-form" onSubmit={confirm} noValidate aria-labelledby="confirm-heading">
      <h4 id="confirm-heading">{c.heading}</h4>
      <p id="confirm-hint">{approved ? c.approvedHint(due ? formatDate(due) : undefined) : c.rejectedHint}</p>
      {budget?.state === 'checking' ? <p role="status">{c.budgetChecking}</p> : null}
      {budget?.state === 'failed' ? <p class="notice">{c.budgetFailed(budget.message)}</p> : null}
      {budget?.state === 'checked' && !warned ? <p>{c.budgetOk}</p> : null}
      {budget?.state === 'checked' && warned ? (
        <div class="notice notice--error" id="confirm-budget">
          <p id="confirm-budget-heading" class="notice__heading">
            <strong>{c.budgetWarning}</strong>
          </p>
          <ul>
            {budget.warnings.map((w) => (
              <li key={w.message}>{w.message}</li>
            ))}
          </ul>
          <p>{c.budgetWarningHint}</p>
        </div>
      ) : null}
      <TextArea id="confirm-note" label={c.note} optional rows={2} value={note} onValue={setNote} />
      {action.error ? (
        <p id="confirm-error" class="field-error" role="alert">
          {action.error.fields[0]?.message ?? action.error.message}
        </p>
      ) : null}
      <button
        type="submit"
        class="button"
        disabled={action.busy || budget?.state === 'checking'}
        aria-describedby={['confirm-hint', warned && 'confirm-budget', action.error && 'confirm-error']
          .filter(Boolean)
          .join(' ')}
      >
        {action.busy ? c.busy : warned ? c.buttonAnyway : c.button}
      </button>
    </form>
  );
}

function Decision({ doc, files, onChanged }: ChangeProps & { files: readonly AttachmentMeta[] }) {
  const names = useNames();
  const decision = doc.fundingDecision;
  const wait = fundingWaitOf(doc);
  return (
    <div class="followup-block" id="foerderentscheidung">
      <h3>{t.decision.heading(names)}</h3>
      {decision ? (
        <DecisionView doc={doc} files={files} headingLevel={4} />
      ) : (
        <p>{t.decision.notYet(names, wait ? formatDate(wait.due) : undefined)}</p>
      )}
      {wait && wait.state !== 'accepted' ? (
        <dl class="details">
          <WaitingRows deadline={wait} />
        </dl>
      ) : null}
      {decision?.status === 'reported' && doc.status === 'endorsed' ? (
        <Confirm doc={doc} onChanged={onChanged} />
      ) : null}
    </div>
  );
}

function ChangeEnd({ doc, onChanged }: ChangeProps) {
  const e = o.end;
  const names = useNames();
  const finalDue = useFinalDue();
  const current = doc.projectEnd ?? '';
  const [end, setEnd] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  const errors = useFormErrors();
  const ids: Record<string, string> = { end: 'end-new', note: 'end-note' };
  const idFor = (field: string) => ids[field] ?? 'end-new';
  const currentDue = finalDue(current);
  const newDue = end && end !== current ? finalDue(end) : undefined;
  useEffect(() => {
    if (action.error?.fields.length) errors.show([...action.error.fields]);
  }, [action.error]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!end) return errors.show([{ field: 'end', message: e.missing }]);
    const answer = await action.run(() =>
      call('changeEnd', {
        params: { id: doc.sketchId },
        body: { end, ...(note.trim() ? { note: note.trim() } : {}) },
      }),
    );
    if (!answer) return;
    errors.show([]);
    setEnd('');
    setNote('');
    const due = answer.deadlines.find((d) => d.kind === 'final_report')?.due;
    onChanged(answer, e.done(formatDate(answer.projectEnd ?? end), due ? formatDate(due) : undefined));
  };

  return (
    <form class="followup-block" onSubmit={submit} noValidate aria-labelledby="end-heading" id="projektende">
      <h3 id="end-heading">{e.heading}</h3>
      <p>{e.current(formatDate(current), currentDue ? formatDate(currentDue) : undefined)}</p>
      <p id="end-moves">{e.moves}</p>
      <FormErrors formId="end" errors={errors.errors} idFor={idFor} summaryRef={errors.summaryRef} />
      <DateField
        id="end-new"
        label={e.field}
        value={end}
        min={doc.fundingDecision?.start}
        hint={newDue ? e.preview(formatDate(end), formatDate(newDue)) : undefined}
        onInput={setEnd}
        error={errors.of('end')}
      />
      <TextArea
        id="end-note"
        label={e.note}
        hint={e.noteHint(names)}
        optional
        rows={2}
        value={note}
        onValue={setNote}
        error={errors.of('note')}
      />
      {action.error && !action.error.fields.length ? (
        <p id="end-error" class="field-error" role="alert">
          {action.error.message}
        </p>
      ) : null}
      <button type="submit" class="button" disabled={action.busy} aria-describedby="end-moves">
        {action.busy ? e.busy : e.button}
      </button>
    </form>
  );
}

function AddInterim({ doc, onChanged }: ChangeProps) {
  const i = o.interim;
  const [due, setDue] = useState('');
  const [label, setLabel] = useState('');
  const action = useAction();
  const errors = useFormErrors();
  const ids: Record<string, string> = { due: 'interim-due', label: 'interim-label' };
  const idFor = (field: string) => ids[field] ?? 'interim-due';
  const fallback = i.fallback(doc.deadlines.filter((d) => d.kind === 'interim_report').length + 1);
  useEffect(() => {
    if (action.error?.fields.length) errors.show([...action.error.fields]);
  }, [action.error]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!due) return errors.show([{ field: 'due', message: i.missing }]);
    const answer = await action.run(() =>
      call('addReport', {
        params: { id: doc.sketchId },
        body: { due, ...(label.trim() ? { label: label.trim() } : {}) },
      }),
    );
    if (!answer) return;
    errors.show([]);
    setDue('');
    setLabel('');
    onChanged(answer, i.done(label.trim() || fallback, formatDate(due)));
  };

  return (
    <form
      class="followup-block"
      onSubmit={submit}
      noValidate
      aria-labelledby="interim-heading"
      id="zwischenbericht"
    >
      <h3 id="interim-heading">{i.heading}</h3>
      <p>{i.hint}</p>
      <FormErrors formId="interim" errors={errors.errors} idFor={idFor} summaryRef={errors.summaryRef} />
      <DateField id="interim-due" label={i.due} value={due} onInput={setDue} error={errors.of('due')} />
      <Field
        id="interim-label"
        label={`${i.label} ${t.optional}`}
        hint={i.labelHint(fallback)}
        value={label}
        onInput={setLabel}
        error={errors.of('label')}
      />
      {action.error && !action.error.fields.length ? (
        <p id="interim-error" class="field-error" role="alert">
          {action.error.message}
        </p>
      ) : null}
      <button type="submit" class="button" disabled={action.busy}>
        {action.busy ? i.busy : i.button}
      </button>
    </form>
  );
}

function Review({ doc, report, onChanged }: ChangeProps & { report: DeadlineView }) {
  const r = o.review;
  const final = report.kind === 'final_report';
  const [note, setNote] = useState('');
  const [due, setDue] = useState('');
  const action = useAction();
  const errors = useFormErrors();
  const p = `review-${report.id}`;
  const ids: Record<string, string> = { note: `${p}-note`, due: `${p}-due`, decision: `${p}-note` };
  const idFor = (field: string) => ids[field] ?? `${p}-note`;
  useEffect(() => {
    if (action.error?.fields.length) errors.show([...action.error.fields]);
  }, [action.error]);

  const send = async (decision: 'accepted' | 'more') => {
    const local: ApiFieldError[] = [];
    if (decision === 'more' && note.trim().length < 10) local.push({ field: 'note', message: r.noteMissing });
    if (local.length) return errors.show(local);
    errors.show([]);
    const answer = await action.run(() =>
      call('reviewReport', {
        params: { id: doc.sketchId, rid: report.id },
        body: {
          decision,
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(decision === 'more' && due ? { due } : {}),
        },
      }),
    );
    if (!answer) return;
    onChanged(
      answer,
      decision === 'more' ? r.asked(report.label) : final ? r.closed : r.accepted(report.label),
    );
  };

  return (
    <form
      class="followup-form"
      aria-labelledby={`${p}-heading`}
      noValidate
      onSubmit={(event) => event.preventDefault()}
    >
      <h5 id={`${p}-heading`}>{r.heading(report.label)}</h5>
      <FormErrors formId={p} errors={errors.errors} idFor={idFor} summaryRef={errors.summaryRef} />
      <TextArea
        id={`${p}-note`}
        label={r.note}
        hint={r.noteHint}
        rows={3}
        value={note}
        onValue={setNote}
        error={errors.of('note')}
      />
      <DateField
        id={`${p}-due`}
        label={`${r.due} ${t.optional}`}
        hint={r.dueHint}
        value={due}
        onInput={setDue}
        error={errors.of('due')}
      />
      {final ? <p id={`${p}-final`}>{r.finalHint}</p> : null}
      {action.error && !action.error.fields.length ? (
        <p id={`${p}-error`} class="field-error" role="alert">
          {action.error.message}
        </p>
      ) : null}
      <p class="actions">
        <button
          type="button"
          class="button"
          disabled={action.busy}
          aria-describedby={final ? `${p}-final` : undefined}
          onClick={() => void send('accepted')}
        >
          {r.accept}
          <span class="visually-hidden"> – {report.label}</span>
        </button>
        <button
          type="button"
          class="button button--quiet"
          disabled={action.busy}
          onClick={() => void send('more')}
        >
          {r.more}
          <span class="visually-hidden"> – {report.label}</span>
        </button>
      </p>
    </form>
  );
}

function Reports({ doc, files, onChanged }: ChangeProps & { files: readonly AttachmentMeta[] }) {
  const names = useNames();
  const reports = reportsOf(doc);
  const finalAccepted = reports.find((r) => r.kind === 'final_report' && r.state === 'accepted');
  const acceptedAt = finalAccepted?.reviews[finalAccepted.reviews.length - 1]?.at;
  return (
    <div class="followup-block" id="berichte">
      <h3>{t.reports.heading}</h3>
      {doc.status === 'closed' ? (
        <p class="notice notice--success">{t.reports.closed(acceptedAt ? dayOf(acceptedAt) : undefined)}</p>
      ) : null}
      {reports.length === 0 ? <p>{t.reports.none(names)}</p> : null}
      {reports.map((report) => {
        const headingId = `report-${report.id}-heading`;
        return (
          <article key={report.id} class="card" aria-labelledby={headingId}>
            <h4 id={headingId} class="card__title">
              {report.label}
            </h4>
            <ReportFacts report={report}>
              {report.state === 'open' || report.state === 'submitted' ? (
                <WaitingRows deadline={report} />
              ) : null}
            </ReportFacts>
            {report.report ? (
              <ReportContentView
                report={report.report}
                sketchId={doc.sketchId}
                files={files}
                headingLevel={5}
              />
            ) : null}
            {report.state === 'submitted' && doc.status === 'running' ? (
              <Review doc={doc} report={report} onChanged={onChanged} />
            ) : null}
          </article>
        );
      })}
    </div>
  );
}

/** The follow-up section of the office's sketch page. */
export function OfficeFollowUp({ sketchId, focus, onDone }: OfficeFollowUpProps) {
  const { loaded, replace } = useFollowUp(sketchId);
  const files = useAttachmentList(sketchId, loaded);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);
  useEffect(() => {
    if (!focus || focused.current || loaded.state !== 'loaded') return;
    focused.current = true;
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [focus, loaded.state]);
  const changed = (doc: FollowUpDoc, announcement: string) => {
    replace(doc);
    onDone(announcement);
  };
  const doc = loaded.state === 'loaded' ? loaded.data : undefined;
  return (
    <section class="followup" id="foerderung" aria-labelledby="followup-heading">
      <h2 id="followup-heading" tabIndex={-1} ref={headingRef}>
        {t.heading}
      </h2>
      <p>
        <a href="/verwaltung/fristen">{o.toDeadlines}</a>
      </p>
      {doc ? (
        <>
          <Decision doc={doc} files={files} onChanged={changed} />
          {doc.status === 'running' && doc.projectEnd ? <ChangeEnd doc={doc} onChanged={changed} /> : null}
          {doc.status === 'rejected' ? null : <Reports doc={doc} files={files} onChanged={changed} />}
          {doc.status === 'running' ? <AddInterim doc={doc} onChanged={changed} /> : null}
        </>
      ) : loaded.state !== 'loaded' ? (
        <NotLoaded loaded={loaded} path={`/verwaltung/skizzen/${encodeURIComponent(sketchId)}/foerderung`} />
      ) : null}
    </section>
  );
}
