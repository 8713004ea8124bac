import type { Config } from '../config.ts';
import type { Logger } from '../shared/logger.ts';
import { migrateJobQueue } from '../jobs/job-queue.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrate, openDatabase, type Orm } from './orm.ts';
import { grantRuntime, provisionEmbeddedRoles } from './roles.ts';

export interface Database {
  orm: Orm;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Opens the configured database (external `DATABASE_URL`, else the embedded PostgreSQL under
 * `.data/`) and applies pending migrations before anything else touches it. Migrations run as
 * the owner role (DATABASE_OWNER_URL; the embedded cluster makes its own), which then grants the
 * runtime role what requests need; the returned ORM is the runtime role's (docs/security.md).
 */
export async function openConfiguredDatabase(config: Config, log: Logger): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, log, config.embeddedPgPort);
  try {
    const { ownerUrl, runtimeUrl } = embedded
      ? await provisionEmbeddedRoles(embedded.url)
      : { runtimeUrl: config.databaseUrl!, ownerUrl: config.databaseOwnerUrl ?? config.databaseUrl! };
    const orm = await openDatabase(runtimeUrl, log, config.replicaUrls, config.db);
    const applied = await migrateAsOwner(ownerUrl, orm, log);
    if (applied.length) log.info({ applied }, 'migrations applied');
    return {
      orm,
      url: runtimeUrl,
      embedded: embedded !== null,
      async close() {
        await orm.close();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}

/**
 * Migrates Takt's schema and the job queue's as the role at `ownerUrl` and, when that is not the
 * runtime ORM's role, grants the runtime role its privileges. Returns the migrations applied.
 */
export async function migrateAsOwner(ownerUrl: string, runtime: Orm, log: Logger): Promise<string[]> {
  const runtimeUrl = runtime.config.get('clientUrl') as string;
  const owner = ownerUrl === runtimeUrl ? runtime : await openDatabase(ownerUrl, log);
  try {
    const applied = await migrate(owner);
    await migrateJobQueue(ownerUrl, log);
    const [runtimeRole, ownerRole] = await Promise.all([runtime, owner].map(roleOf));
    if (runtimeRole !== ownerRole) await grantRuntime(owner.em.fork(), runtimeRole!);
    return applied;
  } finally {
    if (owner !== runtime) await owner.close();
  }
}

async function roleOf(orm: Orm): Promise<string> {
  const [row] = await orm.em.fork().execute<{ name: string }[]>('select current_user as name');
  return row!.name;
}
