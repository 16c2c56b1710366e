import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { votumApp } from '/work/wt-golive/infra/aws/votum-app.ts';
const cdk = JSON.parse(readFileSync('/work/wt-golive/cdk.json', 'utf8'));
const extra = JSON.parse(process.argv[2] ?? '{}');
const app = new App({ context: { ...cdk.context, 'aws:cdk:bundling-stacks': [], ...extra }, outdir: '/tmp/golive-out' });
const stack = votumApp(app, { webDir: '/tmp/golive-web' });
try { const a = app.synth(); const t = a.getStackByName(stack.stackName).template; console.log('resources', Object.keys(t.Resources).length, stack.region, stack.account); }
catch (e) { console.log(String(e).slice(0, 6000)); }
