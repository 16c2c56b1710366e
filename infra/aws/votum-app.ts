import type { App } from 'aws-cdk-lib';
import { addNagChecks } from './nag.ts';
import { readSettings } from './settings.ts';
import { VotumStack } from './stack.ts';

export interface VotumAppOptions {
  /** The built front end; default web/dist (tests pass a folder of their own). */
  webDir?: string;
}

/**
 * Adds one alliance's stack to `app` (from the context: -c alliance=…, see settings.ts) and the
 * cdk-nag AwsSolutions checks, which run when the app is synthesized. The CDK app (app.ts) and the
 * tests in test/infra both build the app through here, so the tests check what `cdk synth` checks.
 */
export function votumApp(app: App, options: VotumAppOptions = {}): VotumStack {
  const settings = readSettings(app.node, options);
  const stack = new VotumStack(app, `Votum-${settings.profile.id}`, {
    settings,
    description: `votum: ${settings.profile.name}`,
    tags: { app: 'votum', alliance: settings.profile.id },
  });
  addNagChecks(app);
  return stack;
}
