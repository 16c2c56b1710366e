/*
 * The CDK app: one stack per alliance.
 *   npx cdk synth -c alliance=leine-weser
 *   npx cdk deploy -c alliance=leine-weser [-c publicUrl=https://… -c certificateArn=…] [-c mailDomain=…]
 * Offline synth: AWS_EC2_METADATA_DISABLED=true CDK_DISABLE_VERSION_CHECK=1 (the stack is
 * environment-agnostic and needs no credentials to synthesize). See infra/aws/README.md.
 */
import { App } from 'aws-cdk-lib';
import { SettingsError } from './settings.ts';
import { votumApp } from './votum-app.ts';

const app = new App();
try {
  votumApp(app);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}
app.synth();
