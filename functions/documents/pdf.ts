import { berlinDate, formatDate, runtimeMonths } from '../core/dates.ts';
import type {
  CirculationRecordInput,
  DossierInput,
  MinutesInput,
  VotumLetterInput,
} from '../core/documents.ts';
import { localMessages } from '../core/local.de.ts';
import { formatEuro, formatPercent } from '../core/money.ts';
import { totals } from '../core/sketch-fields.ts';
import { Flow } from './layout.ts';
import { de } from './texts.de.ts';

/*
 * The documents the steering group produces: the Votum letter (the applicant attaches it to the
 * NBank application), the minutes of a meeting and the record of a circulation decision. Pure
 * functions from plain data to tagged PDF bytes (layout.ts); no I/O, no clock (dates are passed in).
 * Only the function that renders documents imports this module, so pdfkit stays out of every other
 * bundle.
 *
 * Dates are calendar dates "YYYY-MM-DD" (Europe/Berlin) unless a field says otherwise.
 */

/** The renderers' input is defined in the core, so the orders stored for the render job share it. */
export type {
  CirculationRecordInput,
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
  flow.list(
    items.map((item, i) => ({ label: `${i + 1}.`, body: [{ text: item }] })),
    { after: 2 },
  );
}

/** The alliance and its steering group or office, as each document's head. */
function letterhead(flow: Flow, name: string, line: string, size = 10): void {
  flow.text(name, { font: 'bold', size: 15, after: 2 });
  flow.text(line, { size });
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
    subject: t.subject(profile.names, title),
    keywords: ['Votum', decision],
    createdAt: input.issuedAt,
  });

  // Letterhead: the alliance and its office
  letterhead(flow, profile.name, profile.office.name);
  flow.text(t.contact(profile.office.email, profile.office.phone), { size: 9, muted: true });
  flow.rule();
  flow.gap(mm(8));

  // Recipient, date, subject
  const applicant = sketch.applicant;
  flow.text(
    [
      applicant.organisation,
      t.addressee(applicant.contactAddress, applicant.contactName),
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
  flow.heading(t.subject(profile.names, title), 1, 11.5);
  flow.gap(6);

  // The decision and how it was reached
  flow.text(t.greeting(applicant.contactAddress, applicant.contactName), { after: 6 });
  const procedure =
    input.procedure.kind === 'circulation'
      ? t.procedure.circulation(input.procedure.deadline)
      : t.procedure.meeting(profile.names, input.procedure.date, input.procedure.place);
  flow.text(t.opening(profile.names, title, procedure, decision), { after: 8 });
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

  if (input.localStatements?.length) {
    flow.heading(localMessages.statementHeading);
    flow.list(
      input.localStatements.map((statement) => {
        const alliance =
          profile.subRegions.find((r) => r.id === statement.subRegionId)?.localAlliance ??
          statement.subRegionId;
        const line = `${alliance}: ${localMessages.verdicts[statement.verdict]} (${localMessages.givenOn(formatDate(berlinDate(new Date(statement.givenAt))))})`;
        const note = statement.note.trim();
        return {
          body: [
            { text: line, style: { font: 'bold', after: note ? 2 : 4 } },
            ...(note ? [{ text: note, style: { indent: 12, after: 6 } }] : []),
          ],
        };
      }),
    );
  }

  if (input.conditions?.length) {
    flow.heading(t.conditions);
    numbered(flow, input.conditions);
  }

  flow.heading(t.justification);
  if (input.justification?.trim()) flow.text(input.justification.trim(), { after: 8 });
  flow.heading(t.criteria, 3, 10.5);
  flow.list(
    profile.criteria.map((criterion) => {
      const assessed = input.criteria.find((c) => c.id === criterion.id);
      const note = assessed?.note?.trim();
      const verdict = `${criterion.name}: ${de.assessment[assessed?.assessment ?? 'not_assessed']}`;
      return {
        body: [
          { text: verdict, style: { font: 'bold', after: note ? 2 : 4 } },
          ...(note ? [{ text: note, style: { indent: 12, after: 6 } }] : []),
        ],
      };
    }),
  );

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

  // Closing and signature, on one page: a signature alone on a page reads as detached from the letter.
  flow.gap(4);
  const closing = t.closing[input.decision](profile.names, Boolean(input.conditions?.length));
  const signed = [
    t.onBehalf(profile.names),
    ...(input.signatory ? [input.signatory] : []),
    profile.office.name,
  ];
  flow.keep(
    flow.textHeight(closing, { after: 10 }) +
      flow.textHeight(t.regards) +
      Flow.signatureHeight(signed.length),
  );
  flow.text(closing, { after: 10 });
  flow.text(t.regards, {}, 1);
  flow.signature(signed);
  return flow.finish(t.footer(profile.names), de.page);
}

/** The minutes of a meeting: attendance per seat and the decision on each sketch. */
export async function minutesPdf(input: MinutesInput): Promise<Uint8Array> {
  const { profile } = input;
  const t = de.minutes;
  const title = t.title(profile.names, input.date);
  const flow = await Flow.create({
    title,
    author: profile.name,
    subject: `${profile.name} · ${title}`,
    keywords: ['Protokoll', profile.names.decisionBody.name],
    createdAt: input.createdAt,
  });

  letterhead(flow, profile.name, `${profile.names.decisionBody.name} · ${profile.office.name}`);
  flow.rule();
  flow.gap(mm(4));
  flow.heading(title, 1, 14);
  flow.gap(4);
  flow.table(
    [
      [t.rows.date, de.dateLine(undefined, input.date)],
      ...(input.place ? [[t.rows.place, input.place]] : []),
      ...(input.invitedOn ? [[t.rows.invitedOn, de.dateLine(undefined, input.invitedOn)]] : []),
      ...(input.chair ? [[t.rows.chair, input.chair]] : []),
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

  if (input.agenda?.length) {
    flow.heading(t.agenda);
    flow.list(
      input.agenda.map((item, i) => ({
        label: `${i + 1}.`,
        body: [
          { text: item.title, style: { font: 'bold', after: item.note ? 2 : 4 } },
          ...(item.note?.trim() ? [{ text: item.note.trim(), style: { after: 6 } }] : []),
        ],
      })),
    );
  }

  flow.heading(t.decisions);
  if (input.decisions.length === 0) flow.text(t.noDecisions);
  const labels = t.itemLabels;
  input.decisions.forEach((item, i) => {
    flow.heading(t.item(i + 1, item.title), 3);
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

  if (input.chair) flow.signature([t.chairSigns(input.chair)]);
  flow.signature([
    ...(input.recorder ? [input.recorder] : []),
    t.signedFor(profile.names, profile.office.name),
  ]);
  return flow.finish(t.footer(profile.names, input.date), de.page);
}

/**
 * The record of a circulation decision (Umlaufbeschluss) on one sketch: the vote's dates, the rule
 * applied, each seat's vote (who cast it, a deputy for whom), the recused seats and the result;
 * dated at the close, with lines for the chair and the office to sign.
 */
export async function circulationRecordPdf(input: CirculationRecordInput): Promise<Uint8Array> {
  const { profile, sketch, rule } = input;
  const t = de.circulation;
  const title = t.title(profile.names, sketch.title);
  const closedOn = berlinDate(input.closedAt);
  const flow = await Flow.create({
    title,
    author: profile.name,
    subject: `${profile.name} · ${title}`,
    keywords: ['Umlaufbeschluss', profile.names.decisionBody.name],
    createdAt: input.closedAt,
  });

  letterhead(flow, profile.name, `${profile.names.decisionBody.name} · ${profile.office.name}`);
  flow.rule();
  flow.gap(mm(4));
  flow.heading(title, 1, 14);
  flow.gap(4);
  const rows = t.rows;
  // One label column width for all four tables, so that they line up.
  const labelSample = [...Object.values(rows), ...Object.values(t.ruleRows), ...Object.values(t.resultRows)];
  flow.table(
    [
      ...(sketch.applicant ? [[rows.applicant, sketch.applicant]] : []),
      ...(sketch.reference ? [[rows.reference, sketch.reference]] : []),
      [rows.procedure, t.procedure],
      [rows.opened, de.dateLine(undefined, input.openedOn)],
      [rows.deadline, de.dateLine(undefined, input.deadline)],
      [rows.closed, t.closed(profile.names, input.closedAt, input.closedBecause)],
    ],
    { widths: [1, 4], labelColumn: true, size: 10.5, labelSample },
  );

  flow.heading(t.rule);
  const quorumless = rule.decisionRule === 'no_objection';
  flow.table(
    [
      [
        t.ruleRows.rule,
        [t.rules[rule.decisionRule], ...(rule.minApprovals ? [t.minApprovals(rule.minApprovals)] : [])].join(
          '; ',
        ),
      ],
      [t.ruleRows.quorum, quorumless ? t.noQuorumRule : t.quorum(rule.quorumBp)],
    ],
    { widths: [1, 4], labelColumn: true, size: 10.5, labelSample },
  );

  flow.heading(t.ballots);
  flow.table(
    input.seats.map((seat) => {
      if (seat.recused) return [seat.institution, '–', t.recusedCell];
      const ballot = seat.ballot;
      if (!ballot) return [seat.institution, '–', t.silent];
      const by =
        ballot.castAs === 'deputy' && seat.deputy
          ? t.byDeputy(seat.deputy, seat.member)
          : t.byMember(seat.member);
      const reason = ballot.reason?.trim();
      return [
        seat.institution,
        by,
        ballot.choice === 'object' && reason ? t.objection(reason) : t.choice[ballot.choice],
      ];
    }),
    { widths: [4, 4, 3], header: [...t.ballotsHeader], after: 4 },
  );

  flow.heading(t.representation);
  const represented = input.seats.filter((s) => !s.recused && s.ballot?.castAs === 'deputy' && s.deputy);
  if (represented.length === 0) flow.text(t.noRepresentation);
  else
    flow.list(
      represented.map((s) => ({ body: [{ text: t.represented(s.deputy ?? '', s.member, s.institution) }] })),
    );

  flow.heading(t.recusal);
  const recused = input.seats.filter((s) => s.recused);
  if (recused.length === 0) flow.text(t.noRecusal);
  else flow.list(recused.map((s) => ({ body: [{ text: t.recused(s.institution, s.member) }] })));

  flow.heading(t.result);
  const voted = input.counts.approve + input.counts.object + input.counts.abstain;
  flow.table(
    [
      [t.resultRows.counts, de.counts(input.counts)],
      [t.resultRows.eligible, t.eligible(input.eligible, voted)],
      [t.resultRows.quorum, quorumless ? t.quorumNone : t.quorumMet(input.quorumMet)],
      [t.resultRows.result, t.results[input.result]],
    ],
    { widths: [1, 4], labelColumn: true, size: 10.5, labelSample },
  );

  flow.gap(mm(6));
  // The date and both signatures on one page: a record signed on a page of its own reads as detached.
  flow.keep(mm(70));
  flow.text(de.dateLine(profile.office.place, closedOn));
  flow.signature([t.chairSigns(profile.names)]);
  flow.signature([t.signedFor(profile.names, profile.office.name)]);
  return flow.finish(t.footer(profile.names, closedOn), de.page);
}

/**
 * The dossier of a meeting: the agenda, then every sketch on it with its full record as submitted
 * (the sections the confirmation mail carries), for the seats to read before the meeting.
 */
export async function dossierPdf(input: DossierInput): Promise<Uint8Array> {
  const { profile } = input;
  const t = de.dossier;
  const date = de.dateLine(undefined, input.date);
  const title = t.title(profile.names, date);
  const flow = await Flow.create({
    title,
    author: profile.name,
    subject: `${profile.name} · ${title}`,
    keywords: ['Sitzungsunterlagen', profile.names.decisionBody.name],
    createdAt: input.createdAt,
  });
  letterhead(flow, profile.name, `${profile.names.decisionBody.name} · ${profile.office.name}`);
  flow.rule();
  flow.gap(mm(4));
  flow.heading(title, 1, 14);
  if (input.place) flow.text(`${t.place}: ${input.place}`, { after: 6 });
  flow.heading(t.agenda);
  if (input.sketches.length === 0) flow.text(t.none);
  else
    numbered(
      flow,
      input.sketches.map((s) => `${s.title} (${s.organisation})`),
    );
  input.sketches.forEach((sketch, i) => {
    flow.gap(mm(6));
    flow.heading(t.item(i + 1, sketch.title), 1, 13);
    flow.text(`${t.applicant}: ${sketch.organisation}`, { after: 4 });
    for (const section of sketch.sections) {
      if (section.rows.length === 0) continue;
      flow.heading(section.title, 3);
      flow.table(section.rows, { widths: [1, 2], labelColumn: true, size: 9.5, after: 4 });
    }
  });
  return flow.finish(t.footer(profile.names, date), de.page);
}
