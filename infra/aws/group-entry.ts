import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type GroupId, groupIds } from '../../functions/core/contract/groups.ts';
import { type RouteId, routes } from '../../functions/core/contract/index.ts';
import { projectRoot } from './settings.ts';

/*
 * A function group's entry module, written from the route table: it imports exactly the handlers
 * of the group's routes and serves them with one middy stack (functions/http/stack.ts `httpGroup`).
 * Written at synth time rather than kept in git, so that moving a route to another group stays one
 * line in the table. CDK bundles it; the bench bundles the same file.
 */

/** Where the entries are written (ignored by git). */
export const groupEntryDir = join(projectRoot, '.build', 'groups');

/** The routes a group serves, in the table's order. */
export const routesOf = (group: GroupId): RouteId[] =>
  (Object.keys(routes) as RouteId[]).filter((id) => routes[id].group === group);

/**
 * The group's entry; with `only`, the same entry serving that one of its routes (the bench sizes
 * each route's own code this way, test/bench/bundles.ts).
 */
export function groupEntrySource(group: GroupId, dir = groupEntryDir, only?: RouteId): string {
  const from = (file: string) => {
    const path = relative(dir, join(projectRoot, file));
    return path.startsWith('.') ? path : `./${path}`;
  };
  const ids = only ? routesOf(group).filter((id) => id === only) : routesOf(group);
  if (ids.length === 0) throw new Error(`the group ${group} has no route ${only}`);
  return [
    `// The function group "${group}"${only ? ` with its route ${only} alone` : ''}, written from the route table by infra/aws/group-entry.ts.`,
    `import { httpGroup } from ${JSON.stringify(from('functions/http/stack.ts'))};`,
    ...ids.map((id, i) => `import h${i} from ${JSON.stringify(from(routes[id].entry))}; // ${id}`),
    `export const handler = httpGroup([${ids.map((_, i) => `h${i}`).join(', ')}]);`,
    '',
  ].join('\n');
}

/** Writes the group's entry (only when it changed, so bundling caches stay warm) and answers its path. */
export function writeGroupEntry(group: GroupId, dir = groupEntryDir, only?: RouteId): string {
  const path = join(dir, only ? `${group}.${only}.ts` : `${group}.ts`);
  const source = groupEntrySource(group, dir, only);
  mkdirSync(dirname(path), { recursive: true });
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {}
  if (current !== source) writeFileSync(path, source);
  return path;
}

export const writeGroupEntries = (dir = groupEntryDir) =>
  Object.fromEntries(groupIds.map((group) => [group, writeGroupEntry(group, dir)])) as Record<
    GroupId,
    string
  >;
