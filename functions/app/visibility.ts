import { isOfSeat, outcomeFor, seatsOf, type Viewer } from '../core/vote.ts';
import type { SketchRecord } from '../store/sketches.ts';
import { getMeeting, getVote } from '../store/votes.ts';
import type { Caller } from './caller.ts';

/*
 * Who sees what of a sketch's decision, in one place (docs/api.md, "Who sees what"): the office
 * everything; a member the sketches put to their seat (in a vote or a meeting), before and after the
 * decision, but never the choices on one their seat is recused from; an applicant their own
 * sketches. The rule on choices itself is
 * core/vote.ts `maySeeChoices`; the vote's own answer applies it through app/votes.ts `voteDoc`.
 */

type Decided = Pick<SketchRecord, 'voteId' | 'outcome' | 'vota'>;

/** Every vote a sketch was put to: the open one, the one decided, one overruled, those its Vota rest on. */
export function sketchVoteIds(sketch: Decided): string[] {
  const outcomes = [sketch.outcome, ...(sketch.vota ?? []).map((v) => v.outcome)];
  const ids = [sketch.voteId, ...outcomes.flatMap((o) => [o?.voteId, o?.overrules?.voteId])].filter(
    (id): id is string => !!id,
  );
  return [...new Set(ids)];
}

/** Every meeting that decided on a sketch. */
function sketchMeetingIds(sketch: Decided): string[] {
  const outcomes = [sketch.outcome, ...(sketch.vota ?? []).map((v) => v.outcome)];
  const ids = outcomes
    .flatMap((o) => [o?.meetingId, o?.overrules?.meetingId])
    .filter((id): id is string => !!id);
  return [...new Set(ids)];
}

/**
 * The caller as a viewer of a sketch's decision: the office, or the seats the caller acts for in the
 * votes and meetings the sketch was put to (none: the caller is no member of them).
 */
export async function sketchViewer(sketch: Decided, caller: Caller): Promise<Viewer> {
  if (caller.roles.includes('admin')) return { admin: true, seatIds: [] };
  if (!caller.roles.includes('member')) return { admin: false, seatIds: [] };
  const seatIds = new Set<string>();
  for (const id of sketchVoteIds(sketch)) {
    const vote = await getVote(id);
    if (vote) for (const { seat } of seatsOf(vote, caller.email)) seatIds.add(seat.id);
  }
  for (const id of sketchMeetingIds(sketch)) {
    const meeting = await getMeeting(id);
    for (const a of meeting?.attendance ?? []) if (isOfSeat(a.seat, caller.email)) seatIds.add(a.seat.id);
  }
  return { admin: false, seatIds: [...seatIds] };
}

/** The sketch's outcome and the outcomes its Vota rest on, as the viewer may see them. */
export function sketchSeenBy<T extends Decided>(sketch: T, viewer: Viewer): T {
  return {
    ...sketch,
    ...(sketch.outcome ? { outcome: outcomeFor(sketch.outcome, viewer) } : {}),
    ...(sketch.vota
      ? { vota: sketch.vota.map((v) => ({ ...v, outcome: outcomeFor(v.outcome, viewer) })) }
      : {}),
  };
}
