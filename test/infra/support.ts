import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  App,
  type CfnElement,
  type IPolicyValidationContext,
  type PolicyValidationPluginReport,
} from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { vi } from 'vitest';
import { projectRoot } from '../../infra/aws/settings.ts';
import type { VotumStack } from '../../infra/aws/stack.ts';
import { votumApp } from '../../infra/aws/votum-app.ts';

/** The context of cdk.json (feature flags): the tests synthesize with what `cdk synth` uses. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

/** A throwaway built front end: the tests never touch web/. */
export function makeWebDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'votum-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>votum</title>');
  return dir;
}

export interface Synthesized {
  app: App;
  stack: VotumStack;
  template: Template;
  assembly: CloudAssembly;
  /** What cdk-nag's AwsSolutions pack returned each time CDK ran it during the synthesis. */
  nagRuns: { context: IPolicyValidationContext; report: PolicyValidationPluginReport }[];
  cleanup(): void;
}

/**
 * Builds the app exactly as infra/aws/app.ts does (votumApp, cdk.json's context) and synthesizes it
 * once, bundling every function with the local esbuild. cdk-nag runs inside that synthesis as a CDK
 * validation plugin; a pass-through spy records what it reported, so the tests can see it ran.
 */
export function synthesize(context: Record<string, string> = {}): Synthesized {
  const webDir = makeWebDir();
  const outdir = mkdtempSync(join(tmpdir(), 'votum-cdk-'));
  const nagRuns: Synthesized['nagRuns'] = [];
  const validate = AwsSolutionsChecks.prototype.validate;
  const spy = vi.spyOn(AwsSolutionsChecks.prototype, 'validate').mockImplementation(function (
    this: AwsSolutionsChecks,
    validationContext,
  ) {
    const report = validate.call(this, validationContext);
    nagRuns.push({ context: validationContext, report });
    return report;
  });
  const cleanup = () => {
    rmSync(webDir, { recursive: true, force: true });
    rmSync(outdir, { recursive: true, force: true });
  };
  try {
    const app = new App({ context: { ...cdkJsonContext(), ...context }, outdir });
    const stack = votumApp(app, { webDir });
    const assembly = app.synth();
    return { app, stack, template: Template.fromStack(stack), assembly, nagRuns, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  } finally {
    spy.mockRestore();
  }
}

/** The logical ID of a construct's CloudFormation resource. */
export function logicalId(construct: IConstruct): string {
  const resource = construct.node.defaultChild as CfnElement;
  return resource.stack.getLogicalId(resource);
}

type Json = Record<string, unknown>;
export type Resource = {
  Type: string;
  Properties: Json;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

export function resource(template: Template, id: string): Resource {
  const found = (template.toJSON().Resources as Record<string, Resource>)[id];
  if (!found) throw new Error(`no resource ${id} in the template`);
  return found;
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Every statement of the identity policies attached to a role. */
export function roleStatements(template: Template, roleLogicalId: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: roleLogicalId }] },
  }) as Record<string, { Properties: { PolicyDocument: { Statement: Statement[] } } }>;
  return Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

export function actionsOf(statements: Statement[]): string[] {
  return statements.flatMap((statement) =>
    Array.isArray(statement.Action) ? statement.Action : [statement.Action],
  );
}
