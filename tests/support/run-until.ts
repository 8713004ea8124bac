import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** How a command ended: by exiting (`code`), or `served` when `until` held first and it was stopped. */
export interface Ended { code: number | null; output: string; served: boolean }

/**
 * Runs a command in the repository until it exits or `until` holds, whichever comes first. In the
 * second case its whole process group (a shell, npx, pnpm, node and their children) is sent
 * SIGTERM and read until every member has exited, so nothing outlives the test; a command that
 * does not stop on SIGTERM fails the test by its timeout.
 */
export async function runUntil(command: string, args: string[], env: NodeJS.ProcessEnv, until?: () => Promise<boolean>): Promise<Ended> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let ended = false;
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => ((ended = true), done(code))));
  if (until) while (!ended && !(await until())) await Promise.race([exited, new Promise((r) => setTimeout(r, 250))]);
  if (ended || !until) return { code: await exited, output, served: false };
  process.kill(-child.pid!, 'SIGTERM');
  while (groupAlive(child.pid!)) await new Promise((r) => setTimeout(r, 100));
  return { code: null, output, served: true };
}

/** `url` answers 200 (a server is up behind it). */
export const answers = (url: string) => (): Promise<boolean> => fetch(url).then((r) => r.ok, () => false);

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
