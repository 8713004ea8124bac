/**
 * Makes sure the browser tests have Debian's Chromium (`/usr/bin/chromium`, or $CHROMIUM_PATH).
 *
 * Present: prints its version, exits 0. Missing and running as root: installs it with apt-get.
 * Otherwise exits 1 with instructions, because browser tests must fail loudly, never skip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function version(): string | null {
  if (!existsSync(path)) return null;
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) return null;
  return result.stdout.trim();
}

function run(command: string, args: string[]): boolean {
  process.stdout.write(`$ ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

function fail(reason: string): never {
  process.stderr.write(
    `\nensure-chromium: ${reason}\n` +
      'The browser tests (tests/e2e) need Chromium. Install it with:\n' +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at an existing Chromium or Chrome binary.\n',
  );
  process.exit(1);
}

const found = version();
if (found) {
  process.stdout.write(`ensure-chromium: ${found} at ${path}\n`);
  process.exit(0);
}

if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH=${path} is not a working Chromium.`);
if (process.getuid?.() !== 0) fail(`${path} was not found and this user is not root, so it cannot be installed here.`);

process.stdout.write(`ensure-chromium: ${path} not found; installing Debian's chromium package\n`);
if (!run('apt-get', ['update'])) fail('apt-get update failed.');
if (!run('apt-get', ['install', '-y', 'chromium'])) fail('apt-get install chromium failed.');

const installed = version();
if (!installed) fail(`chromium was installed but ${path} --version does not work.`);
process.stdout.write(`ensure-chromium: installed ${installed}\n`);
