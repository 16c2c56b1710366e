import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { AlarmTopic } from './alarm-topic.ts';

/**
 * What CloudFront needs from us-east-1: a WAF web ACL of scope CLOUDFRONT can only be created there.
 * The alliance's stack lives in its own region and cannot refer to it (a cross-region reference
 * would need both stacks bound to an account and region at synth time, and custom resources), so
 * the operator deploys this stack first and hands its output to the other one:
 *   npx cdk deploy Votum-<alliance>-Edge
 *   npx cdk deploy Votum-<alliance> -c webAclArn=<output WebAclArn>
 */

/** Requests per IP address in five minutes, for everything (an office behind one NAT is several people). */
export const requestsPerIp = 1000;
/** Sign-in requests (POST /api/auth/…) per IP address in five minutes. */
export const signInsPerIp = 30;
/** The sign-in routes' common path prefix (functions/core/contract/auth.ts). */
export const signInPathPrefix = '/api/auth/';

const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName: name,
  sampledRequestsEnabled: true,
});

const tooMany: CfnWebACL.RuleActionProperty = {
  block: { customResponse: { responseCode: 429 } },
};

const managed = (
  priority: number,
  name: string,
  overrides: CfnWebACL.RuleActionOverrideProperty[] = [],
): CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: {
    managedRuleGroupStatement: {
      vendorName: 'AWS',
      name,
      ...(overrides.length > 0 ? { ruleActionOverrides: overrides } : {}),
    },
  },
  visibilityConfig: visibility(name),
});

export interface EdgeStackProps extends StackProps {
  /** The alliance's id: names the web ACL. */
  alliance: string;
  /** The portal's stack (`Votum-<alliance>[-<env>]`): names the web ACL and the alarm. */
  portalStackName: string;
  /** Who the CloudFront 5xx alarm mails. */
  alarmEmail?: string | undefined;
}

/** CloudFront's share of 5xx answers (percent, over 5 minutes) that raises the alarm. */
export const cloudFront5xxPercent = 5;

/** The web ACL in front of the alliance's CloudFront distribution. */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;
  readonly alarmTopic: AlarmTopic;
  readonly cloudFront5xx: CfnAlarm;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: 'us-east-1' } });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: props.portalStackName.toLowerCase(),
      description: `votum ${props.alliance}: managed rules and per-IP rates in front of CloudFront`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.portalStackName.toLowerCase()),
      rules: [
        {
          name: 'RequestsPerIp',
          priority: 0,
          action: tooMany,
          statement: {
            rateBasedStatement: { limit: requestsPerIp, evaluationWindowSec: 300, aggregateKeyType: 'IP' },
          },
          visibilityConfig: visibility('RequestsPerIp'),
        },
        {
          name: 'SignInsPerIp',
          priority: 1,
          action: tooMany,
          statement: {
            rateBasedStatement: {
              limit: signInsPerIp,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                andStatement: {
                  statements: [
                    {
                      byteMatchStatement: {
                        fieldToMatch: { method: {} },
                        positionalConstraint: 'EXACTLY',
                        searchString: 'POST',
                        textTransformations: [{ priority: 0, type: 'NONE' }],
                      },
                    },
                    {
                      byteMatchStatement: {
                        fieldToMatch: { uriPath: {} },
                        positionalConstraint: 'STARTS_WITH',
                        searchString: signInPathPrefix,
                        textTransformations: [{ priority: 0, type: 'NONE' }],
                      },
                    },
                  ],
                },
              },
            },
          },
          visibilityConfig: visibility('SignInsPerIp'),
        },
        // A sketch draft is up to 300 KB of JSON: the common set's 8 KB body limit only counts.
        managed(2, 'AWSManagedRulesCommonRuleSet', [
          { name: 'SizeRestrictions_BODY', actionToUse: { count: {} } },
        ]),
        managed(3, 'AWSManagedRulesKnownBadInputsRuleSet'),
      ],
    });
    new CfnOutput(this, 'WebAclArn', {
      value: this.webAcl.attrArn,
      description: `Attach to the portal: npx cdk deploy ${props.portalStackName} -c webAclArn=<this>`,
    });

    // CloudFront's metrics exist only in us-east-1, and an alarm watches its own region's metrics:
    // this alarm lives here, with its own topic. A Metrics Insights query over the account's
    // distributions (one per account and environment) needs no distribution id from the other stack.
    this.alarmTopic = new AlarmTopic(this, 'Alarms', { email: props.alarmEmail });
    this.cloudFront5xx = new CfnAlarm(this, 'CloudFront5xx', {
      alarmDescription: `votum ${props.portalStackName}: ${cloudFront5xxPercent} % or more of CloudFront's answers were 5xx (docs/operations.md, "CloudFront 5xx")`,
      metrics: [
        {
          id: 'rate',
          expression: 'SELECT MAX("5xxErrorRate") FROM SCHEMA("AWS/CloudFront", DistributionId, Region)',
          period: 300,
          returnData: true,
        },
      ],
      threshold: cloudFront5xxPercent,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissingData: 'notBreaching',
      alarmActions: [this.alarmTopic.topic.topicArn],
    });
  }
}
