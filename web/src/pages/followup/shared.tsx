import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AttachmentMeta } from '../../../../functions/core/attachments.ts';
import { formatDate, formatDateTime } from '../../../../functions/core/dates.ts';
import type {
  DeadlineView,
  FollowUpDoc,
  FundingDecision,
  SubmittedReport,
} from '../../../../functions/core/followup.ts';
import { formatEuro, formatPercent, parseEuro, shareBp } from '../../../../functions/core/money.ts';

import type { FieldError as ApiFieldError } from '../../../../functions/core/sketch.ts';
import { focusField } from '../../components/ErrorSummary.tsx';
import { call, href, isAbort } from '../../lib/api.ts';
import { describedBy, FieldError } from '../../lib/controls.tsx';
import { classify, type Loaded } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import { followUpTexts as t } from './texts.de.ts';
import './followup.css';
import { listAttachments } from '../../lib/attachments.ts';

/*
 * What the applicant's and the office's follow-up share: loading the follow-up document (and
 * replacing it with the answer of an action, which is the same document), the decision with its
 * differences from the sketch, a report's facts and content, a money input in German format, and
 * an error summary whose ids belong to its form (several forms share the page).
 */

/** The follow-up as the API answers it (getFollowUp, and every change after the Votum). */
export type { FollowUpDoc };

/** Loads the follow-up; `replace` takes an action's answer (the whole document) without another request. */
export function useFollowUp(sketchId: string) {
  const [loaded, setLoaded] = useState<Loaded<FollowUpDoc>>({ state: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    setLoaded({ state: 'loading' });
    call('getFollowUp', { params: { id: sketchId } }, { signal: abort.signal })
      .then((data) => setLoaded({ state: 'loaded', data }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoaded(classify<FollowUpDoc>(error));
      });
    return () => abort.abort();
  }, [sketchId]);
  return { loaded, replace: (data: FollowUpDoc) => setLoaded({ state: 'loaded', data }) };
}

/** The sketch's checked attachments, for the file names a decision or report refers to. */
export function useAttachmentList(sketchId: string, reloads: unknown): AttachmentMeta[] {
  const [items, setItems] = useState<AttachmentMeta[]>([]);
  useEffect(() => {
    let shown = true;
    listAttachments(sketchId)
      .then((answer) => shown && setItems(answer.items))
      .catch(() => undefined); // only names are missing then; the link says "Anhang"
    return () => {
      shown = false;
    };
  }, [sketchId, reloads]);
  return items;
}

export const attachmentHref = (sketchId: string, attachmentId: string) =>
  href('downloadAttachment', { params: { id: sketchId, aid: attachmentId } });

function AttachmentLink({
  sketchId,
  attachmentId,
  files,
}: {
  sketchId: string;
  attachmentId: string;
  files: readonly AttachmentMeta[];
}) {
  const name = files.find((f) => f.id === attachmentId)?.fileName ?? t.attachment;
  return (
    <a href={attachmentHref(sketchId, attachmentId)}>
      {name}
      <span class="visually-hidden"> {t.download}</span>
    </a>
  );
}

/** "31.12.2028" inside a <time> that machines can read. */
export const DateText = ({ date }: { date: string }) => <time dateTime={date}>{formatDate(date)}</time>;

export function Row({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="details__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The decision as reported, its confirmation, and how it differs from the sketch. */
export function DecisionView({
  doc,
  files,
  headingLevel,
}: {
  doc: FollowUpDoc;
  files: readonly AttachmentMeta[];
  headingLevel: 3 | 4;
}) {
  const d = t.decision;
  const names = useNames();
  const decision = doc.fundingDecision as FundingDecision;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <>
      <dl class="details">
        <Row term={d.outcome}>
          <strong>{d.outcomes[decision.outcome] ?? decision.outcome}</strong>
        </Row>
        {decision.approvedCents !== undefined ? (
          <Row term={d.approvedCents}>{formatEuro(decision.approvedCents)}</Row>
        ) : null}
        {decision.approvedCents !== undefined && doc.requested.costCents ? (
          <Row term={d.esfRate}>
            {d.esfRateValue(
              formatPercent(shareBp(decision.approvedCents, doc.requested.costCents)),
              formatPercent(shareBp(doc.requested.esfCents, doc.requested.costCents)),
            )}
          </Row>
        ) : null}
        {decision.start && decision.end ? (
          <Row term={d.runtime}>
            <DateText date={decision.start} /> {t.until} <DateText date={decision.end} />
          </Row>
        ) : null}
        {decision.decidedOn ? (
          <Row term={d.decidedOn}>
            <DateText date={decision.decidedOn} />
          </Row>
        ) : null}
        {decision.attachmentId ? (
          <Row term={d.attachment}>
            <AttachmentLink sketchId={doc.sketchId} attachmentId={decision.attachmentId} files={files} />
          </Row>
        ) : null}
        {decision.note ? <Row term={d.note}>{decision.note}</Row> : null}
        <Row term={d.reported}>{d.by(formatDateTime(decision.reportedAt), decision.reportedBy)}</Row>
        <Row term={d.state}>
          {decision.status === 'confirmed' && decision.confirmedAt
            ? d.confirmed(names, formatDateTime(decision.confirmedAt), decision.confirmedBy ?? '')
            : d.awaitingConfirmation(names)}
        </Row>
      </dl>
      {decision.outcome === 'approved' ? (
        <>
          <Heading>{d.differencesHeading}</Heading>
          <Differences doc={doc} />
        </>
      ) : null}
      {decision.endChanges?.length ? (
        <>
          <Heading>{d.endChanges}</Heading>
          <ul>
            {decision.endChanges.map((change) => (
              <li key={change.at}>
                {d.endChange(
                  formatDate(change.from),
                  formatDate(change.to),
                  formatDateTime(change.at),
                  change.note,
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** Requested against approved as a small table, with the API's sentences as the summary. */
function Differences({ doc }: { doc: FollowUpDoc }) {
  const d = t.decision;
  const diff = doc.differences;
  if (!diff) return null;
  if (!diff.differs) return <p>{d.noDifferences}</p>;
  const cents = diff.esf.differenceCents;
  const runtime = diff.runtime;
  return (
    <>
      <ul class="followup-differences">
        {diff.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{d.differencesCaption}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{d.requested}</th>
              <th scope="col">{d.approved}</th>
              <th scope="col">{d.difference}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{d.esf}</th>
              <td>{formatEuro(diff.esf.requestedCents)}</td>
              <td>{formatEuro(diff.esf.approvedCents)}</td>
              <td>{cents === 0 ? d.same : d.centsDifference(formatEuro(Math.abs(cents)), cents < 0)}</td>
            </tr>
            <tr>
              <th scope="row">{d.runtimeRow}</th>
              <td>
                {d.runtimeValue(formatDate(runtime.requested.start), formatDate(runtime.requested.end))} (
                {d.months(runtime.requested.months)})
              </td>
              <td>
                {d.runtimeValue(formatDate(runtime.approved.start), formatDate(runtime.approved.end))} (
                {d.months(runtime.approved.months)})
              </td>
              <td>{d.monthsDifference(runtime.monthsDifference)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The reports (every deadline but the wait for the decision), in due order. */
export const reportsOf = (doc: FollowUpDoc): DeadlineView[] =>
  doc.deadlines.filter((d) => d.kind !== 'funding_decision').sort((a, b) => a.due.localeCompare(b.due));

export const fundingWaitOf = (doc: FollowUpDoc): DeadlineView | undefined =>
  doc.deadlines.find((d) => d.kind === 'funding_decision');

/** The office's last request for more, while the report is open again. */
export const openRequest = (report: DeadlineView) => {
  const last = report.reviews[report.reviews.length - 1];
  return report.state === 'open' && last?.decision === 'more' ? last : undefined;
};

/**
 * A report's due date (overdue said in words, not by colour), its state and what the office asked;
 * `children` are further rows of the same list.
 */
export function ReportFacts({ report, children }: { report: DeadlineView; children?: ComponentChildren }) {
  const r = t.reports;
  const names = useNames();
  const more = openRequest(report);
  const accepted = report.state === 'accepted' ? report.reviews[report.reviews.length - 1] : undefined;
  return (
    <>
      <dl class="details">
        <Row term={r.due}>
          <DateText date={report.due} />
          {report.overdue ? <strong class="followup-overdue"> – {r.overdue}</strong> : null}
        </Row>
        <Row term={r.state}>
          {r.states(names)[report.state] ?? report.state}
          {accepted ? ` – ${r.accepted(formatDateTime(accepted.at))}` : ''}
        </Row>
        {report.report ? <Row term={r.submittedAt}>{formatDateTime(report.report.submittedAt)}</Row> : null}
        {children}
      </dl>
      {report.moves.length ? (
        <ul class="followup-moves">
          {report.moves.map((move) => (
            <li key={move.at}>{r.moved(formatDate(move.from), formatDate(move.to), move.reason)}</li>
          ))}
        </ul>
      ) : null}
      {more ? (
        <div class="notice notice--info">
          <p class="notice__heading">
            <strong>{r.moreHeading(names)}</strong>
          </p>
          <p>{r.moreAt(formatDateTime(more.at))}</p>
          <p class="pre">{more.note}</p>
        </div>
      ) : null}
    </>
  );
}

/** What a report says: the short form, or the attached file, or both. */
export function ReportContentView({
  report,
  sketchId,
  files,
  headingLevel,
}: {
  report: SubmittedReport;
  sketchId: string;
  files: readonly AttachmentMeta[];
  headingLevel: 4 | 5;
}) {
  const f = t.reportForm;
  const Heading = headingLevel === 4 ? 'h4' : 'h5';
  return (
    <div class="followup-report">
      <dl class="details">
        {report.course ? <Row term={f.course}>{report.course}</Row> : null}
        {report.continuation ? <Row term={f.continuation}>{report.continuation}</Row> : null}
        {report.spentCents !== undefined ? (
          <Row term={f.spentTerm}>{formatEuro(report.spentCents)}</Row>
        ) : null}
        {report.attachmentId ? (
          <Row term={f.fileTerm}>
            <AttachmentLink sketchId={sketchId} attachmentId={report.attachmentId} files={files} />
          </Row>
        ) : null}
        {report.note ? <Row term={f.note}>{report.note}</Row> : null}
      </dl>
      {report.indicators?.length ? (
        <>
          <Heading>{f.indicatorsLegend}</Heading>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{f.indicatorsLegend}</caption>
              <thead>
                <tr>
                  <th scope="col">{f.columns.result}</th>
                  <th scope="col">{f.columns.indicator}</th>
                  <th scope="col">{f.columns.target}</th>
                  <th scope="col">{f.columns.achieved}</th>
                  <th scope="col">{f.columns.comment}</th>
                </tr>
              </thead>
              <tbody>
                {report.indicators.map((row) => (
                  <tr key={`${row.result}-${row.indicator}`}>
                    <th scope="row">{row.result}</th>
                    <td>{row.indicator}</td>
                    <td>{row.target}</td>
                    <td>{row.achieved}</td>
                    <td>{row.comment ?? t.none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}

/** Cents as the money field shows them: "1.234,56", without the euro sign (it stands beside the field). */
export const euroText = (cents: number) => formatEuro(cents).replace(/\s*€$/, '');

/**
 * An amount in euros as people type it ("1.234,56"): kept as typed while focused, tidied on
 * leaving; `onCents` gets the cents, or undefined while the text is no amount.
 */
export function MoneyField({
  id,
  label,
  hint,
  error,
  text,
  onText,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  text: string;
  onText: (text: string) => void;
}) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      <div class="with-unit">
        <input
          id={id}
          name={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          class={error ? 'input input--money input--error' : 'input input--money'}
          value={text}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
          onInput={(event) => onText((event.currentTarget as HTMLInputElement).value)}
          onBlur={() => {
            const cents = parseEuro(text);
            if (cents !== undefined) onText(euroText(cents));
          }}
        />
        <span class="unit" aria-hidden="true">
          €
        </span>
      </div>
    </div>
  );
}

/** A multi-line text field with its hint and error, tied to it. */
export function TextArea({
  id,
  label,
  hint,
  error,
  value,
  onValue,
  rows = 5,
  optional = false,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  rows?: number;
  optional?: boolean;
}) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>
        {label}
        {optional ? <span class="label-note"> {t.optional}</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      <textarea
        id={id}
        name={id}
        rows={rows}
        class={error ? 'input input--error' : 'input'}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        onInput={(event) => onValue((event.currentTarget as HTMLTextAreaElement).value)}
      />
    </div>
  );
}

/** A select of the sketch's files of one kind, with a "none" choice. */
export function FileChoice({
  id,
  label,
  none,
  files,
  value,
  onValue,
  error,
}: {
  id: string;
  label: string;
  none: string;
  files: readonly AttachmentMeta[];
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
}) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>{label}</label>
      <FieldError id={`${id}-error`} message={error} />
      <select
        id={id}
        name={id}
        class="input"
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onValue((event.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{none}</option>
        {files.map((file) => (
          <option key={file.id} value={file.id}>
            {file.fileName}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The errors at the top of one form, each a link to its field; it takes focus after a failed
 * submit. Its ids carry the form's, as several forms may show errors on the same page.
 */
export function FormErrors({
  formId,
  errors,
  idFor,
  summaryRef,
}: {
  formId: string;
  errors: readonly ApiFieldError[];
  idFor: (field: string) => string;
  summaryRef: Ref<HTMLDivElement>;
}) {
  if (!errors.length) return null;
  const headingId = `${formId}-errors`;
  return (
    <div class="error-summary" role="alert" aria-labelledby={headingId} tabIndex={-1} ref={summaryRef}>
      <p id={headingId} class="error-summary__heading">
        <strong>{t.summaryHeading}</strong>
      </p>
      <ul>
        {errors.map(({ field, message }) => (
          <li key={`${field}-${message}`}>
            <a
              href={`#${idFor(field)}`}
              onClick={(event) => {
                if (focusField(idFor(field))) event.preventDefault();
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Field errors for a form: set after a submit (local checks or the API's), focused when they appear. */
export function useFormErrors() {
  const [errors, setErrors] = useState<ApiFieldError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown) summaryRef.current?.focus();
  }, [shown]);
  return {
    errors,
    summaryRef,
    show(next: ApiFieldError[]) {
      setErrors(next);
      if (next.length) setShown((n) => n + 1);
    },
    /** The first message for a field (dotted path), or for any field under it. */
    of: (field: string) => errors.find((e) => e.field === field)?.message,
  };
}

/** Moves focus to an element once it is in the page (after a reload put it there). */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
