import {
  Annotations,
  DefaultStackSynthesizer,
  Duration,
  Lazy,
  RemovalPolicy,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { pagePreloadCode } from '../page-preload.ts';
import { logRetention } from './functions.ts';
import { arnParts, attributeRef } from './nag.ts';

/**
 * Rewrites a request for a path without a file extension (a page of the single-page app, such as
 * /skizzen/123) to /index.html; files (/assets/app-1a2b.js) pass unchanged. It runs on the default
 * behaviour only, so /api/* answers, 404s included, reach the browser as the API sent them.
 */
const spaRewriteCode = `function rewrite(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}`;

/**
 * The default behaviour's CloudFront Function: the rewrite on the viewer's request, the sketch's
 * preload (infra/page-preload.ts) on the answer.
 */
export const pageFunctionCode = () => `${spaRewriteCode}
${pagePreloadCode()}
function handler(event) {
  return event.context.eventType === 'viewer-response' ? preload(event) : rewrite(event);
}`;

/**
 * The pages' Content-Security-Policy: the local server's (infra/local/portal.ts `staticHeaders`,
 * test/infra compares them), where `uploadOrigins` are the origins the pages upload attachments to
 * (a presigned POST sent with XMLHttpRequest, so connect-src; form-action stays 'self').
 */
export const contentSecurityPolicy = (uploadOrigins: string) =>
  `default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self' ${uploadOrigins}; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'`;

/** How long browsers keep to https for the portal's host (and its subdomains): two years. */
export const hstsMaxAge = Duration.days(730);

export interface WebProps {
  /** The built front end (contains index.html). */
  webDir: string;
  /** The HTTP API's host name (the `/api/*` origin). */
  apiDomainName: string;
  /** Headers CloudFront adds to every request it forwards to the API (replacing a viewer's own). */
  apiOriginHeaders?: Record<string, string>;
  /** Custom domain: the https origin and its us-east-1 certificate. */
  publicUrl?: string;
  certificateArn?: string;
  /** The WAF web ACL (scope CLOUDFRONT) in front of the distribution: edge.ts. */
  webAclArn?: string;
}

/**
 * The one origin the browser talks to: CloudFront serving the built front end from a private S3
 * bucket and forwarding /api/* to the HTTP API. Same origin, so the session cookie stays same-site
 * and no CORS is needed.
 */
export class Web extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  /** Where people reach the portal (https, no trailing slash). */
  readonly url: string;
  /** The security headers on every answer, pages and /api/* alike. */
  readonly headersPolicy: ResponseHeadersPolicy;
  private readonly uploadOrigins: string[] = [];

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);

    // Server access logs of the site bucket and CloudFront's standard logs. CloudFront writes its
    // logs with an ACL, so this bucket allows ACLs (owner preferred) but stays private.
    this.logBucket = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket itself; logging its own access into itself would log the log writes without end.',
    });

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // One function on both events of the default behaviour (a function more would be a resource
    // more). Its id is from when it only rewrote: kept, so a deployed stack updates it in place.
    const pages = new EdgeFunction(this, 'SpaRewrite', {
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(pageFunctionCode()),
      comment: "Serves index.html for the app's paths; preloads the sketch form's sketch",
    });

    // Overrides whatever the origin sent: the pages come from S3, which sends none of these. The CSP
    // is read at synthesis, once the stack has said where uploads go (allowUploadsTo).
    this.headersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'votum: CSP (frame-ancestors none), HSTS, nosniff, referrer same-origin, frames denied',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: Lazy.string({
            produce: () => contentSecurityPolicy(this.uploadOrigins.join(' ')).replace(/ ;/g, ';'),
          }),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: hstsMaxAge,
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
      },
    });

    const customDomain =
      props.publicUrl && props.certificateArn
        ? {
            domainNames: [new URL(props.publicUrl).hostname],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {};

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'votum: web front end and /api',
      defaultRootObject: 'index.html',
      priceClass: PriceClass.PRICE_CLASS_100,
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      ...customDomain,
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headersPolicy,
        compress: true,
        functionAssociations: [
          { function: pages, eventType: FunctionEventType.VIEWER_REQUEST },
          { function: pages, eventType: FunctionEventType.VIEWER_RESPONSE },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
            ...(props.apiOriginHeaders ? { customHeaders: props.apiOriginHeaders } : {}),
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.headersPolicy,
          compress: true,
        },
      },
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: applicants, partners and steering-group members may sign in from anywhere; access is decided per route by the session.',
    });
    if (!props.webAclArn) {
      // The web ACL can only live in us-east-1 (edge.ts): a first deployment, or one for trying out,
      // runs without it; the warning says how to attach it.
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'The WAF web ACL is built by the Votum-<alliance>-Edge stack in us-east-1 and attached with -c webAclArn=<its WebAclArn output>; this synthesis was given none (see the warning).',
      });
      Annotations.of(this.distribution).addWarningV2(
        'votum:no-web-acl',
        `No WAF in front of CloudFront: deploy ${Stack.of(this).stackName}-Edge (us-east-1) and pass its WebAclArn output as -c webAclArn=…`,
      );
    }
    if (!props.certificateArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain (-c publicUrl with -c certificateArn) the distribution uses the *.cloudfront.net certificate, whose minimum TLS version CloudFront does not let us raise; with a custom domain TLSv1.2_2021 is set.',
      });
    }

    this.url = props.publicUrl ?? `https://${this.distribution.distributionDomainName}`;

    const deployLogs = new LogGroup(this, 'DeployLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const deployRole = new Role(this, 'DeployRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'votum: copies the built front end into the site bucket',
    });
    deployLogs.grantWrite(deployRole);
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(props.webDir)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      role: deployRole,
      logGroup: deployLogs,
      memoryLimit: 512,
    });
    acknowledgeBucketDeployment(deployment, deployRole, this.bucket);
  }

  /** Lets the pages send to `origin` (https://host, no path): the attachments bucket's presigned POSTs. */
  allowUploadsTo(origin: string): void {
    this.uploadOrigins.push(origin);
  }
}

/**
 * BucketDeployment's handler is CDK's own (a Python Lambda running the AWS CLI) and CDK writes its
 * policy. These findings are on that role's policy and that function only; the role itself is ours,
 * so it has no AWSLambdaBasicExecutionRole, only its log group.
 */
function acknowledgeBucketDeployment(deployment: BucketDeployment, role: Role, site: Bucket): void {
  const stack = Stack.of(deployment);
  const synthesizer = stack.synthesizer;
  const qualifier =
    (synthesizer instanceof DefaultStackSynthesizer ? synthesizer.bootstrapQualifier : undefined) ??
    DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  Validations.of(role).acknowledge(
    ...[
      ['Action::s3:GetObject*', 'reads the staged build from the CDK assets bucket and the site bucket'],
      ['Action::s3:GetBucket*', 'reads the location and settings of the assets and site buckets'],
      ['Action::s3:List*', 'lists the site bucket to remove files of earlier builds (prune)'],
      ['Action::s3:DeleteObject*', 'removes files of earlier builds from the site bucket (prune)'],
      ['Action::s3:Abort*', 'aborts its own failed multipart uploads to the site bucket'],
      [
        `Resource::arn:${arnParts(stack).partition}:s3:::cdk-${qualifier}-assets-${arnParts(stack).account}-${arnParts(stack).region}/*`,
        'reads the staged build, whose object key CDK only knows at deploy time, from the CDK assets bucket',
      ],
      [
        `Resource::${attributeRef(site, 'Arn')}/*`,
        'writes and prunes every file of the build in the site bucket',
      ],
      [
        'Resource::*',
        'invalidates the distribution after a deployment (CDK grants CloudFront invalidation on *)',
      ],
    ].map(([finding, why]) => ({
      id: `AwsSolutions-IAM5[${finding}]`,
      reason: `CDK BucketDeployment (policy written by aws-cdk-lib) ${why}.`,
    })),
  );
  const handler = stack.node.children.find((child) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  if (handler) {
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "CDK BucketDeployment's own handler: aws-cdk-lib chooses its Python runtime and moves it forward with its releases.",
    });
  }
}
