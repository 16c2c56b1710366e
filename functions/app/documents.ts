import { berlinDate } from '../core/dates.ts';
import type { DocumentOrder } from '../core/documents.ts';
import { ConflictError, NotFoundError } from '../core/errors.ts';
import { de } from '../core/messages.de.ts';
import type { Sketch } from '../core/sketch-full.ts';
import type { Meeting, Votum } from '../core/vote.ts';
import type { IssuedDocument, NewDocument, StoredDocument } from '../store/documents.ts';
import type { SketchRecord } from '../store/sketches.ts';
import { getMeeting, getVote } from '../store/votes.ts';

/*
 * The documents votum issues, ordered where they are issued (write-votum, record-meeting): the data
 * they are rendered from, taken as of that moment and stored with what they record. The render job
 * makes the PDF (store/documents.ts); the routes that hand them out only read it.
 */

/** The Votum letter's order, from the Votum and the sketch as submitted. */
export async function votumLetter(sketch: SketchRecord, votum: Votum): Promise<NewDocument> {
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
    conditions: votum.conditions
      ?.split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean),
    justification: votum.justification,
    criteria: votum.criteria,
    reference: sketch.id.slice(0, 8).toUpperCase(),
  };
  // ASCII only: mail clients and SES handle such attachment names alike everywhere.
  const safeTitle = sketch.title
    .replace(/[äöüÄÖÜß]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' })[c] ?? c)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return {
    head: { fileName: `Votum-${safeTitle}.pdf`, contentType: 'application/pdf', issuedAt: votum.writtenAt },
    order: { kind: 'votum-letter', input },
  };
}

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
    recorder: meeting.recordedBy,
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
      fileName: `Protokoll-Lenkungsgruppe-${meeting.date}.pdf`,
      contentType: 'application/pdf',
      issuedAt: meeting.recordedAt,
    },
    order: { kind: 'minutes', input },
  };
}

/** A stored document as the answer's file: not there → 404, still being rendered → 409 (for seconds). */
export function documentFile(document: StoredDocument, missing: string): IssuedDocument {
  if (!document) throw new NotFoundError(missing);
  if (document.status === 'ordered') throw new ConflictError(de.http.documentPending, 'document_pending');
  return document;
}
