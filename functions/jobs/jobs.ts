import * as prefix from '../store/key-prefixes.ts';

/**
 * The job table: drives EventBridge Scheduler in CDK and the ticker of the local runtime.
 */
export interface Job {
  entry: `functions/jobs/${string}.ts`;
  /** EventBridge Scheduler expression; the local ticker runs every job on each tick. */
  schedule: `rate(${string})` | `cron(${string})`;
  description: string;
  /** Whether the job sends mail: drives the SES grant in CDK. */
  sendsMail?: boolean;
  /** Whether it makes sign-in links (keyed hashes of their tokens): drives the signing secret's grant. */
  signsLinks?: boolean;
  /** Whether it keys a person's hash (store/person.ts) with the signing secret: drives its grant too. */
  keysPeople?: boolean;
  /**
   * Items whose insert wakes the job at once (the table's stream in AWS, filtered on the partition
   * key's prefix; a fast poll in the local runtime). The schedule stays as the catch-up.
   */
  wakeOnInsertOf?: `${string}#`;
  /** What it does with the attachments bucket (drives the S3 grant, as a route's `attachments`). */
  attachments?: 'write';
}

export const jobs = {
  renderDocuments: {
    entry: 'functions/jobs/render-documents.ts',
    schedule: 'rate(1 minute)',
    wakeOnInsertOf: prefix.document,
    description:
      'Renders ordered documents (Votum letter, meeting minutes) as PDF, stores them and sends the mails held for them',
    sendsMail: true,
  },
  sendOutbox: {
    entry: 'functions/jobs/send-outbox.ts',
    schedule: 'rate(1 minute)',
    description:
      "Sends outbox mails that could not go out at once (SES unavailable, throttled) and drops sent mails' bodies past the profile's retention",
    sendsMail: true,
  },
  voteDeadlines: {
    entry: 'functions/jobs/vote-deadlines.ts',
    schedule: 'rate(1 minute)',
    description: 'Sends circulation-vote reminders at their offsets and closes votes at their deadline',
    sendsMail: true,
    signsLinks: true,
  },
  followUpDeadlines: {
    entry: 'functions/jobs/followup-deadlines.ts',
    // Reminders and escalations fall due when a day starts in Berlin: every 15 minutes is soon enough.
    schedule: 'rate(15 minutes)',
    description:
      'Sends reminders for funding decisions and reports and one digest of escalations to the office, found by a query on the due index',
    sendsMail: true,
  },
  submissionDigest: {
    entry: 'functions/jobs/submission-digest.ts',
    // The digest is due at 7 o'clock in Berlin; a quarter of an hour later is soon enough.
    schedule: 'rate(15 minutes)',
    description:
      "Sends the office's daily digest of submissions and resubmissions (when it chose the digest), found by a query on the due index",
    sendsMail: true,
  },
  retention: {
    entry: 'functions/jobs/retention.ts',
    // Periods end at the end of a day in Berlin or hours after an upload: every 15 minutes is soon enough.
    schedule: 'rate(15 minutes)',
    description:
      "Deletes or pseudonymises personal data past the profile's retention (drafts, decided sketches, funded projects after the ESF years, sign-in records, unchecked uploads, their files), found by a query on the due index",
    sendsMail: false,
    attachments: 'write',
  },
  migrate: {
    entry: 'functions/jobs/migrate.ts',
    // Runs at start locally; in AWS the first run after a deploy moves the data, and the readers
    // read both layouts until then. Later runs find every migration recorded and read one item each.
    schedule: 'rate(1 day)',
    description:
      'Runs the data migrations not yet recorded as done (items of an earlier layout moved, found by key or index)',
    // answerOwners indexes stored answers by their owner's keyed hash.
    keysPeople: true,
  },
} as const satisfies Record<string, Job>;

export type JobId = keyof typeof jobs;

/** Fields the jobs write into their log lines, which metric filters in infra/aws count. */
export const jobLogFields = {
  /** An item a job gave up on after its bounded tries (render-documents: a document). */
  gaveUp: 'gaveUp',
  /** Minutes the oldest unsent mail has waited (send-outbox, each run that finds one). */
  outboxAgeMinutes: 'outboxAgeMinutes',
} as const;

/**
 * Not scheduled: SES's bounce and complaint events reach this function through the feedback topic
 * (infra/aws/mail.ts), and it marks the addresses (functions/app/mail-feedback.ts).
 */
export const mailFeedback = {
  entry: 'functions/jobs/mail-feedback.ts',
  description:
    'Marks addresses SES reports as permanently bouncing or complaining, so no more mail goes to them',
} as const;
