import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
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
import { attributeRef } from './nag.ts';

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

/**
 * The sketches' attachments: a private bucket the browser uploads to with presigned POSTs and
 * downloads from with presigned GETs; functions get object rights by the route table's
 * `attachments` flag only.
 *
 * Not versioned: every file is written once under a fresh random key (a checked file's key never
 * gets an upload policy), so there is nothing to overwrite; and deleting an attachment must really
 * delete it (personal data), which old versions would keep. Retained when the stack is deleted.
 */
export class Attachments extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: AttachmentsProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: false,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'attachments/',
      lifecycleRules: [
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
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
