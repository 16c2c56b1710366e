import { useEffect, useRef, useState } from 'preact/hooks';
import type { AttachmentKind, AttachmentMeta } from '../../../../functions/core/attachments.ts';
import { formatDate, formatDateTime } from '../../../../functions/core/dates.ts';
import {
  type DeadlineView,
  type FundingOutcome,
  fundingOutcomes,
} from '../../../../functions/core/followup.ts';
import { formatEuro, parseEuro } from '../../../../functions/core/money.ts';
import type { FieldError as ApiFieldError } from '../../../../functions/core/sketch.ts';
import { Attachments } from '../../components/Attachments.tsx';
import { call } from '../../lib/api.ts';
import { DateField, RadioGroup } from '../../lib/controls.tsx';
import { NotLoaded, useAction, useAnnouncement } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import {
  DecisionView,
  euroText,
  FileChoice,
  type FollowUpDoc,
  FormErrors,
  fundingWaitOf,
  MoneyField,
  ReportContentView,
  ReportFacts,
  reportsOf,
  TextArea,
  useAttachmentList,
  useFollowUp,
  useFormErrors,
} from './shared.tsx';
import { followUpTexts as t } from './texts.de.ts';

/*
 * The applicant's part after an endorsing Votum, on the sketch's page (/skizzen/:id and
 * /skizzen/:id/foerderung, where the mails lead): report the NBank's decision with a copy of the
 * notice, read how it differs from the sketch and whether the office confirmed it, and hand in each
 * report (the short form or the NBank Sachbericht attached). A chunk of its own (slots.tsx).
 */

/**
 * The sketch's files of one kind, told by the upload component (which lists every kind), and a
 * choice that moves to a file when it is uploaded, so the usual case needs no choosing. Files that
 * were there before (an earlier report's) are offered but not chosen.
 */
function useFileChoice(kind: AttachmentKind, initial: string) {
  const [files, setFiles] = useState<readonly AttachmentMeta[]>([]);
  const [choice, setChoice] = useState(initial);
  const seen = useRef<Set<string> | undefined>(undefined);
  const onChange = (items: readonly AttachmentMeta[]) => {
    const own = items.filter((item) => item.kind === kind);
    const before = seen.current;
    seen.current = new Set(own.map((f) => f.id));
    // On the first load (a reload after uploading, before reporting) the newest file already
    // there is the one meant; later, the one just uploaded.
    const byAge = [...own].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const added = before ? byAge.filter((f) => !before.has(f.id)) : choice ? [] : byAge;
    const newest = added[added.length - 1];
    if (newest) setChoice(newest.id);
    else if (choice && !seen.current.has(choice)) setChoice('');
    setFiles(own);
  };
  return { files, choice, setChoice, onChange };
}

function FundingForm({ doc, onReported }: { doc: FollowUpDoc; onReported: (doc: FollowUpDoc) => void }) {
  const r = t.report;
  const names = useNames();
  const reported = doc.fundingDecision?.status === 'reported' ? doc.fundingDecision : undefined;
  const [outcome, setOutcome] = useState<FundingOutcome | ''>(reported?.outcome ?? '');
  const [amount, setAmount] = useState(
    reported?.approvedCents !== undefined ? euroText(reported.approvedCents) : '',
  );
  const [start, setStart] = useState(reported?.start ?? '');
  const [end, setEnd] = useState(reported?.end ?? '');
  const [decidedOn, setDecidedOn] = useState(reported?.decidedOn ?? '');
  const [note, setNote] = useState(reported?.note ?? '');
  const file = useFileChoice('funding_decision', reported?.attachmentId ?? '');
  const attachmentId = file.choice;
  const action = useAction();
  const errors = useFormErrors();
  const p = 'funding';
  const ids: Record<string, string> = {
    outcome: `${p}-outcome`,
    approvedCents: `${p}-amount`,
    start: `${p}-start`,
    end: `${p}-end`,
    decidedOn: `${p}-decided-on`,
    attachmentId: `${p}-file`,
    note: `${p}-note`,
  };
  const idFor = (field: string) => ids[field] ?? ids.outcome ?? p;
  const approved = outcome === 'approved';
  const requested = doc.requested;

  const submit = async (event: Event) => {
    event.preventDefault();
    const local: ApiFieldError[] = [];
    const cents = parseEuro(amount);
    if (!outcome) local.push({ field: 'outcome', message: r.outcomeMissing });
    if (approved && amount.trim() && cents === undefined)
      local.push({ field: 'approvedCents', message: r.amountInvalid });
    if (local.length || !outcome) return errors.show(local);
    const body = {
      outcome,
      ...(approved && cents !== undefined ? { approvedCents: cents } : {}),
      ...(approved && start ? { start } : {}),
      ...(approved && end ? { end } : {}),
      ...(decidedOn ? { decidedOn } : {}),
      ...(attachmentId ? { attachmentId } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const answer = await action.run(() => call('reportFunding', { params: { id: doc.sketchId }, body }));
    if (answer) {
      errors.show([]);
      onReported(answer);
    }
  };
  useEffect(() => {
    if (action.error?.fields.length) errors.show([...action.error.fields]);
  }, [action.error]);

  return (
    <form class="followup-form" onSubmit={submit} noValidate aria-labelledby={`${p}-form-heading`}>
      <h4 id={`${p}-form-heading`}>{reported ? r.correctHeading : r.heading(names)}</h4>
      <p>{r.intro(names)}</p>
      <FormErrors formId={p} errors={errors.errors} idFor={idFor} summaryRef={errors.summaryRef} />
      <RadioGroup
        id={ids.outcome as string}
        legend={r.outcome(names)}
        inline
        options={[
          { value: 'approved', label: r.approved },
          { value: 'rejected', label: r.rejected },
        ]}
        value={outcome}
        onChange={(value) => setOutcome(fundingOutcomes.find((o) => o === value) ?? '')}
        error={errors.of('outcome')}
      />
      {approved ? (
        <>
          <MoneyField
            id={ids.approvedCents as string}
            label={r.amount}
            hint={r.amountHint(formatEuro(requested.esfCents))}
            text={amount}
            onText={setAmount}
            error={errors.of('approvedCents')}
          />
          <DateField
            id={ids.start as string}
            label={r.start}
            hint={
              requested.start && requested.end
                ? r.runtimeHint(formatDate(requested.start), formatDate(requested.end))
                : undefined
            }
            value={start}
            onInput={setStart}
            error={errors.of('start')}
          />
          <DateField
            id={ids.end as string}
            label={r.end}
            value={end}
            min={start || undefined}
            onInput={setEnd}
            error={errors.of('end')}
          />
        </>
      ) : null}
      <DateField
        id={ids.decidedOn as string}
        label={`${r.decidedOn} ${t.optional}`}
        value={decidedOn}
        onInput={setDecidedOn}
        error={errors.of('decidedOn')}
      />
      <div class="followup-files">
        <p class="hint">{r.copyHint}</p>
        <Attachments sketchId={doc.sketchId} kind="funding_decision" editable onChange={file.onChange} />
        {file.files.length ? (
          <FileChoice
            id={ids.attachmentId as string}
            label={r.choose}
            none={r.withoutCopy}
            files={file.files}
            value={attachmentId}
            onValue={file.setChoice}
            error={errors.of('attachmentId')}
          />
        ) : null}
      </div>
      <TextArea
        id={ids.note as string}
        label={r.note}
        optional
        rows={3}
        value={note}
        onValue={setNote}
        error={errors.of('note')}
      />
      {action.error && !action.error.fields.length ? (
        <p id={`${p}-error`} class="field-error" role="alert">
          {action.error.message}
        </p>
      ) : null}
      <button
        type="submit"
        class="button"
        disabled={action.busy}
        aria-describedby={action.error && !action.error.fields.length ? `${p}-error` : undefined}
      >
        {action.busy ? r.busy : r.submit}
      </button>
    </form>
  );
}

function Decision({
  doc,
  files,
  onReported,
}: {
  doc: FollowUpDoc;
  files: readonly AttachmentMeta[];
  onReported: (doc: FollowUpDoc) => void;
}) {
  const d = t.decision;
  const names = useNames();
  const decision = doc.fundingDecision;
  const wait = fundingWaitOf(doc);
  // Reporting (again) is open while the Votum stands and the office has not confirmed.
  const mayReport = doc.status === 'endorsed' && decision?.status !== 'confirmed';
  const [correcting, setCorrecting] = useState(false);
  const formShown = mayReport && (!decision || correcting);
  return (
    <div class="followup-block" id="foerderentscheidung">
      <h3>{d.heading(names)}</h3>
      {decision ? (
        <DecisionView doc={doc} files={files} headingLevel={4} />
      ) : (
        <p>{d.notYet(names, wait ? formatDate(wait.due) : undefined)}</p>
      )}
      {mayReport && decision ? (
        <p>
          <button
            type="button"
            class="button button--quiet"
            aria-expanded={correcting}
            aria-controls="funding-form-slot"
            onClick={() => setCorrecting((open) => !open)}
          >
            {correcting ? t.report.closeCorrection : t.report.correct}
          </button>
        </p>
      ) : null}
      <div id="funding-form-slot">
        {formShown ? (
          <FundingForm
            doc={doc}
            onReported={(next) => {
              setCorrecting(false);
              onReported(next);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}

function ReportForm({
  doc,
  report,
  onSubmitted,
}: {
  doc: FollowUpDoc;
  report: DeadlineView;
  onSubmitted: (doc: FollowUpDoc) => void;
}) {
  const f = t.reportForm;
  const names = useNames();
  const final = report.kind === 'final_report';
  const expected = doc.expectedResults;
  // Asked for more, the applicant amends what was handed in rather than writing it again.
  const before = report.report;
  const [course, setCourse] = useState(before?.course ?? '');
  const [rows, setRows] = useState(() =>
    expected.map((_, i) => ({
      achieved: before?.indicators?.[i]?.achieved ?? '',
      comment: before?.indicators?.[i]?.comment ?? '',
    })),
  );
  const [continuation, setContinuation] = useState(before?.continuation ?? '');
  const [spent, setSpent] = useState(before?.spentCents !== undefined ? euroText(before.spentCents) : '');
  const file = useFileChoice('report', before?.attachmentId ?? '');
  const attachmentId = file.choice;
  const [note, setNote] = useState(before?.note ?? '');
  const action = useAction();
  const errors = useFormErrors();
  const p = `report-${report.id}`;
  const idFor = (field: string) => {
    const [head, index] = field.split('.');
    if (head === 'indicators') return index === undefined ? `${p}-indicators` : `${p}-achieved-${index}`;
    const ids: Record<string, string> = {
      course: `${p}-course`,
      continuation: `${p}-continuation`,
      spentCents: `${p}-spent`,
      attachmentId: `${p}-file`,
      note: `${p}-note`,
    };
    return ids[head ?? ''] ?? `${p}-course`;
  };
  const setRow = (i: number, patch: Partial<{ achieved: string; comment: string }>) =>
    setRows((current) => current.map((row, n) => (n === i ? { ...row, ...patch } : row)));
  const approvedCents = doc.fundingDecision?.approvedCents;

  const submit = async (event: Event) => {
    event.preventDefault();
    const cents = parseEuro(spent);
    if (final && spent.trim() && cents === undefined)
      return errors.show([{ field: 'spentCents', message: f.spentInvalid }]);
    // With a file attached an empty form is fine: the rows go along only when something is in them.
    const filled = rows.some((row) => row.achieved.trim());
    const body = {
      ...(course.trim() ? { course: course.trim() } : {}),
      ...(filled || !attachmentId
        ? {
            indicators: rows.map((row) => ({
              achieved: row.achieved.trim(),
              ...(row.comment.trim() ? { comment: row.comment.trim() } : {}),
            })),
          }
        : {}),
      ...(continuation.trim() ? { continuation: continuation.trim() } : {}),
      ...(final && cents !== undefined ? { spentCents: cents } : {}),
      ...(attachmentId ? { attachmentId } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const answer = await action.run(() =>
      call('submitReport', { params: { id: doc.sketchId, rid: report.id }, body }),
    );
    if (answer) onSubmitted(answer);
  };
  useEffect(() => {
    if (action.error?.fields.length) errors.show([...action.error.fields]);
  }, [action.error]);

  return (
    <form class="followup-form" onSubmit={submit} noValidate aria-label={f.submit(report.label)}>
      <p>{f.intro(names)}</p>
      <FormErrors formId={p} errors={errors.errors} idFor={idFor} summaryRef={errors.summaryRef} />
      <TextArea
        id={idFor('course')}
        label={f.course}
        hint={f.courseHint}
        value={course}
        onValue={setCourse}
        error={errors.of('course')}
      />
      <fieldset class="group" id={`${p}-indicators`} aria-describedby={`${p}-indicators-hint`}>
        <legend>{f.indicatorsLegend}</legend>
        <p id={`${p}-indicators-hint`} class="hint">
          {expected.length ? f.indicatorsHint : f.noIndicators}
        </p>
        {errors.of('indicators') ? (
          <p class="field-error">
            <span class="visually-hidden">{t.errorPrefix} </span>
            {errors.of('indicators')}
          </p>
        ) : null}
        {expected.map((result, i) => {
          const id = `${p}-achieved-${i}`;
          const error = errors.of(`indicators.${i}.achieved`);
          return (
            <div key={`${result.indicator}-${i}`} class="field-row">
              <div class={error ? 'field field--error' : 'field'}>
                <label for={id}>{f.achieved(result.indicator, result.target)}</label>
                {error ? (
                  <p id={`${id}-error`} class="field-error">
                    <span class="visually-hidden">{t.errorPrefix} </span>
                    {error}
                  </p>
                ) : null}
                <input
                  id={id}
                  type="text"
                  class={error ? 'input input--error' : 'input'}
                  value={rows[i]?.achieved ?? ''}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onInput={(event) =>
                    setRow(i, { achieved: (event.currentTarget as HTMLInputElement).value })
                  }
                />
              </div>
              <div class="field">
                <label for={`${p}-comment-${i}`}>
                  {f.comment(result.indicator)}
                  <span class="label-note"> {t.optional}</span>
                </label>
                <input
                  id={`${p}-comment-${i}`}
                  type="text"
                  class="input"
                  value={rows[i]?.comment ?? ''}
                  onInput={(event) => setRow(i, { comment: (event.currentTarget as HTMLInputElement).value })}
                />
              </div>
            </div>
          );
        })}
      </fieldset>
      <TextArea
        id={idFor('continuation')}
        label={f.continuation}
        hint={f.continuationHint}
        value={continuation}
        onValue={setContinuation}
        error={errors.of('continuation')}
      />
      {final ? (
        <MoneyField
          id={idFor('spentCents')}
          label={f.spent}
          hint={f.spentHint(approvedCents !== undefined ? formatEuro(approvedCents) : undefined)}
          text={spent}
          onText={setSpent}
          error={errors.of('spentCents')}
        />
      ) : null}
      <div class="followup-files">
        <p class="hint">{f.fileHint(names)}</p>
        <Attachments sketchId={doc.sketchId} kind="report" editable onChange={file.onChange} />
        {file.files.length ? (
          <FileChoice
            id={idFor('attachmentId')}
            label={f.choose}
            none={f.withoutFile}
            files={file.files}
            value={attachmentId}
            onValue={file.setChoice}
            error={errors.of('attachmentId')}
          />
        ) : null}
      </div>
      <TextArea
        id={idFor('note')}
        label={f.note}
        optional
        rows={3}
        value={note}
        onValue={setNote}
        error={errors.of('note')}
      />
      {action.error && !action.error.fields.length ? (
        <p id={`${p}-error`} class="field-error" role="alert">
          {action.error.message}
        </p>
      ) : null}
      <button type="submit" class="button" disabled={action.busy}>
        {action.busy ? f.busy : f.submit(report.label)}
      </button>
    </form>
  );
}

function Reports({
  doc,
  files,
  onSubmitted,
}: {
  doc: FollowUpDoc;
  files: readonly AttachmentMeta[];
  onSubmitted: (doc: FollowUpDoc, label: string) => void;
}) {
  const r = t.reports;
  const names = useNames();
  const reports = reportsOf(doc);
  const open = reports.filter((report) => report.state === 'open');
  // One form at a time: the file upload inside it exists once on the page. With one open report it is shown.
  const [expanded, setExpanded] = useState<string | undefined>(open.length === 1 ? open[0]?.id : undefined);
  const finalAccepted = reports.find(
    (report) => report.kind === 'final_report' && report.state === 'accepted',
  );
  const acceptedAt = finalAccepted?.reviews[finalAccepted.reviews.length - 1]?.at;
  return (
    <div class="followup-block" id="berichte">
      <h3>{r.heading}</h3>
      {doc.status === 'closed' ? (
        <p class="notice notice--success">{r.closed(acceptedAt ? formatDateTime(acceptedAt) : undefined)}</p>
      ) : null}
      {reports.length === 0 ? <p>{r.none(names)}</p> : null}
      {reports.map((report) => {
        const headingId = `report-${report.id}-heading`;
        const formId = `report-${report.id}-form`;
        const mayHandIn = doc.status === 'running' && report.state === 'open';
        return (
          <article key={report.id} class="card" aria-labelledby={headingId}>
            <h4 id={headingId} class="card__title">
              {report.label}
            </h4>
            <ReportFacts report={report} />
            {report.report && report.state !== 'open' ? (
              <ReportContentView
                report={report.report}
                sketchId={doc.sketchId}
                files={files}
                headingLevel={5}
              />
            ) : null}
            {mayHandIn ? (
              <>
                <p>
                  <button
                    type="button"
                    class={expanded === report.id ? 'button button--quiet' : 'button'}
                    aria-expanded={expanded === report.id}
                    aria-controls={formId}
                    onClick={() => setExpanded((current) => (current === report.id ? undefined : report.id))}
                  >
                    {expanded === report.id ? r.close : r.open(report.label)}
                  </button>
                </p>
                <div id={formId}>
                  {expanded === report.id ? (
                    <ReportForm
                      doc={doc}
                      report={report}
                      onSubmitted={(next) => {
                        setExpanded(undefined);
                        onSubmitted(next, report.label);
                      }}
                    />
                  ) : null}
                </div>
              </>
            ) : null}
          </article>
        );
      })}
    </div>
  );
}

/** The follow-up section of the applicant's sketch page. */
export function ApplicantFollowUp({ sketchId, focus }: { sketchId: string; focus: boolean }) {
  const { loaded, replace } = useFollowUp(sketchId);
  const names = useNames();
  const { announce, region } = useAnnouncement(loaded);
  const files = useAttachmentList(sketchId, loaded);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);
  // Arriving from a mail's link (/foerderung): the reader starts here, once it is loaded.
  useEffect(() => {
    if (!focus || focused.current || loaded.state !== 'loaded') return;
    focused.current = true;
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [focus, loaded.state]);
  return (
    <section class="followup" id="foerderung" aria-labelledby="followup-heading">
      <h2 id="followup-heading" tabIndex={-1} ref={headingRef}>
        {t.heading}
      </h2>
      {region}
      {loaded.state === 'loaded' ? (
        <>
          <Decision
            doc={loaded.data}
            files={files}
            onReported={(doc) => {
              replace(doc);
              announce(t.report.done(names));
            }}
          />
          {loaded.data.status === 'rejected' ? null : (
            <Reports
              doc={loaded.data}
              files={files}
              onSubmitted={(doc, label) => {
                replace(doc);
                announce(t.reportForm.done(names, label));
              }}
            />
          )}
        </>
      ) : (
        <NotLoaded loaded={loaded} path={`/skizzen/${encodeURIComponent(sketchId)}/foerderung`} />
      )}
    </section>
  );
}
