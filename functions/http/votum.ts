import { berlinDate } from '../core/dates.ts';
import type { Sketch } from '../core/sketch-full.ts';
import type { Votum } from '../core/vote.ts';
import { votumLetterPdf } from '../documents/pdf.ts';
import { config } from '../platform/config.ts';
import type { SketchRecord } from '../store/sketches.ts';
import { getMeeting, getVote } from '../store/votes.ts';

/**
 * The Votum letter as PDF, rendered from the stored Votum and the sketch as submitted: the same
 * bytes whenever it is asked for, so no file needs storing.
 */
export async function votumLetter(
  sketch: SketchRecord,
  votum: Votum,
): Promise<{ bytes: Uint8Array; fileName: string }> {
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
  return { bytes, fileName: `Votum-${safeTitle}.pdf` };
}
