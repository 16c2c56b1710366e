import * as z from 'zod/mini';
import { profileMessages as m } from './profile.de.ts';

export const decisionRules = ['consensus', 'majority', 'no_objection'] as const;
export const deputyVoting = ['when_representing', 'never'] as const;
export const abstentionCounting = ['not_cast', 'cast'] as const;
export const quorumBases = ['present', 'voting'] as const;
export const circulationCases = ['always', 'individual_cases'] as const;
export const withoutConsensus = ['not_endorsed', 'next_meeting'] as const;
/** The steps of the process a profile may list: the office's check, the body's decision, the Votum, the bank. */
export const processStepKinds = [
  'submission',
  'office_check',
  'decision',
  'votum',
  'bank',
  'report',
] as const;
export const questionRequirements = ['required', 'optional'] as const;
export const capJustificationRules = ['above_cap', 'above_cap_raising_funding'] as const;

/*
 * The schema is built by a function, not at load: every function bundle imports this module (for
 * the constants above and `publicProfile`), but a deployed bundle gets its profile checked at synth
 * (functions/alliances/index.ts), so esbuild leaves the schema, its messages and the zod checks only
 * it uses out of every bundle that does not answer with it.
 */
function buildProfileSchema() {
  const slug = z.string().check(z.regex(/^[a-z0-9-]+$/, m.slug));
  const isoDate = z.iso.date(m.date);
  const name = z.string().check(z.minLength(3, m.name));
  const whole = (min: number, max = Number.MAX_SAFE_INTEGER) =>
    z.int(m.whole).check(z.gte(min, m.atLeast(min)), z.lte(max, m.atMost(max)));
  const nonEmpty = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.minLength(1, m.nonEmpty));

  /**
   * A decision rule: consensus (no objection and at least `minApprovals` approvals), majority of the
   * votes cast (and at least `minApprovals`), or no objection (silence is consent).
   */
  const decisionRule = z.strictObject({
    rule: z.enum(decisionRules),
    minApprovals: whole(0, 100),
    /** What a consensus not reached means: the sketch is not endorsed, or goes to the next meeting. */
    withoutConsensus: z.enum(withoutConsensus),
  });

  /**
   * A name as German texts need it: bare (`name`, for letterheads, footers and role names) and with
   * its article in each case, so texts never guess a genitive
   * („des Fachkräftebündnisses Leine-Weser“, „der Allianz für Fachkräfte“).
   */
  const inflectedName = z.strictObject({
    name,
    /** The grammatical gender, for the possessive („in ihrer Sitzung“, „in seiner Sitzung“). */
    gender: z.enum(['feminine', 'masculine', 'neuter']),
    nominative: name,
    accusative: name,
    dative: name,
    genitive: name,
  });

  /**
   * A value's source: `seed` with the seed file and its words, or `default` (the seeds are silent or
   * say something else; the note says what was assumed, for the office to adjust).
   */
  const source = z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('seed'),
      fields: nonEmpty(z.string()),
      seed: z.string().check(z.regex(/^\d{3}_[0-9a-f]{16}\.txt$/, m.seedFile)),
      quote: name,
      note: z.optional(z.string()),
    }),
    z.strictObject({ kind: z.literal('default'), fields: nonEmpty(z.string()), note: name }),
  ]);

  /**
   * The alliance profile: one per Bündnis, data, not code (DOMAIN.md). Validated at start-up; every
   * error names its field. Each value's source (a seed, or a marked default) is listed under `sources`.
   */
  const allianceProfile = z
    .strictObject({
      id: slug,
      name,
      /** The names texts use, with their articles: the alliance and the body that decides on sketches. */
      names: z.strictObject({
        alliance: inflectedName,
        decisionBody: inflectedName,
        /** The office's role word („die Koordinierungsstelle“, „die Geschäftsstelle“); `office.name` is who it is. */
        office: inflectedName,
        /** The bank that decides on the funding application after the Votum („der NBank“). */
        bank: inflectedName,
      }),
      office: z.strictObject({
        name,
        email: z.email(),
        phone: z.optional(z.string()),
        /** Where the office sits: the place in a letter's date line („Hildesheim, 23.11.2026“). */
        place: z.optional(name),
        /**
         * The file reference („Unser Zeichen“) of a sketch's Votum letters: `{year}` is the year the
         * first Votum is written, `{counter}` (or `{counter:3}`, zero-padded) the alliance's count
         * that year (core/reference.ts).
         */
        referencePattern: z
          .string()
          .check(
            z.regex(
              /\{counter(:\d)?\}/,
              'office.referencePattern: muss {counter} oder {counter:3} enthalten.',
            ),
            z.maxLength(60),
          ),
      }),
      mailFrom: z.email(),
      subRegions: nonEmpty(
        z.strictObject({
          id: slug,
          name,
          districts: nonEmpty(name),
          localAlliance: name,
          /** The sub-region's fair share of the virtual budget, in basis points (10000 = 100 %). */
          budgetShareBp: whole(0, 10_000),
        }),
      ),
      priorities: nonEmpty(
        z.strictObject({
          id: z.string().check(z.regex(/^[A-Za-z0-9-]+$/, m.priorityId)),
          name,
          goals: nonEmpty(name),
        }),
      ),
      crossCuttingThemes: z.array(z.strictObject({ id: slug, name })),
      criteria: z.array(z.strictObject({ id: slug, name })),
      /**
       * The alliance's process as data (issue 15): the steps a sketch passes, in order, as pages and
       * mails list them, and who sits in the decision body. The lifecycle itself (core/lifecycle.ts)
       * is the same for every alliance; these say what each step is called and what the seed adds.
       */
      process: z.strictObject({
        steps: nonEmpty(
          z.strictObject({
            kind: z.enum(processStepKinds),
            /** What the seed adds to the step, in a sentence (Südostniedersachsen: ideas per focus area). */
            note: z.optional(name),
          }),
        ),
        /** Who sits in the decision body, as the seed names it (the seats themselves are data the office edits). */
        decisionBodyComposition: name,
      }),
      /** The sketch form: which questions must be answered before submitting (the form and the server read it). */
      form: z.strictObject({
        questions: z.strictObject({
          /** Continuation after the funding (Verstetigung). */
          continuation: z.enum(questionRequirements),
          /** Model character and transferability. */
          modelCharacter: z.enum(questionRequirements),
        }),
      }),
      funding: z.strictObject({
        period: z.strictObject({ start: isoDate, end: isoDate }),
        /** The total cost above which a written justification is required. */
        totalCostCapCents: whole(0),
        /**
         * When a total above the cap needs a written justification: always, or only when the excess
         * raises the funding (Leine-Weser: „und dies zu einer höheren Fördersumme führen würde“,
         * core/funding-rules.ts).
         */
        capJustification: z.enum(capJustificationRules),
        /** Above the cap the criteria weigh heavily: the Votum must assess every one of them. */
        assessAllCriteriaAboveCap: z.boolean(),
        maxRuntimeMonths: whole(1, 120),
        latestEnd: isoDate,
        /** Maximum share of personnel costs the ESF may fund, in basis points; absent where none applies. */
        maxFundingRateOfPersonnelBp: z.optional(whole(1, 10_000)),
        budgetCents: whole(0),
      }),
      /**
       * The steering group's rules of procedure, as data (core/vote.ts reads them, nothing is
       * hard-coded there). Each value's source (the seed, or a marked default) is in `sources`.
       */
      steeringGroup: z.strictObject({
        /** Who casts a seat's vote: its member; its deputies only while representing the member, or never. */
        deputyVotes: z.enum(deputyVoting),
        /** How the group decides, per procedure: in a meeting, and in writing (circulation). */
        decision: z.strictObject({ meeting: decisionRule, circulation: decisionRule }),
        /** Abstentions are not votes cast (they count neither way), or count as votes cast (majority of all). */
        abstentions: z.enum(abstentionCounting),
        /**
         * The quorum: the share of eligible (not recused) seats that must be present (meeting) or have
         * answered (circulation), or, basis `voting`, that must have cast a vote that counts.
         */
        quorum: z.strictObject({ basis: z.enum(quorumBases), shareBp: whole(0, 10_000) }),
        /** When a decision may be taken in writing: always, or in individual cases (with a stated reason). */
        circulationAllowed: z.enum(circulationCases),
        circulationDays: whole(1, 60),
        reminderDaysBefore: z.array(whole(0, 60)),
        /**
         * The meeting cycle, where the seed gives one: how often the body meets at least, and how
         * many days before a meeting sketches must be in (the office sets each meeting's deadline).
         */
        meetings: z.optional(z.strictObject({ perYear: whole(1, 52), submissionDaysBefore: whole(1, 180) })),
      }),
      reports: z.strictObject({
        finalReportMonthsAfterEnd: whole(0, 12),
        reminderDaysRelative: z.array(whole(-90, 90)),
        escalateAfterReminders: whole(1),
        fundingDecisionWaitDays: whole(1, 365),
      }),
      /**
       * How long personal data is kept, each period tied to the event that starts it (the retention
       * job, functions/jobs/retention.ts, reads these; the privacy notice quotes them).
       */
      retention: z.strictObject({
        /** A sent mail's text and HTML: dropped this many days after sending (subject, recipient, time and status stay). */
        mailBodyDays: whole(1, 3650),
        /** A draft never submitted: deleted this many months after its last change. */
        draftMonths: whole(1, 120),
        /** A sketch withdrawn, not endorsed or not funded: pseudonymised this many months after that decision. */
        decidedMonths: whole(1, 120),
        /**
         * A funded project: pseudonymised at the end of the year its final report was accepted plus
         * this many years (the ESF keeps documents years after the last payment).
         */
        fundedYears: whole(1, 30),
        /** Sign-in records (sessions, the sign-in history): deleted this many days after the session began. */
        signInDays: whole(1, 365),
        /** An upload never checked: deleted (object and metadata) this many hours after it was started. */
        pendingUploadHours: whole(1, 168),
      }),
      /**
       * The legal pages (Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit) and the
       * privacy notice of the sketch form: who is responsible, on what basis, who receives the data.
       */
      legal: z.strictObject({
        /** The controller (Verantwortlicher, Art. 4 Nr. 7 DSGVO) and the provider named in the Impressum (§ 5 DDG). */
        controller: z.strictObject({
          name,
          /** The address, one line each (street, postcode and place). */
          address: nonEmpty(name),
          representedBy: name,
          email: z.email(),
          phone: z.optional(z.string()),
        }),
        /** The data protection officer (Art. 37 DSGVO): every public body has one. */
        dataProtectionOfficer: z.strictObject({
          name,
          email: z.email(),
          address: z.optional(nonEmpty(name)),
        }),
        /** Why the data is processed and on what legal basis (Art. 6 DSGVO, with the state law). */
        purpose: name,
        legalBasis: name,
        /** Who receives the data besides the office (the decision body, the bank). */
        recipients: nonEmpty(name),
        /** The supervisory authority a person may complain to (Art. 77 DSGVO). */
        supervisoryAuthority: z.strictObject({ name, address: nonEmpty(name), url: z.url() }),
        /** Who is responsible for the content (§ 18 Abs. 2 MStV). */
        contentResponsible: name,
        /** The accessibility statement (BITV 2.0 § 7, EU 2018/1523). */
        accessibility: z.strictObject({
          status: z.enum(['full', 'partial', 'none']),
          /** The date the statement was made (or last reviewed) and how (self-assessment, test). */
          preparedOn: isoDate,
          method: name,
          knownGaps: z.array(name),
          /** Where to report barriers. */
          feedback: z.strictObject({ email: z.email(), phone: z.optional(z.string()) }),
          /** The enforcement procedure: the conciliation body (Schlichtungsstelle) of the state. */
          enforcement: z.strictObject({ name, address: nonEmpty(name), email: z.email(), url: z.url() }),
        }),
      }),
      /**
       * The local step: whether each sub-region's local alliance (`subRegions[].localAlliance`) gives
       * its statement on a sketch in the portal before the office may put it to the vote. Without it
       * no local alliance account, workspace, gate or text appears (core/local.ts reads it).
       */
      localStatements: z.strictObject({ required: z.boolean() }),
      /**
       * Where each value comes from: a seed (its file and the words it says) or a marked default the
       * office is to adjust. Every field of the profile is covered by an entry (a test checks it).
       */
      sources: nonEmpty(source),
    })
    .check(
      z.superRefine((profile, ctx) => {
        const shares = profile.subRegions.reduce((sum, s) => sum + s.budgetShareBp, 0);
        if (shares !== 10_000) {
          ctx.addIssue({
            code: 'custom',
            path: ['subRegions'],
            message: `budget shares add up to ${shares / 100} %, not 100 %`,
          });
        }
        if (profile.funding.period.start > profile.funding.period.end) {
          ctx.addIssue({ code: 'custom', path: ['funding', 'period'], message: 'start is after end' });
        }
        const kinds = profile.process.steps.map((s) => s.kind);
        for (const kind of ['office_check', 'decision', 'votum'] as const)
          if (!kinds.includes(kind))
            ctx.addIssue({
              code: 'custom',
              path: ['process', 'steps'],
              message: `step "${kind}" is missing`,
            });
        const order = kinds.map((k) => processStepKinds.indexOf(k));
        if (order.some((o, i) => i > 0 && o <= (order[i - 1] ?? -1)))
          ctx.addIssue({
            code: 'custom',
            path: ['process', 'steps'],
            message: `steps must be in the process's order (${processStepKinds.join(', ')}), each once`,
          });
        for (const [key, list] of Object.entries({
          subRegions: profile.subRegions,
          priorities: profile.priorities,
          crossCuttingThemes: profile.crossCuttingThemes,
          criteria: profile.criteria,
        })) {
          const ids = list.map((item) => item.id);
          const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
          if (duplicate)
            ctx.addIssue({ code: 'custom', path: [key], message: `id "${duplicate}" appears twice` });
        }
      }),
    );
  return allianceProfile;
}

let built: ReturnType<typeof buildProfileSchema> | undefined;

/** The profile's schema, built on first use. */
export const profileSchema = () => (built ??= buildProfileSchema());

/** A profile as its file holds it, checked. */
type ProfileFile = z.infer<ReturnType<typeof buildProfileSchema>>;

/**
 * A profile as checked from its file. `sources` only document where each value comes from: a
 * deployed bundle leaves them out (functions/alliances/index.ts), nothing at run time reads them.
 */
export type CheckedProfile = Omit<ProfileFile, 'sources'> & { sources?: ProfileFile['sources'] };

/**
 * The profile with its prose (`ProfileProse`): without the legal pages' texts (`legal`), which only
 * the profile route answers (functions/alliances/legal.ts), and without the assessment criteria
 * (`ProfileCriteria`), so a deployed bundle holds each only where it is read.
 */
export type ProseProfile = Omit<CheckedProfile, 'legal' | 'criteria'>;

/**
 * The assessment criteria (`criteria`): only the Votum (its checklist and its letter) and the public
 * profile read them, so a deployed bundle holds them only there (functions/alliances/criteria.ts).
 */
export type ProfileCriteria = CheckedProfile['criteria'];

/** The running profile with the criteria: what the Votum's letter reads. */
export type CriteriaProfile = AllianceProfile & { criteria: ProfileCriteria };

type ProcessStep = ProseProfile['process']['steps'][number];
type SubRegion = ProseProfile['subRegions'][number];
export type ProcessStepKind = ProcessStep['kind'];

/**
 * The profile's prose: the priorities with their goals, the cross-cutting themes, what the profile
 * adds to each process step, who sits in the decision body, and the sub-regions' districts. About
 * 4 KB of the profile's 7 KB that only the sketch's submission (its rules and its confirmation), its
 * record in the meeting's dossier and the public profile read, so a deployed bundle holds it only
 * where one of them is (functions/alliances/prose.ts).
 */
export interface ProfileProse {
  priorities: ProseProfile['priorities'];
  crossCuttingThemes: ProseProfile['crossCuttingThemes'];
  /** What the profile adds to a step (`process.steps[].note`), by the step's kind (each kind is there once). */
  stepNotes: Partial<Record<ProcessStepKind, string>>;
  /** `process.decisionBodyComposition`. */
  decisionBodyComposition: string;
  /** Each sub-region's districts (`subRegions[].districts`), by the sub-region's id. */
  districts: Record<string, string[]>;
}

/**
 * The profile the functions run with: without `legal` and without the prose. Code that reads the
 * prose takes a `ProseProfile`, which a function gets only from functions/alliances/prose.ts.
 */
export type AllianceProfile = Omit<
  ProseProfile,
  'priorities' | 'crossCuttingThemes' | 'process' | 'subRegions'
> & {
  process: { steps: Omit<ProcessStep, 'note'>[] };
  subRegions: Omit<SubRegion, 'districts'>[];
};

/** A profile taken apart into what every function reads and its prose (synth; tests). */
export function splitProse(full: ProseProfile): { profile: AllianceProfile; prose: ProfileProse } {
  const { priorities, crossCuttingThemes, process, subRegions, ...rest } = full;
  const profile: AllianceProfile = {
    ...rest,
    process: { steps: process.steps.map(({ note: _note, ...step }) => step) },
    subRegions: subRegions.map(({ districts: _districts, ...region }) => region),
  };
  const prose: ProfileProse = {
    priorities,
    crossCuttingThemes,
    stepNotes: Object.fromEntries(process.steps.flatMap((s) => (s.note ? [[s.kind, s.note]] : []))),
    decisionBodyComposition: process.decisionBodyComposition,
    districts: Object.fromEntries(subRegions.map((r) => [r.id, r.districts])),
  };
  return { profile, prose };
}

/** The profile with its prose put back, in the profile's own shape. */
export function withProse(profile: AllianceProfile, prose: ProfileProse): ProseProfile {
  return {
    ...profile,
    priorities: prose.priorities,
    crossCuttingThemes: prose.crossCuttingThemes,
    process: {
      steps: profile.process.steps.map((s) => {
        const note = prose.stepNotes[s.kind];
        return note === undefined ? s : { ...s, note };
      }),
      decisionBodyComposition: prose.decisionBodyComposition,
    },
    subRegions: profile.subRegions.map((r) => ({ ...r, districts: prose.districts[r.id] ?? [] })),
  };
}

/** The profile's names with their articles; catalogue texts that name the alliance or its body take them. */
export type ProfileNames = AllianceProfile['names'];
export type InflectedName = ProfileNames['alliance'];

/** Validates a profile; the error names every field that is wrong, with its path. */
export function parseProfile(data: unknown, source: string): CheckedProfile {
  const result = profileSchema().safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new Error(`Alliance profile ${source} is invalid:\n${lines.join('\n')}`);
}

/**
 * What of the profile anybody may read (GET /api/profile): what the form and the pages show and the
 * rules they check. Named one by one, so a field added to the profile stays private until it is
 * added here: not the sender address (mailFrom) nor the notes on sources, which are the
 * operators'. The answer's schema (contract/auth-answers.ts) lists the same fields.
 */
export const publicProfileKeys = [
  'id',
  'name',
  'names',
  'office',
  'subRegions',
  'priorities',
  'crossCuttingThemes',
  'criteria',
  'process',
  'form',
  'funding',
  'steeringGroup',
  'reports',
  'localStatements',
  // The privacy notice and the legal pages read these: they are published anyway.
  'retention',
  'legal',
] as const satisfies readonly (keyof CheckedProfile)[];

export type PublicProfile = Pick<CheckedProfile, (typeof publicProfileKeys)[number]>;

export function publicProfile(profile: CheckedProfile): PublicProfile {
  return Object.fromEntries(publicProfileKeys.map((key) => [key, profile[key]])) as PublicProfile;
}
