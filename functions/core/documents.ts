import type { AllianceProfile } from './profile.ts';
import type { Sketch } from './sketch-full.ts';
import type { Assessment, BallotChoice, Presence, VotumDecision } from './vote.ts';

/*
 * What the documents of record (the Votum letter, a meeting's minutes) are made of: the input of
 * their renderers (functions/documents/pdf.ts) and the order a change stores for the render job
 * (functions/store/documents.ts). Plain data; dates are calendar dates "YYYY-MM-DD"
 * (Europe/Berlin) unless a field says otherwise.
 */

/** The Votum's words and the tally's counts, as the core defines them. */
export type { Presence, VotumDecision };
export type CriterionAssessment = Assessment;
export type VoteCounts = Record<BallotChoice, number>;

/** How the steering group reached the decision: a circulation vote (`deadline`: its last day) or a meeting. */
export type VotumProcedure =
  | { kind: 'circulation'; deadline: string }
  | { kind: 'meeting'; date: string; place?: string | undefined };

export interface VotumLetterInput {
  /** The alliance: its name and office head the letter; its criteria order the justification. */
  profile: AllianceProfile;
  /** The submitted sketch (a full `Sketch` fits): recipient, title and key figures come from it. */
  sketch: Pick<Sketch, 'applicant' | 'project' | 'space' | 'runtime' | 'finance'>;
  decision: VotumDecision;
  procedure: VotumProcedure;
  /** The tally, when there was one; `recused` is the number of seats recused from this sketch. */
  counts?: (VoteCounts & { recused: number }) | undefined;
  /** Conditions (Auflagen), each one sentence or paragraph; none → no section. */
  conditions?: string[] | undefined;
  /** The justification's free text before the criteria. */
  justification?: string | undefined;
  /**
   * One entry per profile criterion (by `profile.criteria[].id`); a criterion without an entry is
   * shown as „nicht bewertet“. Printed in the profile's order.
   */
  criteria: { id: string; assessment: CriterionAssessment; note?: string | undefined }[];
  /** Shown right under the date („Unser Zeichen: …“), e.g. the sketch's number. */
  reference?: string | undefined;
  /** The person who signs for the office, printed under the signature line. */
  signatory?: string | undefined;
  /**
   * When the Votum was issued: the letter's date (its Berlin calendar day, after the place from
   * `profile.office.place`, or the date alone when the profile names no place) and the PDF's
   * creation date.
   */
  issuedAt: Date;
}

export interface MinutesInput {
  profile: AllianceProfile;
  /** The meeting's date. */
  date: string;
  place?: string | undefined;
  /** Who took the minutes (shown in the head and under the signature line). */
  recorder?: string | undefined;
  /** One row per seat, in the seats' order. `name`: who was there (member or deputy), or the absent member. */
  attendance: { institution: string; presence: Presence; name?: string | undefined }[];
  /** One entry per sketch decided on, in the order of the agenda. */
  decisions: {
    title: string;
    applicant?: string | undefined;
    reference?: string | undefined;
    decision: VotumDecision;
    counts?: VoteCounts | undefined;
    /** Institutions of the seats recused from this sketch. */
    recused?: string[] | undefined;
    conditions?: string[] | undefined;
    note?: string | undefined;
  }[];
  /** The PDF's creation date. */
  createdAt: Date;
}

/** What a document is rendered from: the renderer's input without the profile (the job adds its own). */
export type DocumentOrder =
  | { kind: 'votum-letter'; input: Omit<VotumLetterInput, 'profile' | 'issuedAt'> }
  | { kind: 'minutes'; input: Omit<MinutesInput, 'profile' | 'createdAt'> };
