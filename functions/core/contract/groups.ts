/*
 * The function groups: one bundled Lambda function each, serving the routes that one kind of user
 * needs in one sitting, so a sitting meets at most one cold start per group (at our traffic a
 * function per route made nearly every click a cold start). A route names its group in the table;
 * a group's rights are the union of what its routes need (infra/aws/stack.ts). The office's routes
 * are cut where their AWS clients differ (docs/architecture.md, "Function groups"): mail (SES) for
 * the review and the decisions, files (S3) only for privacy, neither for the desk; a person's data
 * export reads files and zips them, the erasure deletes them, and each alone stays under 500 KB.
 */
export const groups = {
  public: { description: 'Signing in and out, who is signed in, the public alliance profile' },
  secondFactor: {
    description:
      "The office's second factor: confirming a sign-in by passkey, authenticator app or recovery code; setting up the app",
  },
  passkeyEnrolment: {
    description:
      "Registering a passkey as the office's second factor (the first sign-in or a new device): the attestation checks stay out of signing in",
  },
  applicant: { description: "The applicant's sketches: start, save, submit, withdraw, status page" },
  attachments: { description: 'The files of a sketch: upload, check, list, download, delete' },
  review: {
    description:
      "The office's check of submitted sketches: the list, the budget check, accepting or returning a sketch",
  },
  office: {
    description:
      "The coordination office's desk: seats, admins and sessions, budget and periods, local accounts, submission notices, deadlines and the calendar feed",
  },
  decisions: {
    description:
      "The office's decision work: votes and ballots recorded for a seat, hand-overs, meetings, their plans and invitations, the Votum, trail checks",
  },
  privacy: {
    description:
      "The office's privacy work: erasure on request (its mail left to the outbox job), the retention log",
  },
  dataExport: {
    description:
      "A person's own data as a ZIP (Art. 15 and 20 DSGVO): their sketches, files, letters, mails, sign-ins",
  },
  steering: { description: 'The steering group: its votes, ballots, hand-overs and recusals' },
  local: {
    description: "The local alliances' workspace: the sketches of their sub-regions and their statements",
  },
  followup: { description: 'After the Votum: funding decision, reports and their review' },
  documents: {
    description:
      'Documents to download: Votum letter, minutes, circulation record, CSV exports, trails, the calendar feed',
  },
} as const satisfies Record<string, { description: string }>;

export type GroupId = keyof typeof groups;
export const groupIds = Object.keys(groups) as GroupId[];
