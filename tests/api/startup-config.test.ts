import { beforeAll, describe, expect, it, inject } from 'vitest';
import { freePort } from '../../server/src/db/embedded.ts';
import { cloneTemplate, serverRoleUrls } from '../support/database.ts';
import { clockOffsetMs } from '../support/suite-clock.ts';
import { answers, runUntil, type Ended } from '../support/run-until.ts';

/** Starts `server/src/main.ts` or `server/src/cli.ts` on a working database with one more setting. */
async function start(script: string, args: string[], env: Record<string, string>): Promise<Ended> {
  const port = await freePort();
  return runUntil(
    process.execPath,
    [script, ...args],
    { ...process.env, ...serverRoleUrls(databaseUrl), LOG_LEVEL: 'warn', TAKT_DEMO: '0', TAKT_CLOCK_OFFSET_MS: String(clockOffsetMs()), PORT: String(port), HOST: '127.0.0.1', ...env },
    answers(`http://127.0.0.1:${port}/healthz`),
  );
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
