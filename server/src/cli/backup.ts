import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../config.ts';
import { backup, BackupError, restore } from '../db/backup.ts';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { provisionEmbeddedRoles } from '../db/roles.ts';
import { createLogger } from '../shared/logger.ts';
import { Failure, UsageError } from './errors.ts';

/** `takt backup` and `takt restore` (docs/operations.md, "Backups"). */

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Runs `task` with the owner role's URL, without migrating: a backup is taken as the database
 * is, and a restore replaces it before any migration (the next start migrates what it restored).
 */
async function withOwnerUrl<T>(task: (ownerUrl: string) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env, { logLevel: 'warn' });
  if (config.databaseUrl) return task(config.databaseOwnerUrl ?? config.databaseUrl);
  const embedded = await startEmbeddedPostgres(config.dataDir, createLogger(config.logLevel), config.embeddedPgPort);
  try {
    return await task((await provisionEmbeddedRoles(embedded.url)).ownerUrl);
  } finally {
    await embedded.stop();
  }
}

function fileArg(args: string[], options: Options): { file: string; values: Record<string, unknown> } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (parsed.values.help) return { file: '', values: parsed.values };
  if (parsed.positionals.length !== 1) throw new UsageError('Name one backup file.');
  return { file: parsed.positionals[0]!, values: parsed.values };
}

export async function backupCommand(args: string[], HELP: string): Promise<void> {
  const { file, values } = fileArg(args, {});
  if (values.help) return void process.stdout.write(HELP);
  const started = performance.now();
  const { tool } = await withOwnerUrl((url) => backup(url, file)).catch(asFailure);
  process.stdout.write(`Backed up to ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s (${tool}).\n`);
}

export async function restoreCommand(args: string[], HELP: string): Promise<void> {
  const { file, values } = fileArg(args, { force: { type: 'boolean' } });
  if (values.help) return void process.stdout.write(HELP);
  const started = performance.now();
  const { tool } = await withOwnerUrl((url) => restore(url, file, { force: values.force === true })).catch(asFailure);
  process.stdout.write(
    `Restored ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s (${tool}). Start the servers: they migrate it if it is older, ` +
      'and live clients that saw later events refetch their board (RESYNC).\n',
  );
}

const asFailure = (err: unknown): never => {
  throw err instanceof BackupError ? new Failure(err.message) : err;
};

