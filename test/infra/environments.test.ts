import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allianceIds } from '../../functions/alliances/index.ts';
import { cloudFront5xxPercent, type EdgeStack } from '../../infra/aws/edge.ts';
import { environmentNames, projectRoot, readSettings, region } from '../../infra/aws/settings.ts';
import {
  cdkJsonContext,
  logicalId,
  makeWebDir,
  type Resource,
  type Synthesized,
  synthesize,
} from './support.ts';

/*
 * The environments of cdk.json (issue 17): every alliance has staging and production, each pinned to
 * eu-central-1 and its account, sending from its own mail domain, alarming its operator. Synthesized
 * without bundling (CDK's `aws:cdk:bundling-stacks` = none): these tests read the templates, the
 * bundles are tested in stack.test.ts.
 */

type Environments = Record<string, Record<string, Record<string, unknown>>>;
const environments = cdkJsonContext().environments as Environments;
const noBundling = { 'aws:cdk:bundling-stacks': [] as string[] };
let production: Synthesized;

beforeAll(() => {
  production = synthesize({ env: 'production', ...noBundling } as unknown as Record<string, string>);
});

afterAll(() => production?.cleanup());

describe('cdk.json', () => {
  it('describes staging and production for every alliance, each in eu-central-1', () => {
    // Act
    const described = Object.entries(environments).flatMap(([alliance, envs]) =>
      Object.entries(envs).map(([name, env]) => ({ alliance, name, env })),
    );

    // Assess
    expect(Object.keys(environments).sort()).toEqual([...allianceIds].sort());
    for (const alliance of allianceIds)
      expect(Object.keys(environments[alliance] ?? {}).sort()).toEqual([...environmentNames].sort());
    for (const { alliance, name, env } of described) {
      expect(env.region, `${alliance} ${name}`).toBe(region);
      expect(env, `${alliance} ${name}`).toMatchObject({
        account: expect.stringMatching(/^\d{12}$/),
        publicUrl: expect.stringMatching(/^https:\/\//),
        mailDomain: expect.any(String),
        alarmEmail: expect.stringContaining('@'),
        firstAdmin: expect.stringContaining('@'),
      });
    }
  });

  it('is read into settings with the sender moved into the environment’s mail domain; another region is refused', () => {
    // Prepare
    const webDir = makeWebDir();
    const staging = new App({ context: { ...cdkJsonContext(), env: 'staging' } });
    const moved = structuredClone(environments);
    (moved['leine-weser'] as Record<string, Record<string, unknown>>).staging = {
      ...moved['leine-weser']?.staging,
      region: 'us-east-1',
    };
    const elsewhere = new App({ context: { ...cdkJsonContext(), environments: moved, env: 'staging' } });

    // Act
    const settings = readSettings(staging.node, { webDir });
    const refused = (() => {
      try {
        readSettings(elsewhere.node, { webDir });
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();

    // Assess
    expect(settings).toMatchObject({
      stackName: 'Votum-leine-weser-staging',
      environment: { name: 'staging', account: environments['leine-weser']?.staging?.account },
      mailDomain: 'test.arl-lw.example.org',
      mailFrom: 'votum@test.arl-lw.example.org',
      alarmEmail: 'betrieb@arl-lw.example.org',
    });
    expect(settings.profile.mailFrom).toBe('votum@arl-lw.example.org');
    expect(refused).toMatch(/environments\.leine-weser\.staging\.region: must be eu-central-1/);
  });
});

describe('a production stack', () => {
  it('is bound to its account and eu-central-1, protected from deletion, and passes cdk-nag', () => {
    // Prepare
    const { stack, assembly, nagRuns } = production;

    // Act
    const artifact = assembly.getStackByName('Votum-leine-weser-production');

    // Assess
    expect(artifact.environment).toMatchObject({
      account: environments['leine-weser']?.production?.account,
      region: 'eu-central-1',
    });
    expect(stack.terminationProtection).toBe(true);
    expect(nagRuns.flatMap(({ report }) => report.violations)).toEqual([]);
  });

  it('mails the alarms, the budget warnings and CloudFront’s 5xx to the operator', () => {
    // Prepare
    const { template, stack, app } = production;
    const edge = app.node.findChild('Votum-leine-weser-production-Edge') as EdgeStack;
    const edgeTemplate = Template.fromStack(edge);
    const email = environments['leine-weser']?.production?.alarmEmail;

    // Act
    const subscriptions = [template, edgeTemplate].map((t) =>
      Object.values(t.findResources('AWS::SNS::Subscription')).map((s) => (s as Resource).Properties),
    );
    const cloudFront = edgeTemplate.toJSON().Resources[edge.getLogicalId(edge.cloudFront5xx)] as Resource;

    // Assess
    expect(subscriptions[0]).toContainEqual({
      Protocol: 'email',
      Endpoint: email,
      TopicArn: { Ref: logicalId(stack.alarmTopic.topic) },
    });
    expect(subscriptions[1]).toEqual([
      { Protocol: 'email', Endpoint: email, TopicArn: { Ref: logicalId(edge.alarmTopic.topic) } },
    ]);
    expect(edge.region).toBe('us-east-1');
    expect(cloudFront.Properties).toMatchObject({
      Threshold: cloudFront5xxPercent,
      AlarmActions: [{ Ref: logicalId(edge.alarmTopic.topic) }],
      Metrics: [expect.objectContaining({ Expression: expect.stringContaining('"AWS/CloudFront"') })],
    });
    template.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: { BudgetLimit: { Amount: environments['leine-weser']?.production?.monthlyBudgetUsd } },
    });
  });

  it('sends from the environment’s mail domain and links to its own domain', () => {
    // Prepare
    const { template, stack } = production;

    // Act
    const variables = (
      (template.toJSON().Resources[logicalId(stack.jobFunctions.sendOutbox.function)] as Resource).Properties
        .Environment as { Variables: Record<string, unknown> }
    ).Variables;

    // Assess
    expect(variables).toMatchObject({
      MAIL_FROM: 'votum@arl-lw.example.org',
      PUBLIC_URL: environments['leine-weser']?.production?.publicUrl,
    });
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'arl-lw.example.org' });
  });
});

describe('the pipeline (.github/workflows/votum.yml)', () => {
  type Step = { uses?: string; run?: string; with?: Record<string, string> };
  type Job = {
    if?: string;
    needs?: string[];
    permissions?: Record<string, string>;
    strategy?: { matrix: Record<string, string[]> };
    environment?: string;
    steps: Step[];
  };
  const workflow = parse(readFileSync(join(projectRoot, '.github/workflows/votum.yml'), 'utf8')) as {
    on: { push: { branches: string[]; tags: string[] }; pull_request: unknown };
    permissions: Record<string, string>;
    jobs: Record<string, Job>;
  };
  const runs = (job: Job | undefined) => (job?.steps ?? []).flatMap((step) => (step.run ? [step.run] : []));
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const ciRun = readFileSync(join(projectRoot, '.ci/run'), 'utf8');

  it('runs the README’s test command after installing the lockfile exactly, as .ci/run runs it', () => {
    // Act
    const test = workflow.jobs.test;

    // Assess
    expect(readme).toContain('npm install && npm test');
    expect(runs(test)).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npm test']));
    expect(ciRun).toMatch(/^npm test/m);
    expect(workflow.on.pull_request).toBeDefined();
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('synthesizes every alliance in every environment with cdk-nag', () => {
    // Act
    const synth = workflow.jobs.synth;

    // Assess
    expect(synth?.strategy?.matrix.alliance?.sort()).toEqual([...allianceIds].sort());
    expect(synth?.strategy?.matrix.env?.sort()).toEqual([...environmentNames].sort());
    expect(runs(synth)).toEqual(
      expect.arrayContaining([
        'npm ci --no-audit --no-fund',
        'npm run build',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
        'npx cdk synth --quiet -c alliance=${{ matrix.alliance }} -c env=${{ matrix.env }}',
      ]),
    );
  });

  it('deploys staging on main and production on a tag, after the tests and the synthesis, by OIDC', () => {
    // Prepare
    const deploys = {
      staging: workflow.jobs['deploy-staging'],
      production: workflow.jobs['deploy-production'],
    };

    // Act
    const conditions = { staging: deploys.staging?.if, production: deploys.production?.if };

    // Assess
    expect(workflow.on.push).toEqual({ branches: ['main'], tags: ['v*'] });
    expect(conditions.staging).toContain("github.ref == 'refs/heads/main'");
    expect(conditions.production).toContain("startsWith(github.ref, 'refs/tags/v')");
    for (const [name, job] of Object.entries(deploys)) {
      expect(job?.needs).toEqual(['test', 'synth']);
      expect(job?.environment).toBe(name);
      expect(job?.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
      expect(job?.strategy?.matrix.alliance?.sort()).toEqual([...allianceIds].sort());
      const credentials = job?.steps.find((step) =>
        step.uses?.startsWith('aws-actions/configure-aws-credentials@'),
      );
      expect(credentials?.with).toEqual({
        'role-to-assume': expect.stringMatching(
          /^arn:aws:iam::\$\{\{ steps\.account\.outputs\.id \}\}:role\//,
        ),
        'aws-region': 'eu-central-1',
      });
      expect(JSON.stringify(job)).not.toMatch(/aws-access-key-id|aws-secret-access-key/);
      expect(runs(job)).toContain(`npm run deploy --silent -- \${{ matrix.alliance }} ${name}`);
    }
  });
});

describe('a restore', () => {
  it('swaps the restored table in: adopted under its own name, with PITR and deletion protection, backed up, in the functions’ environment', () => {
    // Prepare
    const restored = synthesize({ restoredTable: 'votum-restored', ...noBundling } as unknown as Record<
      string,
      string
    >);

    try {
      // Act
      const { template, stack } = restored;
      const tables = template.findResources('AWS::DynamoDB::Table') as Record<string, Resource>;
      const variables = (
        (template.toJSON().Resources[logicalId(stack.jobFunctions.sendOutbox.function)] as Resource)
          .Properties.Environment as { Variables: Record<string, unknown> }
      ).Variables;

      // Assess
      expect(Object.keys(tables)).toEqual([logicalId(stack.table)]);
      expect(logicalId(stack.table)).toMatch(/^RestoredTable/);
      expect(Object.values(tables)[0]?.Properties).toMatchObject({
        TableName: 'votum-restored',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      });
      expect(variables.TABLE_NAME).toEqual({ Ref: logicalId(stack.table) });
      expect(JSON.stringify(template.findResources('AWS::Backup::BackupSelection'))).toContain(
        logicalId(stack.table),
      );
    } finally {
      restored.cleanup();
    }
  });
});
