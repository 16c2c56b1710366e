import { berlinDate, runtimeMonths } from '../core/dates.ts';
import type { MinutesInput, VotumLetterInput } from '../core/documents.ts';
import { formatEuro, formatPercent } from '../core/money.ts';
import { totals } from '../core/sketch-fields.ts';
import { Flow } from './layout.ts';
import { de } from './texts.de.ts';

/*
 * The two documents the steering group produces: the Votum letter (the applicant attaches it to the
 * NBank application) and the minutes of a meeting. Pure functions from plain data to PDF bytes; no
 * I/O, no clock (dates are passed in). Only the functions that render a document import this
 * module, so pdf-lib (about 520 KB minified) stays out of every other bundle.
 *
 * Dates are calendar dates "YYYY-MM-DD" (Europe/Berlin) unless a field says otherwise.
 */

/** The renderers' input is defined in the core, so the orders stored for the render job share it. */
export type {
  CriterionAssessment,
  MinutesInput,
  Presence,
  VoteCounts,
  VotumDecision,
  VotumLetterInput,
  VotumProcedure,
} from '../core/documents.ts';

const mm = (value: number) => (value * 72) / 25.4;

function numbered(flow: Flow, items: string[]): void {
  flow.table(
    items.map((item, i) => [`${i + 1}.`, item]),
    { widths: [1, 14], size: 10.5, after: 2 },
  );
}

/** The Votum letter: letterhead, recipient, date, subject, decision, justification, key figures. */
export async function votumLetterPdf(input: VotumLetterInput): Promise<Uint8Array> {
  const { profile, sketch } = input;
  const t = de.letter;
  const title = sketch.project.title;
  const decision = de.decision[input.decision];
  const unknown = input.criteria.find((c) => !profile.criteria.some((p) => p.id === c.id));
  if (unknown) throw new RangeError(`Votum letter: criterion "${unknown.id}" is not in the profile`);

  const flow = await Flow.create({
    title: t.title(title),
    author: profile.name,
    subject: t.subject(profile.name, title),
    keywords: ['Votum', decision],
    createdAt: input.issuedAt,
  });

  // Letterhead: the alliance and its office
  flow.text(profile.name, { font: 'bold', size: 15, after: 2 });
  flow.text(profile.office.name, { size: 10 });
  flow.text(t.contact(profile.office.email, profile.office.phone), { size: 9, muted: true });
  flow.rule();
  flow.gap(mm(8));

  // Recipient, date, subject
  const applicant = sketch.applicant;
  flow.text(
    [
      applicant.organisation,
      applicant.contactName,
      applicant.street,
      `${applicant.postalCode} ${applicant.city}`,
    ].join('\n'),
    {},
    4,
  );
  flow.gap(mm(8));
  flow.text(de.dateLine(profile.office.place, berlinDate(input.issuedAt)), { align: 'right' });
  if (input.reference) flow.text(t.reference(input.reference), { align: 'right', size: 9, muted: true });
  flow.gap(mm(6));
  flow.text(t.subject(profile.name, title), { font: 'bold', size: 11.5, after: 10 });

  // The decision and how it was reached
  flow.text(t.greeting(applicant.contactName), { after: 6 });
  const procedure =
    input.procedure.kind === 'circulation'
      ? t.procedure.circulation(input.procedure.deadline)
      : t.procedure.meeting(input.procedure.date, input.procedure.place);
  flow.text(t.opening(profile.name, title, procedure, decision), { after: 8 });
  const counts = input.counts;
  flow.table(
    [
      [t.decisionLabel, decision],
      ...(counts
        ? [[t.countsLabel, `${de.counts(counts)}${counts.recused ? `; ${de.recused(counts.recused)}` : ''}`]]
        : []),
    ],
    { widths: [1, 3], labelColumn: true, size: 10.5, after: 4 },
  );

  if (input.conditions?.length) {
    flow.heading(t.conditions);
    numbered(flow, input.conditions);
  }

  flow.heading(t.justification);
  if (input.justification?.trim()) flow.text(input.justification.trim(), { after: 8 });
  flow.text(t.criteria, { font: 'bold', size: 10.5, after: 4 }, 3);
  for (const criterion of profile.criteria) {
    const assessed = input.criteria.find((c) => c.id === criterion.id);
    flow.text(`${criterion.name}: ${de.assessment[assessed?.assessment ?? 'not_assessed']}`, {
      font: 'bold',
      size: 10.5,
      after: 2,
    });
    if (assessed?.note?.trim()) flow.text(assessed.note.trim(), { indent: 12, after: 6 });
    else flow.gap(4);
  }

  // The sketch's key figures
  flow.heading(t.figures);
  const sum = totals(sketch.finance);
  const labels = t.figureLabels;
  const regions = sketch.space.subRegions.map((chosen) => {
    const name = profile.subRegions.find((r) => r.id === chosen.id)?.name ?? chosen.id;
    return `${name}: ${formatPercent(chosen.shareBp)}`;
  });
  flow.table(
    [
      [labels.applicant, applicant.organisation],
      [
        labels.runtime,
        t.runtime(
          sketch.runtime.start,
          sketch.runtime.end,
          runtimeMonths(sketch.runtime.start, sketch.runtime.end),
        ),
      ],
      [labels.totalCost, formatEuro(sum.costCents)],
      [labels.esf, formatEuro(sketch.finance.esfCents)],
      [labels.subRegions, regions.join('\n')],
    ],
    { widths: [1, 2], labelColumn: true, after: 6 },
  );

  // Closing and signature
  flow.gap(4);
  flow.text(t.closing[input.decision](Boolean(input.conditions?.length)), { after: 10 });
  flow.text(t.regards, {}, 1);
  flow.signature([t.onBehalf, ...(input.signatory ? [input.signatory] : []), profile.office.name]);
  return flow.finish(t.footer(profile.name), de.page);
}

/** The minutes of a meeting: attendance per seat and the decision on each sketch. */
export async function minutesPdf(input: MinutesInput): Promise<Uint8Array> {
  const { profile } = input;
  const t = de.minutes;
  const title = t.title(input.date);
  const flow = await Flow.create({
    title,
    author: profile.name,
    subject: `${profile.name} · ${title}`,
    keywords: ['Protokoll', 'Lenkungsgruppe'],
    createdAt: input.createdAt,
  });

  flow.text(profile.name, { font: 'bold', size: 15, after: 2 });
  flow.text(`${t.steeringGroup} · ${profile.office.name}`, { size: 10 });
  flow.rule();
  flow.gap(mm(4));
  flow.text(title, { font: 'bold', size: 14, after: 8 });
  flow.table(
    [
      [t.rows.date, de.dateLine(undefined, input.date)],
      ...(input.place ? [[t.rows.place, input.place]] : []),
      ...(input.recorder ? [[t.rows.recorder, input.recorder]] : []),
    ],
    { widths: [1, 4], labelColumn: true, size: 10.5 },
  );

  flow.heading(t.attendance);
  const present = input.attendance.filter((a) => a.presence !== 'absent').length;
  const deputies = input.attendance.filter((a) => a.presence === 'deputy').length;
  flow.text(t.attendanceSummary(present, input.attendance.length, deputies), { after: 6 });
  flow.table(
    input.attendance.map((a) => [a.institution, de.presence[a.presence], a.name ?? '–']),
    { widths: [5, 3, 3], header: [...t.attendanceHeader], after: 4 },
  );

  flow.heading(t.decisions);
  if (input.decisions.length === 0) flow.text(t.noDecisions);
  const labels = t.itemLabels;
  input.decisions.forEach((item, i) => {
    flow.heading(t.item(i + 1, item.title), 11);
    flow.table(
      [
        ...(item.applicant ? [[labels.applicant, item.applicant]] : []),
        ...(item.reference ? [[labels.reference, item.reference]] : []),
        [labels.decision, de.decision[item.decision]],
        ...(item.counts ? [[labels.counts, de.counts(item.counts)]] : []),
        ...(item.recused?.length ? [[labels.recused, item.recused.join(', ')]] : []),
        ...(item.conditions?.length
          ? [[labels.conditions, item.conditions.map((c, n) => `${n + 1}. ${c}`).join('\n')]]
          : []),
        ...(item.note ? [[labels.note, item.note]] : []),
      ],
      { widths: [1, 3], labelColumn: true, labelSample: Object.values(labels), after: 4 },
    );
  });

  flow.signature([...(input.recorder ? [input.recorder] : []), t.signedFor(profile.office.name)]);
  return flow.finish(t.footer(profile.name, input.date), de.page);
}
