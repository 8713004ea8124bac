import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type Orm } from '../../server/src/db/orm.ts';
import { cloneTemplate } from './database.ts';
import { startServer, type TestServer } from './server.ts';

/**
 * A server for this test file and an ORM on its database, for tests that check behind the API
 * what the server keeps (caches, rows). Both are ready in the tests and closed after the file.
 */
export function serverWithDatabase(): { readonly server: TestServer; readonly orm: Orm } {
  const ctx = {} as { server: TestServer; orm: Orm };
  beforeAll(async () => {
    ctx.server = await startServer();
    ctx.orm = await openDatabase(ctx.server.databaseUrl);
  });
  afterAll(async () => {
    await ctx.orm?.close();
    await ctx.server?.stop();
  });
  return ctx;
}

/** A database of its own for this test file, cloned from the migrated template, with an ORM on it. */
export function templateDatabase(): { readonly url: string; readonly orm: Orm } {
  const ctx = {} as { url: string; orm: Orm };
  beforeAll(async () => {
    ctx.url = await cloneTemplate(inject('adminDatabaseUrl'), inject('templateDatabase'));
    ctx.orm = await openDatabase(ctx.url);
  });
  afterAll(async () => {
    await ctx.orm?.close();
  });
  return ctx;
}
