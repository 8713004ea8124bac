import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { TestProject } from 'vitest/node';
import { suiteClockOffsetMs } from './suite-clock.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test run's PostgreSQL (the `takt` maintenance database). */
    adminDatabaseUrl: string;
    /** A migrated database holding the demo plant; each test file clones it. */
    templateDatabase: string;
    /** The suite clock's offset from the real one (suite-clock.ts): every server gets it. */
    clockOffsetMs: number;
  }
}

/**
 * One real PostgreSQL (embedded) per test run, migrated once into a template database with the
 * demo plant, which every test file clones (CREATE DATABASE … TEMPLATE, ~100 ms) so files never
 * share state and no table is ever truncated. It runs in a child process (test-postgres.ts).
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'takt-test-'));
  const clockOffsetMs = suiteClockOffsetMs();
  const child = spawn(process.execPath, [resolve(import.meta.dirname, 'test-postgres.ts'), dir], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, TAKT_CLOCK_OFFSET_MS: String(clockOffsetMs) },
  });
  const ready = await new Promise<{ adminUrl: string; template: string }>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`test PostgreSQL exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout! }).once('line', (line) => done(JSON.parse(line)));
  });
  project.provide('adminDatabaseUrl', ready.adminUrl);
  project.provide('templateDatabase', ready.template);
  project.provide('clockOffsetMs', clockOffsetMs);
  return async () => {
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
    await rm(dir, { recursive: true, force: true });
  };
}
