import { describe, expect, it } from 'vitest';
import { groupIds } from '../../functions/core/contract/groups.ts';
import { pathParams, type Route, routeKey, routes } from '../../functions/core/contract/index.ts';

const table = Object.entries(routes as Record<string, Route>);

describe('the route table (the API contract)', () => {
  it('has one route per method and path', () => {
    // Act
    const keys = table.map(([, route]) => routeKey(route));
    // Assess
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(table)('%s declares each placeholder of its path in its params, and nothing else', (_id, route) => {
    // Act
    const declared = Object.keys(route.params?.def.shape ?? {});
    // Assess
    expect(declared.sort()).toEqual(pathParams(route.path).sort());
  });

  it.each(table)('%s names a function group, a handler module and at least one answer', (_id, route) => {
    // Assess
    expect(groupIds).toContain(route.group);
    expect(route.entry).toMatch(/^functions\/http\/handlers\/[\w-]+\.ts$/);
    expect(Object.keys(route.answers).length).toBeGreaterThan(0);
    expect(Object.keys(route.answers).every((status) => Number(status) >= 200 && Number(status) < 400)).toBe(
      true,
    );
  });

  it('puts every group to use', () => {
    // Assess
    expect(groupIds.filter((group) => !table.some(([, route]) => route.group === group))).toEqual([]);
  });
});
