import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { freePort } from '../../server/src/db/embedded.ts';
import { cloneTemplate, serverRoleUrls } from '../support/database.ts';
import { clockOffsetMs } from '../support/suite-clock.ts';

const ROOT = resolve(import.meta.dirname, '../..');

interface Outcome { code: number | null; output: string; served: boolean }

/**
 * Starts `server/src/main.ts` or `server/src/cli.ts` on a working database with one more setting,
 * and reports how it ended: by exiting, or by serving (then it is stopped), whichever comes first.
 */
async function start(script: string, args: string[], env: Record<string, string>): Promise<Outcome> {
  const port = await freePort();
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...serverRoleUrls(databaseUrl), LOG_LEVEL: 'warn', TAKT_DEMO: '0', TAKT_CLOCK_OFFSET_MS: String(clockOffsetMs()), PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let ended = false;
  void exited.then(() => (ended = true));
  while (!ended) {
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (healthy) {
      child.kill('SIGTERM');
      return { code: await exited, output, served: true };
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 100))]);
  }
  return { code: await exited, output, served: false };
}

let databaseUrl: string;
beforeAll(async () => {
  databaseUrl = await cloneTemplate(inject('adminDatabaseUrl'), inject('templateDatabase'));
});

describe('a setting the process cannot use', () => {
  it.each([
    ['TAKT_SLA_SWEEP_MS', 'soon', 'TAKT_SLA_SWEEP_MS must be an integer of at least 1, got "soon".'],
    ['TAKT_WEBHOOK_DISPATCH', 'maybe', 'TAKT_WEBHOOK_DISPATCH must be one of 1, true, yes, on, 0, false, no, off, got "maybe".'],
    ['TAKT_DEMO_ORDERS', '-5', 'TAKT_DEMO_ORDERS must be an integer of at least 0, got "-5".'],
  ])('stops the server at start with %s=%s, naming the variable', async (name, value, message) => {
    const run = await start('server/src/main.ts', [], { [name]: value });
    expect(run.served, run.output).toBe(false);
    expect(run.code).toBe(1);
    expect(run.output).toContain(`Takt cannot start: ${message}`);
    expect(run.output, 'a message, not a stack').not.toMatch(/\n\s+at /);
  });

  it('stops the CLI with the same message', async () => {
    const run = await start('server/src/cli.ts', ['plants'], { TAKT_DB_LOCK_TIMEOUT_MS: '5s' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('takt: TAKT_DB_LOCK_TIMEOUT_MS must be an integer of at least 0, got "5s".');
    expect(run.output).not.toMatch(/\n\s+at /);
  });
});
