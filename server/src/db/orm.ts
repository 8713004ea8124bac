import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from './migrations/index.ts';
import type { Logger } from '../shared/logger.ts';
import type { DatabaseTimeouts } from '../config.ts';

/**
 * MikroORM on PostgreSQL, as the connection pool, transaction and migration runner: every query is
 * hand-written SQL through `em.execute`, and no entity is defined yet (docs/adr/0008 says where
 * entities will serve). Migrations are listed explicitly (migrations/index.ts) so that the server
 * runs from TypeScript sources on Node 24 without a file-discovery step; schema auto-sync is never used.
 */
export function ormOptions(clientUrl: string, log?: Logger, replicaUrls: readonly string[] = [], timeouts?: DatabaseTimeouts): Options {
  return {
    clientUrl,
    // Reports read from replicas (connectionType 'read'); board reads and everything in or after a
    // write use the primary, because they run on the default write connection.
    ...(replicaUrls.length ? { replicas: replicaUrls.map((url) => ({ clientUrl: url })) } : {}),
    preferReadReplicas: false,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    pool: { min: 0, max: 20 },
    // node-postgres sends these as session settings when it opens each pooled connection
    ...(timeouts ? { driverOptions: { statement_timeout: timeouts.statementTimeoutMs, lock_timeout: timeouts.lockTimeoutMs } } : {}),
    debug: false,
    allowGlobalContext: false,
    logger: (msg) => log?.debug({ orm: msg }, 'orm'),
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false },
  };
}

export type Orm = MikroORM;

export async function openDatabase(clientUrl: string, log?: Logger, replicaUrls: readonly string[] = [], timeouts?: DatabaseTimeouts): Promise<Orm> {
  return MikroORM.init(ormOptions(clientUrl, log, replicaUrls, timeouts));
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}
