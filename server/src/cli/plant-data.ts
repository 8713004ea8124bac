import { parseArgs } from 'node:util';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { loadConfig } from '../config.ts';
import { createServices } from '../services.ts';
import { systemClock } from '../shared/clock.ts';
import type { Orm } from '../db/orm.ts';
import { AppError } from '../shared/errors.ts';
import type { Actor } from '../modules/auth/actor.ts';
import type { Role } from '../modules/auth/roles.ts';
import { createPlant } from '../modules/masterdata/masterdata.service.ts';
import { importPlantData, type ImportOutcome } from '../modules/import/import.service.ts';
import { exportPlantData } from '../modules/import/export.service.ts';
import type { ImportFile } from '../modules/import/read-files.ts';
import { Failure, UsageError } from './errors.ts';
import { parse, required, withDatabase } from './shared.ts';
import { isUuid } from '../shared/ids.ts';

/** `takt plant create`, `takt import`, `takt export` (docs/import.md). */

export function servicesFor(orm: Orm) {
  const config = loadConfig();
  return createServices(orm, config, systemClock(config.clockOffsetMs));
}

/** The plant named by id or by its (unique) name. */
export async function resolvePlant(orm: Orm, plant: string): Promise<string> {
  const rows = await orm.em.fork().execute<{ id: string }[]>(
    `select id from plant where ${isUuid(plant) ? 'id = ?::uuid' : 'name = ?'}`, [plant]);
  if (rows.length === 0) throw new Failure(`There is no plant "${plant}"; "takt plants" lists them.`);
  if (rows.length > 1) throw new Failure(`${rows.length} plants are named "${plant}"; give the plant's id (see "takt plants").`);
  return rows[0]!.id;
}

/** Parses `--plant` and the boolean flags, plus the positional path(s). */
export function withPath(args: string[]) {
  try {
    return parseArgs({
      args, strict: true, allowPositionals: true,
      options: { plant: { type: 'string' }, as: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'retire-missing': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export async function plantCreateCommand(args: string[], help: string): Promise<void> {
  const values = parse(args, { name: { type: 'string' }, 'time-zone': { type: 'string' }, 'ship-buffer-days': { type: 'string' } });
  if (values.help) return void process.stdout.write(help);
  const name = required(values, 'name');
  const timeZone = required(values, 'time-zone');
  const buffer = (values['ship-buffer-days'] as string | undefined) ?? '1';
  if (!/^\d{1,2}$/.test(buffer)) throw new UsageError(`--ship-buffer-days must be a whole number from 0 to 30, got "${buffer}".`);
  await withDatabase(async (db) => {
    try {
      const plant = await createPlant(servicesFor(db.orm), null, { name, timeZone, shipBufferDays: Number(buffer) });
      process.stdout.write(`${plant.id}\n`);
    } catch (err) {
      if (err instanceof AppError && err.code === 'BAD_USER_INPUT') throw new UsageError(err.message);
      throw err;
    }
  });
}

/** The files of a folder (its `.csv` files) or one `.xlsx` workbook. */
async function filesAt(path: string): Promise<ImportFile[]> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new UsageError(`There is no file or folder "${path}".`);
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((n) => /\.csv$/i.test(n)).sort();
    if (names.length === 0) throw new UsageError(`The folder "${path}" holds no .csv files (work_centers.csv, products.csv, …).`);
    return Promise.all(names.map(async (n) => ({ name: n, content: await readFile(join(path, n)) })));
  }
  if (!/\.(xlsx|csv)$/i.test(path)) throw new UsageError(`Give a folder of CSV files or one .xlsx workbook, not "${basename(path)}".`);
  return [{ name: basename(path), content: await readFile(path) }];
}

/**
 * `--as EMAIL`: the plant's user the import acts as. Once the plant is live its new and changed
 * order rows become change orders, and a change order has a proposer (docs/import.md).
 */
export async function importer(orm: Orm, plantId: string, email: string | undefined): Promise<Actor | null> {
  if (email === undefined) return null;
  const [user] = await orm.em.fork().execute<{ id: string; role: Role; name: string; active: boolean }[]>(
    'select id, role, name, active from app_user where plant_id = ? and lower(email) = lower(?)', [plantId, email]);
  if (!user) throw new Failure(`There is no user "${email}" in this plant; --as names a user of the plant (see "takt user list").`);
  if (!user.active) throw new Failure(`${email} is deactivated and cannot propose change orders.`);
  return { kind: 'user', userId: user.id, role: user.role, plantId, name: user.name };
}

/** Late orders listed one by one (rejected rows are always listed in full). */
const LATE_ORDERS_LISTED = 20;

function report(outcome: ImportOutcome): string {
  const lines = ['file                  created  updated  unchanged  retired  rejected'];
  for (const c of outcome.counts) {
    lines.push(`${c.entity.padEnd(20)}  ${[c.created, c.updated, c.unchanged, c.retired, c.rejected].map((n, i) => String(n).padStart([7, 7, 9, 7, 8][i]!)).join('  ')}`);
  }
  if (outcome.impact) {
    const i = outcome.impact;
    lines.push('', `Orders placed: ${i.ordersPlaced}; late: ${i.lateOrders.length}; future buckets above auto-approve: ${i.bucketsAboveAuto}, above manager: ${i.bucketsAboveManager}, above capacity: ${i.bucketsAboveCapacity}.`);
    for (const l of i.lateOrders.slice(0, LATE_ORDERS_LISTED)) lines.push(`  late: ${l.number} due ${l.dueDate}, earliest ${l.earliestDate ?? 'not within the horizon'}`);
    if (i.lateOrders.length > LATE_ORDERS_LISTED) lines.push(`  … and ${i.lateOrders.length - LATE_ORDERS_LISTED} more late orders`);
  }
  if (outcome.changeOrders.length) {
    lines.push('', `Order rows that ${outcome.mode === 'DRY_RUN' ? 'would become' : 'became'} change orders (the plant is live):`);
    for (const c of outcome.changeOrders) {
      const waits = c.waitsFor.length ? `, waits for ${c.waitsFor.join(', ')}` : '';
      lines.push(`  ${c.file}:${c.row} ${c.orderNumber}${c.changeOrderNumber ? ` ${c.changeOrderNumber}` : ''}: ${c.kinds.join(', ')}, tier ${c.tier}, ${c.status}${waits}`);
    }
  }
  if (outcome.errors.length) {
    lines.push('', `${outcome.errors.length} problem(s); nothing was written:`);
    for (const e of outcome.errors) lines.push(`  ${e.file}:${e.row}${e.column ? ` ${e.column}` : ''}${e.value !== '' ? ` "${e.value}"` : ''}: ${e.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Returns the exit code: 0 applied or a clean dry run, 1 rows rejected. */
export async function importCommand(args: string[], help: string): Promise<number> {
  const { values, positionals } = withPath(args);
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const plant = required(values, 'plant');
  if (positionals.length !== 1) throw new UsageError('Give one folder of CSV files or one .xlsx workbook to import.');
  const files = await filesAt(positionals[0]!);
  return withDatabase(async (db) => {
    const services = servicesFor(db.orm);
    const plantId = await resolvePlant(db.orm, plant);
    const retireMissing = values['retire-missing'] === true;
    const actor = await importer(db.orm, plantId, values.as);
    const run = async (mode: 'DRY_RUN' | 'COMMIT', previewToken: string | null) => {
      try {
        return await importPlantData(services, actor, plantId, files, { mode, retireMissing, previewToken });
      } catch (err) {
        // CONFLICT (the plant changed between the dry run and the commit) and the like: say it plainly
        if (err instanceof AppError) throw new Failure(`${err.message} Nothing was written.`);
        throw err;
      }
    };
    const preview = await run('DRY_RUN', null);
    if (preview.errors.length > 0 || values['dry-run']) {
      process.stdout.write(report(preview));
      if (preview.errors.length === 0) process.stdout.write('Dry run: nothing was written.\n');
      return preview.errors.length > 0 ? 1 : 0;
    }
    const done = await run('COMMIT', preview.previewToken);
    const changed = done.counts.some((c) => c.created + c.updated + c.retired > 0);
    process.stdout.write(`${report(done)}${changed ? `Imported into plant ${plantId}.` : `Nothing to change in plant ${plantId}: every row is as it is.`}\n`);
    return 0;
  });
}

export async function exportCommand(args: string[], help: string): Promise<void> {
  const { values, positionals } = withPath(args);
  if (values.help) return void process.stdout.write(help);
  if (values['dry-run'] || values['retire-missing'] || values.as !== undefined) throw new UsageError('export takes only --plant and a target.');
  const plant = required(values, 'plant');
  if (positionals.length !== 1) throw new UsageError('Give the folder (for CSV files) or the .xlsx file to export to.');
  const target = positionals[0]!;
  const xlsx = /\.xlsx$/i.test(target);
  await withDatabase(async (db) => {
    const plantId = await resolvePlant(db.orm, plant);
    const files = await exportPlantData(db.orm.em.fork(), plantId, xlsx ? 'XLSX' : 'CSV');
    if (xlsx) await writeFile(target, files[0]!.content);
    else {
      await mkdir(target, { recursive: true });
      for (const f of files) await writeFile(join(target, f.name), f.content);
    }
    process.stdout.write(`Exported plant ${plantId} to ${target}${xlsx ? '' : ` (${files.map((f) => f.name).join(', ')})`}.\n`);
  });
}
