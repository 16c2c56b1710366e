import { NotFoundError } from '../../core/errors.ts';
import { minutesPdf } from '../../documents/pdf.ts';
import { config } from '../../platform/config.ts';
import type { SketchRecord } from '../../store/sketches.ts';
import { getMeeting, getSketches } from '../../store/votes.ts';
import * as route from '../routes.ts';
import { httpHandler } from '../stack.ts';

const asDecision = { endorsed: 'endorsed', not_endorsed: 'not_endorsed', no_consensus: 'deferred' } as const;

/** The minutes of a meeting as PDF: attendance and the decision per sketch. */
export const handler = httpHandler(route.meetingMinutes, async ({ params }) => {
  const meeting = params.id ? await getMeeting(params.id) : undefined;
  if (!meeting) throw new NotFoundError('Diese Sitzung gibt es nicht.');
  const sketches = await getSketches<SketchRecord>(meeting.decisions.map((d) => d.sketchId));
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
    status: 200,
    file: { bytes, contentType: 'application/pdf', fileName: `Protokoll-Lenkungsgruppe-${meeting.date}.pdf` },
  };
});
