import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
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

  it('builds no schema of its own routes when it is loaded: each is built on its first read and kept', async () => {
    // Prepare: the contract as a function group's cold start loads it, before any request
    vi.resetModules();
    const { routes: loaded } = await import('../../functions/core/contract/index.ts');
    // The answer modules' documents, each one lazy schema shared by the routes that answer with it.
    const shared = new Set<unknown>(
      (
        await Promise.all([
          import('../../functions/core/contract/sketch-docs.ts'),
          import('../../functions/core/contract/vote-docs.ts'),
          import('../../functions/core/contract/followup-answers.ts'),
        ])
      ).flatMap((module) => Object.values(module)),
    );
    const given = (route: Route, part: string): unknown =>
      Object.getOwnPropertyDescriptor(route, part)?.value;
    // Act: a request part given as a value, or an answer schema of the route's own given as a value
    const builtAtLoad = Object.entries(loaded as Record<string, Route>).flatMap(([id, route]) => [
      ...(['params', 'query', 'body'] as const)
        .filter((part) => given(route, part) !== undefined)
        .map((part) => `${id}.${part}`),
      ...Object.entries((given(route, 'answers') ?? {}) as Route['answers'])
        .filter(([, spec]) => '_zod' in spec && !shared.has(spec))
        .map(([status]) => `${id}.answers.${status}`),
    ]);
    const first = loaded.putSeat.body;
    const answers = loaded.getBudget.answers;
    // Assess
    expect(builtAtLoad).toEqual([]);
    expect(loaded.putSeat.body).toBe(first);
    expect(Object.getOwnPropertyDescriptor(loaded.putSeat, 'body')?.value).toBe(first);
    expect(loaded.getBudget.answers).toBe(answers);
  });

  it('puts every group to use', () => {
    // Assess
    expect(groupIds.filter((group) => !table.some(([, route]) => route.group === group))).toEqual([]);
  });

  it.each(table)(
    '%s has a summary and a real schema for every JSON answer (none left unchecked)',
    (_id, route) => {
      // Act
      const loose = Object.entries(route.answers).filter(([, spec]) => {
        if ('kind' in spec) return false;
        let def = (
          spec as { _zod: { def: { type: string; getter?: () => { _zod: { def: { type: string } } } } } }
        )._zod.def;
        if (def.type === 'lazy' && def.getter) def = def.getter()._zod.def;
        return def.type === 'unknown' || def.type === 'any';
      });
      // Assess
      expect(route.summary.trim()).not.toBe('');
      expect(loose).toEqual([]);
    },
  );
});

describe('the web client', () => {
  const webRoot = join(import.meta.dirname, '../../web/src');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? files(join(dir, entry.name))
        : /\.tsx?$/.test(entry.name)
          ? [join(dir, entry.name)]
          : [],
    );

  it('builds no API address by hand: pages call routes by name (lib/api.ts fills in the table)', () => {
    // Act
    const handBuilt = files(webRoot)
      .filter((file) => !file.endsWith(join('lib', 'api.ts')))
      .filter((file) => /['"`]\/api\//.test(readFileSync(file, 'utf8')))
      .map((file) => relative(webRoot, file));
    // Assess
    expect(handBuilt).toEqual([]);
  });
});
