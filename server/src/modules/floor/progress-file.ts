import { pgArray } from '../../db/sql.ts';
import { AppError, badInput } from '../../shared/errors.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import type { RowError, SourceRow } from '../import/contract.ts';
import { readCsvFile } from '../import/read-files.ts';
import { recordProgress, type ProgressAction, type ProgressInput } from './progress.service.ts';

/**
 * `progress.csv` (docs/floor.md): progress reports from an MES or a spreadsheet, one per row, with
 * jobs named the way the floor knows them — order number and routing step. Each row is applied on
 * its own through `recordProgress`, exactly as `reportProgress` would be: a report is a fact from
 * the floor, so a bad row does not hold back the good ones, and its idempotency key keeps a
 * retried file from counting anything twice.
 */

/** The header of a progress file, in this order when a tool writes one. */
export const PROGRESS_COLUMNS = ['order_number', 'step', 'action', 'good_quantity', 'scrap_quantity', 'hours', 'at', 'idempotency_key'] as const;
type Column = (typeof PROGRESS_COLUMNS)[number];

/** Each row takes the plant's write lock in turn; more rows than this belong in several files. */
export const MAX_PROGRESS_ROWS = 1_000;
const MAX_FILE_BYTES = 1024 * 1024;
const ACTIONS: readonly ProgressAction[] = ['START', 'PAUSE', 'RESUME', 'COMPLETE', 'REPORT'];
/** ISO 8601 with a time and its offset: an MES's clock and the plant's may not share a zone. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** The column of the file that holds what `reportProgress` calls `field` in an error. */
const COLUMN_OF: Record<string, Column> = {
  action: 'action', goodQuantity: 'good_quantity', scrapQuantity: 'scrap_quantity', hours: 'hours', at: 'at', idempotencyKey: 'idempotency_key',
};

export type ProgressRowOutcome = 'APPLIED' | 'DUPLICATE' | 'REJECTED';

export interface ProgressRowResult {
  row: number;
  outcome: ProgressRowOutcome;
  orderNumber: string;
  idempotencyKey: string;
  jobId: string | null;
  column: string | null;
  value: string | null;
  reason: string | null;
  code: AppError['code'] | null;
}

export interface ProgressFileResult {
  applied: number;
  duplicates: number;
  rejected: number;
  rows: ProgressRowResult[];
}

/** A row refused before it reaches `reportProgress`, pointing at its cell. */
class RowProblem extends Error {
  readonly column: Column;
  readonly value: string;
  readonly code: AppError['code'];
  constructor(column: Column, value: string, reason: string, code: AppError['code'] = 'BAD_USER_INPUT') {
    super(reason);
    this.column = column;
    this.value = value;
    this.code = code;
  }
}

/** Applies the rows of a progress file in file order for the actor's plant; see the module's comment. */
export async function reportProgressFile(services: Services, actor: Actor, content: Buffer): Promise<ProgressFileResult> {
  if (content.length > MAX_FILE_BYTES) throw badInput(`The file has ${(content.length / 1024).toFixed(0)} KB; at most ${MAX_FILE_BYTES / 1024} KB. Split it: each row stands alone.`, 'file');
  const { rows, errors } = readCsvFile({ name: 'progress.csv', content }, PROGRESS_COLUMNS);
  // a broken header, encoding or quoting leaves no row to read: the file as a whole is refused
  if (rows.length === 0 && errors.length > 0) throw badInput(errors.map((e) => `progress.csv row ${e.row}: ${e.reason}`).join(' '), 'file');
  if (rows.length + errors.length > MAX_PROGRESS_ROWS) throw badInput(`The file has ${rows.length + errors.length} rows; at most ${MAX_PROGRESS_ROWS}. Split it: each row stands alone.`, 'file');

  const jobs = await jobsByStep(services, actor.plantId, rows);
  const results: ProgressRowResult[] = errors.map(unreadable);
  for (const row of rows) results.push(await applyRow(services, actor, row, jobs));
  results.sort((a, b) => a.row - b.row);
  const count = (o: ProgressRowOutcome) => results.filter((r) => r.outcome === o).length;
  return { applied: count('APPLIED'), duplicates: count('DUPLICATE'), rejected: count('REJECTED'), rows: results };
}

/** The plant's orders named in the file, with their jobs by routing step. */
async function jobsByStep(services: Services, plantId: string, rows: SourceRow[]): Promise<Map<string, Map<number, string>>> {
  const numbers = [...new Set(rows.map((r) => r.cells.order_number!.trim()))];
  const found = await services.orm.em.fork().execute<{ number: string; seq: number | null; id: string | null }[]>(
    'select o.number, j.seq, j.id from sales_order o left join job j on j.order_id = o.id where o.plant_id = ? and o.number = any(?::text[])',
    [plantId, pgArray(numbers)]);
  const jobs = new Map<string, Map<number, string>>();
  for (const f of found) {
    const steps = jobs.get(f.number) ?? new Map<number, string>();
    if (f.id !== null && f.seq !== null) steps.set(f.seq, f.id);
    jobs.set(f.number, steps);
  }
  return jobs;
}

async function applyRow(services: Services, actor: Actor, row: SourceRow, jobs: Map<string, Map<number, string>>): Promise<ProgressRowResult> {
  const cells = row.cells as Record<Column, string>;
  const base = { row: row.row, orderNumber: cells.order_number.trim(), idempotencyKey: cells.idempotency_key.trim(), jobId: null };
  let input: ProgressInput;
  try {
    input = toInput(cells, jobs);
  } catch (err) {
    if (!(err instanceof RowProblem)) throw err;
    return { ...base, outcome: 'REJECTED', column: err.column, value: err.value, reason: err.message, code: err.code };
  }
  const done = { ...base, jobId: input.jobId, column: null, value: null, reason: null, code: null };
  try {
    const { duplicate } = await recordProgress(services, actor, input);
    return { ...done, outcome: duplicate ? 'DUPLICATE' : 'APPLIED' };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const field = typeof err.extensions.field === 'string' ? COLUMN_OF[err.extensions.field] : undefined;
    // CONFLICT: the job's state refused the action (a second START, a COMPLETE on a done job)
    const column = field ?? (err.code === 'CONFLICT' ? 'action' : null);
    return { ...done, outcome: 'REJECTED', column, value: column ? cells[column as Column] : null, reason: err.message, code: err.code };
  }
}

/** The row as `reportProgress`'s input; ranges and keys are left to it, so both paths judge alike. */
function toInput(cells: Record<Column, string>, jobs: Map<string, Map<number, string>>): ProgressInput {
  const order = cells.order_number.trim();
  const steps = jobs.get(order);
  if (!steps) throw new RowProblem('order_number', cells.order_number, order === '' ? 'Give the order number.' : `There is no order ${order} in this plant.`, order === '' ? 'BAD_USER_INPUT' : 'NOT_FOUND');
  const step = cells.step.trim();
  const jobId = /^\d{1,3}$/.test(step) ? steps.get(Number(step)) : undefined;
  if (!jobId) {
    const known = [...steps.keys()].sort((a, b) => a - b);
    throw new RowProblem('step', cells.step, known.length === 0 ? `Order ${order} has no planned steps.` : `Order ${order} has steps ${known[0]} to ${known.at(-1)}; give one of them.`);
  }
  const action = cells.action.trim().toUpperCase() as ProgressAction;
  if (!ACTIONS.includes(action)) throw new RowProblem('action', cells.action, `The action must be one of ${ACTIONS.join(', ')}.`);
  const at = cells.at.trim();
  if (at !== '' && !TIMESTAMP.test(at)) throw new RowProblem('at', cells.at, 'Give the time as ISO 8601 with its offset, e.g. 2026-12-02T14:30:00Z or 2026-12-02T15:30:00+01:00, or leave it empty for now.');
  return {
    jobId, action, at: at === '' ? null : at, idempotencyKey: cells.idempotency_key,
    goodQuantity: number(cells, 'good_quantity'), scrapQuantity: number(cells, 'scrap_quantity'), hours: number(cells, 'hours'),
  };
}

/** An empty cell is null; a number is written with `.` for decimals and no thousands separator. */
function number(cells: Record<Column, string>, column: Column): number | null {
  const text = cells[column].trim();
  if (text === '') return null;
  if (!NUMBER.test(text)) throw new RowProblem(column, cells[column], 'Give a number with "." for decimals and no thousands separator, or leave the cell empty.');
  return Number(text);
}

/** A row the CSV reader could not split into the header's cells. */
function unreadable(e: RowError): ProgressRowResult {
  return { row: e.row, outcome: 'REJECTED', orderNumber: '', idempotencyKey: '', jobId: null, column: null, value: null, reason: e.reason, code: 'BAD_USER_INPUT' };
}
