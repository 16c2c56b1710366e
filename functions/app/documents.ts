import { berlinDate } from '../core/dates.ts';
import type { DocumentOrder } from '../core/documents.ts';
import { ConflictError, NotFoundError } from '../core/errors.ts';
import * as httpMessages from '../core/http-messages.de.ts';
import type { AllianceProfile } from '../core/profile.ts';
import type { Sketch } from '../core/sketch-full.ts';
import type { Ballot, Meeting, Outcome, Vote, Votum } from '../core/vote.ts';
import {
  documentIds,
  documentStatus,
  type IssuedDocument,
  type NewDocument,
  type StoredDocument,
} from '../store/documents.ts';
import type { SketchRecord } from '../store/sketches.ts';
import { getMeeting, getVote } from '../store/votes.ts';

/*
 * The documents votum issues, ordered where they are issued (write-votum, record-meeting, the close
 * of a circulation vote): the data
 * they are rendered from, taken as of that moment and stored with what they record. The render job
 * makes the PDF (store/documents.ts); the routes that hand them out only read it.
 */

/** The Votum letter's order, from the Votum and the sketch as submitted. */
export async function votumLetter(
  sketch: SketchRecord,
  votum: Votum,
  reference: string,
): Promise<NewDocument> {
  const { outcome } = votum;
  const meeting = outcome.meetingId ? await getMeeting(outcome.meetingId) : undefined;
  const vote = outcome.voteId ? await getVote(outcome.voteId) : undefined;
  const counted = outcome.counts.approve + outcome.counts.object + outcome.counts.abstain;
  const input: Extract<DocumentOrder, { kind: 'votum-letter' }>['input'] = {
    sketch: letterFields(sketch.draft as Sketch),
    decision: votum.decision,
    procedure: meeting
      ? { kind: 'meeting', date: meeting.date, place: meeting.place }
      : { kind: 'circulation', deadline: vote?.deadline ?? berlinDate(new Date(outcome.decidedAt)) },
    ...(counted > 0 ? { counts: { ...outcome.counts, recused: outcome.recusedSeatIds.length } } : {}),
    ...(sketch.localStatements?.length
      ? {
          localStatements: sketch.localStatements.map(({ subRegionId, verdict, note, givenAt }) => ({
            subRegionId,
            verdict,
            note,
            givenAt,
          })),
        }
      : {}),
    conditions: votum.conditions
      ?.split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean),
    justification: votum.justification,
    criteria: votum.criteria,
    reference,
  };
  return {
    head: {
      fileName: `Votum-${safeTitle(sketch.title)}.pdf`,
      contentType: 'application/pdf',
      issuedAt: votum.writtenAt,
    },
    order: { kind: 'votum-letter', input },
  };
}

/** A title for a file name, ASCII only: mail clients and SES handle such attachment names alike everywhere. */
const safeTitle = (title: string) =>
  title
    .replace(/[äöüÄÖÜß]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' })[c] ?? c)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** Only what the letter prints of the sketch (the order is stored: no attachments' or plans' rest). */
function letterFields({ applicant, project, space, runtime, finance }: Sketch) {
  return { applicant, project, space, runtime, finance };
}

const asDecision = {
  endorsed: 'endorsed',
  not_endorsed: 'not_endorsed',
  no_consensus: 'deferred',
  no_quorum: 'deferred',
} as const;

/** The order of a meeting's minutes: attendance and the decision per sketch. */
export function meetingMinutes(meeting: Meeting, sketches: readonly SketchRecord[]): NewDocument {
  const institution = (id: string) =>
    meeting.attendance.find((a) => a.seat.id === id)?.seat.institution ?? id;
  const input: Extract<DocumentOrder, { kind: 'minutes' }>['input'] = {
    date: meeting.date,
    place: meeting.place,
    // recordedBy is the recorder's email address: the minutes name people by name, so it stays out.
    ...meetingDetails(meeting),
    attendance: meeting.attendance.map(({ seat, presence, name }) => ({
      institution: seat.institution,
      presence,
      name: name ?? (presence === 'deputy' ? seat.deputies[0]?.name : seat.member.name),
    })),
    decisions: meeting.decisions.map((d) => {
      const sketch = sketches.find((s) => s.id === d.sketchId);
      return {
        title: sketch?.title ?? d.sketchId,
        applicant: sketch?.organisation,
        decision: asDecision[d.result],
        counts: d.counts,
        recused: d.recusedSeatIds.map(institution),
      };
    }),
  };
  return {
    head: {
      fileName: `Sitzungsprotokoll-${meeting.date}.pdf`,
      contentType: 'application/pdf',
      issuedAt: meeting.recordedAt,
    },
    order: { kind: 'minutes', input },
  };
}

type MinutesOrder = Extract<DocumentOrder, { kind: 'minutes' }>['input'];

/**
 * The meeting's details the minutes print when the record has them: invitation date, chair and
 * agenda (meetings recorded before these fields existed have none; an empty text is left out).
 */
export function meetingDetails(meeting: Meeting): Pick<MinutesOrder, 'invitedOn' | 'chair' | 'agenda'> {
  const text = (value: string | undefined) => value?.trim() || undefined;
  const invitedOn = text(meeting.invitedOn);
  const chair = text(meeting.chair);
  const agenda = (meeting.agenda ?? []).flatMap((item) => {
    const title = text(item.title);
    if (!title) return [];
    const sketchId = text(item.sketchId);
    const note = text(item.note);
    return [{ title, ...(sketchId ? { sketchId } : {}), ...(note ? { note } : {}) }];
  });
  return {
    ...(invitedOn ? { invitedOn } : {}),
    ...(chair ? { chair } : {}),
    ...(agenda.length ? { agenda } : {}),
  };
}

/**
 * The order of the record of a circulation decision on one sketch (Umlaufbeschluss): the vote's
 * seats by name with each one's ballot (or recusal), the profile's rule and the outcome, as of the
 * close. Made in the transaction that closes the vote (app/votes.ts `closeVote`).
 */
export function circulationRecord(
  vote: Vote,
  sketch: Pick<SketchRecord, 'id' | 'title' | 'organisation' | 'reference'>,
  outcome: Outcome,
  ballots: readonly Ballot[],
  profile: AllianceProfile,
  closedAt: string,
): NewDocument {
  const { rule, minApprovals } = profile.steeringGroup.decision.circulation;
  const input: Extract<DocumentOrder, { kind: 'circulation-record' }>['input'] = {
    sketch: {
      title: sketch.title,
      applicant: sketch.organisation,
      // A sketch in its second round has its file reference; before its first Votum, its id's start.
      reference: sketch.reference ?? sketch.id.slice(0, 8).toUpperCase(),
    },
    openedOn: berlinDate(new Date(vote.openedAt)),
    deadline: vote.deadline,
    closedBecause: vote.closedBecause ?? 'deadline',
    rule: {
      decisionRule: rule,
      quorumBp: profile.steeringGroup.quorum.shareBp,
      ...(rule === 'consensus' ? { minApprovals } : {}),
    },
    seats: vote.seats.map((seat) => {
      // The ballots the outcome counted (a recused seat has none), with an objection's reason.
      const recused = outcome.recusedSeatIds.includes(seat.id);
      const voted = outcome.voted.find((v) => v.seatId === seat.id);
      const reason = ballots.find((b) => b.sketchId === outcome.sketchId && b.seatId === seat.id)?.reason;
      const ballot = voted && !recused ? { ...voted, reason } : undefined;
      // The deputy who represented the member, or the seat's deputies when none had to.
      const castBy = ballots.find((b) => b.sketchId === outcome.sketchId && b.seatId === seat.id)?.castBy;
      const deputy =
        seat.deputies.find((d) => ballot?.castAs === 'deputy' && d.email === castBy)?.name ??
        (seat.deputies.map((d) => d.name).join(', ') || undefined);
      return {
        institution: seat.institution,
        member: seat.member.name,
        ...(deputy ? { deputy } : {}),
        recused,
        ...(ballot
          ? {
              ballot: {
                choice: ballot.choice,
                castAs: ballot.castAs,
                ...(ballot.choice === 'object' && ballot.reason ? { reason: ballot.reason } : {}),
              },
            }
          : {}),
      };
    }),
    result: outcome.result,
    counts: outcome.counts,
    eligible: outcome.eligible,
    quorumMet: outcome.quorumMet,
  };
  return {
    head: {
      fileName: `Umlaufbeschluss-${safeTitle(sketch.title)}.pdf`,
      contentType: 'application/pdf',
      issuedAt: closedAt,
    },
    order: { kind: 'circulation-record', input },
  };
}

/**
 * A stored document as the answer's file: not there → 404, still being rendered → 409 (for seconds),
 * given up by the render job after its tries → 409 `document_failed` (the operator has the alarm).
 */
export function documentFile(document: StoredDocument, missing: string): IssuedDocument {
  if (!document) throw new NotFoundError(missing);
  if (document.status === 'ordered')
    throw new ConflictError(httpMessages.documentPending, 'document_pending');
  if (document.status === 'failed') throw new ConflictError(httpMessages.documentFailed, 'document_failed');
  return document;
}

/** Whether the render job gave the sketch's latest Votum letter up (the sketch view marks it). */
export async function votumLetterGivenUp(sketch: { id: string; vota?: readonly unknown[] | undefined }) {
  const n = sketch.vota?.length ?? 0;
  return n > 0 && (await documentStatus(documentIds.votumLetter(sketch.id, n))) === 'failed';
}
