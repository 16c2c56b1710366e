import type { App } from 'aws-cdk-lib';
import { EdgeStack } from './edge.ts';
import { addNagChecks } from './nag.ts';
import { readSettings, region } from './settings.ts';
import { VotumStack } from './stack.ts';

export interface VotumAppOptions {
  /** The built front end; default web/dist (tests pass a folder of their own). */
  webDir?: string;
}

/**
 * Adds one alliance's stack to `app` (and its edge stack in us-east-1, the WAF web ACL and the
 * CloudFront alarm: edge.ts) from the context (-c alliance=… -c env=…, see settings.ts), and the
 * cdk-nag AwsSolutions checks, which run when the app is synthesized. The CDK app (app.ts) and the
 * tests in test/infra both build the app through here, so the tests check what `cdk synth` checks.
 * The stack is always bound to eu-central-1 (personal data stays in the EU); an environment binds
 * it to its account as well.
 */
export function votumApp(app: App, options: VotumAppOptions = {}): VotumStack {
  const settings = readSettings(app.node, options);
  const account = settings.environment?.account;
  const tags = {
    app: 'votum',
    alliance: settings.profile.id,
    ...(settings.environment ? { environment: settings.environment.name } : {}),
  };
  new EdgeStack(app, `${settings.stackName}-Edge`, {
    alliance: settings.profile.id,
    portalStackName: settings.stackName,
    alarmEmail: settings.alarmEmail,
    description: `votum: ${settings.profile.name}, WAF web ACL and CloudFront alarm (us-east-1)`,
    ...(account ? { env: { account } } : {}),
    tags,
  });
  const stack = new VotumStack(app, settings.stackName, {
    settings,
    description: `votum: ${settings.profile.name}${settings.environment ? ` (${settings.environment.name})` : ''}`,
    env: { region, ...(account ? { account } : {}) },
    terminationProtection: settings.environment?.name === 'production',
    tags,
  });
  addNagChecks(app);
  return stack;
}
