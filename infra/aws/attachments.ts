import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import {
  AnyPrincipal,
  Effect,
  type IGrantable,
  PolicyStatement,
  Role,
  ServicePrincipal,
} from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct, type IConstruct } from 'constructs';
import { pendingLifetimeSeconds } from '../../functions/core/attachments.ts';
import type { Route } from '../../functions/core/contract/route.ts';
import { arnParts, attributeRef } from './nag.ts';

export interface AttachmentsProps {
  /**
   * The origin whose pages POST uploads straight to the bucket (CORS): the portal's, or a pattern
   * such as `https://*.cloudfront.net` where the portal's host is not known before deployment.
   */
  corsOrigin: string;
  /** Where the bucket's server access logs go. */
  logBucket: IBucket;
}

/** The bucket's key prefixes (functions/store/attachments.ts: objectKeys). */
const prefixes = { pending: 'pending/', stored: 'sketches/' } as const;

/** The tag GuardDuty Malware Protection puts on each object it scanned, and the value that releases it. */
export const scanTag = { key: 'GuardDutyMalwareScanStatus', clean: 'NO_THREATS_FOUND' } as const;

/** The object GuardDuty writes once to check it may write to the bucket. */
const validationObject = 'malware-protection-resource-validation-object';

/** Days a deleted or replaced attachment can still be restored from its old version. */
export const noncurrentVersionDays = 30;

/**
 * The sketches' attachments: a private bucket the browser uploads to with presigned POSTs and
 * downloads from with presigned GETs; functions get object rights by the route table's
 * `attachments` flag only.
 *
 * Versioned, so a file deleted or overwritten by mistake (or by a script run against the wrong
 * bucket) can be brought back for `noncurrentVersionDays`; after that the old version expires, so a
 * deleted attachment (personal data) is really gone within that time (docs/operations.md,
 * "Restore"). Retained when the stack is deleted.
 */
export class Attachments extends Construct {
  readonly bucket: Bucket;
  /** The role GuardDuty Malware Protection scans and tags the checked files with. */
  readonly scanRole: Role;
  readonly malwareProtection: CfnMalwareProtectionPlan;

  constructor(scope: Construct, id: string, props: AttachmentsProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'attachments/',
      lifecycleRules: [
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          // Deleted or replaced files can be restored this long, then they are gone.
          id: 'ExpireOldVersions',
          noncurrentVersionExpiration: Duration.days(noncurrentVersionDays),
          expiredObjectDeleteMarker: true,
        },
        {
          // Uploads never checked (the browser closed, the check refused and could not delete).
          id: 'ExpireUncheckedUploads',
          prefix: prefixes.pending,
          expiration: Duration.seconds(pendingLifetimeSeconds),
        },
      ],
      cors: [
        {
          allowedOrigins: [props.corsOrigin],
          allowedMethods: [HttpMethods.POST],
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const scan = this.scanFiles();
    this.scanRole = scan.role;
    this.malwareProtection = scan.plan;
  }

  /**
   * GuardDuty Malware Protection for S3 scans every file under `sketches/`, i.e. each upload once the
   * check-attachment route copied it there (the content check by magic number comes first, as
   * locally), and tags it with the result. The bucket policy lets no one but GuardDuty read a file
   * there until that tag says NO_THREATS_FOUND, and lets no one else set or remove tags: a download
   * link for a file not (yet) found clean gets S3's 403. Pending uploads are read only by the
   * check itself and are not scanned (they are never handed out).
   */
  private scanFiles(): { role: Role; plan: CfnMalwareProtectionPlan } {
    const bucketArn = this.bucket.bucketArn;
    const stored = `${bucketArn}/${prefixes.stored}*`;
    const role = new Role(this, 'ScanRole', {
      assumedBy: new ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'votum: GuardDuty Malware Protection scans and tags the checked attachments',
    });
    // The permissions GuardDuty documents for a protected bucket, limited to the scanned prefix.
    const managedRule = Stack.of(this).formatArn({
      service: 'events',
      resource: 'rule',
      resourceName: 'DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*',
    });
    for (const statement of [
      new PolicyStatement({
        sid: 'AllowManagedRuleToSendS3EventsToGuardDuty',
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
        resources: [managedRule],
        conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
      }),
      new PolicyStatement({
        sid: 'AllowGuardDutyToMonitorEventBridgeManagedRule',
        actions: ['events:DescribeRule', 'events:ListTargetsByRule'],
        resources: [managedRule],
      }),
      new PolicyStatement({
        sid: 'AllowMalwareScanAndPostScanTag',
        actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:PutObjectTagging'],
        resources: [stored],
      }),
      new PolicyStatement({
        sid: 'AllowCheckBucketOwnershipAndEventBridgeEvents',
        actions: ['s3:ListBucket', 's3:GetBucketNotification', 's3:PutBucketNotification'],
        resources: [bucketArn],
      }),
      new PolicyStatement({
        sid: 'AllowPutValidationObject',
        actions: ['s3:PutObject'],
        resources: [`${bucketArn}/${validationObject}`],
      }),
    ])
      role.addToPolicy(statement);
    Validations.of(role).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::arn:${arnParts(this).partition}:events:${arnParts(this).region}:${arnParts(this).account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]`,
        reason:
          'GuardDuty names the EventBridge managed rule it creates for the bucket itself; the documented policy grants its prefix, and changes only rules managed by malware-protection-plan.guardduty.amazonaws.com.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${attributeRef(this.bucket, 'Arn')}/${prefixes.stored}*]`,
        reason:
          'GuardDuty reads and tags every new file under the scanned prefix; object keys are ids made at run time.',
      },
    );

    const plan = new CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: role.roleArn,
      protectedResource: {
        s3Bucket: { bucketName: this.bucket.bucketName, objectPrefixes: [prefixes.stored] },
      },
      actions: { tagging: { status: 'ENABLED' } },
    });
    // GuardDuty checks the role's rights when the plan is made: the policy must exist by then.
    plan.node.addDependency(role);

    const notGuardDuty = { 'aws:PrincipalArn': role.roleArn };
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'ReleaseOnlyFilesFoundClean',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [stored],
        conditions: {
          StringNotEquals: { [`s3:ExistingObjectTag/${scanTag.key}`]: scanTag.clean, ...notGuardDuty },
        },
      }),
    );
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyGuardDutyTags',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: [
          's3:PutObjectTagging',
          's3:PutObjectVersionTagging',
          's3:DeleteObjectTagging',
          's3:DeleteObjectVersionTagging',
        ],
        resources: [`${bucketArn}/*`],
        conditions: { StringNotEquals: notGuardDuty },
      }),
    );
    return { role, plan };
  }

  /**
   * Where browsers send uploads: the bucket's virtual-hosted regional endpoint, the address the
   * SDK's createPresignedPost answers (test/infra checks the two agree).
   */
  get uploadOrigin(): string {
    return `https://${this.bucket.bucketName}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`;
  }

  /**
   * Object rights for one function: `read` may presign downloads of checked files; `write` may
   * presign uploads, read, copy and delete pending and checked files, and list the bucket (without
   * it S3 answers a missing upload with 403 instead of 404 NoSuchKey).
   */
  grant(grantee: IGrantable, use: NonNullable<Route['attachments']>): void {
    const objects = (prefix: string) => `${this.bucket.bucketArn}/${prefix}*`;
    const statements =
      use === 'read'
        ? [new PolicyStatement({ actions: ['s3:GetObject'], resources: [objects(prefixes.stored)] })]
        : [
            new PolicyStatement({
              actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
              resources: [objects(prefixes.pending), objects(prefixes.stored)],
            }),
            new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }),
          ];
    for (const statement of statements) grantee.grantPrincipal.addToPrincipalPolicy(statement);
  }

  /** cdk-nag IAM5 on a function's policy: object keys are ids made at run time, under fixed prefixes. */
  acknowledgeGrant(role: IConstruct, use: NonNullable<Route['attachments']>): void {
    const bucketArn = attributeRef(this.bucket, 'Arn');
    const used = use === 'read' ? [prefixes.stored] : [prefixes.pending, prefixes.stored];
    Validations.of(role).acknowledge(
      ...used.map((prefix) => ({
        id: `AwsSolutions-IAM5[Resource::${bucketArn}/${prefix}*]`,
        reason: `Attachment objects are keyed ${prefix}<sketch id>/<attachment id>, ids made at run time; the grant covers only this prefix of the attachments bucket, for a route the route table marks attachments: ${use}.`,
      })),
    );
  }
}
