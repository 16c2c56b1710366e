import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceIds, checkedProfile, loadProfile } from '../../functions/alliances/index.ts';
import { type GroupId, groupIds } from '../../functions/core/contract/groups.ts';
import { type Route, routeKey, routes } from '../../functions/core/contract/index.ts';
import { publicProfile } from '../../functions/core/profile.ts';
import { edgeHeader } from '../../functions/http/edge.ts';
import { type JobId, jobs, mailFeedback } from '../../functions/jobs/jobs.ts';
import { tableDefinition } from '../../functions/store/table.ts';
import { noncurrentVersionDays, scanTag } from '../../infra/aws/attachments.ts';
import { EdgeStack, requestsPerIp, signInPathPrefix, signInsPerIp } from '../../infra/aws/edge.ts';
import { bundling } from '../../infra/aws/functions.ts';
import { addNagChecks } from '../../infra/aws/nag.ts';
import { projectRoot } from '../../infra/aws/settings.ts';
import {
  apiThrottle,
  backupRetentionDays,
  signInFailure,
  signInFailureBurst,
} from '../../infra/aws/stack.ts';
import { staticHeaders } from '../../infra/local/portal.ts';
import { pagePreload } from '../../infra/page-preload.ts';
import {
  actionsOf,
  cdkJsonContext,
  findCycle,
  logicalId,
  type Resource,
  renderJoin,
  resource,
  roleStatements,
  type Statement,
  type Synthesized,
  synthesize,
} from './support.ts';

const run = promisify(execFile);

/** The TypeScript sources under a folder (tests live elsewhere). */
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
const routeEntries = Object.entries(routes) as [string, Route][];
const jobEntries = Object.entries(jobs);

let synthesized: Synthesized;

beforeAll(() => {
  synthesized = synthesize();
});

afterAll(() => {
  synthesized?.cleanup();
});

const routesOf = (group: GroupId) => routeEntries.filter(([, route]) => route.group === group);

/** The stack's votum functions (one per function group, one per job) with the entries they bundle. */
function votumFunctions() {
  const { stack } = synthesized;
  return [
    ...groupIds.map((group) => ({
      id: group,
      entries: routesOf(group).map(([, route]) => route.entry as string),
      sendsMail: routesOf(group).some(([, route]) => route.sendsMail === true),
      readsOnly: routesOf(group).every(([, route]) => route.method === 'GET'),
      attachments: new Set(
        routesOf(group).flatMap(([, route]) => (route.attachments ? [route.attachments] : [])),
      ),
      fn: stack.groupFunctions[group],
      isGroup: true,
    })),
    ...jobEntries.map(([id, job]) => ({
      id,
      entries: [job.entry as string],
      sendsMail: 'sendsMail' in job && job.sendsMail === true,
      readsOnly: false,
      // A job declares its use of the attachments bucket as a route does (the retention job deletes files).
      attachments: new Set<'read' | 'write'>(
        'attachments' in job && job.attachments ? [job.attachments] : [],
      ),
      fn: stack.jobFunctions[id as keyof typeof stack.jobFunctions],
      isGroup: false,
    })),
    // SES's bounce and complaint events, from the feedback topic: a job without a schedule.
    {
      id: 'mailFeedback',
      entries: [mailFeedback.entry as string],
      sendsMail: false,
      readsOnly: false,
      attachments: new Set<'read' | 'write'>(),
      fn: stack.mailFeedbackFunction,
      isGroup: false,
    },
  ];
}

describe('the table', () => {
  it('is built from tableDefinition: keys, TTL, indexes', () => {
    // Prepare
    const { template } = synthesized;

    // Act
    const tables = template.findResources('AWS::DynamoDB::Table');

    // Assess
    expect(Object.keys(tables)).toHaveLength(1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      GlobalSecondaryIndexes: tableDefinition.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('is on demand, with point-in-time recovery and deletion protection, and retained', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const table = resource(template, logicalId(stack.table));

    // Assess
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('the stack', () => {
  it('keeps at least 40 % headroom under CloudFormation’s 500 resources', () => {
    // Act
    const count = Object.keys(synthesized.template.toJSON().Resources as object).length;

    // Assess: one more route must never break a deployment again
    expect(count).toBeLessThanOrEqual(300);
  });
});

describe('the functions', () => {
  it('are exactly one per function group and one per job (and the mail feedback’s), besides CDK’s own deployment handler', () => {
    // Prepare
    const { template } = synthesized;
    const ours = votumFunctions().map(({ fn }) => logicalId(fn.function));

    // Act
    const all = Object.keys(template.findResources('AWS::Lambda::Function'));

    // Assess
    expect(ours).toHaveLength(groupIds.length + jobEntries.length + 1);
    expect(new Set(ours).size).toBe(ours.length);
    expect(all.filter((id) => !ours.includes(id))).toEqual([
      expect.stringMatching(/^CustomCDKBucketDeployment/),
    ]);
  });

  it('run Node 24 on arm64, each with its own log group and role', () => {
    // Prepare
    const { template } = synthesized;

    for (const { fn } of votumFunctions()) {
      // Act
      const properties = resource(template, logicalId(fn.function)).Properties;

      // Assess
      expect(properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        LoggingConfig: { LogGroup: { Ref: logicalId(fn.logGroup) } },
        Role: { 'Fn::GetAtt': [logicalId(fn.role), 'Arn'] },
      });
    }
  });

  it('get the environment the handlers read', () => {
    // Prepare
    const { template, stack } = synthesized;

    const edgeSecret = {
      'Fn::Join': [
        '',
        ['{{resolve:secretsmanager:', { Ref: logicalId(stack.edgeSecret) }, ':SecretString:::}}'],
      ],
    };

    for (const { fn, isGroup } of votumFunctions()) {
      // Act
      const variables = (
        resource(template, logicalId(fn.function)).Properties.Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;

      // Assess
      expect(variables).toEqual({
        TABLE_NAME: { Ref: logicalId(stack.table) },
        ALLIANCE: 'leine-weser',
        PUBLIC_URL: {
          'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(stack.web.distribution), 'DomainName'] }]],
        },
        SIGNING_SECRET_ARN: { Ref: logicalId(stack.signingSecret) },
        SES_CONFIGURATION_SET: { Ref: logicalId(stack.mail.configurationSet) },
        MAIL_FROM: 'votum@arl-lw.example.org',
        ATTACHMENTS_BUCKET: { Ref: logicalId(stack.attachments.bucket) },
        POWERTOOLS_SERVICE_NAME: 'votum',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        // The API's functions refuse what did not come through CloudFront; jobs serve no requests.
        ...(isGroup ? { EDGE_SECRET: edgeSecret } : {}),
      });
    }
  });

  it('may read the table’s items and indexes, and write them only where a route or job changes something', () => {
    // Prepare
    const { template, stack } = synthesized;
    const tableArn = { 'Fn::GetAtt': [logicalId(stack.table), 'Arn'] };
    const everything = [
      tableArn,
      ...tableDefinition.indexes.map((index) => ({ 'Fn::Join': ['', [tableArn, `/index/${index.name}`]] })),
    ];

    for (const { id, fn, readsOnly } of votumFunctions()) {
      // Act
      const statements = roleStatements(template, logicalId(fn.role));
      // (A job woken by the table's stream also reads the stream: its own statements, tested below.)
      const streamActions = /^dynamodb:(DescribeStream|GetRecords|GetShardIterator|ListStreams)$/;
      const dynamo = statements.filter((statement) =>
        actionsOf([statement]).some(
          (action) => action.startsWith('dynamodb:') && !streamActions.test(action),
        ),
      );

      // Assess
      const read = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'];
      if (readsOnly) {
        expect(dynamo, id).toEqual([
          { Effect: 'Allow', Action: read, Resource: everything },
          {
            Effect: 'Allow',
            Action: 'dynamodb:UpdateItem',
            Resource: tableArn,
            Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SESSION#*'] } },
          },
        ]);
      } else {
        expect(dynamo, id).toHaveLength(1);
        expect(actionsOf(dynamo).sort(), id).toEqual(
          [
            ...read,
            'dynamodb:ConditionCheckItem',
            'dynamodb:DeleteItem',
            'dynamodb:PutItem',
            'dynamodb:UpdateItem',
          ].sort(),
        );
        expect(dynamo[0]?.Resource, id).toEqual(everything);
      }
      const actions = actionsOf(statements);
      expect(actions.filter((action) => action.includes('*'))).toEqual([]);
      expect(actions).not.toContain('dynamodb:Scan');
      expect(template.toJSON().Resources[logicalId(fn.role)].Properties.ManagedPolicyArns).toBeUndefined();
    }
    expect(
      votumFunctions()
        .filter((f) => f.readsOnly)
        .map((f) => f.id),
    ).toEqual(['dataExport', 'documents']);
  });

  it('may use exactly the table operations the code under functions/ sends (no batch write, no scan)', () => {
    // Prepare: every DynamoDB command the code builds, and the kinds of item its transactions hold
    const code = sourceFiles(join(projectRoot, 'functions')).map((file) => readFileSync(file, 'utf8'));
    const commands = new Set(
      code.flatMap((text) => [...text.matchAll(/new (\w+)Command\(/g)].map((match) => match[1] as string)),
    );
    const transactItems = new Set(
      code.flatMap((text) =>
        [...text.matchAll(/\b(Put|Update|Delete|ConditionCheck)\s*:\s*\{/g)].map(
          (match) => match[1] as string,
        ),
      ),
    );
    const actionOf: Record<string, string[]> = {
      Get: ['GetItem'],
      Put: ['PutItem'],
      Update: ['UpdateItem'],
      Delete: ['DeleteItem'],
      Query: ['Query'],
      Scan: ['Scan'],
      BatchGet: ['BatchGetItem'],
      BatchWrite: ['BatchWriteItem'],
      TransactGet: ['GetItem'],
      TransactWrite: [...transactItems].map((kind) => `${kind}Item`),
    };
    const dynamoCommands = [...commands].filter((command) => command in actionOf);
    const needed = new Set(
      dynamoCommands.flatMap((command) => actionOf[command] ?? []).map((a) => `dynamodb:${a}`),
    );
    const streamActions = /^dynamodb:(DescribeStream|GetRecords|GetShardIterator|ListStreams)$/;

    // Act
    const granted = new Set(
      votumFunctions().flatMap(({ fn }) =>
        actionsOf(roleStatements(synthesized.template, logicalId(fn.role))).filter(
          (action) => action.startsWith('dynamodb:') && !streamActions.test(action),
        ),
      ),
    );

    // Assess: a new kind of command needs its grant (stack.ts), an unused grant goes
    expect(dynamoCommands).toContain('TransactWrite');
    expect([...granted].sort()).toEqual([...needed].sort());
  });

  it('may do nothing beyond what their routes or job declare: the whole action list of each role', () => {
    // Prepare
    const read = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'];
    const write = [
      'dynamodb:ConditionCheckItem',
      'dynamodb:DeleteItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ];
    const expectedOf = ({
      id,
      isGroup,
      readsOnly,
      sendsMail,
      attachments,
    }: ReturnType<typeof votumFunctions>[number]) => {
      const job = isGroup ? undefined : (jobs[id as JobId] as Record<string, unknown> | undefined);
      return [
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        ...read,
        // a reading group only pushes its caller's session forward (UpdateItem on SESSION# keys)
        ...(readsOnly ? ['dynamodb:UpdateItem'] : write),
        // a job that sends mail unseals its mails' links (platform/seal.ts); one keying people hashes them
        ...(isGroup || job?.signsLinks === true || job?.keysPeople === true || job?.sendsMail === true
          ? ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']
          : []),
        ...(sendsMail ? ['ses:SendEmail', 'ses:SendRawEmail'] : []),
        ...(attachments.has('write')
          ? ['s3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject']
          : []),
        ...(attachments.has('read') ? ['s3:GetObject'] : []),
        ...(job && 'wakeOnInsertOf' in job
          ? [
              'dynamodb:DescribeStream',
              'dynamodb:GetRecords',
              'dynamodb:GetShardIterator',
              'dynamodb:ListStreams',
            ]
          : []),
        // every job's failed run goes to the job failures queue (its on-failure destination)
        ...(isGroup ? [] : ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']),
      ];
    };

    for (const described of votumFunctions()) {
      // Act
      const actions = new Set(actionsOf(roleStatements(synthesized.template, logicalId(described.fn.role))));

      // Assess
      expect([...actions].sort(), described.id).toEqual([...new Set(expectedOf(described))].sort());
    }
  });

  it('may read the signing secret exactly when their code keys a hash with it', () => {
    // Prepare
    const { template, stack, assembly } = synthesized;

    for (const { id, fn } of votumFunctions()) {
      // Act
      const reads = roleStatements(template, logicalId(fn.role)).some(
        (statement) =>
          actionsOf([statement]).includes('secretsmanager:GetSecretValue') &&
          JSON.stringify(statement.Resource) === JSON.stringify({ Ref: logicalId(stack.signingSecret) }),
      );
      const code = resource(template, logicalId(fn.function)).Properties.Code as { S3Key: string };
      const { sources } = JSON.parse(
        readFileSync(
          join(assembly.directory, `asset.${code.S3Key.replace(/\.zip$/, '')}`, 'index.mjs.map'),
          'utf8',
        ),
      ) as { sources: string[] };

      // Assess
      expect(reads, id).toBe(sources.some((source) => source.endsWith('functions/platform/secret.ts')));
    }
  });

  it('may send mail (on the identity and the configuration set only) exactly when the route table or the job says so', () => {
    // Prepare
    const { template, stack } = synthesized;

    for (const { id, fn, sendsMail } of votumFunctions()) {
      // Act
      const mailStatements = roleStatements(template, logicalId(fn.role)).filter((statement) =>
        actionsOf([statement]).some((action) => action.startsWith('ses:')),
      );

      // Assess
      if (!sendsMail) {
        expect(mailStatements, id).toEqual([]);
        continue;
      }
      expect(mailStatements, id).toHaveLength(1);
      expect(mailStatements[0]?.Action).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      const resources = JSON.stringify(mailStatements[0]?.Resource);
      expect(resources).toContain(':identity/');
      expect(resources).toContain(':configuration-set/');
      expect(resources).toContain(`{"Ref":"${logicalId(stack.mail.identity)}"}`);
      expect(resources).toContain(`{"Ref":"${logicalId(stack.mail.configurationSet)}"}`);
      expect(mailStatements[0]?.Resource).toHaveLength(2);
    }
  });
});

describe('the attachments bucket', () => {
  it('is private, encrypted, TLS only, versioned, logged and retained', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const bucket = resource(template, logicalId(stack.attachments.bucket));

    // Assess
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: logicalId(stack.web.logBucket) },
        LogFilePrefix: 'attachments/',
      },
    });
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.UpdateReplacePolicy).toBe('Retain');
    const policy = Object.values(
      template.findResources('AWS::S3::BucketPolicy', {
        Properties: { Bucket: { Ref: logicalId(stack.attachments.bucket) } },
      }),
    )[0] as { Properties: { PolicyDocument: { Statement: Array<Record<string, unknown>> } } };
    expect(policy.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
        expect.objectContaining({
          Effect: 'Deny',
          Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
        }),
      ]),
    );
  });

  it('aborts incomplete uploads, expires unchecked ones after a day and old versions after their days', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const rules = (
      resource(template, logicalId(stack.attachments.bucket)).Properties.LifecycleConfiguration as {
        Rules: unknown[];
      }
    ).Rules;

    // Assess
    expect(rules).toEqual([
      {
        Id: 'AbortIncompleteUploads',
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        Status: 'Enabled',
      },
      {
        Id: 'ExpireOldVersions',
        NoncurrentVersionExpiration: { NoncurrentDays: noncurrentVersionDays },
        ExpiredObjectDeleteMarker: true,
        Status: 'Enabled',
      },
      { Id: 'ExpireUncheckedUploads', Prefix: 'pending/', ExpirationInDays: 1, Status: 'Enabled' },
    ]);
  });

  it('lets CloudFront pages POST uploads to it from the browser (the portal’s own origin once it has a domain)', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const cors = resource(template, logicalId(stack.attachments.bucket)).Properties.CorsConfiguration;

    // Assess: without -c publicUrl the distribution's name would make a cycle (its CSP names the bucket)
    expect(cors).toEqual({
      CorsRules: [
        {
          AllowedOrigins: ['https://*.cloudfront.net'],
          AllowedMethods: ['POST'],
          AllowedHeaders: ['*'],
          MaxAge: 3000,
        },
      ],
    });
  });

  it('has every file under sketches/ scanned by GuardDuty Malware Protection, which tags it with the result', () => {
    // Prepare
    const { template, stack } = synthesized;
    const { attachments } = stack;
    const plan = resource(template, stack.getLogicalId(attachments.malwareProtection)) as Resource & {
      DependsOn?: string[];
    };
    const bucketArn = { 'Fn::GetAtt': [logicalId(attachments.bucket), 'Arn'] };

    // Act
    const statements = roleStatements(template, logicalId(attachments.scanRole));

    // Assess
    expect(plan.Properties).toEqual({
      Role: { 'Fn::GetAtt': [logicalId(attachments.scanRole), 'Arn'] },
      ProtectedResource: {
        S3Bucket: { BucketName: { Ref: logicalId(attachments.bucket) }, ObjectPrefixes: ['sketches/'] },
      },
      Actions: { Tagging: { Status: 'ENABLED' } },
    });
    // The role's policy exists before GuardDuty checks it at the plan's creation.
    expect(plan.DependsOn).toEqual(
      expect.arrayContaining(
        Object.keys(
          template.findResources('AWS::IAM::Policy', {
            Properties: { Roles: [{ Ref: logicalId(attachments.scanRole) }] },
          }),
        ),
      ),
    );
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { Service: 'malware-protection-plan.guardduty.amazonaws.com' },
          },
        ],
      },
    });
    // What GuardDuty documents for a protected bucket, object rights only on the scanned prefix.
    expect(
      statements
        .filter((statement) => actionsOf([statement]).some((action) => action.startsWith('s3:')))
        .map(({ Action, Resource }) => ({ Action, Resource })),
    ).toEqual([
      {
        Action: ['s3:GetObject', 's3:GetObjectTagging', 's3:GetObjectVersion', 's3:PutObjectTagging'],
        Resource: { 'Fn::Join': ['', [bucketArn, '/sketches/*']] },
      },
      {
        Action: ['s3:GetBucketNotification', 's3:ListBucket', 's3:PutBucketNotification'],
        Resource: bucketArn,
      },
      {
        Action: 's3:PutObject',
        Resource: { 'Fn::Join': ['', [bucketArn, '/malware-protection-resource-validation-object']] },
      },
    ]);
    expect(
      actionsOf(
        statements.filter((statement) => actionsOf([statement]).some((a) => a.startsWith('events:'))),
      ).sort(),
    ).toEqual(
      [
        'events:DeleteRule',
        'events:DescribeRule',
        'events:ListTargetsByRule',
        'events:PutRule',
        'events:PutTargets',
        'events:RemoveTargets',
      ].sort(),
    );
  });

  it('lets no one but GuardDuty read a file under sketches/ until it is tagged NO_THREATS_FOUND, nor tag one', () => {
    // Prepare
    const { template, stack } = synthesized;
    const { attachments } = stack;
    const bucketArn = { 'Fn::GetAtt': [logicalId(attachments.bucket), 'Arn'] };
    const scanRole = { 'Fn::GetAtt': [logicalId(attachments.scanRole), 'Arn'] };

    // Act
    const policy = Object.values(
      template.findResources('AWS::S3::BucketPolicy', {
        Properties: { Bucket: { Ref: logicalId(attachments.bucket) } },
      }),
    )[0] as { Properties: { PolicyDocument: { Statement: (Statement & { Sid?: string })[] } } };
    const bySid = (sid: string) => policy.Properties.PolicyDocument.Statement.find((s) => s.Sid === sid);

    // Assess
    expect(bySid('ReleaseOnlyFilesFoundClean')).toEqual({
      Sid: 'ReleaseOnlyFilesFoundClean',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: { 'Fn::Join': ['', [bucketArn, '/sketches/*']] },
      Condition: {
        StringNotEquals: {
          [`s3:ExistingObjectTag/${scanTag.key}`]: 'NO_THREATS_FOUND',
          'aws:PrincipalArn': scanRole,
        },
      },
    });
    expect(bySid('OnlyGuardDutyTags')).toEqual({
      Sid: 'OnlyGuardDutyTags',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: [
        's3:DeleteObjectTagging',
        's3:DeleteObjectVersionTagging',
        's3:PutObjectTagging',
        's3:PutObjectVersionTagging',
      ],
      Resource: { 'Fn::Join': ['', [bucketArn, '/*']] },
      Condition: { StringNotEquals: { 'aws:PrincipalArn': scanRole } },
    });
    // Every object any function may read for a download is under the scanned, gated prefix.
    for (const { id, fn, attachments: uses } of votumFunctions()) {
      if (!uses.has('read')) continue;
      const reads = roleStatements(template, logicalId(fn.role)).filter(
        (statement) =>
          actionsOf([statement]).includes('s3:GetObject') && !actionsOf([statement]).includes('s3:PutObject'),
      );
      expect(
        reads.map((statement) => statement.Resource),
        id,
      ).toEqual([{ 'Fn::Join': ['', [bucketArn, '/sketches/*']] }]);
    }
  });

  it('may be used only by the groups whose routes the route table marks, as far as they say', () => {
    // Prepare
    const { template, stack } = synthesized;
    const bucketArn = { 'Fn::GetAtt': [logicalId(stack.attachments.bucket), 'Arn'] };
    const objects = (prefix: string) => ({ 'Fn::Join': ['', [bucketArn, `/${prefix}*`]] });

    for (const { id, fn, attachments } of votumFunctions()) {
      // Act
      const s3Statements = roleStatements(template, logicalId(fn.role)).filter((statement) =>
        actionsOf([statement]).some((action) => action.startsWith('s3:')),
      );

      // Assess
      const expected = [
        ...(attachments.has('write')
          ? [
              {
                Effect: 'Allow',
                Action: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
                Resource: [objects('pending/'), objects('sketches/')],
              },
              { Effect: 'Allow', Action: 's3:ListBucket', Resource: bucketArn },
            ]
          : []),
        ...(attachments.has('read')
          ? [{ Effect: 'Allow', Action: 's3:GetObject', Resource: objects('sketches/') }]
          : []),
      ];
      expect(s3Statements, id).toEqual(expect.arrayContaining(expected));
      expect(s3Statements, id).toHaveLength(expected.length);
    }
    expect(Object.values(routes).filter((route) => 'attachments' in route).length).toBeGreaterThan(0);
  });
});

describe('the bundles', () => {
  const assetDir = (fnLogicalId: string) => {
    const { template, assembly } = synthesized;
    const code = resource(template, fnLogicalId).Properties.Code as { S3Key: string };
    return join(assembly.directory, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
  };

  it('are ESM with the createRequire banner, built from the entries of their group’s routes or their job', () => {
    // Prepare
    const functions = votumFunctions();

    for (const { entries, fn } of functions) {
      // Act
      const dir = assetDir(logicalId(fn.function));
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      const sourceMap = JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as { sources: string[] };

      // Assess
      expect(code.startsWith(bundling.banner)).toBe(true);
      // node:http only through the CommonJS shim (functions/platform/node-http.ts), never as ESM
      expect(code).not.toMatch(/from\s*["']node:http["']/);
      for (const entry of entries)
        expect(sourceMap.sources.some((source) => source.endsWith(entry))).toBe(true);
      expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    }
  });

  it("hold their own alliance's profile, checked at synth: no profile file, no seed quote, no profile check, the legal texts only with the profile route, the prose only with it, the submission and the dossier, the criteria only with it and the Votum", () => {
    // Prepare: the quotes of every profile's sources (documentation only, never deployed)
    // (each its longest stretch without quotation marks or backslashes, which the bundle escapes)
    const quotes = allianceIds.flatMap((id) =>
      (loadProfile(id).sources ?? []).flatMap((s) =>
        s.kind === 'seed' ? [s.quote.split(/["\\]/).sort((a, b) => b.length - a.length)[0] ?? ''] : [],
      ),
    );
    expect(quotes.length).toBeGreaterThan(10);
    const legalText = checkedProfile('leine-weser').legal.dataProtectionOfficer.email;
    // The prose (functions/alliances/prose.ts): a goal and the decision body's composition (each
    // its longest stretch of plain ASCII, as the seed quotes above)
    const { priorities, process } = checkedProfile('leine-weser');
    const proseTexts = [priorities[0]?.goals[0] ?? '', process.decisionBodyComposition].map(
      (text) => text.split(/[^\x20-\x7e]|["\\]/).sort((a, b) => b.length - a.length)[0] ?? '',
    );
    expect(proseTexts.every((text) => text.length > 15)).toBe(true);
    // The criteria (functions/alliances/criteria.ts): only the Votum's checklist and letter read them
    const criterionId = checkedProfile('leine-weser').criteria[0]?.id ?? '';
    const readingCriteria: string[] = [
      routes.getProfile.entry,
      routes.writeVotum.entry,
      jobs.renderDocuments.entry,
    ];
    expect(criterionId.length).toBeGreaterThan(5);
    const readingProse: string[] = [
      routes.getProfile.entry,
      routes.submitSketch.entry,
      routes.inviteToMeeting.entry,
    ];

    for (const { id, fn, entries } of votumFunctions()) {
      // Act
      const dir = assetDir(logicalId(fn.function));
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      const { sources } = JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as {
        sources: string[];
      };

      // Assess: the stack is leine-weser's; its profile is in the bundle as checked JSON
      expect(
        sources.filter((source) => /functions\/alliances\/[^/]+\.json$/.test(source)),
        id,
      ).toEqual([]);
      expect(
        quotes.filter((quote) => code.includes(quote)),
        id,
      ).toEqual([]);
      // parseProfile stays out (its message), and the schema with its catalogue (core/profile.de.ts)
      // too, but where the profile route's answer schema (the contract's, from the profile's) holds it
      expect(code, id).not.toContain('is invalid:');
      if (!entries.includes(routes.getProfile.entry))
        expect(
          sources.some((source) => source.endsWith('functions/core/profile.de.ts')),
          id,
        ).toBe(false);
      expect(code, id).toContain(loadProfile('leine-weser').office.referencePattern);
      // The legal pages' texts only where the profile route answers them (functions/alliances/legal.ts)
      expect(code.includes(legalText), id).toBe(entries.includes(routes.getProfile.entry));
      // The prose only where the profile route, the submission or the meeting's dossier reads it
      const withProse = entries.some((entry) => readingProse.includes(entry));
      for (const text of proseTexts) expect(code.includes(text), id).toBe(withProse);
      // The criteria only where the Votum or the profile route reads them
      expect(code.includes(`"${criterionId}"`) || code.includes(`\\"${criterionId}\\"`), id).toBe(
        entries.some((entry) => readingCriteria.includes(entry)),
      );
    }
  });

  it("serve their profile's values: the profile route answers what it answers from source", async () => {
    // Prepare
    const serving = votumFunctions().find(({ entries }) => entries.includes(routes.getProfile.entry));
    if (!serving) throw new Error('no function serves getProfile');
    const env = {
      PATH: process.env.PATH,
      TABLE_NAME: 'votum-test',
      ALLIANCE: 'leine-weser',
      PUBLIC_URL: 'https://votum.example.org',
      SIGNING_SECRET: 's'.repeat(32),
      ATTACHMENTS_BUCKET: 'votum-test-attachments',
      AWS_REGION: 'eu-central-1',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    };
    const event = {
      version: '2.0',
      routeKey: routeKey(routes.getProfile),
      rawPath: routes.getProfile.path,
      rawQueryString: '',
      headers: {},
      requestContext: { http: { method: 'GET', path: routes.getProfile.path } },
      isBase64Encoded: false,
    };
    const probe = [
      'const m = await import(process.argv[1]);',
      'const context = { functionName: "probe", awsRequestId: "probe", getRemainingTimeInMillis: () => 1000 };',
      'const answer = await m.handler(JSON.parse(process.argv[2]), context);',
      'process.stdout.write("\\n@@answer " + JSON.stringify(answer));',
    ].join(' ');

    // Act
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        probe,
        join(assetDir(logicalId(serving.fn.function)), 'index.mjs'),
        JSON.stringify(event),
      ],
      { env },
    );
    const answer = JSON.parse(stdout.split('\n@@answer ')[1] ?? '{}') as { statusCode: number; body: string };

    // Assess
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toEqual(publicProfile(checkedProfile('leine-weser')));
  });

  it('hold the PDF library only in the job that renders documents', () => {
    // Prepare
    const functions = votumFunctions();

    // Act
    const withPdfKit = functions.filter(({ fn }) => {
      const { sources } = JSON.parse(
        readFileSync(join(assetDir(logicalId(fn.function)), 'index.mjs.map'), 'utf8'),
      ) as { sources: string[] };
      return sources.some((source) => source.includes('node_modules/pdfkit/'));
    });

    // Assess
    expect(withPdfKit.map(({ entries }) => entries)).toEqual([[jobs.renderDocuments.entry]]);
  });

  it('load on Node 24 and export a handler', async () => {
    // Prepare
    const env = {
      PATH: process.env.PATH,
      TABLE_NAME: 'votum-test',
      ALLIANCE: 'leine-weser',
      PUBLIC_URL: 'https://votum.example.org',
      SIGNING_SECRET_ARN: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:votum-test',
      SES_CONFIGURATION_SET: 'votum-test',
      ATTACHMENTS_BUCKET: 'votum-test-attachments',
      AWS_REGION: 'eu-central-1',
    };
    const probe =
      'const m = await import(process.argv[1]); process.stdout.write(typeof m.handler + " " + process.version);';

    // Act
    const results = await Promise.all(
      votumFunctions().map(({ fn }) =>
        run(
          process.execPath,
          ['--input-type=module', '-e', probe, join(assetDir(logicalId(fn.function)), 'index.mjs')],
          {
            env,
          },
        ),
      ),
    );

    // Assess
    for (const { stdout } of results) expect(stdout).toMatch(/^function v24\./);
  });
});

describe('the HTTP API', () => {
  it('has one route per route-table entry, with its method and path, sent to its group’s function', () => {
    // Prepare
    const { template, stack } = synthesized;
    const apiRoutes = template.findResources('AWS::ApiGatewayV2::Route') as Record<
      string,
      { Properties: { RouteKey: string; Target: { 'Fn::Join': [string, [string, { Ref: string }]] } } }
    >;

    // Act
    const targets = new Map(
      Object.values(apiRoutes).map((apiRoute) => {
        const integration = resource(template, apiRoute.Properties.Target['Fn::Join'][1][1].Ref);
        return [apiRoute.Properties.RouteKey, integration.Properties.IntegrationUri] as const;
      }),
    );

    // Assess
    expect(targets.size).toBe(routeEntries.length);
    expect(Object.keys(apiRoutes)).toHaveLength(routeEntries.length);
    for (const [id, route] of routeEntries) {
      const fn = stack.groupFunctions[route.group];
      expect(targets.get(routeKey(route)), `${id}: ${routeKey(route)}`).toEqual({
        'Fn::GetAtt': [logicalId(fn.function), 'Arn'],
      });
    }
  });

  it('throttles the default stage and writes access logs (without IPs) to a log group', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const stages = template.findResources('AWS::ApiGatewayV2::Stage');

    // Assess
    expect(Object.keys(stages)).toHaveLength(1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      ApiId: { Ref: logicalId(stack.httpApi) },
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: apiThrottle.rateLimit,
        ThrottlingBurstLimit: apiThrottle.burstLimit,
      },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
    });
    const format = JSON.stringify(stages);
    expect(format).not.toContain('sourceIp');
    expect(format).not.toContain('userAgent');
  });
});

describe('the jobs', () => {
  it('each run on an EventBridge Scheduler schedule with a dead-letter queue', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const schedules = template.findResources('AWS::Scheduler::Schedule');

    // Assess
    expect(Object.keys(schedules)).toHaveLength(jobEntries.length);
    for (const [id, job] of jobEntries) {
      const fn = stack.jobFunctions[id as keyof typeof stack.jobFunctions];
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: job.schedule,
        State: 'ENABLED',
        Target: {
          Arn: { 'Fn::GetAtt': [logicalId(fn.function), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(stack.deadLetterQueue), 'Arn'] } },
        },
      });
    }
  });

  it("that wake on inserts are woken by the table's stream, filtered to those items, failures dead-lettered", () => {
    // Prepare
    const { template, stack } = synthesized;
    const woken = jobEntries.filter(([, job]) => 'wakeOnInsertOf' in job);

    // Act
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'));

    // Assess: the table streams keys only; each such job has one mapping, the others none
    expect(woken.map(([id]) => id)).toEqual(['renderDocuments']);
    expect(resource(template, logicalId(stack.table)).Properties.StreamSpecification).toEqual({
      StreamViewType: 'KEYS_ONLY',
    });
    expect(mappings).toHaveLength(woken.length);
    for (const [id, job] of woken) {
      const fn = stack.jobFunctions[id as JobId];
      const prefix = (job as { wakeOnInsertOf: string }).wakeOnInsertOf;
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: logicalId(fn.function) },
        EventSourceArn: { 'Fn::GetAtt': [logicalId(stack.table), 'StreamArn'] },
        StartingPosition: 'LATEST',
        FilterCriteria: {
          Filters: [
            {
              Pattern: JSON.stringify({
                eventName: ['INSERT'],
                dynamodb: { Keys: { pk: { S: [{ prefix }] } } },
              }),
            },
          ],
        },
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(stack.deadLetterQueue), 'Arn'] } },
        },
      });
    }
  });

  it('have an encrypted dead-letter queue that refuses plain HTTP', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const queue = resource(template, logicalId(stack.deadLetterQueue));

    // Assess
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: logicalId(stack.deadLetterQueue) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('the signing secret and mail', () => {
  it('generates a 64-character signing secret and a 48-character edge secret in Secrets Manager', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const secrets = template.findResources('AWS::SecretsManager::Secret');

    // Assess
    expect(Object.keys(secrets).sort()).toEqual(
      [logicalId(stack.edgeSecret), logicalId(stack.signingSecret)].sort(),
    );
    expect(resource(template, logicalId(stack.signingSecret)).Properties.GenerateSecretString).toEqual({
      PasswordLength: 64,
      ExcludePunctuation: true,
    });
    expect(resource(template, logicalId(stack.edgeSecret)).Properties.GenerateSecretString).toEqual({
      PasswordLength: 48,
      ExcludePunctuation: true,
    });
  });

  it('has an SES identity for the domain of the profile’s sender, with a configuration set requiring TLS', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const identities = template.findResources('AWS::SES::EmailIdentity');

    // Assess
    expect(Object.keys(identities)).toHaveLength(1);
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'arl-lw.example.org',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: logicalId(stack.mail.configurationSet) } },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
  });
});

/**
 * The CloudFront Function the default behaviour runs on `eventType`: its logical id, and its code
 * run as CloudFront runs it for that event.
 */
function edgeFunctionOf(
  template: Template,
  eventType: 'viewer-request' | 'viewer-response',
): { id: string; run: (event: object) => unknown } {
  const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0] as {
    Properties: {
      DistributionConfig: {
        DefaultCacheBehavior: {
          FunctionAssociations: { EventType: string; FunctionARN: { 'Fn::GetAtt': [string, string] } }[];
        };
      };
    };
  };
  const association =
    distribution.Properties.DistributionConfig.DefaultCacheBehavior.FunctionAssociations.find(
      (a) => a.EventType === eventType,
    );
  const id = association?.FunctionARN['Fn::GetAtt'][0] ?? '';
  const code = (resource(template, id).Properties as { FunctionCode: string }).FunctionCode;
  const handler = runInNewContext(`${code}; handler`) as (event: object) => unknown;
  return { id, run: (event) => handler({ context: { eventType }, ...event }) };
}

describe('the web front end', () => {
  it('is served by CloudFront from a private bucket, with /api/* sent to the HTTP API uncached', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const distribution = resource(template, logicalId(stack.web.distribution)).Properties
      .DistributionConfig as {
      CacheBehaviors: Record<string, unknown>[];
      Origins: { Id: string; DomainName: unknown; OriginAccessControlId?: unknown }[];
      DefaultCacheBehavior: { TargetOriginId: string };
    };

    // Assess
    expect(distribution).toMatchObject({ DefaultRootObject: 'index.html', Enabled: true });
    expect(distribution.CacheBehaviors).toHaveLength(1);
    const api = distribution.CacheBehaviors[0];
    expect(api).toMatchObject({
      PathPattern: '/api/*',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      ViewerProtocolPolicy: 'https-only',
    });
    const apiOrigin = distribution.Origins.find((origin) => origin.Id === api?.TargetOriginId);
    expect(JSON.stringify(apiOrigin?.DomainName)).toContain(
      `"Fn::GetAtt":["${logicalId(stack.httpApi)}","ApiEndpoint"]`,
    );
    const siteOrigin = distribution.Origins.find(
      (origin) => origin.Id === distribution.DefaultCacheBehavior.TargetOriginId,
    );
    expect(siteOrigin?.OriginAccessControlId).toBeDefined();
    expect(JSON.stringify(siteOrigin?.DomainName)).toContain(logicalId(stack.web.bucket));
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalId(stack.web.logBucket) } },
    });
  });

  it('sends the local server’s CSP (with the bucket’s upload origin), HSTS, nosniff, DENY and same-origin referrer on pages and /api/*', async () => {
    // Prepare
    const { template, stack } = synthesized;
    const bucket = 'votum-attachments-example';
    const region = 'eu-central-1';
    // What the function's SDK answers as the upload address, for a bucket and region of our choosing.
    const { url } = await createPresignedPost(
      new S3Client({ region, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' } }),
      { Bucket: bucket, Key: 'pending/s/a' },
    );
    const values: Record<string, string> = {
      [logicalId(stack.attachments.bucket)]: bucket,
      'AWS::Region': region,
      'AWS::URLSuffix': 'amazonaws.com',
    };

    // Act
    const policyId = logicalId(stack.web.headersPolicy);
    const config = (
      resource(template, policyId).Properties.ResponseHeadersPolicyConfig as {
        SecurityHeadersConfig: Record<string, Record<string, unknown>>;
      }
    ).SecurityHeadersConfig;
    const csp = renderJoin(config.ContentSecurityPolicy?.ContentSecurityPolicy, values);
    const distribution = resource(template, logicalId(stack.web.distribution)).Properties
      .DistributionConfig as {
      DefaultCacheBehavior: { ResponseHeadersPolicyId: unknown };
      CacheBehaviors: { ResponseHeadersPolicyId: unknown }[];
    };

    // Assess
    expect(csp).toBe(staticHeaders(new URL(url).origin)['content-security-policy']);
    // ASVS 5.0 3.4.3 (object-src and base-uri 'none') and 3.4.6 (frame-ancestors)
    for (const directive of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "script-src 'self';",
    ])
      expect(csp).toContain(directive);
    expect(config).toEqual({
      ContentSecurityPolicy: { ContentSecurityPolicy: expect.anything(), Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'same-origin', Override: true },
    });
    for (const behavior of [distribution.DefaultCacheBehavior, ...distribution.CacheBehaviors])
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });

  it('sends the edge secret (resolved at deploy time) in its own header to the API origin only', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const distribution = resource(template, logicalId(stack.web.distribution)).Properties
      .DistributionConfig as {
      Origins: { Id: string; CustomOriginConfig?: unknown; OriginCustomHeaders?: unknown }[];
      CacheBehaviors: { TargetOriginId: string }[];
    };
    const apiOriginId = distribution.CacheBehaviors[0]?.TargetOriginId;

    // Assess
    for (const origin of distribution.Origins) {
      expect(origin.OriginCustomHeaders, origin.Id).toEqual(
        origin.Id === apiOriginId
          ? [
              {
                HeaderName: edgeHeader,
                HeaderValue: {
                  'Fn::Join': [
                    '',
                    ['{{resolve:secretsmanager:', { Ref: logicalId(stack.edgeSecret) }, ':SecretString:::}}'],
                  ],
                },
              },
            ]
          : undefined,
      );
    }
  });

  it('holds no reference cycle (CloudFormation refuses one)', () => {
    // Prepare
    const resources = synthesized.template.toJSON().Resources as Record<
      string,
      { Properties?: unknown; DependsOn?: string | string[] }
    >;

    const knot = {
      A: { Properties: { Target: { 'Fn::GetAtt': ['B', 'Arn'] } } },
      B: { Properties: { Names: [{ 'Fn::Join': ['', ['x', { Ref: 'A' }]] }] } },
    };

    // Act
    const cycle = findCycle(resources);

    // Assess (and the check finds a cycle where there is one)
    expect(cycle).toEqual([]);
    expect(findCycle(knot)).toEqual(['A', 'B', 'A']);
  });

  it('rewrites extension-less paths to /index.html on the default behaviour only', () => {
    // Prepare
    const { template, stack } = synthesized;
    const { id, run } = edgeFunctionOf(template, 'viewer-request');
    const rewrite = (uri: string) => (run({ request: { uri } }) as { uri: string }).uri;

    // Act
    const rewritten = [
      '/',
      '/skizzen/abc-123',
      '/admin/skizzen',
      '/assets/index-1a2b3c.js',
      '/favicon.ico',
      '/openapi.json',
    ].map(rewrite);

    // Assess
    expect(rewritten).toEqual([
      '/index.html',
      '/index.html',
      '/index.html',
      '/assets/index-1a2b3c.js',
      '/favicon.ico',
      '/openapi.json',
    ]);
    const distribution = JSON.stringify(resource(template, logicalId(stack.web.distribution)));
    // One function, on the request and on the answer (the preload, tested below)
    expect(distribution.match(new RegExp(`"${id}"`, 'g'))).toHaveLength(2);
    expect(distribution).not.toContain('CustomErrorResponses');
  });

  it('preloads the sketch form’s sketch from its page’s answer (a Link header), as the local servers do', () => {
    // Prepare
    const { template, stack } = synthesized;
    const { id, run } = edgeFunctionOf(template, 'viewer-response');
    const link = (uri: string) =>
      (run({ request: { uri }, response: { headers: {} } }) as { headers: Record<string, { value: string }> })
        .headers.link?.value;
    const sketchId = 'b212fd33-1b9a-4903-b54c-a6f76e9a8f16';

    // Act
    const links = [
      `/skizzen/${sketchId}/bearbeiten`,
      `/skizzen/${sketchId}/bearbeiten/`,
      `/skizzen/${sketchId}`,
      `/skizzen/a%0d%0aset-cookie:x/bearbeiten`,
      '/assets/index-1a2b3c.js',
    ].map(link);

    // Assess: the getSketch address from the route table, only on the form's page, never a header
    // made of what the address holds beyond an id
    const address = routes.getSketch.path.replace('{id}', sketchId);
    expect(links).toEqual([
      `<${address}>; rel=preload; as=fetch; crossorigin`,
      `<${address}>; rel=preload; as=fetch; crossorigin`,
      undefined,
      undefined,
      undefined,
    ]);
    expect(pagePreload(`/skizzen/${sketchId}/bearbeiten`)).toBe(links[0]);
    const distribution = resource(template, logicalId(stack.web.distribution)).Properties
      .DistributionConfig as { DefaultCacheBehavior: { FunctionAssociations: unknown[] } };
    expect(distribution.DefaultCacheBehavior.FunctionAssociations).toContainEqual({
      EventType: 'viewer-response',
      FunctionARN: { 'Fn::GetAtt': [id, 'FunctionARN'] },
    });
  });

  it('copies the built front end into the bucket and invalidates the distribution', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const deployments = template.findResources('Custom::CDKBucketDeployment');

    // Assess
    expect(Object.keys(deployments)).toHaveLength(1);
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: logicalId(stack.web.bucket) },
      DistributionId: { Ref: logicalId(stack.web.distribution) },
    });
  });
});

describe('the edge stack (us-east-1)', () => {
  const edge = () => {
    const found = synthesized.app.node.children.find((child) => child instanceof EdgeStack);
    if (!found) throw new Error('no edge stack in the app');
    return found as EdgeStack;
  };

  it('is bound to us-east-1, the only region a CLOUDFRONT web ACL can be made in, and puts out its ARN', () => {
    // Prepare
    const stack = edge();

    // Act
    const template = Template.fromStack(stack);

    // Assess
    expect(stack.region).toBe('us-east-1');
    expect(stack.stackName).toBe(`${synthesized.stack.stackName}-Edge`);
    expect(Object.keys(template.findResources('AWS::WAFv2::WebACL'))).toHaveLength(1);
    template.hasOutput('WebAclArn', { Value: { 'Fn::GetAtt': [stack.getLogicalId(stack.webAcl), 'Arn'] } });
  });

  it('blocks a burst from one IP with 429, sign-ins sooner, then applies the common and known-bad-inputs rule sets', () => {
    // Prepare
    const template = Template.fromStack(edge());

    // Act
    const acl = Object.values(template.findResources('AWS::WAFv2::WebACL'))[0]?.Properties as {
      Scope: string;
      DefaultAction: unknown;
      Rules: {
        Name: string;
        Priority: number;
        Action?: unknown;
        OverrideAction?: unknown;
        Statement: unknown;
      }[];
    };

    // Assess
    expect(acl.Scope).toBe('CLOUDFRONT');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    expect(acl.Rules.map((rule) => [rule.Priority, rule.Name])).toEqual([
      [0, 'RequestsPerIp'],
      [1, 'SignInsPerIp'],
      [2, 'AWSManagedRulesCommonRuleSet'],
      [3, 'AWSManagedRulesKnownBadInputsRuleSet'],
    ]);
    const [perIp, signIns, common, badInputs] = acl.Rules;
    const tooMany = { Block: { CustomResponse: { ResponseCode: 429 } } };
    expect(perIp).toMatchObject({
      Action: tooMany,
      Statement: {
        RateBasedStatement: { Limit: requestsPerIp, EvaluationWindowSec: 300, AggregateKeyType: 'IP' },
      },
    });
    expect(signIns).toMatchObject({
      Action: tooMany,
      Statement: {
        RateBasedStatement: { Limit: signInsPerIp, EvaluationWindowSec: 300, AggregateKeyType: 'IP' },
      },
    });
    const scope = JSON.stringify(signIns?.Statement);
    expect(scope).toContain('"SearchString":"POST"');
    expect(scope).toContain(`"SearchString":"${signInPathPrefix}"`);
    expect(routes.requestLink.path.startsWith(signInPathPrefix)).toBe(true);
    expect(routes.redeemLink.path.startsWith(signInPathPrefix)).toBe(true);
    expect(common).toMatchObject({
      OverrideAction: { None: {} },
      Statement: {
        ManagedRuleGroupStatement: {
          VendorName: 'AWS',
          Name: 'AWSManagedRulesCommonRuleSet',
          // Sketch drafts are larger than the set's 8 KB body limit: that one rule only counts.
          RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
        },
      },
    });
    expect(badInputs).toMatchObject({
      OverrideAction: { None: {} },
      Statement: {
        ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' },
      },
    });
    expect(JSON.stringify(badInputs)).not.toContain('RuleActionOverrides');
  });
});

describe('the alarms', () => {
  it('are a few child alarms without actions under composite alarms that notify the stack’s topic', () => {
    // Prepare
    const { template, stack } = synthesized;
    const topic = { Ref: logicalId(stack.alarmTopic.topic) };

    // Act
    const children = Object.values(
      template.findResources('AWS::CloudWatch::Alarm') as Record<
        string,
        {
          Properties: { MetricName: string; Namespace: string; AlarmActions?: unknown; Dimensions?: unknown };
        }
      >,
    ).map((alarm) => alarm.Properties);
    const composites = Object.values(
      template.findResources('AWS::CloudWatch::CompositeAlarm') as Record<
        string,
        { Properties: { AlarmActions: unknown[]; OKActions: unknown[]; AlarmRule: unknown } }
      >,
    ).map((alarm) => alarm.Properties);

    // Assess: one alarm per kind of trouble, none per function; only the composites notify
    expect(children.length).toBeLessThanOrEqual(12);
    for (const child of children) expect(child.AlarmActions).toBeUndefined();
    const watched = children.map((alarm) => `${alarm.Namespace} ${alarm.MetricName}`);
    expect(watched).toEqual(
      expect.arrayContaining([
        'AWS/Lambda Errors',
        'AWS/Lambda Throttles',
        'AWS/ApiGateway 5xx',
        'AWS/SQS ApproximateNumberOfMessagesVisible',
        'AWS/SES Reputation.BounceRate',
        'AWS/SES Reputation.ComplaintRate',
        'votum/leine-weser OutboxAgeMinutes',
        'votum/leine-weser JobGaveUpItems',
        'votum/leine-weser SignInFailures',
      ]),
    );
    const lambdaAlarms = children.filter((alarm) => alarm.Namespace === 'AWS/Lambda');
    for (const alarm of lambdaAlarms) expect(alarm.Dimensions).toBeUndefined();
    const queues = children
      .filter((alarm) => alarm.Namespace === 'AWS/SQS')
      .map((alarm) => JSON.stringify(alarm.Dimensions));
    expect(queues.sort()).toEqual(
      [stack.deadLetterQueue, stack.jobFailureQueue]
        .map((queue) =>
          JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(queue), 'QueueName'] } }]),
        )
        .sort(),
    );
    expect(composites).toHaveLength(3);
    for (const composite of composites) {
      expect(composite.AlarmActions).toEqual([topic]);
      expect(composite.OKActions).toEqual([topic]);
    }
    const rules = JSON.stringify(composites.map((composite) => composite.AlarmRule));
    for (const child of stack.alarms.children) expect(rules).toContain(logicalId(child));
  });

  it('come with a dashboard, a monthly budget that warns the topic, and the topic is TLS only', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const budget = Object.values(template.findResources('AWS::Budgets::Budget'))[0] as Resource | undefined;
    const topicPolicy = JSON.stringify(template.findResources('AWS::SNS::TopicPolicy'));

    // Assess
    expect(Object.keys(template.findResources('AWS::CloudWatch::Dashboard'))).toHaveLength(1);
    expect(budget?.Properties).toMatchObject({
      Budget: { BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: 30, Unit: 'USD' } },
      NotificationsWithSubscribers: [
        {
          Notification: { NotificationType: 'ACTUAL', Threshold: 80 },
          Subscribers: [{ SubscriptionType: 'SNS', Address: { Ref: logicalId(stack.alarmTopic.topic) } }],
        },
        {
          Notification: { NotificationType: 'FORECASTED', Threshold: 100 },
          Subscribers: [{ SubscriptionType: 'SNS', Address: { Ref: logicalId(stack.alarmTopic.topic) } }],
        },
      ],
    });
    expect(topicPolicy).toContain('budgets.amazonaws.com');
    expect(topicPolicy).toContain('aws:SecureTransport');
  });
});

describe('jobs that fail', () => {
  it('land, after Lambda’s retries, in the job failures queue, which alarms', () => {
    // Prepare
    const { template, stack } = synthesized;
    const queueArn = { 'Fn::GetAtt': [logicalId(stack.jobFailureQueue), 'Arn'] };
    const functions = [...Object.values(stack.jobFunctions), stack.mailFeedbackFunction];

    // Act
    const configs = Object.values(template.findResources('AWS::Lambda::EventInvokeConfig')) as Resource[];

    // Assess
    expect(configs).toHaveLength(functions.length);
    for (const fn of functions)
      expect(configs.map((c) => c.Properties)).toContainEqual(
        expect.objectContaining({
          FunctionName: { Ref: logicalId(fn.function) },
          MaximumRetryAttempts: 2,
          DestinationConfig: { OnFailure: { Destination: queueArn } },
        }),
      );
    expect(resource(template, logicalId(stack.jobFailureQueue)).Properties).toMatchObject({
      SqsManagedSseEnabled: true,
    });
  });
});

describe('the table’s backups', () => {
  it('are taken daily by AWS Backup and kept 35 days', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const plan = Object.values(template.findResources('AWS::Backup::BackupPlan'))[0] as Resource;
    const selection = Object.values(template.findResources('AWS::Backup::BackupSelection'))[0] as Resource;

    // Assess
    expect(plan.Properties).toMatchObject({
      BackupPlan: {
        BackupPlanRule: [
          {
            RuleName: 'Daily',
            ScheduleExpression: 'cron(0 3 * * ? *)',
            Lifecycle: { DeleteAfterDays: backupRetentionDays },
          },
        ],
      },
    });
    expect(backupRetentionDays).toBe(35);
    expect(JSON.stringify(selection.Properties)).toContain(
      JSON.stringify({ 'Fn::GetAtt': [logicalId(stack.table), 'Arn'] }),
    );
  });
});

describe('mail that arrives', () => {
  it('is sent from an identity with Easy DKIM and a custom MAIL FROM domain, its DNS records as outputs', () => {
    // Prepare
    const { template } = synthesized;

    // Act
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    const names = Object.keys(outputs);

    // Assess
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'arl-lw.example.org',
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      MailFromAttributes: {
        MailFromDomain: 'bounce.arl-lw.example.org',
        BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
      },
    });
    expect(names.filter((name) => /^MailDkimRecord\d/.test(name))).toHaveLength(3);
    const value = (part: string) => outputs[names.find((name) => name.includes(part)) ?? '']?.Value;
    expect(value('MailFromMxRecord')).toBe(
      'bounce.arl-lw.example.org MX 10 feedback-smtp.eu-central-1.amazonses.com',
    );
    expect(value('MailFromSpfRecord')).toBe(
      'bounce.arl-lw.example.org TXT "v=spf1 include:amazonses.com ~all"',
    );
    expect(String(value('DmarcRecord'))).toMatch(/^_dmarc\.arl-lw\.example\.org TXT "v=DMARC1; p=none/);
  });

  it('reports bounces and complaints to an encrypted topic that the mail feedback function reads', () => {
    // Prepare
    const { template, stack } = synthesized;
    const topic = { Ref: logicalId(stack.mail.feedbackTopic) };

    // Act
    const destinations = Object.values(
      template.findResources('AWS::SES::ConfigurationSetEventDestination'),
    ).map((d) => (d as Resource).Properties.EventDestination as Record<string, unknown>);
    const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription')).map(
      (d) => (d as Resource).Properties,
    );

    // Assess
    expect(destinations).toContainEqual(
      expect.objectContaining({
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: { TopicARN: topic },
      }),
    );
    expect(resource(template, logicalId(stack.mail.feedbackTopic)).Properties).toHaveProperty(
      'KmsMasterKeyId',
    );
    expect(subscriptions).toContainEqual({
      Protocol: 'lambda',
      TopicArn: topic,
      Endpoint: { 'Fn::GetAtt': [logicalId(stack.mailFeedbackFunction.function), 'Arn'] },
    });
  });
});

describe('the stack’s place', () => {
  it('is eu-central-1, whatever the CLI’s region: personal data stays in the EU', () => {
    // Prepare
    const { stack, assembly } = synthesized;

    // Act
    const artifact = assembly.getStackByName(stack.stackName);

    // Assess
    expect(stack.region).toBe('eu-central-1');
    expect(artifact.environment.region).toBe('eu-central-1');
  });
});

describe('the demo seats', () => {
  it('never reach a deployment: no bundle holds them, nothing in infra/aws reads them', () => {
    // Prepare
    const { assembly } = synthesized;
    const seats = JSON.parse(
      readFileSync(join(projectRoot, 'infra/local/demo-seats.leine-weser.json'), 'utf8'),
    ) as { members?: { email: string }[]; holder?: { email: string } }[];
    const addresses = [...JSON.stringify(seats).matchAll(/[\w.+-]+@[\w.-]+/g)].map((m) => m[0]);
    const bundles = readdirSync(assembly.directory)
      .filter((name) => name.startsWith('asset.') && existsSync(join(assembly.directory, name, 'index.mjs')))
      .map((name) => readFileSync(join(assembly.directory, name, 'index.mjs'), 'utf8'));
    const infra = sourceFiles(join(projectRoot, 'infra/aws')).map((file) => readFileSync(file, 'utf8'));

    // Act
    const leaked = addresses.filter((address) => bundles.some((bundle) => bundle.includes(address)));

    // Assess
    expect(addresses.length).toBeGreaterThan(10);
    expect(bundles.length).toBeGreaterThan(5);
    expect(leaked).toEqual([]);
    for (const text of infra) expect(text).not.toContain('demo-seats');
  });
});

describe('the security log', () => {
  it('counts failed sign-ins from the public group’s log and alarms on a burst of them', () => {
    // Prepare
    const { template, stack } = synthesized;

    // Act
    const filters = Object.values(
      template.findResources('AWS::Logs::MetricFilter', {
        Properties: { MetricTransformations: [{ MetricName: 'SignInFailures' }] },
      }),
    ) as {
      Properties: {
        LogGroupName: unknown;
        FilterPattern: string;
        MetricTransformations: Record<string, unknown>[];
      };
    }[];
    const alarm = Object.values(
      template.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: 'SignInFailures' } }),
    ) as { Properties: Record<string, unknown> }[];

    // Assess
    expect(filters).toHaveLength(1);
    expect(filters[0]?.Properties).toEqual({
      LogGroupName: { Ref: logicalId(stack.groupFunctions.public.logGroup) },
      FilterPattern: `{ $.${signInFailure.field} = "${signInFailure.value}" }`,
      MetricTransformations: [
        { MetricNamespace: 'votum/leine-weser', MetricName: 'SignInFailures', MetricValue: '1' },
      ],
    });
    expect(alarm).toHaveLength(1);
    expect(alarm[0]?.Properties).toMatchObject({
      Namespace: 'votum/leine-weser',
      Statistic: 'Sum',
      Period: 300,
      Threshold: signInFailureBurst,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('finds the field where the functions’ logger writes it: a top-level key of the JSON line', async () => {
    // Prepare: the functions' logger, in a process of its own as in Lambda
    const script = [
      `import { logger } from ${JSON.stringify(join(projectRoot, 'functions/platform/logger.ts'))};`,
      `logger.warn('sign-in failed', { ${signInFailure.field}: ${JSON.stringify(signInFailure.value)} });`,
    ].join('\n');

    // Act
    const { stdout, stderr } = await run(join(projectRoot, 'node_modules/.bin/tsx'), ['--eval', script], {
      cwd: projectRoot,
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'INFO' },
    });

    // Assess (warnings go to stderr; Lambda sends both streams to the log group)
    const logged = `${stdout}\n${stderr}`
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toEqual([expect.objectContaining({ [signInFailure.field]: signInFailure.value })]);
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('ran during the synthesis, on this app, and reported no finding that is not acknowledged', () => {
    // Prepare
    const { nagRuns, app, assembly } = synthesized;

    // Act
    const violations = nagRuns.flatMap(({ report }) => report.violations);
    const written = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string }[];
    };

    // Assess
    expect(nagRuns).toHaveLength(1);
    expect(nagRuns[0]?.context.appConstruct).toBe(app);
    expect(nagRuns[0]?.report.success).toBe(true);
    expect(violations.map((violation) => `${violation.ruleName} ${violation.severity}`)).toEqual([]);
    expect(written.pluginReports.filter((report) => report.pluginName === 'AwsSolutions')).toEqual([]);
  });

  it('acknowledges only the expected rules, each with its reason', () => {
    // Prepare
    const { app } = synthesized;
    const expected = ['APIG4', 'CFR1', 'CFR2', 'CFR4', 'IAM4', 'IAM5', 'L1', 'S1', 'SMG4', 'SNS2', 'SQS3'];

    // Act
    const acknowledged = app.node
      .findAll()
      .flatMap((construct) =>
        construct.node.metadata.filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY),
      )
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>));

    // Assess
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledged) {
      expect(id).toMatch(/^(annotation::)?AwsSolutions-/i);
      expect(expected).toContain(id.replace(/^(annotation::)?AwsSolutions-/i, '').replace(/\[.*$/, ''));
      expect(reason.length, id).toBeGreaterThan(40);
    }
  });

  it('fails the synthesis of an app wired the same way when a finding is not acknowledged', () => {
    // Prepare
    const app = new App({ context: cdkJsonContext(), outdir: join(synthesized.assembly.directory, 'probe') });
    const stack = new Stack(app, 'Probe');
    new Queue(stack, 'PlainQueue', { encryption: QueueEncryption.UNENCRYPTED });
    addNagChecks(app);

    // Act
    const synth = () => app.synth();

    // Assess
    expect(synth).toThrow(/AwsSolutions-SQS/);
  });
});
