import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../server/src/db/embedded.ts';
import { openDatabase, migrate } from '../../server/src/db/orm.ts';
import { createLogger } from '../../server/src/logger.ts';
import { loadConfig } from '../../server/src/config.ts';
import { createServices } from '../../server/src/services.ts';
import { systemClock } from '../../server/src/modules/shared/clock.ts';
import { seedDemoPlant } from '../../server/src/modules/demo/demo.seed.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test run's PostgreSQL (the `takt` maintenance database). */
    adminDatabaseUrl: string;
    /** A migrated database holding the demo plant; each test file clones it. */
    templateDatabase: string;
  }
}

export const TEMPLATE = 'takt_template';

/**
 * One real PostgreSQL (embedded) per test run: migrated once into a template database with the
 * demo plant, which every test file clones (CREATE DATABASE … TEMPLATE, ~100 ms) so files never
 * share state and no table is ever truncated.
 */
export default async function setup(project: TestProject) {
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn');
  const dir = await mkdtemp(join(tmpdir(), 'takt-test-'));
  const db = await startEmbeddedPostgres(dir, log);
  const adminUrl = db.url;
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE}`;
  const { sql } = await import('./database.ts');
  await sql(adminUrl, `create database ${TEMPLATE}`);
  const orm = await openDatabase(templateUrl.toString(), log);
  await migrate(orm);
  const services = createServices(orm, { ...loadConfig({}), demo: true }, systemClock());
  await seedDemoPlant(services, { orders: 300, users: true });
  await orm.close();
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE);
  return async () => {
    await db.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
