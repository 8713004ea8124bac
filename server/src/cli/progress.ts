import { readFile } from 'node:fs/promises';
import { AppError } from '../shared/errors.ts';
import type { Actor } from '../modules/auth/actor.ts';
import { reportProgressFile, type ProgressFileResult } from '../modules/floor/progress-file.ts';
import { Failure, UsageError } from './errors.ts';
import { importer, resolvePlant, servicesFor, withPath } from './plant-data.ts';
import { withDatabase } from './shared.ts';

/** `takt progress` (docs/floor.md): a progress.csv file applied row by row, as `reportProgressFile` does. */

function report(result: ProgressFileResult): string {
  const lines = result.rows.map((r) => {
    const where = `progress.csv:${r.row}${r.orderNumber ? ` ${r.orderNumber}` : ''}`;
    if (r.outcome === 'APPLIED') return `  ${where}: applied`;
    if (r.outcome === 'DUPLICATE') return `  ${where}: duplicate, key "${r.idempotencyKey}" was counted before`;
    return `  ${where}: rejected${r.column ? ` ${r.column} "${r.value}"` : ''}: ${r.reason} (${r.code})`;
  });
  lines.push(`Applied ${result.applied}, duplicates ${result.duplicates}, rejected ${result.rejected}.`);
  return `${lines.join('\n')}\n`;
}

/** Returns the exit code: 0 every row applied or a duplicate, 1 rows rejected. */
export async function progressCommand(args: string[], help: string): Promise<number> {
  const { values, positionals } = withPath(args);
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (values['dry-run'] || values['retire-missing']) throw new UsageError('progress takes only --plant, --as and a file.');
  if (typeof values.plant !== 'string' || values.plant.trim() === '') throw new UsageError('--plant is required.');
  if (positionals.length !== 1) throw new UsageError('Give one progress.csv file.');
  const content = await readFile(positionals[0]!).catch(() => {
    throw new UsageError(`There is no file "${positionals[0]}".`);
  });
  return withDatabase(async (db) => {
    const plantId = await resolvePlant(db.orm, values.plant!.trim());
    // without --as the reports are the CLI's own, like an integration's: no person is named in the audit
    const actor: Actor = (await importer(db.orm, plantId, values.as)) ?? { kind: 'api', userId: null, role: null, plantId, name: 'takt progress' };
    const result = await reportProgressFile(servicesFor(db.orm), actor, content).catch((err: unknown) => {
      if (err instanceof AppError) throw new Failure(`${err.message} Nothing was applied.`);
      throw err;
    });
    process.stdout.write(report(result));
    return result.rejected > 0 ? 1 : 0;
  });
}
