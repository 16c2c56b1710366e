/*
 * One environment of one alliance, in one command (docs/operations.md, "Deploy"):
 *   npm run deploy -- <alliance> <staging|production>
 * Deploys the edge stack (us-east-1: WAF web ACL, CloudFront alarm) and then the portal's stack with
 * the web ACL's ARN, writing the stacks' outputs (DNS records, table, portal URL) to
 * cdk-outputs.json, which first-admin.ts reads. Needs the built front end (`npm run build`) and AWS
 * credentials for the environment's account (cdk.json); the pipeline gets them by OIDC.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const [alliance, env] = process.argv.slice(2);
if (!alliance || (env !== 'staging' && env !== 'production')) {
  console.error('usage: npm run deploy -- <alliance> <staging|production>');
  process.exit(2);
}
const stack = `Votum-${alliance}-${env}`;
const outputs = join(root, 'cdk-outputs.json');
const cdk = (...args: string[]) => {
  const result = spawnSync(
    join(root, 'node_modules/.bin/cdk'),
    ['deploy', ...args, '-c', `alliance=${alliance}`, '-c', `env=${env}`, '--require-approval', 'never'],
    { cwd: root, stdio: 'inherit', env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' } },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
};

cdk(`${stack}-Edge`, '--outputs-file', outputs);
const webAclArn = (JSON.parse(readFileSync(outputs, 'utf8')) as Record<string, Record<string, string>>)[
  `${stack}-Edge`
]?.WebAclArn;
if (!webAclArn) {
  console.error(`votum: ${stack}-Edge wrote no WebAclArn output`);
  process.exit(1);
}
cdk(stack, '-c', `webAclArn=${webAclArn}`, '--outputs-file', outputs);
console.log(`votum: ${stack} deployed; its DNS records and table are in cdk-outputs.json`);
