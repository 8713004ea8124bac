import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Release } from './server.ts';

const ROOT = resolve(import.meta.dirname, '../..');

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/**
 * The release a rolling upgrade starts from: the newest `v*` tag behind HEAD (on a release commit
 * itself, the one before it). Fails when the checkout has no history or tags (a shallow clone):
 * the upgrade test needs them, as docs/operations.md "Upgrades" says. `TAKT_UPGRADE_FROM` names
 * another tag (an upgrade across several releases).
 */
export function previousReleaseTag(): string {
  if (process.env.TAKT_UPGRADE_FROM) return process.env.TAKT_UPGRADE_FROM;
  try {
    return git('describe', '--tags', '--abbrev=0', '--match', 'v*', 'HEAD^');
  } catch (e) {
    throw new Error(`no release tag (v*) behind HEAD: the rolling-upgrade test needs a full clone with its tags (${(e as Error).message})`);
  }
}

/** The migrations a tree ships, by name, from its registry (server/src/db/migrations/index.ts). */
export function migrationNames(root: string): string[] {
  return [...readFileSync(join(root, 'server/src/db/migrations/index.ts'), 'utf8').matchAll(/name: '([^']+)'/g)].map((m) => m[1]!);
}

/**
 * The release's tree, extracted with `git archive` under `.data/releases/<tag>/` and installed with
 * the pnpm its package.json pins (from the machine's pnpm store, so mostly offline). Kept between
 * runs: a second run reuses the install.
 */
export function checkoutRelease(tag: string): Release & { tag: string; commit: string; knowsRoles: boolean } {
  const commit = git('rev-parse', `${tag}^{commit}`);
  const root = join(ROOT, '.data', 'releases', tag);
  const node = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node) || !existsSync(join(root, '.commit')) || readFileSync(join(root, '.commit'), 'utf8') !== commit) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    execSync(`git archive --format=tar ${commit} | tar -x -C "${root}"`, { cwd: ROOT, stdio: 'pipe' });
    const pm = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { packageManager: string }).packageManager;
    execFileSync('npx', ['-y', pm, 'install', '--frozen-lockfile', '--prefer-offline'], { cwd: root, stdio: 'pipe', env: { ...process.env, CI: '1' } });
    writeFileSync(join(root, '.commit'), commit);
  }
  // releases before the two database roles read DATABASE_URL alone, as the owner
  const knowsRoles = readFileSync(join(root, 'server/src/config.ts'), 'utf8').includes('DATABASE_OWNER_URL');
  return { tag, commit, root, node, knowsRoles };
}
