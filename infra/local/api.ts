import { type GroupId, groupIds } from '../../functions/core/contract/groups.ts';
import { type Route, type RouteId, routes } from '../../functions/core/contract/index.ts';
import type { RouteHandler } from '../../functions/http/stack.ts';
import type { LambdaHttpHandler } from './adapter.ts';

export interface ApiRoute {
  id: RouteId;
  route: Route;
  /** The function group's handler, as Lambda runs it: one per group, shared by its routes. */
  handler: LambdaHttpHandler;
  functionName: string;
}

/**
 * The route table's handlers grouped as in AWS: one `httpGroup` per function group (the same code
 * the group's generated entry runs), each route served by its group's handler.
 */
export async function loadApi(): Promise<ApiRoute[]> {
  const { httpGroup } = await import('../../functions/http/stack.ts');
  const ids = Object.keys(routes) as RouteId[];
  const loaded = await Promise.all(
    ids.map(async (id) => {
      const module = (await import(new URL(`../../${routes[id].entry}`, import.meta.url).href)) as {
        default: RouteHandler<never>;
      };
      return { id, handler: module.default };
    }),
  );
  const groups = Object.fromEntries(
    groupIds.map((group) => [
      group,
      httpGroup(loaded.filter(({ id }) => routes[id].group === group).map(({ handler }) => handler)),
    ]),
  ) as unknown as Record<GroupId, LambdaHttpHandler>;
  return ids.map((id) => ({
    id,
    route: routes[id],
    handler: groups[routes[id].group],
    functionName: `votum-${routes[id].group}`,
  }));
}
