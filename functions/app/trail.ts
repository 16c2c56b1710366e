import { NotFoundError } from '../core/errors.ts';
import * as httpMessages from '../core/http-messages.de.ts';
import { type FormOf, formsOnce, type TrailCheck, verifyTrail } from '../core/trail.ts';
import * as voteStateMessages from '../core/vote-texts/state.de.ts';
import { getSketch } from '../store/sketches.ts';
import { getVoteTrailHead, sha256, sketchTrail, voteTrailEntries } from '../store/trail.ts';
import { getVote } from '../store/votes.ts';

/*
 * The office's check of a trail: its events as stored, recomputed against the head its record
 * keeps (core/trail.ts). Read consistently: a check right after a change sees it.
 */

export interface CheckedTrail {
  events: Record<string, unknown>[];
  check: TrailCheck;
  /** Each event's hashed form, as the check worked it out (the export writes it). */
  formOf: FormOf;
}

export async function checkSketchTrail(id: string): Promise<CheckedTrail> {
  const record = await getSketch(id);
  if (!record) throw new NotFoundError(httpMessages.sketchNotFound);
  const events = await sketchTrail(id);
  const formOf = formsOnce(sha256);
  return { events, check: verifyTrail(events, record.trail, sha256, formOf), formOf };
}

export async function checkVoteTrail(id: string): Promise<CheckedTrail> {
  const [vote, head, events] = await Promise.all([getVote(id), getVoteTrailHead(id), voteTrailEntries(id)]);
  if (!vote) throw new NotFoundError(voteStateMessages.notYours);
  const formOf = formsOnce(sha256);
  return { events, check: verifyTrail(events, head, sha256, formOf), formOf };
}
