import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { proseProfile } from '../alliances/prose.ts';
import { addDays, berlinDate, startOfDayBerlin } from '../core/dates.ts';
import { ConflictError } from '../core/errors.ts';
import { meetingPlanMessages } from '../core/meetings.de.ts';
import { type AgendaCandidate, agendaOf, agendaStatuses, type MeetingPlan } from '../core/meetings.ts';
import type { Sketch } from '../core/sketch-full.ts';
import { sketchRecord } from '../core/sketch-record.ts';
import { decisionStepMail, meetingInvitationMail } from '../mail/templates.de.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { documentIds, documentOrderItem } from '../store/documents.ts';
import { isTransactionConflict } from '../store/errors.ts';
import { exportRecords } from '../store/exports.ts';
import { invitedPlanItem } from '../store/meeting-plans.ts';
import { type OutboxMail, outboxItem } from '../store/outbox.ts';
import type { SketchRecord } from '../store/sketches.ts';
import { getSketches, listSeats } from '../store/votes.ts';
import type { Caller } from './caller.ts';
import { officeMail, ownerMail } from './notices.ts';
import { deliverAll } from './outbox.ts';
import { sketchLink } from './sketches.ts';

/*
 * The meeting cycle's invitation: the agenda as of now (the sketches ready for a decision and in
 * by the deadline), the dossier ordered for the render job, one mail per seat's member and deputy
 * held until the dossier is there, and a mail to each applicant whose sketch is on the agenda; one
 * transaction, so the invitation goes out once.
 */

/**
 * The sketches ready for a decision and in by the end of `deadline` (Berlin), as the agenda reads
 * them: the queries stop at the deadline, so those submitted later are not read.
 */
export async function agendaCandidates(deadline: string): Promise<AgendaCandidate[]> {
  const ready = await exportRecords([...agendaStatuses], {
    submittedBefore: startOfDayBerlin(addDays(deadline, 1)),
  });
  return ready.map((s) => ({
    sketchId: s.id,
    title: s.title ?? '',
    organisation: s.organisation ?? '',
    status: s.status,
    ...(typeof s.submittedAt === 'string' ? { submittedOn: berlinDate(new Date(s.submittedAt)) } : {}),
  }));
}

/** Sends the invitation; answers the plan with it, or `no_seats` when nobody could be invited. */
export async function sendInvitation(
  plan: MeetingPlan,
  caller: Caller,
  now: Date,
): Promise<MeetingPlan | 'no_seats'> {
  const { profile, PUBLIC_URL, ALLIANCE } = config();
  const agenda = agendaOf(await agendaCandidates(plan.submissionDeadline), plan.submissionDeadline);
  const sketches = await getSketches<SketchRecord>(agenda.map((a) => a.sketchId));
  const seats = (await listSeats()).filter((s) => s.active);
  if (seats.length === 0) return 'no_seats';
  // The dossier's records name the priorities and themes: the profile's prose.
  const withProse = proseProfile(profile, ALLIANCE);
  const dossierId = documentIds.dossier(plan.id);
  const link = `${PUBLIC_URL}/verwaltung/sitzungen`;
  const mails: OutboxMail[] = seats.flatMap((seat) =>
    [
      { person: seat.member, asDeputy: false },
      ...seat.deputies.map((d) => ({ person: d, asDeputy: true })),
    ].map(({ person, asDeputy }) => ({
      id: randomUUID(),
      to: person.email,
      kind: 'meeting-invitation',
      createdAt: now.toISOString(),
      documentIds: [dossierId],
      ...meetingInvitationMail(
        profile,
        { date: plan.date, place: plan.place, asDeputy, institution: seat.institution },
        agenda,
        link,
      ),
    })),
  );
  const owners = sketches.map((sketch) =>
    ownerMail(
      sketch,
      'sketch-on-agenda',
      decisionStepMail(
        profile,
        sketch.title,
        { kind: 'on_agenda', date: plan.date, place: plan.place },
        sketchLink(sketch.id),
      ),
      now,
    ),
  );
  // The office keeps a copy of what the seats received.
  const copy = officeMail(
    'meeting-invitation',
    meetingInvitationMail(
      profile,
      { date: plan.date, place: plan.place, asDeputy: false, institution: profile.office.name },
      agenda,
      link,
    ),
    now,
  );
  const invited: MeetingPlan = {
    ...plan,
    invitation: {
      sentAt: now.toISOString(),
      sentBy: caller.email,
      agenda,
      dossierId,
      recipients: mails.length,
    },
  };
  const dossier = {
    head: {
      fileName: `Sitzungsunterlagen-${plan.date}.pdf`,
      contentType: 'application/pdf' as const,
      issuedAt: now.toISOString(),
    },
    order: {
      kind: 'dossier' as const,
      input: {
        date: plan.date,
        ...(plan.place ? { place: plan.place } : {}),
        sketches: agenda.map((a) => {
          const sketch = sketches.find((s) => s.id === a.sketchId);
          return {
            title: a.title,
            organisation: a.organisation,
            sections: sketch ? sketchRecord(sketch.draft as Sketch, withProse) : [],
          };
        }),
      },
    },
  };
  const copyHeld = { ...copy, documentIds: [dossierId] };
  try {
    await documents().send(
      new TransactWriteCommand({
        TransactItems: [
          invitedPlanItem(invited),
          documentOrderItem(dossierId, dossier, [...mails.map((m) => m.id), copyHeld.id]),
          ...mails.map(outboxItem),
          outboxItem(copyHeld),
          ...owners.map(outboxItem),
        ],
      }),
    );
  } catch (error) {
    // Another request sent this invitation first.
    if (isTransactionConflict(error, 0))
      throw new ConflictError(meetingPlanMessages.alreadyInvited, 'already');
    throw error;
  }
  await deliverAll(
    owners.map((m) => m.id),
    now,
  );
  return invited;
}
