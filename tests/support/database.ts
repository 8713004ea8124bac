import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { EMBEDDED_ROLES, urlAs } from '../../server/src/db/roles.ts';

/** Creates a fresh database cloned from the migrated, demo-seeded template; returns its URL. */
export async function cloneTemplate(adminUrl: string, template: string): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name} template ${template} owner ${EMBEDDED_ROLES.owner.user}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * How a server process reaches a test database: requests as the runtime role, migrations as the
 * owner role, like the embedded mode (docs/security.md, "Database roles"). Tests themselves keep
 * the superuser's URL to read and arrange rows behind the server's back.
 */
export function serverRoleUrls(adminUrl: string): { DATABASE_URL: string; DATABASE_OWNER_URL: string } {
  return { DATABASE_URL: urlAs(adminUrl, EMBEDDED_ROLES.runtime), DATABASE_OWNER_URL: urlAs(adminUrl, EMBEDDED_ROLES.owner) };
}

/** Runs one query on a database and returns the rows (tests read the raw rows independently). */
export async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
