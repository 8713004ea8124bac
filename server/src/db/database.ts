import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrate, openDatabase, type Orm } from './orm.ts';

export interface Database {
  orm: Orm;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Opens the configured database (external `DATABASE_URL`, else the embedded PostgreSQL under
 * `.data/`) and applies pending migrations before anything else touches it.
 */
export async function openConfiguredDatabase(config: Config, log: Logger): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, log);
  const url = config.databaseUrl ?? embedded!.url;
  const orm = await openDatabase(url, log, config.replicaUrls, config.db);
  const applied = await migrate(orm);
  if (applied.length) log.info({ applied }, 'migrations applied');
  return {
    orm,
    url,
    embedded: embedded !== null,
    async close() {
      await orm.close();
      await embedded?.stop();
    },
  };
}
