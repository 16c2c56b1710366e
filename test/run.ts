import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOrInstallChromium } from './support/chromium.ts';
import { findOrInstallPoppler } from './support/poppler.ts';

/*
 * `npm test`: makes sure Chromium and poppler-utils are there (installing Debian's packages when it
 * can), builds the front end the e2e tests load, runs every vitest project, and ends with the line CI reads:
 * `N passed, N failed` (from vitest's JSON reporter; vitest's own summary is not read by CI).
 */
const root = join(import.meta.dirname, '..');
const output = join(root, '.test-output');
const bin = (name: string) => join(root, 'node_modules/.bin', name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  return result.status ?? 1;
}

function fail(message: string): never {
  console.error(`votum test: ${message}`);
  writeFileSync(join(output, 'summary.txt'), '0 passed, 1 failed\n');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync(output, { recursive: true });
let chromiumPath = '';
try {
  chromiumPath = findOrInstallChromium((message) => console.log(`votum test: ${message}`));
  findOrInstallPoppler((message) => console.log(`votum test: ${message}`));
} catch (error) {
  fail((error as Error).message);
}
if (run(bin('vite'), ['build', 'web', '--logLevel', 'warn']) !== 0) fail('building the front end failed.');

const results = join(output, 'results.json');
const status = run(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)],
  { ...process.env, CHROMIUM_PATH: chromiumPath },
);
if (!existsSync(results)) fail('vitest wrote no results.');
const { numPassedTests, numFailedTests, numTotalTests } = JSON.parse(readFileSync(results, 'utf8')) as Record<
  string,
  number
>;
const failed = (numFailedTests ?? 0) + (status !== 0 && numFailedTests === 0 ? 1 : 0);
const summary = `${numPassedTests} passed, ${failed} failed`;
writeFileSync(join(output, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(status !== 0 || failed > 0 || !numTotalTests ? 1 : 0);
