import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './shared/logger.ts';
import { openConfiguredDatabase } from './db/database.ts';
import { databaseRoleWarnings } from './db/roles.ts';
import { drainBeforeStoppingOnSignals, EmbeddedPostgresError } from './db/embedded.ts';
import { createServices } from './services.ts';
import { createApp } from './app/app.ts';
import { systemClock } from './shared/clock.ts';
import { seedDemoOnce, DEMO_USERS } from './modules/demo/demo.seed.ts';
import { ensureDemoWallToken } from './modules/demo/demo.wall.ts';
import { startJobQueue } from './app/jobs.ts';
import { startMetricsServer } from './metrics/metrics-endpoint.ts';

/**
 * `node server/src/main.ts`: one process of the Takt cluster. Opens (or starts) PostgreSQL,
 * migrates, seeds the demo plant once in demo mode, and serves HTTP + WebSocket on one port.
 */
const config = ((): Config => {
  try {
    return loadConfig();
  } catch (err) {
    // a setting the operator can fix, named, instead of a stack or a server running with a default
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`\nTakt cannot start: ${err.message}\n\n`);
    process.exit(1);
  }
})();
const log = createLogger(config.logLevel);
const db = await openConfiguredDatabase(config, log).catch((err: unknown) => {
  // a reason an operator can act on (the kept port is taken, the data directory is in use), not a stack
  if (!(err instanceof EmbeddedPostgresError)) throw err;
  log.error({ err }, 'the embedded PostgreSQL cannot start');
  process.stderr.write(`\nTakt cannot start: ${err.message}\n\n`);
  process.exit(1);
});
// a runtime role that could bypass the append-only triggers (also in /readyz; docs/security.md)
for (const warning of await databaseRoleWarnings(db.orm.em.fork())) log.warn(warning);
const clock = systemClock(config.clockOffsetMs);
const services = createServices(db.orm, config, clock);

if (config.demo) {
  const seeded = await seedDemoOnce(services, { orders: config.demoOrders });
  if (seeded) log.info({ orders: seeded.orders }, 'demo plant seeded');
}
// A ready wall-screen URL in the banner (the secret is shown this once; only its hash is kept)
const demoWallSecret = config.demo ? await ensureDemoWallToken(services) : null;

// LISTEN before serving, so no subscription misses a notification (docs/realtime.md)
await services.realtime.start(log);
services.webhooks.start(log);
// Every process works the durable job queue (approval SLA; docs/adr/0004-sla-escalation-job-queue.md)
// and the plants' turning days, caught up at start (docs/product.md §12)
const jobs = await startJobQueue(services, log);
const app = await createApp(services, log);
await app.fastify.listen({ port: config.port, host: config.host });
const url = `http://localhost:${(app.fastify.server.address() as { port: number }).port}`;
log.info({ url }, 'Takt is serving');
const { port: metricsPort } = config.metrics;
const metricsServer = metricsPort === undefined ? null : await startMetricsServer({ ...config.metrics, port: metricsPort }, config.host);
if (metricsServer) log.info({ port: (metricsServer.address() as { port: number }).port }, 'metrics are served on their own port');
if (config.demo) {
  process.stdout.write(
    `\n  Takt board: ${url}\n  Demo logins (password "demo"): ${DEMO_USERS.map((u) => u.email).join(', ')}\n` +
      (demoWallSecret
        ? `  Wall screen (this token is shown once): ${url}/wall?token=${demoWallSecret}\n\n`
        : `  Wall screen: the "Demo wall" URL was printed at the first start; admin@demo.test can make another under Display tokens\n\n`),
  );
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: draining HTTP and WebSocket');
  const force = setTimeout(() => process.exit(1), config.shutdownGraceMs + 15_000);
  force.unref();
  try {
    // new connections are refused; requests in flight finish and are answered (at most
    // TAKT_SHUTDOWN_GRACE_MS); sockets close with 1001: clients resume elsewhere with `since`
    await app.close();
    metricsServer?.close();
    await services.realtime.stop();
    await services.webhooks.stop(); // lets deliveries in flight finish and be recorded
    await jobs.stop(); // running jobs finish; queued ones wait in PostgreSQL for any process
    await db.close(); // the pool, then the embedded PostgreSQL
    log.info('stopped');
    process.exit(0);
  } catch (err) {
    log.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
// the embedded PostgreSQL stops last, after the drain, not when the signal arrives
drainBeforeStoppingOnSignals();
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
