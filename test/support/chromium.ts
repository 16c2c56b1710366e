import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/*
 * Debian's Chromium for the browser tests and the bench (Playwright's own download cannot work on
 * these machines): CHROMIUM_PATH, or the package's binary, installed with apt-get when it is missing
 * and we may (root on Debian). Throws with what to do by hand otherwise.
 */
export function findOrInstallChromium(log: (message: string) => void = console.log): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (path): path is string => Boolean(path),
  );
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    throw new Error(
      "Chromium is missing: install Debian's `chromium` package (apt-get install chromium) or set CHROMIUM_PATH.",
    );
  }
  log('installing Debian chromium for the browser tests …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', 'chromium'])) {
    throw new Error('installing chromium with apt-get failed: run `apt-get install chromium` by hand.');
  }
  if (!existsSync('/usr/bin/chromium'))
    throw new Error('chromium was installed but /usr/bin/chromium is missing.');
  return '/usr/bin/chromium';
}
