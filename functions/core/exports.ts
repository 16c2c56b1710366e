import {
  approvedAmount,
  type Budget,
  type BudgetRecord,
  budgetColumnLabels,
  budgetColumns,
  budgetSketch,
  committedOf,
  endorsedStatuses,
  requestedStatuses,
  splitByShares,
} from './budget.ts';
import { type CsvCell, csvDate, csvDateTime, csvMoney, csvNumber } from './csv.ts';
import { exportFileNames, exportTexts } from './exports.de.ts';
import { statusLabels } from './messages.de.ts';
import { compareText } from './order.ts';
import type { AllianceProfile, ProfileNames } from './profile.ts';
import { trailBreaks, trailCsv } from './trail.de.ts';
import type { FormOf, TrailCheck } from './trail.ts';
import {
  type Ballot,
  choiceLabels,
  type SeatState,
  seatStateOf,
  type Vote,
  type Votum,
  votumDecisionLabels,
} from './vote.ts';

/*
 * The office's CSV exports (issue 5, item 4) as header and rows: sketches, ballots, decisions and
 * the budget. Pure: the shell reads the data and writes the file with csv.ts. The amount columns of
 * the sketches' export are the budget's, per sketch, so each adds up to the budget's total.
 */

export const exportKinds = ['sketches', 'ballots', 'decisions', 'budget'] as const;
export type ExportKind = (typeof exportKinds)[number];

/** The export's name in its address: `/api/admin/exports/budget.csv`. */
export type ExportFile = `${ExportKind}.csv`;
// Pure: only the export route's parameter reads it.
export const exportFiles = /* @__PURE__ */ exportKinds.map((kind): ExportFile => `${kind}.csv`);
export const exportKindOf = (file: ExportFile) => file.slice(0, -'.csv'.length) as ExportKind;

/** The download's file name (ASCII, as some mail and file systems want it). */
export { exportFileNames };

export interface CsvTable {
  header: string[];
  rows: CsvCell[][];
}

/**
 * Whether an export names people: the applicants' contact details (name, address, e-mail, phone)
 * and who cast a ballot. Off unless the office asks for them (issue 16: no personal data where it
 * need not be); without them the organisation, the seat and the amounts still say everything the
 * budget and the decisions need.
 */
export interface ExportOptions {
  contacts: boolean;
}
const withoutContacts: ExportOptions = { contacts: false };

/** A sketch as the exports read it: the stored record without the bulk of its content. */
export interface ExportSketch extends BudgetRecord {
  title: string;
  organisation: string;
  submittedAt?: string | undefined;
  priorityIds?: string[] | undefined;
  costCents?: number | undefined;
  vota?: Votum[] | undefined;
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const whole = (value: unknown): number | undefined =>
  Number.isSafeInteger(value) ? (value as number) : undefined;
const money = (cents: number | undefined) => (cents === undefined ? null : csvMoney(cents));
// A function, not `exportTexts.euro`: a property read at load would keep the whole catalogue in every bundle importing this module.
const euro = (label: string) => exportTexts.euro(label);
const t = exportTexts;
const bySubmission = (a: ExportSketch, b: ExportSketch) =>
  compareText(a.submittedAt ?? '', b.submittedAt ?? '') || compareText(a.id, b.id);

/**
 * One row per sketch: its facts, and per budget column what it adds to the budget (0 where it
 * does not count), the committed amount also per sub-region as the budget splits it; the contact
 * person and the address only with the contacts.
 */
export function sketchesTable(
  profile: AllianceProfile,
  sketches: readonly ExportSketch[],
  { contacts }: ExportOptions = withoutContacts,
): CsvTable {
  const regionName = new Map(profile.subRegions.map((r) => [r.id, r.name]));
  const h = exportTexts.header.sketches;
  const header = [
    h.sketchId,
    h.title,
    h.organisation,
    ...(contacts ? [h.contactName, h.contactEmail, h.contactPhone, h.street, h.postalCode, h.city] : []),
    h.status,
    h.submittedAt,
    h.subRegions,
    h.priorities,
    h.start,
    h.end,
    euro(h.totalCost),
    euro(h.esfRequested),
    h.votum,
    h.votumAt,
    euro(budgetColumnLabels.requestedCents),
    euro(budgetColumnLabels.endorsedCents),
    euro(budgetColumnLabels.approvedCents),
    euro(budgetColumnLabels.spentCents),
    euro(budgetColumnLabels.committedCents),
    ...profile.subRegions.map((r) => euro(`${budgetColumnLabels.committedCents}: ${r.name}`)),
  ];
  const rows = [...sketches].sort(bySubmission).map((sketch) => {
    const facts = budgetSketch(sketch);
    const runtime = record(record(sketch.draft).runtime);
    const applicant = record(record(sketch.draft).applicant);
    const votum = sketch.vota?.at(-1);
    const committed = committedOf(facts);
    const shares = facts.shares.filter((s) => s.shareBp > 0);
    const parts =
      committed && shares.length
        ? splitByShares(
            committed,
            shares.map((s) => s.shareBp),
          )
        : [];
    const committedIn = (regionId: string) =>
      shares.reduce((sum, s, i) => (s.subRegionId === regionId ? sum + (parts[i] ?? 0) : sum), 0);
    return [
      sketch.id,
      sketch.title,
      sketch.organisation,
      ...(contacts
        ? (['contactName', 'contactEmail', 'contactPhone', 'street', 'postalCode', 'city'] as const).map(
            (f) => text(applicant[f]),
          )
        : []),
      statusLabels[sketch.status],
      csvDate(sketch.submittedAt),
      facts.shares
        .map((s) => `${regionName.get(s.subRegionId) ?? s.subRegionId} ${csvNumber(s.shareBp / 100).csv} %`)
        .join(', '),
      (sketch.priorityIds ?? []).join(', '),
      csvDate(text(runtime.start)),
      csvDate(text(runtime.end)),
      money(whole(sketch.costCents) ?? 0),
      csvMoney(facts.esfCents),
      votum ? votumDecisionLabels[votum.decision] : null,
      csvDate(votum?.writtenAt),
      csvMoney(requestedStatuses.includes(facts.status) ? facts.esfCents : 0),
      csvMoney(endorsedStatuses.includes(facts.status) ? facts.esfCents : 0),
      csvMoney(facts.approvedCents ?? 0),
      csvMoney(facts.spentCents ?? 0),
      csvMoney(committed),
      ...profile.subRegions.map((r) => csvMoney(committedIn(r.id))),
    ];
  });
  return { header, rows };
}

/** The budget table: one line per sub-region (and for amounts no sub-region takes), then the total. */
export function budgetTable(budget: Budget): CsvTable {
  const header = [t.subRegion, ...budgetColumns.map((c) => euro(budgetColumnLabels[c]))];
  const rows = [...budget.lines, budget.total].map((line) => [
    line.name,
    ...budgetColumns.map((c) => csvMoney(line[c])),
  ]);
  return { header, rows };
}

export interface VoteExport {
  vote: Vote;
  states: SeatState[];
  ballots: Ballot[];
}

/**
 * Every seat's ballot on every sketch of every vote, oldest vote first: the choice, or that the
 * seat was recused or did not vote; who cast it (an address) only with the contacts.
 */
export function ballotsTable(
  votes: readonly VoteExport[],
  titles: ReadonlyMap<string, string>,
  { contacts }: ExportOptions = withoutContacts,
): CsvTable {
  const h = exportTexts.header.ballots;
  const header = [
    h.voteOpenedAt,
    h.deadline,
    h.vote,
    h.sketchId,
    h.title,
    h.seat,
    h.ballot,
    h.castAs,
    ...(contacts ? [h.castBy] : []),
    h.castAt,
    h.objectionReason,
    h.comment,
  ];
  const rows: CsvCell[][] = [];
  const ordered = [...votes].sort((a, b) => compareText(a.vote.openedAt, b.vote.openedAt));
  for (const { vote, states, ballots } of ordered)
    for (const sketchId of vote.sketchIds)
      for (const seat of vote.seats) {
        const ballot = ballots.find((b) => b.sketchId === sketchId && b.seatId === seat.id);
        const recused = seatStateOf(states, seat.id).recusedSketchIds.includes(sketchId);
        rows.push([
          csvDateTime(vote.openedAt),
          csvDate(vote.deadline),
          vote.status === 'open' ? t.voteOpen : t.voteClosed,
          sketchId,
          titles.get(sketchId) ?? '',
          seat.institution,
          ballot ? choiceLabels[ballot.choice] : recused ? t.recused : t.noBallot,
          ballot ? t.castAs[ballot.castAs] : null,
          ...(contacts ? [ballot?.castBy] : []),
          csvDateTime(ballot?.at),
          ballot?.reason,
          ballot?.comment,
        ]);
      }
  return { header, rows };
}

/**
 * The decisions on the sketches, oldest first: every Votum of the steering group and the NBank's
 * funding decision once the office confirmed it.
 */
export function decisionsTable(names: ProfileNames, sketches: readonly ExportSketch[]): CsvTable {
  const h = exportTexts.header.decisions;
  const header = [
    h.date,
    h.kind,
    h.sketchId,
    h.title,
    h.organisation,
    h.decision,
    h.basis,
    h.approve,
    h.object,
    h.abstain,
    h.recused,
    h.conditions,
    h.justification,
    euro(h.approvedAmount),
    h.start,
    h.end,
  ];
  const rows: { at: string; cells: CsvCell[] }[] = [];
  for (const sketch of sketches) {
    for (const votum of sketch.vota ?? []) {
      const { outcome } = votum;
      rows.push({
        at: votum.writtenAt,
        cells: [
          csvDate(votum.writtenAt),
          t.votum(names),
          sketch.id,
          sketch.title,
          sketch.organisation,
          votumDecisionLabels[votum.decision],
          t.source[outcome.source],
          outcome.counts.approve,
          outcome.counts.object,
          outcome.counts.abstain,
          outcome.recusedSeatIds.length,
          votum.conditions,
          votum.justification,
          null,
          null,
          null,
        ],
      });
    }
    const decision = record(sketch.fundingDecision);
    const confirmedAt = text(decision.confirmedAt);
    if (confirmedAt) {
      const approved = decision.outcome === 'approved';
      // The date of the NBank's notice when reported, else the day the office confirmed it.
      const at = text(decision.decidedOn) ?? confirmedAt;
      rows.push({
        at,
        cells: [
          csvDate(at),
          t.fundingDecision(names),
          sketch.id,
          sketch.title,
          sketch.organisation,
          approved ? t.approved : t.rejected,
          t.notice(names),
          null,
          null,
          null,
          null,
          null,
          null,
          approved ? money(approvedAmount(decision)) : null,
          csvDate(text(decision.start)),
          csvDate(text(decision.end)),
        ],
      });
    }
  }
  rows.sort((a, b) => compareText(a.at, b.at));
  return { header, rows: rows.map((r) => r.cells) };
}

/**
 * A trail (a sketch's or a vote's) with its hash chain, one row per event in the chain's order:
 * its position, time, its predecessor's hash, its hash and the exact text that was hashed, so an
 * auditor recomputes each SHA-256 and each link with tools of their own; and what the check found.
 */
export function trailTable(
  stored: readonly Record<string, unknown>[],
  check: TrailCheck,
  formOf: FormOf,
): CsvTable {
  const h = trailCsv.header;
  const linked = stored.every((e) => Number.isSafeInteger(e.seq));
  const ordered = linked ? [...stored].sort((a, b) => (a.seq as number) - (b.seq as number)) : stored;
  const rows = ordered.map((event, i) => {
    const position = i + 1;
    const result =
      check.ok || position < check.position
        ? trailCsv.rowOk
        : position === check.position
          ? trailBreaks[check.reason]
          : null;
    return [
      typeof event.seq === 'number' ? event.seq : null,
      csvDateTime(text(event.at)),
      text(event.prevHash) ?? null,
      text(event.hash) ?? null,
      formOf(event),
      result,
    ];
  });
  return { header: [h.position, h.at, h.prevHash, h.hash, h.form, h.check], rows };
}
