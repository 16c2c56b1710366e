import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlingFor, deployedEnvironment } from '../../infra/aws/functions.ts';
import { projectRoot } from '../../infra/aws/settings.ts';
import { esbuildOptions } from '../bench/bundles.ts';

/*
 * The functions run without --enable-source-maps (infra/aws/functions.ts): the logger maps a stack
 * through the bundle's map when it logs an error (functions/platform/stack-traces.ts). This bundles
 * a function that logs an error of ours as CDK bundles the functions, runs it with the deployed
 * environment, and reads the log line an operator would read.
 */

let dir: string;
let outfile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'votum-stack-traces-'));
  outfile = join(dir, 'index.mjs');
  await build({
    ...esbuildOptions(bundlingFor('leine-weser')),
    stdin: {
      contents: [
        "import { config } from './functions/platform/config.ts';",
        "import { logger } from './functions/platform/logger.ts';",
        'export const handler = async () => {',
        '  try { config(); } catch (error) { logger.error("request failed", { error }); }',
        '};',
        'await handler();',
      ].join('\n'),
      resolveDir: projectRoot,
      loader: 'ts',
    },
    outfile,
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a bundle as Lambda would (the deployed environment, nothing of ours else) and answers its error log. */
function loggedError(bundle = outfile): { location: string; stack: string; message: string } {
  const run = spawnSync(process.execPath, [bundle], {
    env: { PATH: process.env.PATH ?? '', ...deployedEnvironment },
    encoding: 'utf8',
  });
  const output = `${run.stdout}\n${run.stderr}`;
  const line = output.split('\n').find((l) => l.includes('"request failed"'));
  if (!line) throw new Error(`no error logged: ${output.slice(0, 500)}`);
  return JSON.parse(line).error;
}

describe('a bundled function’s logged stack', () => {
  it('names our source file, line and function, read through the map beside the bundle', () => {
    // Act
    const error = loggedError();

    // Assess
    const source = readFileSync(join(projectRoot, 'functions/platform/config.ts'), 'utf8').split('\n');
    const throwing = source.findIndex((l) => l.includes('throw new Error(`votum: environment')) + 1;
    expect(error.message).toMatch(/^votum: environment variables missing or invalid: /);
    expect(error.location).toBe(`functions/platform/config.ts:${throwing}`);
    const first = error.stack.split('\n')[1] ?? '';
    expect(first).toMatch(
      new RegExp(`^ {4}at config \\(functions/platform/config\\.ts:${throwing}:\\d+\\)$`),
    );
    expect(error.stack).not.toContain('index.mjs');
  });

  it('names the bundle when its map is missing, rather than failing to log', () => {
    // Prepare
    const alone = join(dir, 'without-map', 'index.mjs');
    mkdirSync(join(dir, 'without-map'));
    copyFileSync(outfile, alone);

    // Act
    const error = loggedError(alone);

    // Assess
    expect(error.message).toMatch(/^votum: environment variables missing or invalid: /);
    expect(error.location).toMatch(/\/index\.mjs:\d+$/);
    expect(error.stack.split('\n')[1]).toMatch(/^ {4}at \S+ \(file:\/\/.*\/index\.mjs:\d+:\d+\)$/);
  });
});
