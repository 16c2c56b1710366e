import * as z from 'zod/mini';
import { loadProfile } from '../alliances/index.ts';
import type { AllianceProfile } from '../core/profile.ts';

const present = z.string().check(z.minLength(1));
const environment = z
  .object({
    TABLE_NAME: present,
    ALLIANCE: present,
    /** Where people reach the portal; links in mails point here, and https makes cookies Secure. */
    PUBLIC_URL: z.pipe(
      z.url(),
      z.transform((url: string) => url.replace(/\/+$/, '')),
    ),
    /** Locally the secret itself; in AWS the ARN of the Secrets Manager secret. */
    SIGNING_SECRET: z.optional(z.string().check(z.minLength(32))),
    SIGNING_SECRET_ARN: z.optional(present),
    SES_CONFIGURATION_SET: z.optional(present),
    /** The S3 bucket holding the sketches' attachments (functions/store/attachments.ts). */
    ATTACHMENTS_BUCKET: present,
    /**
     * The sender, when the deployment's environment sends from its own mail domain (cdk.json's
     * environments): replaces the profile's `mailFrom`, so no profile is edited to deploy.
     */
    MAIL_FROM: z.optional(z.email()),
    /** In AWS: the secret CloudFront sends with every API request (functions/http/edge.ts). */
    EDGE_SECRET: z.optional(z.string().check(z.minLength(32))),
  })
  .check(
    z.refine((env) => env.SIGNING_SECRET !== undefined || env.SIGNING_SECRET_ARN !== undefined, {
      message: 'set SIGNING_SECRET (local) or SIGNING_SECRET_ARN (AWS)',
      path: ['SIGNING_SECRET'],
    }),
  );

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
  const profile = loadProfile(env.ALLIANCE);
  cached = {
    ...env,
    profile: env.MAIL_FROM ? { ...profile, mailFrom: env.MAIL_FROM } : profile,
    secureCookies: env.PUBLIC_URL.startsWith('https:'),
  };
  return cached;
}

/** Forgets the cached configuration: for tests that change the environment. */
export function resetConfig(): void {
  cached = undefined;
}
