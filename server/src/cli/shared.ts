import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../config.ts';
import { createLogger } from '../shared/logger.ts';
import { openConfiguredDatabase, type Database } from '../db/database.ts';
import { UsageError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function required(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required.`);
  return v.trim();
}

export async function withDatabase<T>(run: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env, { logLevel: 'warn' });
  const db = await openConfiguredDatabase(config, createLogger(config.logLevel));
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

