import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/*
 * Debian's poppler-utils for the document tests (`pdfinfo` says whether a PDF is tagged, `pdffonts`
 * whether its fonts are embedded): found on the PATH, or installed with apt-get when it is missing
 * and we may (root on Debian), as test/support/chromium.ts does for Chromium. Throws with what to
 * do by hand otherwise: the tests never skip for want of it.
 */

const onPath = (name: string) => spawnSync(name, ['-v'], { stdio: 'ignore' }).error === undefined;

export function findOrInstallPoppler(log: (message: string) => void = console.log): void {
  if (onPath('pdfinfo') && onPath('pdffonts')) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) throw new Error(missing);
  log('installing Debian poppler-utils for the document tests …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', 'poppler-utils'])) {
    throw new Error(
      'installing poppler-utils with apt-get failed: run `apt-get install poppler-utils` by hand.',
    );
  }
  if (!onPath('pdfinfo')) throw new Error('poppler-utils was installed but pdfinfo is not on the PATH.');
}

export const missing =
  "pdfinfo/pdffonts are missing: install Debian's `poppler-utils` package (apt-get install poppler-utils); `npm test` installs it when run as root.";

/** What a poppler tool says about a PDF file; a missing tool fails the test with `missing`. */
export function poppler(tool: 'pdfinfo' | 'pdffonts', file: string): string {
  const result = spawnSync(tool, [file], { encoding: 'utf8' });
  if (result.error) throw new Error(`${missing} (${String(result.error)})`);
  if (result.status !== 0) throw new Error(`${tool} failed on ${file}: ${result.stderr}`);
  return result.stdout;
}
