import { berlinDate } from '../core/dates.ts';
import type { Sketch } from '../core/sketch-full.ts';
import type { Meeting, Votum } from '../core/vote.ts';
import { minutesPdf, votumLetterPdf } from '../documents/pdf.ts';
import { config } from '../platform/config.ts';
import type { IssuedDocument } from '../store/documents.ts';
import type { SketchRecord } from '../store/sketches.ts';
import { getMeeting, getVote } from '../store/votes.ts';

/*
 * The documents votum issues, rendered where they are issued (write-votum, record-meeting) and
 * stored with what they record (store/documents.ts); the routes that hand them out only read them.
 */

/** The Votum letter, from the Votum and the sketch as submitted. */
export async function votumLetter(sketch: SketchRecord, votum: Votum): Promise<IssuedDocument> {
  const { outcome } = votum;
  const meeting = outcome.meetingId ? await getMeeting(outcome.meetingId) : undefined;
  const vote = outcome.voteId ? await getVote(outcome.voteId) : undefined;
  const counted = outcome.counts.approve + outcome.counts.object + outcome.counts.abstain;
  const bytes = await votumLetterPdf({
    profile: config().profile,
    sketch: sketch.draft as Sketch,
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
    issuedAt: new Date(votum.writtenAt),
  });
  // ASCII only: mail clients and SES handle such attachment names alike everywhere.
  const safeTitle = sketch.title
    .replace(/[äöüÄÖÜß]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' })[c] ?? c)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return {
    fileName: `Votum-${safeTitle}.pdf`,
    contentType: 'application/pdf',
    bytes,
    issuedAt: votum.writtenAt,
  };
}

const asDecision = { endorsed: 'endorsed', not_endorsed: 'not_endorsed', no_consensus: 'deferred' } as const;

/** The minutes of a meeting: attendance and the decision per sketch. */
export async function meetingMinutes(
  meeting: Meeting,
  sketches: readonly SketchRecord[],
): Promise<IssuedDocument> {
  const institution = (id: string) =>
    meeting.attendance.find((a) => a.seat.id === id)?.seat.institution ?? id;
  const bytes = await minutesPdf({
    profile: config().profile,
    date: meeting.date,
    place: meeting.place,
    recorder: meeting.recordedBy,
    attendance: meeting.attendance.map(({ seat, presence }) => ({
      institution: seat.institution,
      presence,
      name: presence === 'deputy' ? seat.deputy?.name : seat.member.name,
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
    createdAt: new Date(meeting.recordedAt),
  });
  return {
    fileName: `Protokoll-Lenkungsgruppe-${meeting.date}.pdf`,
    contentType: 'application/pdf',
    bytes,
    issuedAt: meeting.recordedAt,
  };
}
