import type { App } from 'aws-cdk-lib';
import { EdgeStack } from './edge.ts';
import { addNagChecks } from './nag.ts';
import { readSettings } from './settings.ts';
import { VotumStack } from './stack.ts';

export interface VotumAppOptions {
  /** The built front end; default web/dist (tests pass a folder of their own). */
  webDir?: string;
}

/**
 * Adds one alliance's stack to `app` (and its edge stack in us-east-1, the WAF web ACL: edge.ts) (from the context: -c alliance=…, see settings.ts) and the
 * cdk-nag AwsSolutions checks, which run when the app is synthesized. The CDK app (app.ts) and the
 * tests in test/infra both build the app through here, so the tests check what `cdk synth` checks.
 */
export function votumApp(app: App, options: VotumAppOptions = {}): VotumStack {
  const settings = readSettings(app.node, options);
  new EdgeStack(app, `Votum-${settings.profile.id}-Edge`, {
    alliance: settings.profile.id,
    description: `votum: ${settings.profile.name}, WAF web ACL for CloudFront (us-east-1)`,
    tags: { app: 'votum', alliance: settings.profile.id },
  });
  const stack = new VotumStack(app, `Votum-${settings.profile.id}`, {
    settings,
    description: `votum: ${settings.profile.name}`,
    tags: { app: 'votum', alliance: settings.profile.id },
  });
  addNagChecks(app);
  return stack;
}
