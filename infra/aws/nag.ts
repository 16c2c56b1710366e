import { type App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
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
 * How cdk-nag names an attribute of a resource inside a finding, `<LogicalId.Attribute>`, for
 * acknowledging one finding (such as `AwsSolutions-IAM5[Resource::<Fn1234.Arn>:*]`) and no other.
 */
export function attributeRef(construct: IConstruct, attribute: string): string {
  const resource = construct.node.defaultChild as CfnElement;
  return `<${Stack.of(construct).getLogicalId(resource)}.${attribute}>`;
}
