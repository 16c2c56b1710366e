import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from 'constructs';
import { z } from 'zod';
import { loadProfile } from '../../functions/alliances/index.ts';
import type { AllianceProfile } from '../../functions/core/profile.ts';

/** The repository root: entries in the route and job tables are relative to it. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A deployment setting that is missing or wrong: the app prints its message (one line) and stops. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** What one deployment (one alliance) is made of, read from the CDK context and checked before any bundling. */
export interface DeploymentSettings {
  profile: AllianceProfile;
  /** The built front end (absolute path); its index.html must exist. */
  webDir: string;
  /** The portal's own https origin when it has a custom domain; otherwise the CloudFront URL is used. */
  publicUrl?: string;
  /** ACM certificate (us-east-1) for `publicUrl`'s host name on CloudFront. */
  certificateArn?: string;
  /** The SES domain identity the mails are sent from. */
  mailDomain: string;
  /** SNS topic the alarms notify; without it the alarms only show in the console. */
  alarmTopicArn?: string;
  /** The WAF web ACL (scope CLOUDFRONT, from the edge stack in us-east-1) the distribution is put behind. */
  webAclArn?: string;
}

const hostName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The context keys (`-c key=value` or cdk.json "context"), each with what it must look like. */
const context = z.object({
  alliance: z.string().min(1).default('leine-weser'),
  publicUrl: z
    .string()
    .regex(
      /^https:\/\/[a-z0-9.-]+\/?$/,
      'must be an https origin without a path, e.g. https://votum.example.org',
    )
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  certificateArn: z
    .string()
    .regex(
      /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/,
      'must be an ACM certificate ARN in us-east-1 (CloudFront only takes certificates from there)',
    )
    .optional(),
  mailDomain: z
    .string()
    .toLowerCase()
    .regex(hostName, 'must be a domain name, e.g. arl-lw.example.org')
    .optional(),
  alarmTopicArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]+$/, 'must be an SNS topic ARN')
    .optional(),
  webAclArn: z
    .string()
    .regex(
      /^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[0-9a-f-]+$/,
      'must be the ARN of a CLOUDFRONT web ACL (us-east-1, global/webacl/…): the WebAclArn output of the Votum-<alliance>-Edge stack',
    )
    .optional(),
});

type ContextKey = keyof z.input<typeof context>;
const contextKeys = Object.keys(context.shape) as ContextKey[];

/** Context values as given; `-c key=` (empty) counts as not given. */
function readContext(node: Node): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key of contextKeys) {
    const value: unknown = node.tryGetContext(key);
    if (value !== undefined && value !== '') values[key] = value;
  }
  return values;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Reads and checks the deployment settings. Everything that can be wrong is found here, before any
 * function is bundled, and reported as one line naming the context key or the fix.
 */
export function readSettings(node: Node, options: { webDir?: string } = {}): DeploymentSettings {
  const parsed = context.safeParse(readContext(node));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `-c ${issue.path.join('.')}: ${issue.message}`);
    throw new SettingsError(`votum: invalid CDK context: ${problems.join('; ')}`);
  }
  const values = parsed.data;

  let profile: AllianceProfile;
  try {
    profile = loadProfile(values.alliance);
  } catch (error) {
    const message = (error as Error).message;
    throw new SettingsError(
      message.startsWith('Unknown alliance')
        ? `votum: ${message} (choose with -c alliance=<id>)`
        : `votum: ${message}`,
    );
  }

  if (values.certificateArn && !values.publicUrl) {
    throw new SettingsError(
      'votum: -c certificateArn needs -c publicUrl (the host name the certificate is for)',
    );
  }

  const mailFromDomain = domainOf(profile.mailFrom);
  const mailDomain = values.mailDomain ?? mailFromDomain;
  if (mailFromDomain !== mailDomain && !mailFromDomain.endsWith(`.${mailDomain}`)) {
    throw new SettingsError(
      `votum: -c mailDomain=${mailDomain} does not cover the profile's sender ${profile.mailFrom}; ` +
        `use -c mailDomain=${mailFromDomain} or change mailFrom in functions/alliances/${profile.id}.json`,
    );
  }

  const webDir = resolve(projectRoot, options.webDir ?? 'web/dist');
  if (!existsSync(join(webDir, 'index.html'))) {
    const shown = relative(projectRoot, webDir);
    const name = shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : webDir;
    throw new SettingsError(`${name} is missing: run \`npm run build\` first`);
  }

  return {
    profile,
    webDir,
    mailDomain,
    ...(values.publicUrl ? { publicUrl: values.publicUrl } : {}),
    ...(values.certificateArn ? { certificateArn: values.certificateArn } : {}),
    ...(values.alarmTopicArn ? { alarmTopicArn: values.alarmTopicArn } : {}),
    ...(values.webAclArn ? { webAclArn: values.webAclArn } : {}),
  };
}
