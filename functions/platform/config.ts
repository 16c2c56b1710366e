import { z } from 'zod';
import { loadProfile } from '../alliances/index.ts';
import type { AllianceProfile } from '../core/profile.ts';

const environment = z
  .object({
    TABLE_NAME: z.string().min(1),
    ALLIANCE: z.string().min(1),
    /** Where people reach the portal; links in mails point here, and https makes cookies Secure. */
    PUBLIC_URL: z.url().transform((url) => url.replace(/\/+$/, '')),
    /** Locally the secret itself; in AWS the ARN of the Secrets Manager secret. */
    SIGNING_SECRET: z.string().min(32).optional(),
    SIGNING_SECRET_ARN: z.string().min(1).optional(),
    SES_CONFIGURATION_SET: z.string().min(1).optional(),
    /** Shifts the clock in the local runtime, so deadlines can be tried by hand. */
    CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
  })
  .refine((env) => env.SIGNING_SECRET !== undefined || env.SIGNING_SECRET_ARN !== undefined, {
    message: 'set SIGNING_SECRET (local) or SIGNING_SECRET_ARN (AWS)',
    path: ['SIGNING_SECRET'],
  });

export type Config = z.infer<typeof environment> & { profile: AllianceProfile; secureCookies: boolean };

let cached: Config | undefined;

/** The validated configuration, read once per process; a missing variable fails with its name. */
export function config(): Config {
  if (cached) return cached;
  const result = environment.safeParse(process.env);
  if (!result.success) {
    const names = result.error.issues.map((i) => `${i.path.join('.')} (${i.message})`);
    throw new Error(`votum: environment variables missing or invalid: ${names.join(', ')}`);
  }
  const env = result.data;
  cached = { ...env, profile: loadProfile(env.ALLIANCE), secureCookies: env.PUBLIC_URL.startsWith('https:') };
  return cached;
}

/** Forgets the cached configuration: for tests that change the environment. */
export function resetConfig(): void {
  cached = undefined;
}
