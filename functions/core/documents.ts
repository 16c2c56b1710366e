import type { LocalVerdict } from './local.ts';
import type { AllianceProfile, CriteriaProfile } from './profile.ts';
import type { Sketch } from './sketch-full.ts';
import type {
  Assessment,
  BallotChoice,
  DecisionRule,
  Holder,
  OutcomeResult,
  Presence,
  Vote,
  VotumDecision,
} from './vote.ts';

/*
 * What the documents of record (the Votum letter, a meeting's minutes, the record of a circulation
 * decision) are made of: the input of
 * their renderers (functions/documents/pdf.ts) and the order a change stores for the render job
 * (functions/store/documents.ts). Plain data; dates are calendar dates "YYYY-MM-DD"
 * (Europe/Berlin) unless a field says otherwise.
 */

/** The Votum's words and the tally's counts, as the core defines them. */
export type { OutcomeResult, Presence, VotumDecision };
export type CriterionAssessment = Assessment;
export type VoteCounts = Record<BallotChoice, number>;

/** How the steering group reached the decision: a circulation vote (`deadline`: its last day) or a meeting. */
export type VotumProcedure =
  | { kind: 'circulation'; deadline: string }
  | { kind: 'meeting'; date: string; place?: string | undefined };

export interface VotumLetterInput {
  /** The alliance: its name and office head the letter; its criteria order the justification. */
  profile: CriteriaProfile;
  /** The submitted sketch (a full `Sketch` fits): recipient, title and key figures come from it. */
  sketch: Pick<Sketch, 'applicant' | 'project' | 'space' | 'runtime' | 'finance'>;
  decision: VotumDecision;
  procedure: VotumProcedure;
  /** The tally, when there was one; `recused` is the number of seats recused from this sketch. */
  counts?: (VoteCounts & { recused: number }) | undefined;
  /**
   * The local alliances' statements the sketch went to the vote with (core/local.ts), one per
   * sub-region; none (a profile without the local step) → no section.
   */
  localStatements?:
    | { subRegionId: string; verdict: LocalVerdict; note: string; givenAt: string }[]
    | undefined;
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
  /** Who took the minutes, by name (shown in the head and under a signature line). */
  recorder?: string | undefined;
  /** When the members were invited. */
  invitedOn?: string | undefined;
  /** Who chaired the meeting, by name (shown in the head and under a signature line). */
  chair?: string | undefined;
  /** The agenda in its order: each item's title, the sketch it is about (if any) and a free note. */
  agenda?: { title: string; sketchId?: string | undefined; note?: string | undefined }[] | undefined;
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

/** The rule a decision was taken under, as the profile stated it then. */
export interface AppliedRule {
  decisionRule: DecisionRule;
  /** The quorum in basis points of the eligible seats (10 000 = all). */
  quorumBp: number;
  /** The least number of approvals an endorsement needs, where the rule states one. */
  minApprovals?: number | undefined;
}

/**
 * The written record of a circulation decision (Umlaufbeschluss) on one sketch: who voted how, who
 * was recused, who represented whom, the rule applied and the result; dated, for the chair to sign.
 * People are named by name, never by email address.
 */
export interface CirculationRecordInput {
  profile: AllianceProfile;
  sketch: { title: string; applicant?: string | undefined; reference?: string | undefined };
  /** The vote: opened (day), its deadline, closed (instant) and why. */
  openedOn: string;
  deadline: string;
  closedAt: Date;
  closedBecause: NonNullable<Vote['closedBecause']>;
  rule: AppliedRule;
  /** One row per seat, in the seats' order. */
  seats: {
    institution: string;
    member: string;
    deputy?: string | undefined;
    /** Recused from this sketch: no vote, and none shown. */
    recused: boolean;
    /** The seat's ballot, when it cast one: the choice, who cast it (member or deputy) and why (an objection). */
    ballot?: { choice: BallotChoice; castAs: Holder; reason?: string | undefined } | undefined;
  }[];
  result: OutcomeResult;
  counts: VoteCounts;
  /** Seats that could vote (not recused) and whether enough of them voted. */
  eligible: number;
  quorumMet: boolean;
}

/**
 * The dossier of a meeting: the agenda and the full record of every sketch on it, as submitted,
 * section by section (core/sketch-record.ts), for the seats to read before the meeting.
 */
export interface DossierInput {
  profile: AllianceProfile;
  date: string;
  place?: string | undefined;
  sketches: {
    title: string;
    organisation: string;
    sections: { title: string; rows: [string, string][] }[];
  }[];
  createdAt: Date;
}

/** What a document is rendered from: the renderer's input without the profile (the job adds its own). */
export type DocumentOrder =
  | { kind: 'votum-letter'; input: Omit<VotumLetterInput, 'profile' | 'issuedAt'> }
  | { kind: 'minutes'; input: Omit<MinutesInput, 'profile' | 'createdAt'> }
  | { kind: 'circulation-record'; input: Omit<CirculationRecordInput, 'profile' | 'closedAt'> }
  | { kind: 'dossier'; input: Omit<DossierInput, 'profile' | 'createdAt'> };
