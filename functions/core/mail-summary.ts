/** A mail as the applicant's status page lists it: what it is about and whether it went out, never its content. */
export interface MailSummary {
  id: string;
  kind: string;
  subject: string;
  sketchId?: string;
  createdAt: string;
  /** `held`: waiting for the document it carries (a few seconds after the change). */
  status: 'held' | 'pending' | 'sent';
}
