import { type App, type CfnElement, Stack, Token, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/*
 * cdk-nag 3 is a CDK validation plugin (the Aspects form of cdk-nag 2 throws): it runs when the app
 * is synthesized and fails the synthesis on any finding that is not acknowledged. Findings are
 * acknowledged with `Validations.of(construct).acknowledge({ id, reason })` on the construct they
 * concern, next to where it is built, each with its reason.
 */

/** cdk-nag's AwsSolutions pack on the whole app. */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * How cdk-nag writes a stack's partition, region and account inside an ARN of a finding: the
 * pseudo parameters while the stack is environment-agnostic, the values once it is bound (the
 * portal's stack always is to its region, an environment's to its account too).
 */
export function arnParts(construct: IConstruct): { partition: string; region: string; account: string } {
  const stack = Stack.of(construct);
  const regionKnown = !Token.isUnresolved(stack.region);
  return {
    partition: regionKnown ? 'aws' : '<AWS::Partition>',
    region: regionKnown ? stack.region : '<AWS::Region>',
    account: Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account,
  };
}

/**
 * How cdk-nag names an attribute of a resource inside a finding, `<LogicalId.Attribute>`, for
 * acknowledging one finding (such as `AwsSolutions-IAM5[Resource::<Fn1234.Arn>:*]`) and no other.
 */
export function attributeRef(construct: IConstruct, attribute: string): string {
  const resource = construct.node.defaultChild as CfnElement;
  return `<${Stack.of(construct).getLogicalId(resource)}.${attribute}>`;
}
