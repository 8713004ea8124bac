import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { freePort } from '../../server/src/db/embedded.ts';
import { cloneTemplate, serverRoleUrls } from '../support/database.ts';
import { clockOffsetMs, suiteClockOffsetMs } from '../support/suite-clock.ts';
import { answers, runUntil, type Ended } from '../support/run-until.ts';

/**
 * The README's commands work as written on a fresh machine, as its quick start does (CI runs
 * `npm test` from a fresh clone): each row of "Other commands" is run through a shell exactly as
 * printed (a long-running one until it serves, one that would take minutes with `--help`), and
 * every `npx … pnpm` anywhere in the README and docs names the pinned release — a floating
 * `npx pnpm@10` refuses to switch to the pinned one on a fresh machine ("no registry signature").
 */
const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PNPM = `pnpm@${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { packageManager: string }).packageManager.replace(/^pnpm@/, '')}`;

/** The first command of each row of the README's "Other commands" table. */
const otherCommands = [...(README.split('## Other commands')[1] ?? '').split('\n## ')[0]!.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]!);

/** Runs `command` through `sh -c`, with an environment like a fresh shell's. */
function shell(command: string, env: Record<string, string> = {}, until?: () => Promise<boolean>): Promise<Ended> {
  // no npm_* settings of the pnpm that runs this suite: the command must stand on its own
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm|pnpm)_/i.test(k)));
  return runUntil('sh', ['-c', command], { ...clean, LOG_LEVEL: 'warn', ...env }, until);
}

let databaseUrl: string;
beforeAll(async () => {
  databaseUrl = await cloneTemplate(inject('adminDatabaseUrl'), inject('templateDatabase'));
});

describe("the README's commands", () => {
  it('lists the commands this test runs', () => {
    expect(otherCommands).toEqual([
      `npx -y ${PNPM} dev`,
      `npx -y ${PNPM} takt --help`,
      `npx -y ${PNPM} takt backup FILE`,
      `npx -y ${PNPM} bench [--quick]`,
      `npx -y ${PNPM} codegen`,
      'TAKT_TEST_DATE=2028-02-29 npm test',
    ]);
  });

  it('name the pinned pnpm wherever they use npx', () => {
    const docs = ['README.md', ...readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];
    const floating = docs.flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/npx\b[^`\n|]*?\bpnpm(?:@[\w.-]*)?/g)].map((m) => m[0]).filter((cmd) => cmd !== `npx -y ${PNPM}`).map((cmd) => `${file}: ${cmd}`),
    );
    expect(floating).toEqual([]);
  });

  it('takt --help prints the usage', async () => {
    const run = await shell(`npx -y ${PNPM} takt --help`);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('Usage: takt <command>');
  }, 120_000);

  it('takt backup and bench answer --help (a real backup and bench run have their own tests and take minutes)', async () => {
    for (const command of [`npx -y ${PNPM} takt backup --help`, `npx -y ${PNPM} bench --help`]) {
      const run = await shell(command);
      expect(run.code, `${command}\n${run.output}`).toBe(0);
      expect(run.output, command).toMatch(/usage/i);
    }
  }, 120_000);

  it('codegen regenerates the committed types unchanged', async () => {
    const run = await shell(`npx -y ${PNPM} codegen`);
    expect(run.code, run.output).toBe(0);
    const status = await shell('git status --porcelain -- schema/generated client/src/gql');
    expect(status.output).toBe('');
  }, 180_000);

  it('dev serves the API through the Vite dev server', async () => {
    const [apiPort, clientPort] = [await freePort(), await freePort()];
    const env = { ...serverRoleUrls(databaseUrl), TAKT_DEMO: '0', TAKT_CLOCK_OFFSET_MS: String(clockOffsetMs()), PORT: String(apiPort), TAKT_CLIENT_PORT: String(clientPort) };
    // /healthz through Vite's proxy answers only once both the server and Vite are up
    const run = await shell(`npx -y ${PNPM} dev`, env, answers(`http://localhost:${clientPort}/healthz`));
    expect(run.served, run.output).toBe(true);
  }, 180_000);

  it('TAKT_TEST_DATE moves the suite that npm test runs to that day', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toContain('run check');
    expect(pkg.scripts.check).toContain('vitest run');
    const now = Date.parse('2026-12-02T08:00:00Z');
    expect(new Date(now + suiteClockOffsetMs({ TAKT_TEST_DATE: '2028-02-29' }, now)).toISOString()).toBe('2028-02-29T10:00:00.000Z');
  });
});
