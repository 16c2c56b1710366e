import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The import rules of the whole tree, read from the source: each layer imports only the layers
 * below it (types included), so the pure core stays pure and the browser never bundles the server.
 *
 *   web → core
 *   http, jobs → app → store, mail, documents → platform → alliances → core → nothing of ours
 */

const root = resolve(import.meta.dirname, '../..');

const layers = {
  core: [],
  alliances: ['core'],
  platform: ['core', 'alliances'],
  store: ['core', 'alliances', 'platform'],
  mail: ['core', 'alliances', 'platform'],
  documents: ['core'],
  app: ['core', 'alliances', 'platform', 'store', 'mail', 'documents'],
  http: ['core', 'alliances', 'platform', 'store', 'mail', 'documents', 'app'],
  jobs: ['core', 'alliances', 'platform', 'store', 'mail', 'documents', 'app'],
  web: ['core'],
} as const satisfies Record<string, readonly string[]>;
type Layer = keyof typeof layers;

/** Imports that break the rules today, each to be removed by the change that mends it; never added to. */
const known: string[] = [];

function layerOf(file: string): Layer | undefined {
  const path = relative(root, file);
  if (path.startsWith('web/src/')) return 'web';
  const match = /^functions\/([\w-]+)\//.exec(path);
  const name = match?.[1];
  return name !== undefined && name in layers ? (name as Layer) : undefined;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const imports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']+)'/g)].map((m) =>
    resolve(dirname(file), m[1] as string),
  );

describe('the import rules', () => {
  const files = [...sources(join(root, 'functions')), ...sources(join(root, 'web/src'))];

  it('hold for every module of functions/ and web/src', () => {
    // Act
    const broken = files.flatMap((file) => {
      const from = layerOf(file);
      if (!from) return [];
      return imports(file).flatMap((target) => {
        const to = layerOf(target);
        if (!to || to === from || (layers[from] as readonly string[]).includes(to)) return [];
        return [`${relative(root, file)} → ${relative(root, target)}`];
      });
    });

    // Assess
    expect(broken.filter((line) => !known.includes(line))).toEqual([]);
    expect(
      known.filter((line) => !broken.includes(line)),
      'mended: remove from `known`',
    ).toEqual([]);
  });

  it('know every folder of functions/ as a layer', () => {
    // Act
    const folders = readdirSync(join(root, 'functions')).filter((name) =>
      statSync(join(root, 'functions', name)).isDirectory(),
    );

    // Assess
    expect(folders.filter((name) => !(name in layers))).toEqual([]);
  });
});
