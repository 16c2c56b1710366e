import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkedProfile } from '../../functions/alliances/index.ts';
import type { VoteDoc } from '../../functions/core/contract/vote-docs.ts';
import { addDays, berlinDate, dueAt } from '../../functions/core/dates.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import type { Seat } from '../../functions/core/vote.ts';
import { handler as renderDocuments } from '../../functions/jobs/render-documents.ts';
import { handler as voteDeadlines } from '../../functions/jobs/vote-deadlines.ts';
import { clock } from '../../functions/platform/clock.ts';
import { config } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import { listSeats, putSeat } from '../../functions/store/votes.ts';
import { type Caller, linkToken, mailsTo, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { giveStatements } from '../support/local.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { leineWeserSketch, submittedSketch } from '../support/sketches.ts';

let api: Awaited<ReturnType<typeof startApi>>;
let admin: Caller;
let adminEmail: string;
const run = randomUUID().slice(0, 6);
/** Thirteen seats as in Leine-Weser, with addresses unique to this run. */
const seats: Seat[] = Array.from({ length: 13 }, (_, i) => ({
  id: `t${run}-${i + 1}`,
  institution: `Institution ${i + 1}`,
  member: { name: `Mitglied ${i + 1}`, email: `mitglied-${i + 1}-${run}@example.org` },
  deputies: [{ name: `Vertretung ${i + 1}`, email: `vertretung-${i + 1}-${run}@example.org` }],
  active: true,
}));
function seat(n: number): Seat {
  const found = seats[n - 1];
  if (!found) throw new Error(`this file has ${seats.length} seats, not ${n}`);
  return found;
}
/** The address of seat n's deputy (every seat here has one). */
const deputyOf = (n: number): string => {
  const [deputy] = seat(n).deputies;
  if (!deputy) throw new Error(`seat ${n} has no deputy`);
  return deputy.email;
};
const signedIn = new Map<string, Caller>();
/** Each person signs in once for the whole file (sign-in links are limited per hour). */
async function as(email: string): Promise<Caller> {
  const known = signedIn.get(email);
  if (known) return known;
  // The office's callers pass its second factor too (others have none to pass).
  const caller = await passSecondFactor(await signIn(api.url, email));
  signedIn.set(email, caller);
  return caller;
}

beforeAll(async () => {
  api = await startApi();
  // Votes take every active seat: this file's seats are the only active ones while it runs.
  for (const other of await listSeats()) if (other.active) await putSeat({ ...other, active: false });
  adminEmail = uniqueEmail('office');
  await addAdmin(adminEmail, 'Test', new Date());
  admin = await as(adminEmail);
  for (const s of seats) {
    const { id, ...body } = s;
    const answer = await admin.call('PUT', `/api/admin/seats/${id}`, body);
    if (answer.status !== 200) throw new Error(`seat not stored: ${JSON.stringify(answer.body)}`);
  }
});
afterAll(async () => {
  for (const s of seats) await putSeat({ ...s, active: false });
  await api.stop();
});
afterEach(() => clock.reset());

/** A sketch ready for the vote, with every local statement given. */
async function readySketch(applicant?: Caller, n = 1): Promise<SketchDoc> {
  const sketch = leineWeserSketch();
  sketch.project.title = `Skizze ${n} ${randomUUID().slice(0, 4)}`;
  const submitted = await submittedSketch(applicant ?? (await as(uniqueEmail())), sketch);
  await giveStatements(api.url, admin, submitted);
  return (await admin.call<SketchDoc>('POST', `/api/admin/sketches/${submitted.id}/accept`)).body;
}

/** Two sketches of one applicant ready for the vote. */
async function readySketches(): Promise<[SketchDoc, SketchDoc]> {
  const applicant = await as(uniqueEmail());
  return [await readySketch(applicant, 1), await readySketch(applicant, 2)];
}

const today = () => berlinDate(clock.now());
/** Leine-Weser decides in writing only in individual cases: the office states the case. */
const reason = 'Eilbedürftig: die Antragsfrist der NBank endet vor der nächsten Sitzung.';
const ballot = (caller: Caller, voteId: string, body: Record<string, unknown>) =>
  caller.call<VoteDoc & { message?: string; code?: string }>('POST', `/api/votes/${voteId}/ballots`, body);

// Journeys of many requests: give them room on a loaded machine.
describe('a circulation vote', { timeout: 180_000 }, () => {
  it('goes from the invitation through hand-over, recusal, an objection and reminders to its outcome at the deadline', async () => {
    // Prepare
    const [a, b] = await readySketches();
    const deadline = addDays(today(), 3);
    // Act: the office opens the vote
    const opened = await admin.call<VoteDoc>('POST', '/api/admin/votes', {
      sketchIds: [a.id, b.id],
      deadline,
      reason,
    });
    // Assess: the vote, the sketches in it, a mail with a sign-in link to every seat's member
    expect(opened.status).toBe(201);
    const voteId = opened.body.id;
    expect(opened.body).toMatchObject({ status: 'open', deadline });
    expect(opened.body.seats).toHaveLength(13);
    const invitation = (await mailsTo(seat(1).member.email)).find((m) =>
      m.subject.startsWith('Umlaufverfahren'),
    );
    expect(invitation?.body.text).toContain((a.draft.project as { title: string }).title);
    expect(invitation?.body.text).toContain(`next=${encodeURIComponent(`/abstimmungen/${voteId}`)}`);
    expect(invitation && linkToken(invitation)).toBeTruthy();
    const inVote = await admin.call<SketchDoc>('GET', `/api/sketches/${a.id}`);
    expect(inVote.body).toMatchObject({ status: 'in_vote', voteId });

    // Act: seat 3 hands its vote to the deputy, who votes; the member can no longer
    const member3 = await as(seat(3).member.email);
    const handed = await member3.call('POST', `/api/votes/${voteId}/seats/${seat(3).id}/handover`);
    const deputy3 = await as(deputyOf(3));
    const byMember3 = await ballot(member3, voteId, {
      seatId: seat(3).id,
      sketchId: a.id,
      choice: 'approve',
    });
    for (const sketch of [a, b])
      expect(
        (await ballot(deputy3, voteId, { seatId: seat(3).id, sketchId: sketch.id, choice: 'approve' }))
          .status,
      ).toBe(200);
    const takeBack = await member3.call('DELETE', `/api/votes/${voteId}/seats/${seat(3).id}/handover`);
    // Assess
    expect(handed.status).toBe(200);
    expect((await mailsTo(deputyOf(3))).some((m) => m.subject.startsWith('Umlaufverfahren'))).toBe(true);
    expect(byMember3).toMatchObject({ status: 409, body: { code: 'not_holder' } });
    expect(takeBack).toMatchObject({ status: 409, body: { code: 'deputy_voted' } });

    // Act: seat 5 is recused on b; seats 1–10 vote, seat 6 objects to b
    const member5 = await as(seat(5).member.email);
    const recused = await member5.call<VoteDoc>('POST', `/api/votes/${voteId}/recusals`, {
      seatId: seat(5).id,
      sketchId: b.id,
    });
    const onRecused = await ballot(member5, voteId, {
      seatId: seat(5).id,
      sketchId: b.id,
      choice: 'approve',
    });
    const objectionWithoutReason = await ballot(await as(seat(6).member.email), voteId, {
      seatId: seat(6).id,
      sketchId: b.id,
      choice: 'object',
    });
    for (const n of [1, 2, 4, 5, 6, 7, 8, 9, 10]) {
      const caller = await as(seat(n).member.email);
      for (const sketch of [a, b]) {
        if (n === 5 && sketch === b) continue;
        const objects = n === 6 && sketch === b;
        const answer = await ballot(caller, voteId, {
          seatId: seat(n).id,
          sketchId: sketch.id,
          choice: objects ? 'object' : 'approve',
          ...(objects ? { reason: 'Die Verstetigung ist nicht belegt.' } : {}),
        });
        expect(answer.status).toBe(200);
      }
    }
    // Assess: the recused seat does not see b's ballots
    expect(recused.status).toBe(200);
    expect(onRecused).toMatchObject({ status: 409, body: { code: 'recused' } });
    expect(objectionWithoutReason.status).toBe(400);
    expect(objectionWithoutReason.body.message).toBe('Begründung: Bitte begründen Sie Ihren Einwand.');
    const seenBy5 = await member5.call<VoteDoc>('GET', `/api/votes/${voteId}`);
    expect(seenBy5.body.ballots.some((x) => x.sketchId === b.id)).toBe(false);
    expect(seenBy5.body.seats.map((s) => s.id)).toEqual([seat(5).id]);
    // What a member reads of each sketch to vote on: title, applicant, sums, the summary
    const project = a.draft.project as { title: string; summary: string };
    expect(seenBy5.body.sketches.find((x) => x.id === a.id)).toEqual({
      id: a.id,
      status: 'in_vote',
      title: project.title,
      organisation: (a.draft.applicant as { organisation: string }).organisation,
      costCents: expect.any(Number),
      esfCents: expect.any(Number),
      summary: project.summary,
    });
    const stranger = await as(uniqueEmail('fremd'));
    expect((await stranger.call('GET', `/api/votes/${voteId}`)).status).toBe(403);

    // Act: the reminder day comes (Leine-Weser: 2 days before the deadline); the job runs twice at once
    clock.set(new Date(dueAt(addDays(deadline, -3)).getTime() + 60_000));
    await Promise.all([voteDeadlines(), voteDeadlines()]);
    await voteDeadlines();
    // Assess: exactly the holders of seats 11–13 got one reminder each
    const reminded = await Promise.all(
      seats.map(
        async (s) => (await mailsTo(s.member.email)).filter((m) => m.subject.startsWith('Erinnerung')).length,
      ),
    );
    expect(reminded).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    const deputyReminded = (await mailsTo(deputyOf(3))).filter((m) => m.subject.startsWith('Erinnerung'));
    expect(deputyReminded).toEqual([]);
    // The office's deadlines name the vote and the seats still to vote (11–13; seat 5 is recused
    // from b and has voted on a, so it has nothing left)
    signedIn.delete(adminEmail); // the clock moved days ahead: the office signs in again
    admin = await as(adminEmail);
    const deadlines = await admin.call<{ upcoming: { id: string; waiting: { what: string } }[] }>(
      'GET',
      '/api/admin/deadlines?weeks=4',
    );
    expect(deadlines.body.upcoming.find((item) => item.id === `vote-${voteId}`)?.waiting.what).toBe(
      '3 von 13 Sitzen haben noch nicht abgestimmt',
    );

    // Act: the deadline passes; a late ballot is refused; the job closes the vote
    clock.set(dueAt(deadline));
    signedIn.clear(); // three days later every session has timed out
    admin = await as(adminEmail);
    const late = await ballot(await as(seat(11).member.email), voteId, {
      seatId: seat(11).id,
      sketchId: a.id,
      choice: 'approve',
    });
    await voteDeadlines();
    const closed = await admin.call<VoteDoc>('GET', `/api/votes/${voteId}`);
    clock.reset();
    signedIn.clear();
    admin = await as(adminEmail);
    // Assess: a endorsed by consensus (10 of 13 voted, none objected), b without consensus
    expect(late).toMatchObject({ status: 409, body: { code: 'closed' } });
    expect(late.body.message).toMatch(/Die Abstimmung ist beendet/);
    expect(closed.body).toMatchObject({ status: 'closed', closedBecause: 'deadline' });
    const outcome = (id: string) => closed.body.outcomes?.find((o) => o.sketchId === id);
    expect(outcome(a.id)).toMatchObject({
      result: 'endorsed',
      counts: { approve: 10, object: 0, abstain: 0 },
      eligible: 13,
    });
    expect(outcome(a.id)?.silentSeatIds).toEqual([seat(11).id, seat(12).id, seat(13).id]);
    expect(outcome(b.id)).toMatchObject({
      result: 'no_consensus',
      counts: { approve: 8, object: 1, abstain: 0 },
      recusedSeatIds: [seat(5).id],
      eligible: 12,
    });
    expect(outcome(a.id)?.voted.find((v) => v.seatId === seat(3).id)).toMatchObject({ castAs: 'deputy' });
    // The office is told the result per sketch, in the words the vote's page uses
    const titleOf = (doc: SketchDoc) => (doc.draft.project as { title: string }).title;
    const [resultMail] = (await mailsTo(config().profile.office.email)).filter(
      (m) => m.subject.startsWith('Umlaufverfahren beendet') && Boolean(m.body.text?.includes(titleOf(a))),
    );
    expect(resultMail?.body.text).toContain(
      `${titleOf(a)}: Befürwortet – Zustimmung 10, Einwand 0, Enthaltung 0, befangen 0, nicht abgestimmt 3`,
    );
    expect(resultMail?.body.text).toContain(
      `${titleOf(b)}: Kein Einvernehmen – Zustimmung 8, Einwand 1, Enthaltung 0, befangen 1`,
    );

    // Act: the office writes the Votum on both: a endorsed with a condition, b deferred
    const votumA = await admin.call<SketchDoc>('POST', `/api/admin/sketches/${a.id}/votum`, {
      decision: 'endorsed',
      conditions: 'Zwischenbericht nach zwölf Monaten.',
      criteria: [
        { id: 'raeumliche-wirkung', assessment: 'met' },
        { id: 'verstetigung', assessment: 'met' },
      ],
      justification: 'Das Projekt wirkt in allen drei Teilräumen und ist auf andere Bündnisse übertragbar.',
    });
    const votumB = await admin.call<SketchDoc>('POST', `/api/admin/sketches/${b.id}/votum`, {
      decision: 'deferred',
      criteria: [],
      justification: 'Der Einwand zur Verstetigung wird in der nächsten Sitzung beraten.',
    });
    const owner = await as(a.ownerEmail);
    const getLetter = () =>
      fetch(`${api.url}/api/sketches/${a.id}/votum/letter`, { headers: { cookie: owner.cookie ?? '' } });
    const beforeRendering = await getLetter();
    const mailsBeforeRendering = await mailsTo(a.ownerEmail);
    // Act: the render job (woken by the letter's order in AWS) makes the letter and sends the mail;
    // of the files sharing the test table only this one runs it, so until here the letter waits.
    await renderDocuments();
    const letter = await getLetter();
    const bytes = Buffer.from(await letter.arrayBuffer());
    // Assess: a is endorsed and its applicant holds the mail with the letter; b is back for the next round
    expect(votumA.body).toMatchObject({
      status: 'endorsed',
      vota: [{ decision: 'endorsed', outcome: { result: 'endorsed' } }],
    });
    expect(votumB.body.status).toBe('deferred');
    // Each gets its file reference from the profile's pattern, the next number of the year
    expect(votumA.body.reference).toMatch(/^FKB-LW-\d{4}-\d{3}$/);
    expect(votumB.body.reference).toMatch(/^FKB-LW-\d{4}-\d{3}$/);
    expect(votumB.body.reference).not.toBe(votumA.body.reference);
    expect(votumB.body.outcome).toBeUndefined();
    // Until the letter is made, the mail waits for it and the portal says the letter is coming.
    expect(beforeRendering.status).toBe(409);
    expect(await beforeRendering.json()).toMatchObject({
      message: expect.stringContaining('wird gerade erstellt'),
    });
    expect(mailsBeforeRendering.filter((m) => m.subject.startsWith('Votum der Lenkungsgruppe'))).toEqual([]);
    const [votumMail] = (await mailsTo(a.ownerEmail)).filter((m) =>
      m.subject.startsWith('Votum der Lenkungsgruppe'),
    );
    expect(votumMail?.body.text).toContain('befürwortet Ihre Projektskizze');
    expect(votumMail?.attachments?.[0]).toMatchObject({
      contentType: 'application/pdf',
      filename: expect.stringMatching(/^Votum-.*\.pdf$/),
    });
    const mailedPdf = Buffer.from(votumMail?.attachments?.[0]?.content ?? '', 'base64');
    expect(mailedPdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toBe('application/pdf');
    // The letter the portal hands out is the one that was mailed, byte for byte (stored when issued).
    expect(bytes.equals(mailedPdf)).toBe(true);
    const again = await admin.call('POST', `/api/admin/sketches/${a.id}/votum`, {
      decision: 'endorsed',
      criteria: [],
      justification: 'Noch einmal dasselbe Votum schreiben.',
    });
    expect(again.status).toBe(409);
  });

  it('lets members read the sketches of their vote, and nobody else', async () => {
    // Prepare
    const a = await readySketch();
    const { body: vote } = await admin.call<VoteDoc>('POST', '/api/admin/votes', {
      sketchIds: [a.id],
      reason,
    });
    // Act
    const byMember = await (await as(seat(4).member.email)).call<SketchDoc>('GET', `/api/sketches/${a.id}`);
    const byDeputy = await (await as(deputyOf(4))).call('GET', `/api/sketches/${a.id}`);
    const stranger = await as(uniqueEmail('fremd'));
    const byStranger = await stranger.call('GET', `/api/sketches/${a.id}`);
    const filesByMember = await (await as(seat(4).member.email)).call(
      'GET',
      `/api/sketches/${a.id}/attachments`,
    );
    const filesByStranger = await stranger.call('GET', `/api/sketches/${a.id}/attachments`);
    // Assess
    expect(byMember.status).toBe(200);
    expect(byMember.body.voteId).toBe(vote.id);
    expect(byDeputy.status).toBe(200);
    expect(byStranger.status).toBe(404);
    expect(filesByMember).toMatchObject({ status: 200, body: { items: [] } });
    expect(filesByStranger.status).toBe(404);
    await admin.call('POST', `/api/admin/votes/${vote.id}/close`);
  });

  it('closes early when every seat has voted on every sketch it may vote on', async () => {
    // Prepare
    const a = await readySketch();
    const opened = await admin.call<VoteDoc>('POST', '/api/admin/votes', { sketchIds: [a.id], reason });
    // Act
    let last: VoteDoc | undefined;
    for (const s of seats)
      last = (
        await ballot(await as(s.member.email), opened.body.id, {
          seatId: s.id,
          sketchId: a.id,
          choice: 'abstain',
        })
      ).body;
    // Assess
    expect(opened.body.deadline).toBe(addDays(today(), 14));
    expect(last).toMatchObject({ status: 'closed', closedBecause: 'complete' });
    expect((await mailsTo(seat(1).member.email)).filter((m) => m.subject.startsWith('Erinnerung'))).toEqual(
      [],
    );
  });

  it('keeps exactly one ballot when one seat votes several times at once, and one winner when member and deputy race', async () => {
    // Prepare
    const a = await readySketch();
    const { body: vote } = await admin.call<VoteDoc>('POST', '/api/admin/votes', {
      sketchIds: [a.id],
      reason,
    });
    const member1 = await as(seat(1).member.email);
    const member2 = await as(seat(2).member.email);
    const deputy2 = await as(deputyOf(2));
    await member2.call('POST', `/api/votes/${vote.id}/seats/${seat(2).id}/handover`);
    // Act
    const racing = await Promise.all(
      (['approve', 'object', 'abstain', 'approve', 'abstain'] as const).map((choice) =>
        ballot(member1, vote.id, { seatId: seat(1).id, sketchId: a.id, choice, reason: 'Grund' }),
      ),
    );
    const [deputyVote, takeBack] = await Promise.all([
      ballot(deputy2, vote.id, { seatId: seat(2).id, sketchId: a.id, choice: 'approve' }),
      member2.call('DELETE', `/api/votes/${vote.id}/seats/${seat(2).id}/handover`),
    ]);
    const after = await admin.call<VoteDoc>('GET', `/api/votes/${vote.id}`);
    // Assess
    expect(racing.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(racing.some((r) => r.status === 200)).toBe(true);
    const seat1Ballots = after.body.ballots.filter((x) => x.seatId === seat(1).id);
    expect(seat1Ballots).toHaveLength(1);
    expect(seat1Ballots[0]?.revision).toBe(racing.filter((r) => r.status === 200).length);
    const seat2 = after.body.seats.find((s) => s.id === seat(2).id);
    const deputyBallot = after.body.ballots.find((x) => x.seatId === seat(2).id);
    if (deputyVote.status === 200) {
      expect(takeBack.status).toBe(409);
      expect(seat2).toMatchObject({ holder: 'deputy', deputyVoted: true });
      expect(deputyBallot).toMatchObject({ castBy: deputyOf(2), castAs: 'deputy' });
    } else {
      expect(takeBack.status).toBe(200);
      expect(seat2).toMatchObject({ holder: 'member', deputyVoted: false });
      expect(deputyBallot).toBeUndefined();
    }
  });

  it('is refused for sketches not ready or not endorsed, and for a deadline in the past', async () => {
    // Prepare
    const applicant = await as(uniqueEmail());
    const submitted = await submittedSketch(applicant);
    // Act
    const notReady = await admin.call('POST', '/api/admin/votes', { sketchIds: [submitted.id], reason });
    const noCase = await admin.call('POST', '/api/admin/votes', { sketchIds: [submitted.id] });
    const past = await admin.call('POST', '/api/admin/votes', {
      sketchIds: [submitted.id],
      deadline: addDays(today(), -1),
    });
    const none = await admin.call('POST', '/api/admin/votes', { sketchIds: [] });
    const byApplicant = await applicant.call('POST', '/api/admin/votes', { sketchIds: [submitted.id] });
    // Assess
    expect(notReady).toMatchObject({ status: 409, body: { code: 'wrong_status' } });
    expect(past.status).toBe(400);
    expect(past.body.message).toMatch(/Frist: Der .* liegt in der Vergangenheit/);
    expect(none.status).toBe(400);
    expect(byApplicant.status).toBe(403);
    // Leine-Weser decides in writing only „im Einzelfall“: without the case stated, no circulation
    expect(noCase).toMatchObject({ status: 400, body: { fields: [{ field: 'reason' }] } });
  });

  it('lets an admin extend the deadline, telling every seat, and keeps changed seats out of open votes', async () => {
    // Prepare
    const a = await readySketch();
    const { body: vote } = await admin.call<VoteDoc>('POST', '/api/admin/votes', {
      sketchIds: [a.id],
      deadline: addDays(today(), 2),
      reason,
    });
    const changed = { ...seat(7), member: { name: 'Neue Person', email: `neu-${run}@example.org` } };
    const { id, ...body } = changed;
    // Act
    await admin.call('PUT', `/api/admin/seats/${id}`, body);
    const extended = await admin.call<VoteDoc>('POST', `/api/admin/votes/${vote.id}/extend`, {
      deadline: addDays(today(), 9),
    });
    const earlier = await admin.call('POST', `/api/admin/votes/${vote.id}/extend`, {
      deadline: addDays(today(), 1),
    });
    // Assess
    expect(extended.body.deadline).toBe(addDays(today(), 9));
    expect(extended.body.seats.find((s) => s.id === seat(7).id)?.member.email).toBe(seat(7).member.email);
    expect((await mailsTo(seat(7).member.email)).some((m) => m.subject.startsWith('Frist verlängert'))).toBe(
      true,
    );
    expect(await mailsTo(`neu-${run}@example.org`)).toEqual([]);
    expect(earlier.status).toBe(400);
    await admin.call('PUT', `/api/admin/seats/${id}`, { ...body, member: seat(7).member });
  });
});

describe('input the contract refuses', () => {
  /** The 400's fields, as the page shows them beside each field. */
  const fields = (answer: { body: Record<string, unknown> }) => answer.body.fields;

  it('is a 400 naming each field, never a 500, for every steering-group route', async () => {
    // Prepare
    const member = await as(seat(1).member.email);
    const voteId = randomUUID();
    const sketchId = randomUUID();
    // Act
    const unknownChoice = await ballot(member, voteId, { seatId: seat(1).id, sketchId, choice: 'dafür' });
    const badSeat = await admin.call('PUT', '/api/admin/seats/Sitz%20Eins', {
      institution: 'Eine Institution',
      member: { name: 'Eine Person', email: 'person@example.org' },
    });
    const badDeputy = await admin.call('PUT', `/api/admin/seats/t${run}-neu`, {
      institution: 'Eine Institution',
      member: { name: 'Eine Person', email: 'person@example.org' },
      deputies: [{ name: 'X', email: 'keine-adresse' }],
    });
    const noDate = await admin.call('POST', '/api/admin/votes', {
      sketchIds: [sketchId],
      deadline: 'morgen',
    });
    const tooMany = await admin.call('POST', '/api/admin/votes', {
      sketchIds: Array.from({ length: 11 }, () => randomUUID()),
    });
    const extendNoDate = await admin.call('POST', `/api/admin/votes/${voteId}/extend`, { deadline: 42 });
    const handOverBadSeat = await member.call('POST', `/api/votes/${voteId}/seats/SITZ_1/handover`);
    const longVoteId = await admin.call('GET', `/api/votes/${'a'.repeat(65)}`);
    const recusalWithoutSketch = await member.call('POST', `/api/votes/${voteId}/recusals`, {
      seatId: seat(1).id,
    });
    const badMeeting = await admin.call('POST', '/api/admin/meetings', {
      date: '2026-02-30',
      attendance: [{ seatId: seat(1).id, presence: 'online' }],
      decisions: [{ sketchId, result: 'endorsed', approve: -1, object: 1.5 }],
    });
    const badVotum = await admin.call('POST', `/api/admin/sketches/${sketchId}/votum`, {
      decision: 'ja',
      criteria: 'alle',
      justification: 'kurz',
    });
    // Assess
    expect(unknownChoice.status).toBe(400);
    expect(fields(unknownChoice)).toEqual([
      { field: 'choice', message: 'Stimme: Bitte Zustimmung, Einwand oder Enthaltung wählen.' },
    ]);
    expect(badSeat.status).toBe(400);
    expect(fields(badSeat)).toEqual([
      { field: 'id', message: 'Sitz: nur Kleinbuchstaben, Ziffern und Bindestriche.' },
    ]);
    expect(badDeputy.status).toBe(400);
    expect(fields(badDeputy)).toEqual([
      { field: 'deputies.0.name', message: 'Name (Stellvertretung): Bitte mindestens 2 Zeichen eingeben.' },
      { field: 'deputies.0.email', message: expect.stringMatching(/^E-Mail \(Stellvertretung\): /) },
    ]);
    expect(noDate.status).toBe(400);
    expect(fields(noDate)).toEqual([
      { field: 'deadline', message: 'Frist: Bitte ein gültiges Datum angeben.' },
    ]);
    expect(fields(tooMany)).toEqual([
      { field: 'sketchIds', message: 'Skizzen: höchstens 10 je Umlaufverfahren.' },
    ]);
    expect(extendNoDate.status).toBe(400);
    expect(fields(extendNoDate)).toEqual([{ field: 'deadline', message: 'Frist: Bitte ein Datum angeben.' }]);
    expect(handOverBadSeat.status).toBe(400);
    expect(fields(handOverBadSeat)).toEqual([
      { field: 'seatId', message: 'Sitz: nur Kleinbuchstaben, Ziffern und Bindestriche.' },
    ]);
    expect(longVoteId.status).toBe(400);
    expect(fields(longVoteId)).toEqual([{ field: 'id', message: 'Abstimmung: ungültig.' }]);
    expect(recusalWithoutSketch.status).toBe(400);
    expect(fields(recusalWithoutSketch)).toEqual([{ field: 'sketchId', message: 'Skizze: Bitte angeben.' }]);
    expect(badMeeting.status).toBe(400);
    expect(fields(badMeeting)).toEqual([
      { field: 'date', message: 'Datum: Bitte ein gültiges Datum angeben.' },
      {
        field: 'attendance.0.presence',
        message: 'Anwesenheit: Bitte Mitglied, Stellvertretung oder abwesend wählen.',
      },
      { field: 'decisions.0.approve', message: 'Anzahl: nicht negativ.' },
      { field: 'decisions.0.object', message: 'Anzahl: Bitte eine ganze Zahl angeben.' },
      { field: 'decisions.0.abstain', message: 'Anzahl: Bitte angeben (0, wenn niemand).' },
    ]);
    expect(badVotum.status).toBe(400);
    expect(fields(badVotum)).toEqual([
      {
        field: 'decision',
        message: 'Entscheidung: Bitte befürwortet, nicht befürwortet oder zurückgestellt wählen.',
      },
      { field: 'criteria', message: 'Kriterien: Bitte als Liste angeben.' },
      { field: 'justification', message: 'Begründung: Bitte mindestens 20 Zeichen eingeben.' },
    ]);
  });
});

describe('a meeting', { timeout: 120_000 }, () => {
  it('records attendance and counts, computes the result, gives the minutes as PDF, and leads to the Votum', async () => {
    // Prepare
    const [a, b] = await readySketches();
    // Act: eight members, two deputies (named by name in the record), three absent
    const recorded = await admin.call<{ id: string; attendance: unknown[]; decisions: unknown[] }>(
      'POST',
      '/api/admin/meetings',
      {
        date: today(),
        place: 'Hildesheim',
        invitedOn: addDays(today(), -14),
        chair: 'Ottmar von Holtz',
        agenda: [
          { title: 'Begrüßung' },
          { title: 'Skizze A', sketchId: a.id, note: 'Vorgestellt vom Träger.' },
        ],
        attendance: seats.map((s, i) => ({
          seatId: s.id,
          presence: i < 8 ? 'member' : i < 10 ? 'deputy' : 'absent',
        })),
        decisions: [
          // The office sends no result: a result it sends is not read.
          {
            sketchId: a.id,
            result: 'not_endorsed',
            approve: 8,
            object: 0,
            abstain: 1,
            recusedSeatIds: [seat(5).id],
          },
          { sketchId: b.id, approve: 5, object: 1, abstain: 0 },
        ],
      },
    );
    await renderDocuments();
    const minutes = await fetch(`${api.url}/api/admin/meetings/${recorded.body.id}/minutes`, {
      headers: { cookie: admin.cookie ?? '' },
    });
    const decided = await admin.call<SketchDoc>('GET', `/api/sketches/${a.id}`);
    const contradicting = await admin.call('POST', `/api/admin/sketches/${b.id}/votum`, {
      decision: 'endorsed',
      criteria: [],
      justification: 'Die Sitzung hat das Projekt doch befürwortet, heißt es.',
    });
    const votum = await admin.call<SketchDoc>('POST', `/api/admin/sketches/${a.id}/votum`, {
      criteria: [{ id: 'modellcharakter', assessment: 'met' }],
      justification: 'Die Sitzung hat das Projekt einvernehmlich befürwortet.',
    });
    const badAttendance = await admin.call('POST', '/api/admin/meetings', {
      date: today(),
      attendance: [{ seatId: 'gibt-es-nicht', presence: 'member' }],
      decisions: [{ sketchId: b.id, approve: 1, object: 0, abstain: 0 }],
    });
    // Assess
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      chair: 'Ottmar von Holtz',
      agenda: [{ title: 'Begrüßung' }, { sketchId: a.id }],
    });
    const attended = (n: number) =>
      (recorded.body.attendance as { seat: { id: string }; name?: string }[]).find(
        (x) => x.seat.id === seat(n).id,
      )?.name;
    expect([8, 9, 10, 11].map(attended)).toEqual(['Mitglied 8', 'Vertretung 9', 'Vertretung 10', undefined]);
    expect(decided.body).toMatchObject({
      status: 'vote_closed',
      outcome: {
        source: 'meeting',
        result: 'endorsed',
        counts: { approve: 8, object: 0, abstain: 1 },
        eligible: 12,
        present: 9,
        quorumMet: true,
        rule: { rule: 'consensus', minApprovals: 1 },
      },
    });
    // an objection in a meeting under consensus: not endorsed, and the Votum cannot say otherwise
    expect(recorded.body.decisions[1]).toMatchObject({ result: 'not_endorsed' });
    expect(contradicting.status).toBe(400);
    expect(contradicting.body).toMatchObject({ fields: [{ field: 'decision' }] });
    expect(minutes.status).toBe(200);
    expect(minutes.headers.get('content-disposition')).toContain(`Sitzungsprotokoll-${today()}.pdf`);
    expect(
      Buffer.from(await minutes.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // the decision comes from the outcome; the checklist holds every criterion of the profile
    expect(votum.body.status).toBe('endorsed');
    expect(votum.body.vota?.[0]?.decision).toBe('endorsed');
    expect(votum.body.vota?.[0]?.criteria.map((c) => c.id)).toEqual(
      checkedProfile(config().ALLIANCE).criteria.map((c) => c.id),
    );
    expect(badAttendance.status).toBe(400);
    expect(badAttendance.body).toMatchObject({ fields: [{ field: 'attendance.0.seatId' }] });
  });

  it('refuses impossible minutes, and endorses nothing on abstentions alone', async () => {
    // Prepare
    const a = await readySketch();
    const attendance = seats.map((s, i) => ({ seatId: s.id, presence: i < 11 ? 'member' : 'absent' }));
    // Act: 11 of 13 seats present, 12 votes; a recused seat that is no seat of the meeting; only abstentions
    const tooMany = await admin.call('POST', '/api/admin/meetings', {
      date: today(),
      attendance,
      decisions: [{ sketchId: a.id, approve: 12, object: 0, abstain: 0 }],
    });
    const recusedCounted = await admin.call('POST', '/api/admin/meetings', {
      date: today(),
      attendance,
      decisions: [{ sketchId: a.id, approve: 11, object: 0, abstain: 0, recusedSeatIds: [seat(1).id] }],
    });
    const unknownRecused = await admin.call('POST', '/api/admin/meetings', {
      date: today(),
      attendance,
      decisions: [{ sketchId: a.id, approve: 1, object: 0, abstain: 0, recusedSeatIds: ['gibt-es-nicht'] }],
    });
    const abstentions = await admin.call<{ decisions: { result: string }[] }>('POST', '/api/admin/meetings', {
      date: today(),
      attendance,
      decisions: [{ sketchId: a.id, approve: 0, object: 0, abstain: 11 }],
    });
    const fewPresent = await readySketch();
    const noQuorum = await admin.call<{ decisions: { result: string }[] }>('POST', '/api/admin/meetings', {
      date: today(),
      attendance: seats.map((s, i) => ({ seatId: s.id, presence: i < 3 ? 'member' : 'absent' })),
      decisions: [{ sketchId: fewPresent.id, approve: 3, object: 0, abstain: 0 }],
    });
    const votum = await admin.call<SketchDoc>('POST', `/api/admin/sketches/${fewPresent.id}/votum`, {
      criteria: [],
      justification: 'Die Sitzung war nicht beschlussfähig; erneut beraten.',
    });
    // Assess
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({
      fields: [{ field: 'decisions.0.approve', message: expect.stringContaining('(11)') }],
    });
    expect(recusedCounted.status).toBe(400);
    expect(unknownRecused).toMatchObject({
      status: 400,
      body: { fields: [{ field: 'decisions.0.recusedSeatIds' }] },
    });
    expect(abstentions.status).toBe(201);
    expect(abstentions.body.decisions[0]?.result).toBe('not_endorsed');
    expect(noQuorum.body.decisions[0]?.result).toBe('no_quorum');
    expect(votum.body.status).toBe('deferred');
  });
});

describe('who sees what', { timeout: 180_000 }, () => {
  it('a recused seat sees no choice on that sketch in the vote or the sketch, before or after the close; the others do; a member keeps reading the sketch after the vote', async () => {
    // Prepare: seat 2 is recused from a, seat 1 votes on a
    const a = await readySketch();
    const { body: vote } = await admin.call<VoteDoc>('POST', '/api/admin/votes', {
      sketchIds: [a.id],
      reason,
    });
    const recusedMember = await as(seat(2).member.email);
    const voter = await as(seat(1).member.email);
    await recusedMember.call('POST', `/api/votes/${vote.id}/recusals`, {
      seatId: seat(2).id,
      sketchId: a.id,
    });
    await ballot(voter, vote.id, { seatId: seat(1).id, sketchId: a.id, choice: 'approve' });
    // Act
    const openRecused = await recusedMember.call<VoteDoc>('GET', `/api/votes/${vote.id}`);
    await admin.call('POST', `/api/admin/votes/${vote.id}/close`);
    const closedRecused = await recusedMember.call<VoteDoc>('GET', `/api/votes/${vote.id}`);
    const closedVoter = await voter.call<VoteDoc>('GET', `/api/votes/${vote.id}`);
    const sketchRecused = await recusedMember.call<SketchDoc>('GET', `/api/sketches/${a.id}`);
    const sketchVoter = await voter.call<SketchDoc>('GET', `/api/sketches/${a.id}`);
    const listed = await voter.call<{ items: { id: string; status: string }[] }>('GET', '/api/my/votes');
    // Assess: the recused seat sees no ballot and no choice
    expect(openRecused.body.ballots).toEqual([]);
    expect(closedRecused.body.ballots).toEqual([]);
    expect(closedRecused.body.outcomes?.[0]?.voted).toEqual([]);
    expect(sketchRecused.status).toBe(200);
    expect(sketchRecused.body.outcome?.voted).toEqual([]);
    // the voter sees the choices, and reads the sketch and finds the vote after the close
    expect(closedVoter.body.outcomes?.[0]?.voted).toEqual([
      { seatId: seat(1).id, choice: 'approve', castAs: 'member' },
    ]);
    expect(sketchVoter.status).toBe(200);
    expect(sketchVoter.body.outcome?.voted).toHaveLength(1);
    expect(listed.body.items.find((v) => v.id === vote.id)?.status).toBe('closed');
  });
});

describe('the office acting for a seat', { timeout: 180_000 }, () => {
  it('hands a seat to a deputy and records a ballot on a member’s behalf, each with its reason, shown as such', async () => {
    // Prepare
    const a = await readySketch();
    const { body: vote } = await admin.call<VoteDoc>('POST', '/api/admin/votes', {
      sketchIds: [a.id],
      reason,
    });
    // Act
    const handed = await admin.call<VoteDoc>(
      'POST',
      `/api/admin/votes/${vote.id}/seats/${seat(6).id}/handover`,
      {
        because: 'Mitglied erkrankt, per Telefon',
      },
    );
    const recorded = await admin.call<VoteDoc>('POST', `/api/admin/votes/${vote.id}/ballots`, {
      seatId: seat(7).id,
      sketchId: a.id,
      choice: 'approve',
      because: 'per Telefon',
    });
    const noReason = await admin.call('POST', `/api/admin/votes/${vote.id}/ballots`, {
      seatId: seat(8).id,
      sketchId: a.id,
      choice: 'approve',
    });
    const byMember = await (await as(seat(8).member.email)).call(
      'POST',
      `/api/admin/votes/${vote.id}/ballots`,
      {
        seatId: seat(8).id,
        sketchId: a.id,
        choice: 'approve',
        because: 'selbst',
      },
    );
    const deputyVotes = await ballot(await as(deputyOf(6)), vote.id, {
      seatId: seat(6).id,
      sketchId: a.id,
      choice: 'abstain',
    });
    // Assess
    expect(handed.status).toBe(200);
    expect(handed.body.seats.find((s) => s.id === seat(6).id)).toMatchObject({
      holder: 'deputy',
      deputyEmail: deputyOf(6),
      handedOverBy: adminEmail,
      handOverReason: 'Mitglied erkrankt, per Telefon',
    });
    expect(recorded.body.ballots.find((b) => b.seatId === seat(7).id)).toMatchObject({
      castBy: seat(7).member.email,
      castAs: 'member',
      recordedBy: adminEmail,
      recordedBecause: 'per Telefon',
    });
    expect(noReason).toMatchObject({ status: 400, body: { fields: [{ field: 'because' }] } });
    expect(byMember.status).toBe(403);
    expect(deputyVotes.status).toBe(200);
    expect((await mailsTo(deputyOf(6))).some((m) => m.subject.startsWith('Umlaufverfahren'))).toBe(true);
  });
});

describe("the office's list of votes", () => {
  it('is read a page at a time, newest first, and refuses a cursor it did not give', async () => {
    // Prepare: the votes the tests above opened (the table may hold other files' too)
    const whole = await admin.call<{ items: { id: string; openedAt: string }[]; cursor?: string }>(
      'GET',
      '/api/admin/votes?limit=100',
    );
    // Act
    const byTwo: string[][] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '2', ...(cursor ? { cursor } : {}) });
      const page = await admin.call<{ items: { id: string }[]; cursor?: string }>(
        'GET',
        `/api/admin/votes?${query}`,
      );
      byTwo.push(page.body.items.map((v) => v.id));
      cursor = page.body.cursor;
    } while (cursor && byTwo.length < 60);
    const forged = await admin.call(
      'GET',
      `/api/admin/votes?cursor=${Buffer.from('open#2026-01-01T00:00:00.000Z#x').toString('base64url')}`,
    );
    const notCursor = await admin.call('GET', '/api/admin/votes?cursor=a.b');
    // Assess: the same votes, newest first, two to a page, no empty page at the end
    const ids = whole.body.items.map((v) => v.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const opened = whole.body.items.map((v) => v.openedAt);
    expect(opened).toEqual([...opened].sort().reverse());
    expect(byTwo.flat()).toEqual(ids.slice(0, byTwo.flat().length));
    if (!whole.body.cursor) expect(byTwo.flat()).toEqual(ids);
    expect(byTwo.slice(0, -1).every((page) => page.length === 2)).toBe(true);
    expect(byTwo.at(-1)?.length).toBeGreaterThan(0);
    for (const refused of [forged, notCursor])
      expect(refused).toMatchObject({
        status: 400,
        body: { fields: [{ field: 'cursor', message: 'cursor: ungültig.' }] },
      });
  });
});
