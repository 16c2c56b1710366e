/*
 * What the steering group's routes say, in German: the labels and messages of their inputs (the
 * contract, contract/votes.ts) and their refusals (the handlers, app/votes.ts; the core's,
 * core/vote.ts). The mails (mail/templates.de.ts) have theirs.
 *
 * Each section is a module of its own in ./vote-texts/, one export per text: a function imports the
 * section as a namespace (`import * as seatMessages from './vote-texts/seat.de.ts'`), so esbuild
 * keeps only the texts it reads (a property of an object it cannot drop). This module gathers them
 * for the web and the tests; functions do not import it.
 */
import * as ballotMessages from './vote-texts/ballot.de.ts';
import * as deadlineMessages from './vote-texts/deadline.de.ts';
import { voteParamLabels } from './vote-texts/labels.de.ts';
import * as meetingMessages from './vote-texts/meeting.de.ts';
import * as openVoteMessages from './vote-texts/open.de.ts';
import * as voteRefusals from './vote-texts/refusals.de.ts';
import * as seatMessages from './vote-texts/seat.de.ts';
import * as voteSketchMessages from './vote-texts/sketch.de.ts';
import * as voteStateMessages from './vote-texts/state.de.ts';
import * as votumMessages from './vote-texts/votum.de.ts';

export { outcomeLabels, voteParamLabels, votumDecisionLabels } from './vote-texts/labels.de.ts';
export {
  ballotMessages,
  deadlineMessages,
  meetingMessages,
  openVoteMessages,
  seatMessages,
  voteRefusals,
  voteSketchMessages,
  voteStateMessages,
  votumMessages,
};

/** Every section by name (the web, the tests). */
export const voteMessages = {
  seat: seatMessages,
  sketch: voteSketchMessages,
  open: openVoteMessages,
  deadline: deadlineMessages,
  ballot: ballotMessages,
  vote: voteStateMessages,
  meeting: meetingMessages,
  votum: votumMessages,
  params: voteParamLabels,
} as const;
