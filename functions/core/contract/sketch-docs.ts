import * as z from 'zod/mini';
import { sketchStatuses, transitions } from '../lifecycle.ts';
import { buildSketchShape, draftSchema, sketchSections } from '../sketch-full.ts';
import { instant, isoDate, page } from './common.ts';
import { fundingDecisionSchema } from './followup-answers.ts';
import { localStatementSchema } from './local-answers.ts';
import { builtOnce, unchecked } from './route.ts';
import { sketchOutcome, votum } from './vote-docs.ts';

/** Only what a deployed bundle's esbuild defines (see `unchecked`); the browser never loads this module. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

/*
 * A sketch as the API answers it: the document (get-sketch and every change of a sketch, for its
 * applicant, the office and a member of the steering group alike), a submitted version, the rows
 * of the lists, the applicant's status page. Each is defined once here; the core's types are
 * derived from these schemas (core/sketch-doc.ts), so the web, the handlers and the tests read one
 * definition. The outcome, the Votum and the funding decision are the steering group's and the
 * follow-up's schemas, not copies. Kept apart from ./sketches.ts, whose exports are all routes.
 *
 * Built on first use (an answer checked), not when a bundle loads: a function never checks its
 * own answers, so it never builds them. The draft and the submitted sketch reuse the form's
 * schemas (sketch-full.ts) through their builders, so no bundle builds the sections at load.
 */

function build() {
  const count = z.int().check(z.nonnegative());
  const status = z.enum(sketchStatuses);

  /** One entry of a sketch's audit trail: who did what, acting as whom, from which state. */
  const sketchEvent = z.strictObject({
    transition: z.enum([
      ...(Object.keys(transitions) as (keyof typeof transitions)[]),
      'create',
      'confirm_endorsement',
    ]),
    from: z.nullable(status),
    to: status,
    actor: z.string(),
    role: z.enum(['applicant', 'admin', 'member', 'local']),
    at: instant,
    note: z.optional(z.string()),
  });

  /** What happens next, in plain German. */
  const nextStep = z.strictObject({
    text: z.string(),
    /** A calendar date by which it should happen, when there is one. */
    due: z.optional(isoDate),
  });

  /** The whole sketch: its draft, its state and facts, its Votum and follow-up, its trail. */
  const sketchDoc = z.strictObject({
    id: z.string(),
    ownerEmail: z.string(),
    status,
    /** Bumps on every write; sent back with each save and submit so no tab overwrites another. */
    version: z.int().check(z.gte(1)),
    createdAt: instant,
    updatedAt: instant,
    submittedAt: z.optional(instant),
    /** As the applicant typed it (the submitted versions: get-version). */
    draft: draftSchema(),
    /**
     * get-sketch of a draft, for its applicant: the form's steps in which its checks (core/draft-check.ts)
     * found something still to do when the form last sent the draft (create, save: their `openSteps`),
     * so the form's step list shows them before it has loaded its checks. Absent when that request
     * carried none.
     */
    openSteps: z.optional(z.array(z.enum(sketchSections))),
    submissions: z.array(
      z.strictObject({
        n: z.int().check(z.gte(1)),
        submittedAt: instant,
        /** On a resubmission: what the applicant says changed. */
        changeNote: z.optional(z.string()),
      }),
    ),
    returned: z.optional(z.strictObject({ note: z.string(), at: instant, by: z.string() })),
    /** The local alliances' statements, one per sub-region (where the profile has the local step). */
    localStatements: z.optional(z.array(localStatementSchema())),
    withdrawn: z.optional(z.strictObject({ at: instant, by: z.string(), reason: z.optional(z.string()) })),
    /** The circulation vote it is (or was last) in. */
    voteId: z.optional(z.string()),
    /** How the steering group decided, until the Votum defers it. */
    outcome: z.optional(sketchOutcome),
    /** Every Votum written on it; the last one counts (a deferred sketch gets another). */
    vota: z.optional(z.array(votum)),
    /** Its file reference („Unser Zeichen“ in the Votum letters), given with the first Votum. */
    reference: z.optional(z.string()),
    /** The latest Votum's letter could not be rendered and was given up (get-sketch only). */
    letterFailed: z.optional(z.literal(true)),
    /** The NBank's decision after an endorsing Votum, as reported and confirmed. */
    fundingDecision: z.optional(fundingDecisionSchema()),
    /** The final report as the budget reads it: the ESF funds reported as spent; accepted when it closed. */
    finalReport: z.optional(
      z.strictObject({
        spentCents: z.optional(z.int()),
        submittedAt: instant,
        acceptedAt: z.optional(instant),
      }),
    ),
    events: z.array(sketchEvent),
    nextStep,
  });

  /** A submitted version, exactly as it was submitted. */
  const sketchVersion = z.strictObject({
    n: z.int().check(z.gte(1)),
    submittedAt: instant,
    sketch: z.strictObject(buildSketchShape()),
  });

  /** What an autosave stored: the new version to send with the next save. */
  const savedDraft = z.strictObject({ version: z.int().check(z.gte(2)), updatedAt: instant });

  /** A sketch as lists show it: facts, state and next step, never the draft or the owner's address. */
  const sketchSummary = z.strictObject({
    id: z.string(),
    status,
    createdAt: instant,
    updatedAt: instant,
    submittedAt: z.optional(instant),
    title: z.string(),
    organisation: z.string(),
    subRegionIds: z.array(z.string()),
    priorityIds: z.array(z.string()),
    costCents: z.int(),
    esfCents: z.int(),
    /** The sub-regions whose local alliance has not given its statement yet (none without a local step). */
    statementsMissing: z.array(z.string()),
    /** How many versions were submitted. */
    submissions: count,
    /** Given back by the office for revision and not resubmitted yet (its status is `draft` again). */
    returned: z.boolean(),
    /** The approved project's start (from the confirmed funding decision), for "Bewilligt – beginnt am …". */
    startsOn: z.optional(isoDate),
    nextStep,
  });

  /** A mail as the applicant's status page lists it: what it is about and whether it went out, never its content. */
  const mailSummary = z.strictObject({
    id: z.string(),
    kind: z.string(),
    subject: z.string(),
    sketchId: z.optional(z.string()),
    createdAt: instant,
    /**
     * `held`: waiting for the document it carries (a few seconds after the change); `suppressed`:
     * not sent, the address bounced permanently or complained (functions/store/suppressions.ts).
     */
    status: z.enum(['held', 'pending', 'sent', 'suppressed']),
  });

  /** The applicant's status page: their sketches, newest first, and the last mails to them. */
  const mySketches = z.strictObject({ sketches: z.array(sketchSummary), mails: z.array(mailSummary) });

  return {
    sketchEvent,
    nextStep,
    sketchDoc,
    sketchVersion,
    savedDraft,
    sketchSummary,
    sketchPage: page(sketchSummary),
    mailSummary,
    mySketches,
  };
}

/** Built on first use; in a deployed bundle never (see `unchecked`), so esbuild leaves `build` out. */
const schemas = process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? builtOnce(build) : unchecked;

export const sketchEvent = /* @__PURE__ */ z.lazy(() => schemas().sketchEvent);
export const nextStep = /* @__PURE__ */ z.lazy(() => schemas().nextStep);
export const sketchDoc = /* @__PURE__ */ z.lazy(() => schemas().sketchDoc);
export const sketchVersion = /* @__PURE__ */ z.lazy(() => schemas().sketchVersion);
export const savedDraft = /* @__PURE__ */ z.lazy(() => schemas().savedDraft);
export const sketchSummary = /* @__PURE__ */ z.lazy(() => schemas().sketchSummary);
export const sketchPage = /* @__PURE__ */ z.lazy(() => schemas().sketchPage);
export const mailSummary = /* @__PURE__ */ z.lazy(() => schemas().mailSummary);
export const mySketches = /* @__PURE__ */ z.lazy(() => schemas().mySketches);
