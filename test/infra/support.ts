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

/**
 * A template string value rendered with the given values for `Ref`s (an `Fn::Join` of strings and
 * `{ Ref }`); anything else it holds is an error, so a new kind of reference cannot slip through.
 */
export function renderJoin(value: unknown, refs: Record<string, string>): string {
  if (typeof value === 'string') return value;
  const ref = (value as { Ref?: string }).Ref;
  if (ref !== undefined) {
    const found = refs[ref];
    if (found === undefined) throw new Error(`no value for Ref ${ref}`);
    return found;
  }
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (!join) throw new Error(`cannot render ${JSON.stringify(value)}`);
  return join[1].map((part) => renderJoin(part, refs)).join(join[0]);
}

/** The resources a resource refers to (Ref, Fn::GetAtt, DependsOn), among those of the template. */
function referencesOf(resource: { Properties?: unknown; DependsOn?: string | string[] }, ids: Set<string>) {
  const found = new Set<string>([resource.DependsOn ?? []].flat());
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'Ref' && typeof inner === 'string') found.add(inner);
        else if (key === 'Fn::GetAtt')
          found.add(Array.isArray(inner) ? String(inner[0]) : (String(inner).split('.')[0] ?? ''));
        else walk(inner);
      }
    }
  };
  walk(resource.Properties);
  return [...found].filter((id) => ids.has(id));
}

/** A reference cycle among the resources (their logical ids, the first repeated at the end), or []. */
export function findCycle(
  resources: Record<string, { Properties?: unknown; DependsOn?: string | string[] }>,
): string[] {
  const ids = new Set(Object.keys(resources));
  const done = new Set<string>();
  const visit = (id: string, path: string[]): string[] => {
    if (done.has(id)) return [];
    const at = path.indexOf(id);
    if (at >= 0) return [...path.slice(at), id];
    for (const next of referencesOf(resources[id] ?? {}, ids)) {
      const cycle = visit(next, [...path, id]);
      if (cycle.length > 0) return cycle;
    }
    done.add(id);
    return [];
  };
  for (const id of ids) {
    const cycle = visit(id, []);
    if (cycle.length > 0) return cycle;
  }
  return [];
}
