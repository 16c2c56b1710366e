import { relative } from 'node:path';
import {
  CfnOutput,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  type StackProps,
  TimeZone,
  Validations,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { BackupPlan, BackupPlanRule, BackupResource } from 'aws-cdk-lib/aws-backup';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import {
  type Alarm,
  AlarmRule,
  AlarmState,
  AlarmStatusWidget,
  ComparisonOperator,
  CompositeAlarm,
  Dashboard,
  GraphWidget,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, BillingMode, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule as EventSchedule } from 'aws-cdk-lib/aws-events';
import { type IGrantable, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { FilterPattern, type IFilterPattern, LogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { type GroupId, groupIds, groups } from '../../functions/core/contract/groups.ts';
import { type Route, routes } from '../../functions/core/contract/index.ts';
import { edgeHeader } from '../../functions/http/edge.ts';
import { type JobId, jobLogFields, jobs, mailFeedback } from '../../functions/jobs/jobs.ts';
import * as keys from '../../functions/store/keys.ts';
import { tableDefinition } from '../../functions/store/table.ts';
import { AlarmTopic } from './alarm-topic.ts';
import { Attachments } from './attachments.ts';
import { logRetention, VotumFunction } from './functions.ts';
import { routesOf, writeGroupEntry } from './group-entry.ts';
import { Mail } from './mail.ts';
import { attributeRef } from './nag.ts';
import { type DeploymentSettings, projectRoot } from './settings.ts';
import { apiThrottle } from './throttle.ts';
import { Web } from './web.ts';

/** Requests per second the API takes on average, and in a burst: see throttle.ts. */
export { apiThrottle } from './throttle.ts';

/**
 * The security log's line for a failed sign-in (functions/http: a structured field of the public
 * group's log), and how many of them within five minutes raise the alarm: a portal of a few dozen
 * people sees a mistyped or expired link now and then, not ten in five minutes.
 */
export const signInFailure = { field: 'security', value: 'sign_in_failed' } as const;
export const signInFailureBurst = 10;

/** Minutes a mail may wait unsent in the outbox before the alarm (the job retries within the hour). */
export const outboxAgeAlarmMinutes = 30;
/** The account's bounce and complaint rates that alarm: half of where SES starts a review. */
export const mailRateLimits = { bounceRate: 0.025, complaintRate: 0.0005 };
/** How long the daily backups of the table are kept. */
export const backupRetentionDays = 35;

const jobGaveUpField = jobLogFields.gaveUp;
const outboxAgeField = jobLogFields.outboxAgeMinutes;

/** Reading the table's items and indexes (never a scan). */
const tableReadActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];

/**
 * Writing items: what the store does in its transactions and single writes (no batch writes;
 * test/infra derives this list from the commands the code under functions/ sends).
 */
const tableWriteActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
];

/**
 * What a function may do with the table: `write` for groups with a changing route and for jobs;
 * `read` for groups whose routes only read, which may still push their caller's session forward
 * (the idle timeout), and nothing else: UpdateItem only on `SESSION#` keys.
 */
export type TableUse = 'read' | 'write';

/** The partition key prefix of sessions (functions/store/keys.ts). */
const sessionKeyPrefix = keys.session('').pk;

export interface VotumStackProps extends StackProps {
  settings: DeploymentSettings;
}

/**
 * Scheduler's LambdaInvoke target writes a role (one per target function) that may invoke the
 * function and its versions (`<arn>:*`); the schedule invokes the unqualified function only.
 */
function acknowledgeSchedulerRole(schedule: Schedule, target: VotumFunction): void {
  const stack = Stack.of(schedule);
  const roles = stack.node.children.filter((child) => child.node.id.startsWith('SchedulerRoleForTarget-'));
  for (const role of roles) {
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${attributeRef(target.function, 'Arn')}:*]`,
      reason:
        "Written by aws-cdk-lib's LambdaInvoke schedule target (grantInvoke covers the function's versions); the role can invoke only this job's function.",
    });
  }
}

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/**
 * One alliance's votum: built from the route table, the job table and the table definition, so a
 * new route or job needs no change here.
 */
export class VotumStack extends Stack {
  readonly table: Table;
  readonly signingSecret: Secret;
  readonly edgeSecret: Secret;
  readonly mail: Mail;
  readonly httpApi: HttpApi;
  readonly apiStage: HttpStage;
  readonly web: Web;
  readonly attachments: Attachments;
  readonly deadLetterQueue: Queue;
  /** Where a job's invocation lands after it failed and Lambda's retries failed too. */
  readonly jobFailureQueue: Queue;
  readonly alarmTopic: AlarmTopic;
  readonly mailFeedbackFunction: VotumFunction;
  readonly backupPlan: BackupPlan;
  alarms!: { children: Alarm[]; composites: CompositeAlarm[] };
  budget!: CfnBudget;
  readonly groupFunctions: Record<GroupId, VotumFunction>;
  readonly jobFunctions: Record<JobId, VotumFunction>;

  constructor(scope: Construct, id: string, props: VotumStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const { profile } = settings;

    // The one table, as functions/store/table.ts defines it. A restore swaps a restored table in:
    // a construct of its own, named as the restored table, which `cdk deploy
    // --import-existing-resources` adopts; the old table leaves the stack and is kept (Retain).
    this.table = new Table(this, settings.restoredTable ? 'RestoredTable' : 'Table', {
      ...(settings.restoredTable ? { tableName: settings.restoredTable } : {}),
      partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Keys only: the stream wakes jobs (the job table's wakeOnInsertOf), they read what they need.
      ...(Object.values(jobs).some((job) => 'wakeOnInsertOf' in job)
        ? { stream: StreamViewType.KEYS_ONLY }
        : {}),
    });
    for (const index of tableDefinition.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }

    // Keys the hashes of sign-in tokens and sessions (functions/platform/secret.ts).
    this.signingSecret = new Secret(this, 'SigningSecret', {
      description: `votum ${profile.id}: key for the hashes of sign-in links and sessions`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.signingSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Not rotated automatically: a new key invalidates every open sign-in link and session at once. Rotate by hand (docs: operations) when it may have leaked.',
    });

    // What CloudFront sends with every API request and the functions require (functions/http/edge.ts):
    // the execute-api address stays reachable (CloudFront's origin), what it serves does not. Read by
    // CloudFormation at deploy time into the origin header and the functions' environment, so no
    // request reads Secrets Manager.
    this.edgeSecret = new Secret(this, 'EdgeSecret', {
      description: `votum ${profile.id}: header value CloudFront sends to the API, which refuses requests without it`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(this.edgeSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Not rotated automatically: CloudFormation copies the value into the CloudFront origin and the functions at deploy time, so a rotation only takes effect with a deployment. Rotate by hand (infra/aws/README.md) when it may have leaked.',
    });
    const edgeSecretValue = this.edgeSecret.secretValue.unsafeUnwrap();

    this.mail = new Mail(this, 'Mail', { domain: settings.mailDomain });
    this.alarmTopic = new AlarmTopic(this, 'Alarms', { email: settings.alarmEmail });

    // Daily backups kept 35 days, besides point-in-time recovery (the restore drill: docs/operations.md).
    this.backupPlan = new BackupPlan(this, 'Backup', {
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'Daily',
          // 03:00 UTC, after the night's jobs; PITR covers the hours in between.
          scheduleExpression: EventSchedule.cron({ hour: '3', minute: '0' }),
          deleteAfter: Duration.days(backupRetentionDays),
        }),
      ],
    });
    const backupSelection = this.backupPlan.addSelection('Table', {
      resources: [BackupResource.fromDynamoDbTable(this.table)],
    });
    Validations.of(backupSelection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        "AWS Backup's own service role policy, which AWS keeps in step with what a backup of each resource type needs; the selection role is assumable by AWS Backup only.",
    });

    // The HTTP API; its routes are added below, once the functions exist.
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: `votum ${profile.id}`,
      createDefaultStage: false,
    });
    this.apiStage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: apiThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // No source IP and no user agent: the access log holds no personal data.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTimeEpoch',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            error: '$context.error.message',
          }),
        ),
      },
    });

    this.web = new Web(this, 'Web', {
      webDir: settings.webDir,
      // The API endpoint is https://<id>.execute-api.<region>.<suffix>: its host name is the origin.
      apiDomainName: Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint)),
      apiOriginHeaders: { [edgeHeader]: edgeSecretValue },
      ...(settings.publicUrl ? { publicUrl: settings.publicUrl } : {}),
      ...(settings.certificateArn ? { certificateArn: settings.certificateArn } : {}),
      ...(settings.webAclArn ? { webAclArn: settings.webAclArn } : {}),
    });

    this.attachments = new Attachments(this, 'Attachments', {
      // The portal's own origin when it has one. Otherwise it would be the distribution's
      // *.cloudfront.net name while the distribution's CSP names this bucket: a cycle CloudFormation
      // refuses. The CORS rule only lets a page read an upload's answer (a cross-site page can POST
      // a form without it, and S3 stores nothing without the presigned policy), so any CloudFront
      // host in its place weakens nothing.
      corsOrigin: settings.publicUrl ?? 'https://*.cloudfront.net',
      logBucket: this.web.logBucket,
    });
    this.web.allowUploadsTo(this.attachments.uploadOrigin);

    const environment = {
      TABLE_NAME: this.table.tableName,
      ALLIANCE: profile.id,
      PUBLIC_URL: this.web.url,
      SIGNING_SECRET_ARN: this.signingSecret.secretArn,
      SES_CONFIGURATION_SET: this.mail.configurationSet.configurationSetName,
      MAIL_FROM: settings.mailFrom,
      ATTACHMENTS_BUCKET: this.attachments.bucket.bucketName,
    };
    // Every group identifies its callers by the keyed hash of their session cookie (or a link's token).
    const grantBasics = (grantee: IGrantable, use: TableUse, signs: boolean) => {
      this.grantTableData(grantee, use);
      if (signs) this.signingSecret.grantRead(grantee);
    };

    // One function per group (functions/core/contract/groups.ts); its rights are the union of its routes' needs.
    const groupFunctions: Partial<Record<GroupId, VotumFunction>> = {};
    for (const group of groupIds) {
      const members: Route[] = routesOf(group).map((id) => routes[id]);
      if (members.length === 0) continue;
      const fn = new VotumFunction(this, `${pascal(group)}Group`, {
        entry: relative(projectRoot, writeGroupEntry(group)),
        alliance: profile.id,
        description: `votum ${group}: ${groups[group].description}`.slice(0, 256),
        environment: { ...environment, EDGE_SECRET: edgeSecretValue },
        timeout: Duration.seconds(15),
      });
      grantBasics(fn.function, members.some((route) => route.method !== 'GET') ? 'write' : 'read', true);
      if (members.some((route) => route.sendsMail)) this.mail.grantSend(fn.function);
      const uses = new Set(members.flatMap((route) => (route.attachments ? [route.attachments] : [])));
      for (const use of uses) {
        this.attachments.grant(fn.function, use);
        this.attachments.acknowledgeGrant(fn.role, use);
      }
      // One integration and one invoke permission for the whole API, instead of one per route.
      const integration = new HttpLambdaIntegration(`${pascal(group)}Integration`, fn.function, {
        scopePermissionToRoute: false,
      });
      for (const id of routesOf(group)) {
        const route: Route = routes[id];
        const apiRoute = new HttpRoute(this, `${pascal(id)}ApiRoute`, {
          httpApi: this.httpApi,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
          integration,
        });
        Validations.of(apiRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            route.access === 'public'
              ? 'Public by design: this route is part of signing in (by emailed link), so it cannot require a session.'
              : `Authorised in the handler: the shared middy stack (functions/http/stack.ts) checks the session cookie and the route table's access rule (${route.access.join(', ')}) before the handler runs; an API Gateway authorizer would look the session up twice.`,
        });
      }
      groupFunctions[group] = fn;
    }
    this.groupFunctions = groupFunctions as Record<GroupId, VotumFunction>;

    // Jobs on EventBridge Scheduler; an invocation Scheduler cannot deliver lands in the dead-letter queue.
    this.deadLetterQueue = new Queue(this, 'JobDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue (of the job schedules); nothing reads from it but a person.',
    });
    // A job's run that fails (error or timeout) is retried twice by Lambda, then put here: each job
    // fails loudly (the JobFailures alarm), whether the schedule or a stream woke it.
    this.jobFailureQueue = new Queue(this, 'JobFailureQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.jobFailureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is itself a dead-letter queue (the jobs' on-failure destination); nothing reads from it but a person.",
    });
    const jobFunctions: Partial<Record<JobId, VotumFunction>> = {};
    for (const [jobId, job] of Object.entries(jobs) as [JobId, (typeof jobs)[JobId]][]) {
      const fn = new VotumFunction(this, `${pascal(jobId)}Job`, {
        entry: job.entry,
        alliance: profile.id,
        description: `votum job: ${job.description}`,
        environment,
        timeout: Duration.seconds(60),
      });
      // A job that sends mail unseals the links its mails carry (platform/seal.ts): it needs the secret too.
      const keysWithSecret =
        ('signsLinks' in job && job.signsLinks === true) ||
        ('keysPeople' in job && job.keysPeople === true) ||
        ('sendsMail' in job && job.sendsMail === true);
      grantBasics(fn.function, 'write', keysWithSecret);
      if ('sendsMail' in job && job.sendsMail) this.mail.grantSend(fn.function);
      if ('attachments' in job && job.attachments) {
        this.attachments.grant(fn.function, job.attachments);
        this.attachments.acknowledgeGrant(fn.role, job.attachments);
      }
      const schedule = new Schedule(this, `${pascal(jobId)}Schedule`, {
        description: job.description,
        schedule: ScheduleExpression.expression(job.schedule, TimeZone.EUROPE_BERLIN),
        target: new LambdaInvoke(fn.function, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 2,
          maxEventAge: Duration.minutes(10),
        }),
      });
      acknowledgeSchedulerRole(schedule, fn);
      fn.function.configureAsyncInvoke({
        onFailure: new SqsDestination(this.jobFailureQueue),
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
      });
      if ('wakeOnInsertOf' in job) {
        // Woken within a second of an insert; a batch the job fails on is retried, then dead-lettered
        // (the schedule finds its work anyway).
        fn.function.addEventSource(
          new DynamoEventSource(this.table, {
            startingPosition: StartingPosition.LATEST,
            batchSize: 100,
            maxBatchingWindow: Duration.seconds(1),
            retryAttempts: 2,
            onFailure: new SqsDlq(this.deadLetterQueue),
            filters: [
              FilterCriteria.filter({
                eventName: FilterRule.isEqual('INSERT'),
                dynamodb: { Keys: { pk: { S: FilterRule.beginsWith(job.wakeOnInsertOf) } } },
              }),
            ],
          }),
        );
        Validations.of(fn.role).acknowledge({
          id: 'AwsSolutions-IAM5[Resource::*]',
          reason:
            "Written by aws-cdk-lib's DynamoEventSource: dynamodb:ListStreams has no resource-level permissions (it lists stream ARNs only); reading the stream is granted on this table's stream alone.",
        });
      }
      jobFunctions[jobId] = fn;
    }
    this.jobFunctions = jobFunctions as Record<JobId, VotumFunction>;

    // SES's bounce and complaint events → the feedback topic → the function that marks the address
    // (functions/jobs/mail-feedback.ts); its failures land with the jobs'.
    this.mailFeedbackFunction = new VotumFunction(this, 'MailFeedback', {
      entry: mailFeedback.entry,
      alliance: profile.id,
      description: `votum: ${mailFeedback.description}`,
      environment,
      timeout: Duration.seconds(30),
    });
    grantBasics(this.mailFeedbackFunction.function, 'write', false);
    this.mail.feedbackTopic.addSubscription(new LambdaSubscription(this.mailFeedbackFunction.function));
    this.mailFeedbackFunction.function.configureAsyncInvoke({
      onFailure: new SqsDestination(this.jobFailureQueue),
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
    });

    this.addAlarms(settings);

    new CfnOutput(this, 'PortalUrl', { value: this.web.url, description: 'Where people reach the portal' });
    new CfnOutput(this, 'TableName', {
      value: this.table.tableName,
      description: 'The table: node infra/aws/first-admin.ts reads it from cdk-outputs.json',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topic.topicArn });
    new CfnOutput(this, 'MailIdentity', {
      value: settings.mailDomain,
      description: 'SES domain identity: publish its DKIM records (SES console) before mail can go out',
    });
  }

  /** Read (and, for `write`, write) items of the table and its indexes; no scan, no table management. */
  grantTableData(grantee: IGrantable, use: TableUse = 'write'): void {
    const resources = [
      this.table.tableArn,
      ...tableDefinition.indexes.map((index) => `${this.table.tableArn}/index/${index.name}`),
    ];
    const principal = grantee.grantPrincipal;
    if (use === 'write') {
      principal.addToPrincipalPolicy(
        new PolicyStatement({ actions: [...tableReadActions, ...tableWriteActions], resources }),
      );
      return;
    }
    principal.addToPrincipalPolicy(new PolicyStatement({ actions: tableReadActions, resources }));
    principal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [this.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${sessionKeyPrefix}*`] } },
      }),
    );
  }

  /**
   * The alarms (docs/operations.md, "Alarms"): a few child alarms without actions, each watching one
   * kind of trouble, and two composite alarms that mail the operator through the alarm topic. Lambda's
   * errors and throttles are the account's in this region (one account per alliance and environment):
   * one alarm each instead of one per function.
   */
  private addAlarms(settings: DeploymentSettings): void {
    const period = Duration.minutes(5);
    const atLeast = (threshold: number, evaluationPeriods = 1) => ({
      threshold,
      evaluationPeriods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const lambda = (metricName: string) =>
      new Metric({ namespace: 'AWS/Lambda', metricName, period, statistic: 'Sum' });
    const ses = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, period: Duration.hours(1), statistic: 'Maximum' });
    const logMetric = (id: string, logGroup: LogGroup, filterPattern: IFilterPattern, value: string) =>
      new MetricFilter(this, id, {
        logGroup,
        filterPattern,
        metricNamespace: `votum/${settings.profile.id}`,
        metricName: id,
        metricValue: value,
      });
    const alarm = (id: string, description: string, metric: Metric, props: ReturnType<typeof atLeast>) =>
      metric.createAlarm(this, `${id}Alarm`, {
        alarmDescription: `votum: ${description} (docs/operations.md, "${id}")`,
        ...props,
      });

    const errors = alarm(
      'FunctionErrors',
      'a function failed (uncaught error or timeout); see its log group',
      lambda('Errors'),
      atLeast(1),
    );
    const throttles = alarm(
      'FunctionThrottles',
      'Lambda refused invocations (concurrency limit)',
      lambda('Throttles'),
      atLeast(1),
    );
    const api5xx = alarm(
      'Api5xx',
      'the API answered 5xx (a function failed or timed out)',
      this.apiStage.metricServerError({ period, statistic: 'Sum' }),
      atLeast(1),
    );
    const deadLetters = alarm(
      'JobDeadLetters',
      'a scheduled job could not be invoked, or a stream batch failed; the event is in the dead-letter queue',
      this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      atLeast(1),
    );
    const jobFailures = alarm(
      'JobFailures',
      "a job's run failed after Lambda's retries; the event is in the job failures queue",
      this.jobFailureQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      atLeast(1),
    );
    const gaveUp = alarm(
      'JobGaveUp',
      'a job gave an item up after its bounded tries (a document that cannot be rendered); the office sees it',
      logMetric(
        'JobGaveUpItems',
        this.jobFunctions.renderDocuments.logGroup,
        FilterPattern.booleanValue(`$.${jobGaveUpField}`, true),
        '1',
      ).metric({
        period,
        statistic: 'Sum',
      }),
      atLeast(1),
    );
    const outboxAge = alarm(
      'OutboxAge',
      `a mail has waited ${outboxAgeAlarmMinutes} minutes or more in the outbox (SES refusing, throttled or not verified)`,
      logMetric(
        'OutboxAgeMinutes',
        this.jobFunctions.sendOutbox.logGroup,
        FilterPattern.numberValue(`$.${outboxAgeField}`, '>=', 0),
        `$.${outboxAgeField}`,
      ).metric({
        // A mail that keeps failing is retried at least hourly: the hour's maximum holds it.
        period: Duration.hours(1),
        statistic: 'Maximum',
      }),
      atLeast(outboxAgeAlarmMinutes),
    );
    const bounceRate = alarm(
      'BounceRate',
      `the account's bounce rate reached ${mailRateLimits.bounceRate * 100} % (SES reviews the account at 5 %)`,
      ses('Reputation.BounceRate'),
      atLeast(mailRateLimits.bounceRate),
    );
    const complaintRate = alarm(
      'ComplaintRate',
      `the account's complaint rate reached ${mailRateLimits.complaintRate * 100} % (SES reviews the account at 0.1 %)`,
      ses('Reputation.ComplaintRate'),
      atLeast(mailRateLimits.complaintRate),
    );
    // Bursts of failed sign-ins (guessed or replayed links): counted from the public group's log.
    const signInFailures = new MetricFilter(this, 'SignInFailures', {
      logGroup: this.groupFunctions.public.logGroup,
      filterPattern: FilterPattern.stringValue(`$.${signInFailure.field}`, '=', signInFailure.value),
      metricNamespace: `votum/${settings.profile.id}`,
      metricName: 'SignInFailures',
      metricValue: '1',
    });
    const signIns = signInFailures
      .metric({ period, statistic: 'Sum' })
      .createAlarm(this, 'SignInFailuresAlarm', {
        alarmDescription: `votum: ${signInFailureBurst} or more failed sign-ins in 5 minutes; see the public group's log (${signInFailure.field} = ${signInFailure.value})`,
        ...atLeast(signInFailureBurst),
      });

    const composite = (id: string, description: string, children: Alarm[]) => {
      const found = new CompositeAlarm(this, id, {
        alarmDescription: `votum ${Stack.of(this).stackName}: ${description}; the alarms in ALARM say which (docs/operations.md, "Alarms")`,
        alarmRule: AlarmRule.anyOf(...children.map((child) => AlarmRule.fromAlarm(child, AlarmState.ALARM))),
      });
      found.addAlarmAction(new SnsAction(this.alarmTopic.topic));
      found.addOkAction(new SnsAction(this.alarmTopic.topic));
      return found;
    };
    this.alarms = {
      children: [
        errors,
        throttles,
        api5xx,
        deadLetters,
        jobFailures,
        gaveUp,
        outboxAge,
        bounceRate,
        complaintRate,
        signIns,
      ],
      composites: [
        composite('PortalFailing', 'functions, the API or jobs are failing', [
          errors,
          throttles,
          api5xx,
          deadLetters,
          jobFailures,
          gaveUp,
        ]),
        composite('MailTrouble', 'mail is not going out or is bouncing', [
          outboxAge,
          bounceRate,
          complaintRate,
        ]),
        composite('SignInBurst', 'a burst of failed sign-ins', [signIns]),
      ],
    };

    new Dashboard(this, 'Dashboard', {
      dashboardName: Stack.of(this).stackName,
      widgets: [
        [
          new AlarmStatusWidget({
            title: 'Alarms',
            alarms: [...this.alarms.composites, ...this.alarms.children],
            width: 24,
          }),
        ],
        [
          new GraphWidget({
            title: 'Lambda (this region)',
            left: [lambda('Invocations'), lambda('Errors'), lambda('Throttles')],
            width: 8,
          }),
          new GraphWidget({
            title: 'API',
            left: [
              this.apiStage.metricCount({ period, statistic: 'Sum' }),
              this.apiStage.metricClientError({ period, statistic: 'Sum' }),
              this.apiStage.metricServerError({ period, statistic: 'Sum' }),
            ],
            right: [this.apiStage.metricLatency({ period, statistic: 'p90' })],
            width: 8,
          }),
          new GraphWidget({
            title: 'Jobs',
            left: [
              this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
              this.jobFailureQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
              gaveUp.metric,
            ],
            right: [outboxAge.metric],
            width: 8,
          }),
        ],
        [
          new GraphWidget({
            title: 'Mail',
            left: ['Send', 'Delivery', 'Bounce', 'Complaint', 'Reject'].map(
              (metricName) =>
                new Metric({
                  namespace: 'AWS/SES',
                  metricName,
                  dimensionsMap: { [Mail.dimension]: this.mail.configurationSet.configurationSetName },
                  period: Duration.hours(1),
                  statistic: 'Sum',
                }),
            ),
            right: [bounceRate.metric, complaintRate.metric],
            width: 12,
          }),
          new GraphWidget({ title: 'Failed sign-ins', left: [signIns.metric], width: 12 }),
        ],
      ],
    });

    // The month's cost, for the whole account (one per alliance and environment): a warning at 80 %
    // of the budget spent and when the forecast passes it, to the alarm topic.
    this.alarmTopic.topic.addToResourcePolicy(
      new PolicyStatement({
        actions: ['sns:Publish'],
        principals: [new ServicePrincipal('budgets.amazonaws.com')],
        resources: [this.alarmTopic.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    const warn = (notificationType: 'ACTUAL' | 'FORECASTED', threshold: number) => ({
      notification: {
        notificationType,
        comparisonOperator: 'GREATER_THAN',
        threshold,
        thresholdType: 'PERCENTAGE',
      },
      subscribers: [{ subscriptionType: 'SNS', address: this.alarmTopic.topic.topicArn }],
    });
    this.budget = new CfnBudget(this, 'MonthlyBudget', {
      budget: {
        budgetName: `${Stack.of(this).stackName}-monthly`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: settings.monthlyBudgetUsd, unit: 'USD' },
      },
      notificationsWithSubscribers: [warn('ACTUAL', 80), warn('FORECASTED', 100)],
    });
  }
}
