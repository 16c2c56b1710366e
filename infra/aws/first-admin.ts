/*
 * The first admin of a real deployment, once, after the first deploy:
 *   npx cdk deploy Votum-<alliance>-<env> -c alliance=<alliance> -c env=<env> --outputs-file cdk-outputs.json
 *   node infra/aws/first-admin.ts <alliance> <env> [cdk-outputs.json]
 * It reads the address from cdk.json (environments.<alliance>.<env>.firstAdmin) and the table from
 * the stack's `TableName` output, and puts that person on the admin list if the list is empty (a
 * second run, or a list the office already keeps, changes nothing). AWS credentials for the
 * environment's account as for `cdk deploy`. That person signs in by emailed link and sets up the
 * second factor; further admins are added in the portal (Verwaltung → Zugänge).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadProfile } from '../../functions/alliances/index.ts';

export interface FirstAdmin {
  email: string;
  name: string;
}

/** Puts the first admin on an empty admin list; 'exists' when the list has someone already. */
export async function createFirstAdmin(admin: FirstAdmin, now: Date): Promise<'added' | 'exists'> {
  const { addAdmin, listAdmins } = await import('../../functions/store/auth.ts');
  if ((await listAdmins()).length > 0) return 'exists';
  await addAdmin(admin.email, admin.name, now);
  return 'added';
}

/** The address and the table, from cdk.json and the outputs file; an error names what is missing. */
export function readFirstAdmin(
  root: string,
  alliance: string,
  env: string,
  outputsFile: string,
): { admin: FirstAdmin; tableName: string; portalUrl: string; region: string } {
  const cdkJson = JSON.parse(readFileSync(join(root, 'cdk.json'), 'utf8')) as {
    context: { environments?: Record<string, Record<string, { firstAdmin?: string; region?: string }>> };
  };
  const environment = cdkJson.context.environments?.[alliance]?.[env];
  if (!environment?.firstAdmin) throw new Error(`cdk.json has no environments.${alliance}.${env}.firstAdmin`);
  const stackName = `Votum-${alliance}-${env}`;
  const outputs = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>;
  const tableName = outputs[stackName]?.TableName;
  if (!tableName)
    throw new Error(
      `${outputsFile} has no ${stackName}.TableName: deploy with --outputs-file ${outputsFile} first`,
    );
  return {
    // Named as the profile names the office; the person changes nothing by it.
    admin: { email: environment.firstAdmin.toLowerCase(), name: loadProfile(alliance).office.name },
    tableName,
    portalUrl: outputs[stackName]?.PortalUrl ?? 'https://localhost',
    region: environment.region ?? 'eu-central-1',
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [alliance, env, outputsFile = 'cdk-outputs.json'] = process.argv.slice(2);
  if (!alliance || !env) {
    console.error('usage: node infra/aws/first-admin.ts <alliance> <staging|production> [cdk-outputs.json]');
    process.exit(2);
  }
  const root = join(import.meta.dirname, '../..');
  const found = readFirstAdmin(root, alliance, env, outputsFile);
  // The store reads its table from the functions' configuration; this script only writes the admin
  // list, so the settings it does not use get placeholders.
  Object.assign(process.env, {
    TABLE_NAME: found.tableName,
    ALLIANCE: alliance,
    PUBLIC_URL: found.portalUrl,
    SIGNING_SECRET_ARN: 'not-used-by-this-script',
    ATTACHMENTS_BUCKET: 'not-used-by-this-script',
    AWS_REGION: found.region,
  });
  const result = await createFirstAdmin(found.admin, new Date());
  console.log(
    result === 'added'
      ? `votum: ${found.admin.email} is the first admin of ${found.tableName}; they sign in by emailed link`
      : `votum: ${found.tableName} has admins already; nothing changed`,
  );
}
