import type * as z from 'zod/mini';
import type { mailSummary } from './contract/sketch-docs.ts';

/** A mail as the applicant's status page lists it (its schema: contract/sketch-docs.ts). */
export type MailSummary = z.output<typeof mailSummary>;
