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

/** The only region votum deploys its data to: personal data stays in the EU (Frankfurt). */
export const region = 'eu-central-1';

/** The environments an alliance is deployed as (`-c env=…`), each described in cdk.json's `environments`. */
export const environmentNames = ['staging', 'production'] as const;
export type EnvironmentName = (typeof environmentNames)[number];

/** Where one environment of one alliance runs: cdk.json → context → environments → <alliance> → <env>. */
const environmentSchema = z.strictObject({
  account: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
  region: z.literal(region, { error: `must be ${region}: personal data stays in the EU` }),
  /** The portal's https origin (its own domain). */
  publicUrl: z.string(),
  certificateArn: z.string().optional(),
  webAclArn: z.string().optional(),
  restoredTable: z.string().optional(),
  mailDomain: z.string(),
  /** The sender; default: the local part of the profile's sender at `mailDomain`. */
  mailFrom: z.string().optional(),
  /** Who gets the alarms and the budget warnings (subscribed to the stack's alarm topic). */
  alarmEmail: z.string().email('must be an email address'),
  /** The first admin, created by `node infra/aws/first-admin.ts` after the first deploy. */
  firstAdmin: z.string().email('must be an email address'),
  /** The monthly budget in US dollars; AWS Budgets warns at 80 % (actual) and 100 % (forecast). */
  monthlyBudgetUsd: z.number().positive(),
});
export type EnvironmentSettings = z.infer<typeof environmentSchema>;

/** What one deployment (one alliance) is made of, read from the CDK context and checked before any bundling. */
export interface DeploymentSettings {
  profile: AllianceProfile;
  /** The environment (`-c env=…`) and where it runs; without one, a stack for trying out (no account, no alarm mail). */
  environment?: { name: EnvironmentName; account: string };
  /** The stack's name: `Votum-<alliance>` or, for an environment, `Votum-<alliance>-<env>`. */
  stackName: string;
  /** The sender of every mail: the profile's, or moved into the environment's mail domain. */
  mailFrom: string;
  /** Who the alarm topic mails (the environment's `alarmEmail`, or `-c alarmEmail`). */
  alarmEmail?: string;
  /** The monthly budget in US dollars. */
  monthlyBudgetUsd: number;
  /** The first admin's address (first-admin.ts reads it from here). */
  firstAdmin?: string;
  /** The built front end (absolute path); its index.html must exist. */
  webDir: string;
  /** The portal's own https origin when it has a custom domain; otherwise the CloudFront URL is used. */
  publicUrl?: string;
  /** ACM certificate (us-east-1) for `publicUrl`'s host name on CloudFront. */
  certificateArn?: string;
  /** The SES domain identity the mails are sent from. */
  mailDomain: string;
  /** The WAF web ACL (scope CLOUDFRONT, from the edge stack in us-east-1) the distribution is put behind. */
  webAclArn?: string;
  /** A table restored from a backup that takes the table's place (docs/operations.md, "Restore"). */
  restoredTable?: string;
}

const hostName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The context keys (`-c key=value` or cdk.json "context"), each with what it must look like. */
const context = z.object({
  alliance: z.string().min(1).default('leine-weser'),
  env: z.enum(environmentNames).optional(),
  alarmEmail: z.string().email('must be an email address').optional(),
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
  webAclArn: z
    .string()
    .regex(
      /^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[0-9a-f-]+$/,
      'must be the ARN of a CLOUDFRONT web ACL (us-east-1, global/webacl/…): the WebAclArn output of the Votum-<alliance>-Edge stack',
    )
    .optional(),
  mailFrom: z.string().toLowerCase().email('must be an email address').optional(),
  restoredTable: z
    .string()
    .regex(/^[\w.-]{3,255}$/, 'must be a DynamoDB table name (the restored table)')
    .optional(),
});

/** Without an environment: what AWS Budgets warns at, in US dollars a month (docs/operations.md, "Cost"). */
export const defaultMonthlyBudgetUsd = 30;

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

/** The environment `-c env` names, from cdk.json's `environments.<alliance>.<env>`, checked. */
function readEnvironment(
  node: Node,
  given: Record<string, unknown>,
): { name: EnvironmentName; values: EnvironmentSettings } | undefined {
  if (given.env === undefined) return undefined;
  const name = z.enum(environmentNames).safeParse(given.env);
  if (!name.success) throw new SettingsError(`votum: -c env must be one of ${environmentNames.join(', ')}`);
  const alliance = typeof given.alliance === 'string' ? given.alliance : 'leine-weser';
  const all = node.tryGetContext('environments') as Record<string, Record<string, unknown>> | undefined;
  const raw = all?.[alliance]?.[name.data];
  if (raw === undefined)
    throw new SettingsError(
      `votum: no environment "${name.data}" for ${alliance} in cdk.json (context.environments.${alliance}.${name.data})`,
    );
  const parsed = environmentSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `environments.${alliance}.${name.data}.${issue.path.join('.')}: ${issue.message}`,
    );
    throw new SettingsError(`votum: invalid environment in cdk.json: ${problems.join('; ')}`);
  }
  return { name: name.data, values: parsed.data };
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Reads and checks the deployment settings. Everything that can be wrong is found here, before any
 * function is bundled, and reported as one line naming the context key or the fix.
 */
export function readSettings(node: Node, options: { webDir?: string } = {}): DeploymentSettings {
  const given = readContext(node);
  const environment = readEnvironment(node, given);
  // An environment's values first, then what `-c key=value` says (it wins).
  const {
    account,
    region: _region,
    firstAdmin,
    monthlyBudgetUsd,
    ...fromEnvironment
  } = environment?.values ?? {};
  const parsed = context.safeParse({ ...fromEnvironment, ...given });
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

  // The profile keeps the texts, the environment says where the mail comes from: a mail domain that
  // does not cover the profile's sender takes the sender's local part into it.
  const covers = (domain: string, address: string) =>
    domainOf(address) === domain || domainOf(address).endsWith(`.${domain}`);
  const mailDomain = values.mailDomain ?? domainOf(values.mailFrom ?? profile.mailFrom);
  if (values.mailFrom && !covers(mailDomain, values.mailFrom)) {
    throw new SettingsError(
      `votum: -c mailFrom=${values.mailFrom} is not in the mail domain ${mailDomain} (-c mailDomain)`,
    );
  }
  const mailFrom =
    values.mailFrom ??
    (covers(mailDomain, profile.mailFrom)
      ? profile.mailFrom
      : `${profile.mailFrom.slice(0, profile.mailFrom.lastIndexOf('@'))}@${mailDomain}`);

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
    mailFrom,
    stackName: environment ? `Votum-${profile.id}-${environment.name}` : `Votum-${profile.id}`,
    monthlyBudgetUsd: monthlyBudgetUsd ?? defaultMonthlyBudgetUsd,
    ...(environment && account ? { environment: { name: environment.name, account } } : {}),
    ...(values.alarmEmail ? { alarmEmail: values.alarmEmail } : {}),
    ...(firstAdmin ? { firstAdmin } : {}),
    ...(values.publicUrl ? { publicUrl: values.publicUrl } : {}),
    ...(values.certificateArn ? { certificateArn: values.certificateArn } : {}),
    ...(values.webAclArn ? { webAclArn: values.webAclArn } : {}),
    ...(values.restoredTable ? { restoredTable: values.restoredTable } : {}),
  };
}
