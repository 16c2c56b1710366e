import * as z from 'zod/mini';
import { type Route, routes } from '../../functions/core/contract/index.ts';
import { problem } from '../../functions/core/contract/problem.ts';

/*
 * Every answer the integration tests receive is held against the contract: a success against its
 * route's schema for that status (strict objects: no field the contract does not declare), an
 * error against the shared problem shape. A route answering a status it does not declare fails.
 */

const compiled = Object.entries(routes as Record<string, Route>).map(([id, route]) => ({
  id,
  route,
  pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
}));

export function routeFor(method: string, path: string): { id: string; route: Route } | undefined {
  const pathname = path.split('?')[0] ?? path;
  return compiled.find((c) => c.route.method === method && c.pattern.test(pathname));
}

export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

/** Throws when `body` (parsed JSON, or undefined) is not what the contract says `method path` answers with `status`. */
export function checkAnswer(
  method: string,
  path: string,
  status: number,
  body: unknown,
  contentType: string,
) {
  const found = routeFor(method, path);
  if (!found) return; // not a route: the adapter's own 404/405
  const where = `${found.id} (${method} ${path}) answered ${status}`;
  if (status >= 400) {
    const checked = problem.safeParse(body);
    if (!checked.success)
      throw new ContractViolation(`${where}: not a problem answer: ${z.prettifyError(checked.error)}`);
    return;
  }
  const spec = found.route.answers[status];
  if (!spec) throw new ContractViolation(`${where}, which the contract does not declare`);
  if ('kind' in spec) {
    if (spec.kind === 'file' && !contentType.startsWith(spec.contentType.split(';')[0] ?? ''))
      throw new ContractViolation(`${where} with ${contentType}, not ${spec.contentType}`);
    return;
  }
  const checked = (spec as z.ZodMiniType).safeParse(body);
  if (!checked.success) throw new ContractViolation(`${where}: ${z.prettifyError(checked.error)}`);
}
