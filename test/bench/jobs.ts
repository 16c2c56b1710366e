import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { jobs } from '../../functions/jobs/jobs.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { benchTable, type LocalStack } from './local.ts';
import { broken, inTurns, median, notBuilt, type Row, row } from './results.ts';
import { completeSketch, functionName, type ScenarioContext } from './scenarios.ts';
import { type SdkCall, sum } from './sdk.ts';

/*
 * The jobs: how each is run for capacity.<job>, and jobs.scaling: a job's capacity, items read and
 * time with 10 due among many stored items ÷ 10 due among few. A job that reads only what is due
 * (a query on the sparse outbox index) costs the same however full the table is.
 */

type JobHandler = () => Promise<unknown>;

async function jobHandler(entry: string): Promise<JobHandler> {
  const module = (await import(new URL(`../../${entry}`, import.meta.url).href)) as { handler: JobHandler };
  return module.handler;
}

/** Puts `count` confirmation mails, due now, into the configured table: what a failed send leaves behind. */
export async function enqueueDueMails(count: number): Promise<void> {
  const { outboxItem } = await import('../../functions/store/outbox.ts');
  const { sketchSubmittedMail } = await import('../../functions/mail/templates.de.ts');
  const { documents } = await import('../../functions/platform/clients.ts');
  const { config } = await import('../../functions/platform/config.ts');
  const { proseProfile } = await import('../../functions/alliances/prose.ts');
  const { profile, PUBLIC_URL, ALLIANCE } = config();
  const createdAt = new Date(Date.now() - 60_000).toISOString();
  const content = sketchSubmittedMail(
    proseProfile(profile, ALLIANCE),
    completeSketch(),
    { n: 1, at: createdAt },
    PUBLIC_URL,
  );
  for (let i = 0; i < count; i += 1) {
    const put = outboxItem({
      id: randomUUID(),
      to: `faellig-${i}@example.org`,
      kind: 'sketch-submitted',
      sketchId: randomUUID(),
      createdAt,
      ...content,
    }).Put;
    if (!put) throw new Error('outboxItem gave no Put');
    await documents().send(new PutCommand(put as ConstructorParameters<typeof PutCommand>[0]));
  }
}

/**
 * Puts `count` Votum letters, ordered now, each with the applicant's mail held for it, into the
 * configured table: what write-votum stores (the order's data as votumLetter makes it for a
 * complete sketch endorsed by a circulation vote).
 */
export async function enqueueOrderedLetters(count: number): Promise<void> {
  const { outboxItem } = await import('../../functions/store/outbox.ts');
  const { votumMail } = await import('../../functions/mail/templates.de.ts');
  const { documentOrderItem } = await import('../../functions/store/documents.ts');
  const { documents } = await import('../../functions/platform/clients.ts');
  const { config } = await import('../../functions/platform/config.ts');
  const { profile, PUBLIC_URL } = config();
  const { applicant, project, space, runtime, finance } = completeSketch();
  const issuedAt = new Date(Date.now() - 1000).toISOString();
  for (let i = 0; i < count; i += 1) {
    const sketchId = randomUUID();
    const documentId = `votum-letter#${sketchId}#1`;
    const mail = {
      id: randomUUID(),
      to: `votum-${i}@example.org`,
      kind: 'votum',
      sketchId,
      createdAt: issuedAt,
      ...votumMail(profile, project.title, 'endorsed', `${PUBLIC_URL}/skizzen/${sketchId}`),
      documentIds: [documentId],
    };
    const order = documentOrderItem(
      documentId,
      {
        head: { fileName: `Votum-${i}.pdf`, contentType: 'application/pdf', issuedAt },
        order: {
          kind: 'votum-letter',
          input: {
            sketch: { applicant, project, space, runtime, finance },
            decision: 'endorsed',
            procedure: { kind: 'circulation', deadline: issuedAt.slice(0, 10) },
            counts: { approve: 10, object: 0, abstain: 1, recused: 1 },
            conditions: ['Zwischenbericht nach zwölf Monaten.'],
            justification: 'Das Projekt wirkt in allen drei Teilräumen und ist übertragbar.',
            criteria: [{ id: 'raeumliche-wirkung', assessment: 'met' }],
            reference: sketchId.slice(0, 8).toUpperCase(),
          },
        },
      },
      [mail.id],
    );
    await documents().send(new TransactWriteCommand({ TransactItems: [outboxItem(mail), order] }));
  }
}

/** 13 seats as a vote copies them, with addresses unique to `tag`. */
const voteSeats = (tag: string) =>
  Array.from({ length: 13 }, (_, i) => ({
    id: `sitz-${i + 1}`,
    institution: `Institution ${i + 1}`,
    member: { name: `Mitglied ${i + 1}`, email: `mitglied-${i + 1}-${tag}@example.org` },
    deputies: [{ name: `Vertretung ${i + 1}`, email: `vertretung-${i + 1}-${tag}@example.org` }],
  }));

/**
 * Puts `count` open votes on two complete sketches each into the configured table, due for the job
 * now: `reminder` has its deadline in five days, so the reminder seven days before is due and
 * goes to all 13 seats; `close` had its deadline yesterday, so the job closes it. Made with the
 * store's own builders, as opening a vote writes them.
 */
export async function enqueueDueVotes(count: number, kind: 'reminder' | 'close'): Promise<void> {
  const { sketchPutItem } = await import('../../functions/store/sketches.ts');
  const { voteItem } = await import('../../functions/store/votes.ts');
  const { sketchFacts } = await import('../../functions/core/sketch-doc.ts');
  const { addDays, berlinDate } = await import('../../functions/core/dates.ts');
  const { documents } = await import('../../functions/platform/clients.ts');
  const { config } = await import('../../functions/platform/config.ts');
  const now = new Date();
  const opened = new Date(now.getTime() - 10 * 86_400_000).toISOString();
  const deadline = addDays(berlinDate(now), kind === 'reminder' ? 5 : -1);
  const sketch = completeSketch();
  const items: Array<Record<string, unknown>> = [];
  for (let v = 0; v < count; v += 1) {
    const voteId = randomUUID();
    const sketchIds = [randomUUID(), randomUUID()];
    for (const id of sketchIds) {
      const put = sketchPutItem(
        {
          id,
          ownerEmail: `traeger-${id.slice(0, 8)}@example.org`,
          status: 'in_vote',
          voteId,
          version: 14,
          createdAt: opened,
          updatedAt: opened,
          submittedAt: opened,
          draft: sketch,
          submissions: [{ n: 1, submittedAt: opened }],
          localStatements: sketchFacts(sketch).subRegionIds.map((subRegionId) => ({
            subRegionId,
            verdict: 'supports' as const,
            note: '',
            givenAt: opened,
            givenBy: 'lokal@example.org',
          })),
          ...sketchFacts(sketch),
        },
        0,
      ).Put?.Item;
      if (put) items.push(put);
    }
    items.push(
      voteItem(
        {
          id: voteId,
          sketchIds,
          seats: voteSeats(voteId.slice(0, 8)),
          deadline,
          openedAt: opened,
          openedBy: 'office@example.org',
          status: 'open',
          remindersSent: [],
          revision: 1,
        },
        new Date(now.getTime() - 60_000),
      ),
    );
  }
  const table = config().TABLE_NAME;
  for (let i = 0; i < items.length; i += 25) {
    await documents().send(
      new BatchWriteCommand({
        RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
}

/**
 * Puts `count` final-report deadlines of running projects into the configured table whose first
 * reminder (14 days before the due date) is due now: the follow-up job mails each applicant once.
 * Made with the store's own builder, as confirming a funding decision writes them.
 */
export async function enqueueDueDeadlines(count: number): Promise<void> {
  const { deadlineItem } = await import('../../functions/store/followup.ts');
  const { addDays, berlinDate } = await import('../../functions/core/dates.ts');
  const { documents } = await import('../../functions/platform/clients.ts');
  const { config } = await import('../../functions/platform/config.ts');
  const { profile, TABLE_NAME } = config();
  const now = new Date();
  const created = new Date(now.getTime() - 200 * 86_400_000).toISOString();
  const items = Array.from({ length: count }, () =>
    deadlineItem(
      {
        sketchId: randomUUID(),
        id: 'final',
        kind: 'final_report',
        label: 'Abschlussbericht',
        due: addDays(berlinDate(now), 7),
        state: 'open',
        done: [],
        revision: 1,
        project: {
          title: 'Pflegekräfte für Leine-Weser: Quereinstieg mit Begleitung',
          organisation: 'Bildungswerk Weserbergland e. V.',
          ownerEmail: `traeger-${randomUUID().slice(0, 8)}@example.org`,
        },
        createdAt: created,
        createdBy: 'office@example.org',
        reviews: [],
        moves: [],
      } as Parameters<typeof deadlineItem>[0],
      profile.reports,
    ),
  );
  for (let i = 0; i < items.length; i += 25) {
    await documents().send(
      new BatchWriteCommand({
        RequestItems: { [TABLE_NAME]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
}

/**
 * Puts `count` submissions into the configured table whose place in the office's daily digest is
 * due (the digest hour passed a minute ago): what submit-sketch stores beside the submission when
 * the office chose the digest, made with the store's own builder.
 */
/**
 * When the bench's due notices were submitted: one time for all, an hour before the run started. A
 * notice's key holds it beside the sketch's id, so the notices of two preparations differ only in
 * their ids, which the cold run's replay maps (preparedSubjects): with a time of its own each, the
 * replay's transaction looked for a notice that did not exist and failed its condition.
 */
const noticesSubmittedAt = new Date(Date.now() - 3_600_000).toISOString();

export async function enqueueDueNotices(count: number): Promise<void> {
  const { submissionNoticeItem } = await import('../../functions/store/notices.ts');
  const { config } = await import('../../functions/platform/config.ts');
  const { applicant, project } = completeSketch();
  const at = noticesSubmittedAt;
  const items = Array.from({ length: count }, (_, i) => {
    const put = submissionNoticeItem(
      {
        sketchId: randomUUID(),
        at,
        title: `${project.title} (${i + 1})`,
        organisation: applicant.organisation,
        n: 1,
      },
      new Date(Date.now() - 60_000),
    ).Put?.Item;
    if (!put) throw new Error('submissionNoticeItem gave no Put');
    return put;
  });
  await batchPut(config().TABLE_NAME, items);
}

/**
 * Puts `count` drafts into the configured table that were started and left five years ago, their
 * retention period (the profile's months after the last change) past: each with its audit event,
 * its sent "draft started" mail and its period in the due index, as creating a draft writes them.
 * The retention job deletes them whole.
 */
export async function enqueueDueDrafts(count: number): Promise<void> {
  const { sketchPutItem, eventItem } = await import('../../functions/store/sketches.ts');
  const { sketchRetentionItem } = await import('../../functions/store/retention.ts');
  const { outboxItem } = await import('../../functions/store/outbox.ts');
  const { draftCreatedMail } = await import('../../functions/mail/templates.de.ts');
  const { sketchFacts } = await import('../../functions/core/sketch-doc.ts');
  const { auditEvent } = await import('../../functions/core/lifecycle.ts');
  const { config } = await import('../../functions/platform/config.ts');
  const { profile, PUBLIC_URL, TABLE_NAME } = config();
  const left = new Date(Date.now() - 5 * 365 * 86_400_000).toISOString();
  const items: Array<Record<string, unknown>> = [];
  for (let i = 0; i < count; i += 1) {
    const id = randomUUID();
    const owner = `entwurf-${id.slice(0, 8)}@example.org`;
    const draft = { applicant: { contactEmail: owner }, project: { title: `Idee ${i + 1}` } };
    const {
      gsi1pk: _pk,
      gsi1sk: _sk,
      ...mail
    } = outboxItem({
      id: randomUUID(),
      to: owner,
      kind: 'draft-created',
      sketchId: id,
      createdAt: left,
      ...draftCreatedMail(profile, PUBLIC_URL),
    }).Put?.Item ?? {};
    items.push(
      sketchPutItem(
        {
          id,
          ownerEmail: owner,
          status: 'draft',
          version: 2,
          createdAt: left,
          updatedAt: left,
          draft,
          submissions: [],
          ...sketchFacts(draft),
        },
        0,
      ).Put?.Item as Record<string, unknown>,
      eventItem(
        auditEvent({
          sketchId: id,
          transition: 'create',
          from: null,
          to: 'draft',
          actor: owner,
          role: 'applicant',
          at: left,
        } as Parameters<typeof auditEvent>[0]),
        randomUUID(),
      ).Put?.Item as Record<string, unknown>,
      { ...mail, status: 'sent', sentAt: left, attempts: 1 },
      sketchRetentionItem(id, 'draft', new Date(Date.now() - 60_000)).Put?.Item as Record<string, unknown>,
    );
  }
  await batchPut(TABLE_NAME, items);
}

/** Writes items 25 to a batch. */
async function batchPut(table: string, items: readonly Record<string, unknown>[]): Promise<void> {
  const { documents } = await import('../../functions/platform/clients.ts');
  for (let i = 0; i < items.length; i += 25) {
    await documents().send(
      new BatchWriteCommand({
        RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
}

export interface JobScenario {
  run(): Promise<unknown>;
  capacity: Array<{ suffix: string; what: string; prepare(context: ScenarioContext): Promise<void> }>;
}

export const jobScenarios: Record<string, JobScenario> = {
  renderDocuments: {
    run: async () => (await jobHandler(jobs.renderDocuments.entry))(),
    // Each variant starts from no open order (the routes' scenarios leave theirs): one run renders them.
    capacity: [
      {
        suffix: '.votum-letter',
        what: 'one ordered Votum letter: render, store it and release its mail in one transaction, send the mail',
        prepare: async () => {
          await (await jobHandler(jobs.renderDocuments.entry))();
          await enqueueOrderedLetters(1);
        },
      },
      {
        suffix: '.idle',
        what: 'nothing ordered: a run by the schedule every minute, or woken by another insert, costs this',
        prepare: async () => void (await (await jobHandler(jobs.renderDocuments.entry))()),
      },
    ],
  },
  sendOutbox: {
    run: async () => (await jobHandler(jobs.sendOutbox.entry))(),
    capacity: [
      { suffix: '', what: 'one due mail: claim, send, mark sent', prepare: () => enqueueDueMails(1) },
      {
        suffix: '.idle',
        what: 'nothing due: the run every minute costs this',
        prepare: async () => undefined,
      },
    ],
  },
  voteDeadlines: {
    run: async () => (await jobHandler('functions/jobs/vote-deadlines.ts'))(),
    capacity: [
      {
        suffix: '.reminder',
        what: 'one vote (13 seats, 2 sketches) whose reminder is due: 13 mails with sign-in links',
        prepare: () => enqueueDueVotes(1, 'reminder'),
      },
      {
        suffix: '.close',
        what: 'one vote (13 seats, 2 sketches) past its deadline: closed with its outcomes',
        prepare: () => enqueueDueVotes(1, 'close'),
      },
      {
        suffix: '.idle',
        what: 'nothing due: the run every minute costs this',
        prepare: async () => undefined,
      },
    ],
  },
  migrate: {
    run: async () => (await jobHandler(jobs.migrate.entry))(),
    capacity: [
      {
        suffix: '.idle',
        what: 'every migration recorded as done: the daily run costs this (one read per migration)',
        prepare: async () => void (await (await jobHandler(jobs.migrate.entry))()),
      },
    ],
  },
  submissionDigest: {
    run: async () => (await jobHandler(jobs.submissionDigest.entry))(),
    // Each variant first lets a run take what is due (nothing, while the bench's office takes a mail for each).
    capacity: [
      {
        suffix: '',
        what: "one submission due in the office's daily digest: the digest mail stored and the notice taken out in one transaction, the mail sent",
        prepare: async () => {
          await (await jobHandler(jobs.submissionDigest.entry))();
          await enqueueDueNotices(1);
        },
      },
      {
        suffix: '.idle',
        what: 'nothing due: the run every 15 minutes costs this (one query on the due index)',
        prepare: async () => void (await (await jobHandler(jobs.submissionDigest.entry))()),
      },
    ],
  },
  retention: {
    run: async () => (await jobHandler(jobs.retention.entry))(),
    capacity: [
      {
        suffix: '',
        what: 'one draft left five years ago, its period past: the sketch, its event and its mail deleted, the deletion logged',
        prepare: async () => {
          await (await jobHandler(jobs.retention.entry))();
          await enqueueDueDrafts(1);
        },
      },
      {
        suffix: '.idle',
        what: 'nothing due: the run every 15 minutes costs this (one query on the due index)',
        prepare: async () => void (await (await jobHandler(jobs.retention.entry))()),
      },
    ],
  },
  followUpDeadlines: {
    run: async () => (await jobHandler('functions/jobs/followup-deadlines.ts'))(),
    capacity: [
      {
        suffix: '.reminder',
        what: 'one final report whose first reminder is due: one mail to the applicant',
        prepare: () => enqueueDueDeadlines(1),
      },
      {
        suffix: '.idle',
        what: 'nothing due: the run every 15 minutes costs this',
        prepare: async () => undefined,
      },
    ],
  },
};

/**
 * What a table holds after months of use, made by the same builders the handlers use (so keys,
 * index entries and sizes are the real ones): submitted sketches with their stored version, audit
 * events, their sent mails (full German text and HTML) and idempotency records; started drafts;
 * closed circulation votes with their seats' states and ballots, open votes whose next reminder is
 * days away, final reports due in a year, drafts' retention periods months ahead and submissions
 * waiting for tomorrow's digest (in the due index, not due); and a mail now and then whose send failed and that is
 * due again in an hour, so it sits in the outbox index without being due. Yields items until `size`
 * are made.
 */
async function* history(size: number): AsyncGenerator<Record<string, unknown>> {
  const { sketchPutItem, versionItem, eventItem } = await import('../../functions/store/sketches.ts');
  const { outboxItem } = await import('../../functions/store/outbox.ts');
  const { draftCreatedMail, sketchSubmittedMail } = await import('../../functions/mail/templates.de.ts');
  const { sketchFacts } = await import('../../functions/core/sketch-doc.ts');
  const { auditEvent } = await import('../../functions/core/lifecycle.ts');
  const { voteItem } = await import('../../functions/store/votes.ts');
  const { deadlineItem } = await import('../../functions/store/followup.ts');
  const { initialSeatState } = await import('../../functions/core/vote.ts');
  const keys = await import('../../functions/store/keys.ts');
  const { sketchRetentionItem } = await import('../../functions/store/retention.ts');
  const { submissionNoticeItem } = await import('../../functions/store/notices.ts');
  const { config } = await import('../../functions/platform/config.ts');
  const { proseProfile } = await import('../../functions/alliances/prose.ts');
  const { profile, PUBLIC_URL, ALLIANCE } = config();
  const sketch = completeSketch();
  const submittedMail = sketchSubmittedMail(
    proseProfile(profile, ALLIANCE),
    sketch,
    { n: 1, at: new Date().toISOString() },
    PUBLIC_URL,
  );
  const draftMail = draftCreatedMail(profile, PUBLIC_URL);
  const item = (put: { Put?: { Item?: Record<string, unknown> } }) => {
    if (!put.Put?.Item) throw new Error('a builder gave no Put');
    return put.Put.Item;
  };
  const sent = (mail: Record<string, unknown>, at: string) => {
    const { gsi1pk: _pk, gsi1sk: _sk, ...rest } = mail;
    return { ...rest, status: 'sent', sentAt: at, attempts: 1 };
  };
  const day = 86_400_000;
  const now = Date.now();
  let made = 0;
  for (let g = 0; made < size; g += 1) {
    const id = randomUUID();
    const owner = `owner-${g}@example.org`;
    const created = new Date(now - (60 + (g % 300)) * day).toISOString();
    const submitted = new Date(Date.parse(created) + 3 * day).toISOString();
    const items: Array<Record<string, unknown>> = [];
    const event = (transition: string, from: string | null, to: string, at: string) =>
      item(
        eventItem(
          auditEvent({
            sketchId: id,
            transition,
            from,
            to,
            actor: owner,
            role: 'applicant',
            at,
          } as Parameters<typeof auditEvent>[0]),
          randomUUID(),
        ),
      );
    const mail = (kind: string, content: typeof draftMail, at: string) =>
      sent(
        item(outboxItem({ id: randomUUID(), to: owner, kind, sketchId: id, createdAt: at, ...content })),
        at,
      );
    items.push(event('create', null, 'draft', created), mail('draft-created', draftMail, created));
    if (g % 4 === 3) {
      // A draft started and left: a few fields, no submission.
      const draft = { applicant: { contactEmail: owner }, project: { title: `Idee ${g}` } };
      items.push(
        item(
          sketchPutItem(
            {
              id,
              ownerEmail: owner,
              status: 'draft',
              version: 3,
              createdAt: created,
              updatedAt: created,
              draft,
              submissions: [],
              ...sketchFacts(draft),
            },
            0,
          ),
        ),
        // Its retention period, months ahead: in the due index, not due.
        item(sketchRetentionItem(id, 'draft', new Date(now + (30 + (g % 300)) * day))),
      );
    } else {
      items.push(
        item(
          sketchPutItem(
            {
              id,
              ownerEmail: owner,
              status: 'submitted',
              version: 12,
              createdAt: created,
              updatedAt: submitted,
              submittedAt: submitted,
              draft: sketch,
              submissions: [{ n: 1, submittedAt: submitted }],
              ...sketchFacts(sketch),
            },
            0,
          ),
        ),
        item(versionItem(id, 1, submitted, sketch)),
        event('submit', 'draft', 'submitted', submitted),
        mail('sketch-submitted', submittedMail, submitted),
        {
          // Powertools keeps every record of a function in one partition, keyed by the payload's hash.
          pk: 'idempotency#votum-submitSketch',
          sk: `votum-submitSketch#${randomUUID().replace(/-/g, '')}`,
          status: 'COMPLETED',
          expiresAt: Math.floor(Date.parse(submitted) / 1000) + 86_400,
          data: JSON.stringify({ id, status: 'submitted', version: 12 }),
        },
      );
    }
    if (g % 10 === 1) {
      // A submission waiting for tomorrow's digest: in the due index, not due.
      items.push(
        item(
          submissionNoticeItem(
            { sketchId: id, at: submitted, title: sketch.project.title, organisation: 'Träger', n: 1 },
            new Date(now + day),
          ),
        ),
      );
    }
    if (g % 50 === 0) {
      // A circulation vote long closed: out of the due index, with its seats' states and ballots.
      const voteId = randomUUID();
      const seats = voteSeats(voteId.slice(0, 8));
      items.push(
        voteItem(
          {
            id: voteId,
            sketchIds: [id],
            seats,
            deadline: created.slice(0, 10),
            openedAt: created,
            openedBy: 'office@example.org',
            status: 'closed',
            closedAt: submitted,
            closedBy: 'system',
            closedBecause: 'deadline',
            remindersSent: [7, 2],
            revision: 4,
          },
          undefined,
        ),
        ...seats.flatMap((seat) => [
          {
            ...keys.voteSeat(voteId, seat.id),
            ...initialSeatState(seat.id),
            votedSketchIds: [id],
            revision: 1,
          },
          {
            ...keys.ballot(voteId, id, seat.id),
            voteId,
            sketchId: id,
            seatId: seat.id,
            choice: 'approve',
            castBy: seat.member.email,
            castAs: 'member',
            at: submitted,
            revision: 1,
          },
        ]),
      );
    }
    if (g % 20 === 0) {
      // A running project's final report, due in a year: in the due index, its first reminder far ahead.
      items.push(
        deadlineItem(
          {
            sketchId: id,
            id: 'final',
            kind: 'final_report',
            label: 'Abschlussbericht',
            due: new Date(now + 365 * day).toISOString().slice(0, 10),
            state: 'open',
            done: [],
            revision: 1,
            project: {
              title: sketch.project.title,
              organisation: sketch.applicant.organisation,
              ownerEmail: owner,
            },
            createdAt: submitted,
            createdBy: 'office@example.org',
            reviews: [],
            moves: [],
          } as Parameters<typeof deadlineItem>[0],
          profile.reports,
        ),
      );
    }
    if (g % 200 === 0) {
      // An open vote whose next reminder is days away: in the due index, not due.
      items.push(
        voteItem(
          {
            id: randomUUID(),
            sketchIds: [id],
            seats: voteSeats(`offen-${g}`),
            deadline: new Date(now + 12 * day).toISOString().slice(0, 10),
            openedAt: new Date(now - 2 * day).toISOString(),
            openedBy: 'office@example.org',
            status: 'open',
            remindersSent: [],
            revision: 1,
          },
          new Date(now + 3 * day),
        ),
      );
    }
    if (g % 7 === 0) {
      // A confirmation whose send failed: due again in an hour, in the outbox index but not due.
      const later = item(
        outboxItem({
          id: randomUUID(),
          to: owner,
          kind: 'sketch-submitted',
          sketchId: id,
          createdAt: submitted,
          ...submittedMail,
        }),
      );
      items.push({
        ...later,
        attempts: 3,
        lastError: 'ServiceUnavailable',
        gsi1sk: `${new Date(now + 3_600_000).toISOString()}#${String(later.id)}`,
      });
    }
    for (const next of items) {
      if (made >= size) return;
      made += 1;
      yield next;
    }
  }
}

/** Fills a table with `size` items of `history`, 25 to a batch, 8 batches at a time. */
async function seed(client: DynamoDBDocumentClient, table: string, size: number): Promise<void> {
  const batches: Array<Array<Record<string, unknown>>> = [];
  let batch: Array<Record<string, unknown>> = [];
  for await (const item of history(size)) {
    batch.push(item);
    if (batch.length === 25) {
      batches.push(batch);
      batch = [];
    }
  }
  if (batch.length) batches.push(batch);
  const worker = async () => {
    for (let next = batches.pop(); next; next = batches.pop()) {
      let pending: Record<string, unknown>[] = next;
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > 20) throw new Error(`seeding ${table}: DynamoDB Local kept items unprocessed`);
        const result = await client.send(
          new BatchWriteCommand({
            RequestItems: { [table]: pending.map((Item) => ({ PutRequest: { Item } })) },
          }),
        );
        pending = (result.UnprocessedItems?.[table] ?? []).map((r) => r.PutRequest?.Item ?? {});
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

interface JobRun {
  ms: number;
  capacity: number;
  itemsRead: number;
  /** Whether the run handled everything that was due. */
  complete: boolean;
}

async function useTable(table: string): Promise<void> {
  process.env.TABLE_NAME = table;
  const { resetConfig } = await import('../../functions/platform/config.ts');
  resetConfig();
}

/**
 * Records every migration as done in the configured table, as a run that took each to its end
 * leaves it: the state of the daily migrate run from then on.
 */
async function recordMigrationsDone(): Promise<void> {
  const { migrations } = await import('../../functions/store/migrations.ts');
  const keys = await import('../../functions/store/keys.ts');
  const { documents } = await import('../../functions/platform/clients.ts');
  const { config } = await import('../../functions/platform/config.ts');
  const doneAt = new Date().toISOString();
  for (const { name } of migrations)
    await documents().send(
      new PutCommand({
        TableName: config().TABLE_NAME,
        Item: { ...keys.migration(name), name, doneAt, counts: {} },
      }),
    );
}

/** How a job is measured for jobs.scaling: what "10 due" means for it, and when a run did its work. */
interface Scaling {
  name: string;
  job: string;
  what: string;
  /** A job whose measured run has nothing due: `what` says what it does instead of "10 due". */
  idle?: true;
  enqueue(count: number): Promise<void>;
  complete(result: unknown, due: number): boolean;
  /** Runs per table, as a share of `repeats`: fewer for a job whose run renders PDFs, more for one that takes milliseconds. */
  share: number;
}

const scalings: Scaling[] = [
  {
    name: 'render-documents',
    job: 'renderDocuments',
    what: 'Votum letters ordered',
    enqueue: enqueueOrderedLetters,
    complete: (result, due) => (result as { issued?: number }).issued === due,
    share: 0.3,
  },
  {
    name: 'send-outbox',
    job: 'sendOutbox',
    what: 'mails due',
    enqueue: enqueueDueMails,
    complete: (result, due) => (result as { sent?: number }).sent === due,
    share: 1,
  },
  {
    name: 'reminders',
    job: 'voteDeadlines',
    what: 'votes with a reminder due (13 seats each)',
    enqueue: (count) => enqueueDueVotes(count, 'reminder'),
    complete: (result, due) => (result as { reminded?: number }).reminded === due * 13,
    // 130 mails a run, yet 5 runs made its time row a coin toss: 1.006 and 1.102 in two full runs
    // whose capacity and items read were the same on both tables (benchmarks.md, twentieth pass).
    share: 0.6,
  },
  {
    name: 'close-votes',
    job: 'voteDeadlines',
    what: 'votes past their deadline',
    enqueue: (count) => enqueueDueVotes(count, 'close'),
    complete: (result, due) => (result as { closed?: number }).closed === due,
    // 20 mails a run; on 5 runs its time row went from 0.806 to 1.123 between two full runs, with the
    // same capacity and items read on both tables (benchmarks.md, nineteenth pass).
    share: 0.6,
  },
  {
    name: 'submission-digest',
    job: 'submissionDigest',
    what: "submissions due in the office's daily digest",
    enqueue: enqueueDueNotices,
    complete: (result, due) =>
      (result as { submissions?: number; mails?: number }).submissions === due &&
      (result as { mails?: number }).mails === 1,
    share: 1,
  },
  {
    name: 'retention',
    job: 'retention',
    what: 'drafts whose retention period is past',
    enqueue: enqueueDueDrafts,
    complete: (result, due) => (result as { deleted?: number }).deleted === due,
    share: 1,
  },
  {
    name: 'followup-reminders',
    job: 'followUpDeadlines',
    what: 'report deadlines with a reminder due',
    enqueue: enqueueDueDeadlines,
    complete: (result, due) => (result as { reminded?: number }).reminded === due,
    share: 1,
  },
  {
    // The daily run once every migration is done: one consistent Get per migration, whatever the
    // table holds (a migration's own reads happen once, in the run that takes it to its end).
    name: 'migrate',
    job: 'migrate',
    what: 'the daily run, every migration recorded as done',
    idle: true,
    enqueue: recordMigrationsDone,
    complete: (result) =>
      Array.isArray(result) &&
      result.length > 0 &&
      result.every((run) => (run as { outcome?: string }).outcome === 'done'),
    // A run takes milliseconds: many more of them, so the median is not one busy moment of the machine.
    share: 10,
  },
];

export async function scalingRows(
  local: LocalStack,
  options: { small: number; large: number; repeats: number; due: number },
): Promise<Row[]> {
  const rows: Row[] = [];
  const target = '≤ 1.1';
  const measured = scalings.filter((s) => s.job in jobs);
  for (const [id, job] of Object.entries(jobs)) {
    if (!scalings.some((s) => s.job === id))
      rows.push(
        broken(
          `jobs.scaling.${functionName(job.entry)}`,
          'ratio',
          target,
          `job ${id} is in the job table but test/bench/jobs.ts has no scaling scenario for it`,
        ),
      );
  }
  for (const s of scalings.filter((s) => !(s.job in jobs)))
    rows.push(notBuilt(`jobs.scaling.${s.name}`, 'ratio', target, `the job for ${s.what}`));

  const raw = new DynamoDBClient({ maxAttempts: 10 });
  const documents = DynamoDBDocumentClient.from(raw);
  const tables = [
    { table: `${benchTable}-small`, size: options.small },
    { table: `${benchTable}-large`, size: options.large },
  ];
  const started = performance.now();
  for (const { table, size } of tables) {
    await ensureTable(raw, table);
    await seed(documents, table, size);
  }
  const seedSeconds = (performance.now() - started) / 1000;
  try {
    for (const scaling of measured) {
      const handler = await jobHandler(jobs[scaling.job as keyof typeof jobs].entry);
      const measure = async (table: string): Promise<JobRun> => {
        await useTable(table);
        await scaling.enqueue(options.due);
        local.recorder.start();
        const begun = performance.now();
        let calls: SdkCall[] = [];
        let result: unknown;
        try {
          result = await handler();
        } finally {
          calls = local.recorder.stop();
        }
        return {
          ms: performance.now() - begun,
          capacity: sum(calls, 'read') + sum(calls, 'write'),
          itemsRead: sum(calls, 'itemsRead'),
          complete: scaling.complete(result, options.due),
        };
      };
      const repeats = Math.max(3, Math.round(options.repeats * scaling.share));
      const small: JobRun[] = [];
      const large: JobRun[] = [];
      await measure(tables[0]?.table ?? '');
      await measure(tables[1]?.table ?? '');
      for (let r = 0; r < repeats; r += 1) {
        await inTurns(
          r,
          async () => small.push(await measure(tables[0]?.table ?? '')),
          async () => large.push(await measure(tables[1]?.table ?? '')),
        );
      }
      const incomplete = [...small, ...large].filter((run) => !run.complete).length;
      const context = `${functionName(jobs[scaling.job as keyof typeof jobs].entry)}, ${scaling.idle ? scaling.what : `${options.due} ${scaling.what}`} among ${options.large} stored items ÷ among ${options.small}; median of ${repeats} interleaved runs; seeding both tables took ${seedSeconds.toFixed(1)} s${incomplete ? `; ${incomplete} runs did not handle all ${options.due}` : ''}`;
      const figure = (suffix: string, unit: string, pick: (run: JobRun) => number, note: string) => {
        const value = median(large.map(pick));
        const baseline = median(small.map(pick));
        // Each large run is paired with the small run next to it (as cold.* does): the median of the
        // pairs' ratios, so a slow minute of the shared machine weighs on both sides of a pair.
        const ratioOf = (a: number, b: number) =>
          b === 0 ? (a === 0 ? 1 : Number.POSITIVE_INFINITY) : a / b;
        const ratio = median(large.map((run, i) => ratioOf(pick(run), pick(small[i] ?? run))));
        return row({
          name: `jobs.scaling.${scaling.name}.${suffix}`,
          unit,
          value,
          baseline,
          ratio,
          target,
          pass: ratio <= 1.1 && incomplete === 0,
          note,
        });
      };
      rows.push(
        figure('capacity', 'RCU+WCU', (r) => r.capacity, context),
        figure('items-read', 'items', (r) => r.itemsRead, 'ScannedCount of its queries + items got'),
        figure('time', 'ms', (r) => r.ms, 'wall time of one run of the handler, in-process'),
      );
    }
  } finally {
    await useTable(benchTable);
    raw.destroy();
  }
  return rows;
}
