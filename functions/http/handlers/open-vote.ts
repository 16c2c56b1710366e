import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { deliverAll } from '../../app/outbox.ts';
import { sketchTransition } from '../../app/transition.ts';
import { mailSketches, signedInMail, voteDoc } from '../../app/votes.ts';
import * as route from '../../core/contract/votes.ts';
import { berlinDate, isValidDate } from '../../core/dates.ts';
import { ConflictError, InputError } from '../../core/errors.ts';
import { checkDeadline, defaultDeadline, nextDueAt, type Vote, VoteError } from '../../core/vote.ts';
import { voteOpenedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import type { SketchRecord, TransactItem } from '../../store/sketches.ts';
import {
  getSketches,
  listSeats,
  loadVote,
  putVoteItem,
  voteEventItem,
  writeVoteChange,
} from '../../store/votes.ts';
import { parse } from '../parse.ts';
import { handle } from '../stack.ts';

const body = z.object({
  sketchIds: z
    .array(z.string().check(z.minLength(1), z.maxLength(100)), { error: 'Skizzen: Bitte Skizzen wählen.' })
    .check(
      z.minLength(1, 'Skizzen: Bitte mindestens eine Skizze wählen.'),
      z.maxLength(10, 'Skizzen: höchstens 10 je Umlaufverfahren.'),
    ),
  deadline: z.optional(z.string().check(z.refine(isValidDate, 'Frist: Bitte ein gültiges Datum angeben.'))),
});

/**
 * Opens a circulation vote: the sketches (ready, endorsement confirmed) go into the vote, the active
 * seats are copied into it, and each seat's member gets a mail that signs them in; one transaction.
 */
export default handle(route.openVote)(async ({ body: raw, caller, now }) => {
  const input = parse(body, raw);
  const { profile } = config();
  const today = berlinDate(now);
  const deadline = input.deadline ?? defaultDeadline(profile, today);
  try {
    checkDeadline(deadline, today);
  } catch (error) {
    if (error instanceof VoteError)
      throw new InputError(error.message, [{ field: 'deadline', message: error.message }]);
    throw error;
  }
  const ids = [...new Set(input.sketchIds)];
  const sketches = await getSketches<SketchRecord>(ids);
  for (const id of ids) {
    const sketch = sketches.find((s) => s.id === id);
    if (!sketch)
      throw new InputError(`Skizzen: Die Skizze ${id} gibt es nicht.`, [
        { field: 'sketchIds', message: `Die Skizze ${id} gibt es nicht.` },
      ]);
    if (sketch.status !== 'ready_for_vote')
      throw new ConflictError(`„${sketch.title}“ ist nicht bereit zur Abstimmung.`, 'wrong_status');
    if (!sketch.endorsement)
      throw new ConflictError(
        `„${sketch.title}“: Die Befürwortung der lokalen Allianz ist nicht bestätigt.`,
        'endorsement_missing',
      );
  }
  const seats = (await listSeats()).filter((s) => s.active).map(({ active: _a, ...seat }) => seat);
  if (seats.length === 0)
    throw new ConflictError('Es gibt keine aktiven Sitze der Lenkungsgruppe.', 'no_seats');
  const at = now.toISOString();
  const vote: Vote = {
    id: randomUUID(),
    sketchIds: ids,
    seats,
    deadline,
    openedAt: at,
    openedBy: caller.email,
    status: 'open',
    remindersSent: [],
    revision: 1,
  };
  const items: TransactItem[] = [
    putVoteItem(vote, nextDueAt(vote, profile), 'new'),
    voteEventItem(vote.id, at, randomUUID(), { kind: 'open', by: caller.email }),
  ];
  for (const sketch of sketches)
    items.push(
      ...sketchTransition({
        sketch,
        transition: 'openVote',
        role: 'admin',
        actor: caller.email,
        at: now,
        update: { voteId: vote.id },
      }).items,
    );
  const mailIds: string[] = [];
  for (const seat of seats) {
    const mail = await signedInMail(
      seat.member,
      vote,
      'vote-opened',
      (link) =>
        voteOpenedMail(
          profile,
          { institution: seat.institution, deadline, asDeputy: false },
          mailSketches(sketches),
          link,
        ),
      now,
    );
    items.push(...mail.items);
    mailIds.push(mail.mailId);
  }
  await writeVoteChange(items);
  await deliverAll(mailIds, now);
  const record = await loadVote(vote.id);
  return {
    status: 201,
    body: await voteDoc(record!, caller),
    headers: { location: `/api/votes/${vote.id}` },
  };
});
