import { z } from 'zod';

/**
 * The alliance profile: one per Bündnis, data, not code (DOMAIN.md). This is the part the walking
 * skeleton needs; priorities, criteria, funding and vote rules are added with the features that use them.
 */
export const allianceProfile = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id: nur Kleinbuchstaben, Ziffern und Bindestriche'),
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
        id: z.string().regex(/^[a-z0-9-]+$/),
        name: z.string().min(2),
        districts: z.array(z.string().min(2)).min(1),
        localAlliance: z.string().min(2),
      }),
    )
    .min(1),
  /** Values the seeds do not state: each names the field and why it was chosen. */
  assumptions: z.array(z.strictObject({ field: z.string(), note: z.string() })).default([]),
});

export type AllianceProfile = z.infer<typeof allianceProfile>;

/** Validates a profile; the error names every field that is wrong, with its path. */
export function parseProfile(data: unknown, source: string): AllianceProfile {
  const result = allianceProfile.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`Alliance profile ${source} is invalid:\n${lines.join('\n')}`);
}
