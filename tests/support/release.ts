import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Release } from './server.ts';

const ROOT = resolve(import.meta.dirname, '../..');

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/** A release as docs/releases.md lists it: its name (`v0.2.0`) and its commit. */
export interface ReleaseRef {
  name: string;
  commit: string;
}

/** docs/releases.md's table, newest first. */
export function listedReleases(): ReleaseRef[] {
  const text = readFileSync(join(ROOT, 'docs/releases.md'), 'utf8');
  return [...text.matchAll(/^\| (v\d+\.\d+\.\d+) \| ([0-9a-f]{40}) \|/gm)].map((m) => ({ name: m[1]!, commit: m[2]! }));
}

const isAncestor = (commit: string, of: string): boolean => {
  try {
    git('merge-base', '--is-ancestor', commit, of);
    return true;
  } catch {
    return false;
  }
};

/** The commit is in this clone, fetched from origin when the clone is shallow or partial. */
function ensureCommit(release: ReleaseRef): void {
  try {
    git('cat-file', '-e', `${release.commit}^{commit}`);
    return;
  } catch {
    /* not here: fetch it */
  }
  try {
    git('fetch', '--quiet', 'origin', release.commit);
  } catch (e) {
    throw new Error(`${release.name} (${release.commit}) is not in this clone and could not be fetched from origin: the rolling-upgrade test needs the release's commit (${(e as Error).message})`);
  }
}

/**
 * The release a rolling upgrade starts from: the newest one docs/releases.md lists that lies
 * behind HEAD (on a release commit itself, the one before it). The list, not git tags, decides,
 * so a clone without tags tests the same upgrade. `TAKT_UPGRADE_FROM` names an older listed
 * release (an upgrade across several releases).
 */
export function previousRelease(): ReleaseRef {
  const listed = listedReleases();
  const wanted = process.env.TAKT_UPGRADE_FROM;
  if (wanted) {
    const release = listed.find((r) => r.name === wanted);
    if (!release) throw new Error(`TAKT_UPGRADE_FROM=${wanted} is not in docs/releases.md (${listed.map((r) => r.name).join(', ')})`);
    ensureCommit(release);
    return release;
  }
  const head = git('rev-parse', 'HEAD');
  for (const release of listed) {
    if (release.commit === head) continue;
    ensureCommit(release);
    if (isAncestor(release.commit, head)) return release;
  }
  throw new Error(`no release in docs/releases.md lies behind HEAD (${head})`);
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
export function checkoutRelease({ name: tag, commit }: ReleaseRef): Release & { tag: string; commit: string; knowsRoles: boolean } {
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
