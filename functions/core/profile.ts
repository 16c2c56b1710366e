import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9-]+$/, 'nur Kleinbuchstaben, Ziffern und Bindestriche');
const isoDate = z.iso.date('ein Datum im Format JJJJ-MM-TT');
const cents = z.number().int('ganze Cent').nonnegative();

/**
 * The alliance profile: one per Bündnis, data, not code (DOMAIN.md). Validated at start-up; every
 * error names its field. Values the seeds do not state are listed under `assumptions`.
 */
export const allianceProfile = z
  .strictObject({
    id: slug,
    name: z.string().min(3),
    office: z.strictObject({
      name: z.string().min(3),
      email: z.email(),
      phone: z.string().optional(),
    }),
    mailFrom: z.email(),
    subRegions: z
      .array(
        z.strictObject({
          id: slug,
          name: z.string().min(2),
          districts: z.array(z.string().min(2)).min(1),
          localAlliance: z.string().min(2),
          /** The sub-region's fair share of the virtual budget, in basis points (10000 = 100 %). */
          budgetShareBp: z.number().int().min(0).max(10_000),
        }),
      )
      .min(1),
    priorities: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[A-Za-z0-9-]+$/),
          name: z.string().min(3),
          goals: z.array(z.string().min(3)).min(1),
        }),
      )
      .min(1),
    crossCuttingThemes: z.array(z.strictObject({ id: slug, name: z.string().min(3) })),
    criteria: z.array(z.strictObject({ id: slug, name: z.string().min(3) })),
    funding: z.strictObject({
      period: z.strictObject({ start: isoDate, end: isoDate }),
      /** The total cost above which a written justification is required. */
      totalCostCapCents: cents,
      maxRuntimeMonths: z.number().int().min(1).max(120),
      latestEnd: isoDate,
      /** Maximum share of personnel costs the ESF may fund, in basis points; absent where none applies. */
      maxFundingRateOfPersonnelBp: z.number().int().min(1).max(10_000).optional(),
      budgetCents: cents,
    }),
    steeringGroup: z.strictObject({
      decisionRule: z.enum(['consensus', 'majority', 'no_objection']),
      /** Share of eligible seats that must cast a ballot, in basis points. */
      quorumBp: z.number().int().min(0).max(10_000),
      circulationDays: z.number().int().min(1).max(60),
      reminderDaysBefore: z.array(z.number().int().min(0).max(60)),
    }),
    reports: z.strictObject({
      finalReportMonthsAfterEnd: z.number().int().min(0).max(12),
      reminderDaysRelative: z.array(z.number().int().min(-90).max(90)),
      escalateAfterReminders: z.number().int().min(1),
      fundingDecisionWaitDays: z.number().int().min(1).max(365),
    }),
    assumptions: z.array(z.strictObject({ field: z.string(), note: z.string() })).default([]),
  })
  .superRefine((profile, ctx) => {
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
  });

export type AllianceProfile = z.infer<typeof allianceProfile>;

/** Validates a profile; the error names every field that is wrong, with its path. */
export function parseProfile(data: unknown, source: string): AllianceProfile {
  const result = allianceProfile.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`Alliance profile ${source} is invalid:\n${lines.join('\n')}`);
}
