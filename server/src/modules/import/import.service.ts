import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify/sync';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError, badInput } from '../../shared/errors.ts';
import { buildSchedule, toDay } from '../../engine/index.ts';
import { withPlantWrite, type PlantWrite } from '../events/write-path.ts';
import { insertOrdersWithJobs } from '../order/order.repository.ts';
import { currentPolicy, toEnginePolicy } from '../policy/policy.service.ts';
import { plantById } from '../plant/plant.service.ts';
import { loadScheduleInput } from '../schedule/schedule.loader.ts';
import { canonical, type OrderRecord } from '../masterdata/records.ts';
import { loadMasterData, optionKey } from '../masterdata/snapshot.ts';
import { openOrdersByProduct } from '../masterdata/open-work.ts';
import {
  materializeCalendar, saveCalendarException, saveCustomer, saveProduct, saveUser, saveWorkCenter,
} from '../masterdata/apply.ts';
import { fileLabel, IMPORT_ENTITIES, type RowError } from './contract.ts';
import { readImportFiles, type ImportFile } from './read-files.ts';
import { parseRows, type ParsedImport } from './parse-rows.ts';
import { planImport, type EntityCount, type ImportPlan } from './import.plan.ts';
import { placeCutOver, type CutOverImpact } from './cut-over.ts';
import { openProposalsOf, proposeOrderRows, proposerOf, type ImportChangeOrder } from './go-live.ts';
import { ImportProgress } from './import-progress.ts';

export type ImportMode = 'DRY_RUN' | 'COMMIT';

export interface ImportOptions {
  mode: ImportMode;
  retireMissing: boolean;
  /**
   * COMMIT: the dry run's token; the commit writes only if it still describes the same files and
   * plant state. Without one, a COMMIT validates and writes in one step (an integration's push).
   */
  previewToken: string | null;
  /** COMMIT: a retried commit with the same key and files returns the first outcome and writes nothing. */
  idempotencyKey?: string | null;
  /** Where the import tells how far it is (docs/import.md, "Progress"); silent when not given. */
  progress?: ImportProgress;
}

/** The preview or outcome of an import (the GraphQL ImportResult). */
export interface ImportOutcome {
  mode: ImportMode;
  applied: boolean;
  previewToken: string;
  counts: EntityCount[];
  errors: RowError[];
  errorsCsv: string;
  impact: CutOverImpact | null;
  /** Order rows that became (or in a dry run would become) change orders: the plant is live. */
  changeOrders: ImportChangeOrder[];
}

/** Thrown inside a transaction to roll it back with the outcome to report (a dry run, a refused commit). */
class RolledBack extends Error {
  readonly outcome: ImportOutcome;
  constructor(outcome: ImportOutcome) {
    super('rolled back');
    this.outcome = outcome;
  }
}

/** Longest idempotency key accepted. */
const MAX_IDEMPOTENCY_KEY = 200;

/** The rejected rows as a CSV file a person can open, fix from and import again. */
export function errorsAsCsv(errors: readonly RowError[]): string {
  return stringify(errors.map((e) => [e.file, e.row, e.column, neutralize(e.value), e.reason]), { header: true, columns: ['file', 'row', 'column', 'value', 'reason'] });
}

/** A cell that a spreadsheet would read as a formula gets a leading `'`, so it stays text. */
export const neutralize = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * Imports a plant's files (docs/import.md). The dry run does everything the commit does — master
 * data written by key, orders placed by the engine — inside a transaction it then rolls back, so
 * the preview's counts, errors and schedule impact are exactly the commit's. Its token is a hash
 * of the parsed rows, the options and the plant's event sequence: a COMMIT holds the plant's
 * write lock, recomputes it and writes only when it matches (else CONFLICT: the files or the plant
 * changed). A COMMIT without a token (an integration's push) validates and writes in one step.
 * Master data is all-or-nothing with one audit event for the batch; with any rejected row nothing
 * is written. A COMMIT with an idempotency key that was committed before with the same files
 * returns that first outcome and writes nothing.
 */
export async function importPlantData(services: Services, actor: Actor | null, plantId: string, files: readonly ImportFile[], options: ImportOptions): Promise<ImportOutcome> {
  const read = await readImportFiles(files);
  const errors = [...read.errors];
  const parsed = parseRows(read.tables, read.workbook, errors);
  requireScopes(actor, parsed);
  const progress = options.progress ?? ImportProgress.silent(plantId);
  const rows = rowCount(parsed);
  progress.step('READING', rows, rows);
  const fingerprint = canonical({ parsed, retireMissing: options.retireMissing });
  const tokenAt = (seq: number) => createHash('sha256').update(`${fingerprint}\u0000${plantId}\u0000${seq}`).digest('base64url');
  const key = options.idempotencyKey?.trim() || null;
  if (key !== null && (options.mode !== 'COMMIT' || key.length > MAX_IDEMPOTENCY_KEY)) {
    throw badInput(`An idempotency key goes with a COMMIT and has at most ${MAX_IDEMPOTENCY_KEY} characters.`, 'idempotencyKey');
  }

  if (options.mode === 'DRY_RUN') {
    try {
      await services.orm.em.fork().transactional(async (em) => {
        // Orders may become change orders, whose numbering writes the plant row: take its lock first,
        // in the order every writer takes it, so a dry run waits for a writer instead of deadlocking with one.
        const [plant] = await em.execute<{ event_seq: string }[]>(`select event_seq from plant where id = ?${parsed.orders ? ' for update' : ''}`, [plantId]);
        if (!plant) throw new AppError('NOT_FOUND', `Plant ${plantId} was not found.`);
        // the dry run's write: events, audit and notifications go nowhere, since it rolls back
        const dry: PlantWrite = { em, plantId, actor, seq: Number(plant.event_seq), emit: () => {}, audit: () => {}, publish: () => {} };
        const outcome = await runImport(services, dry, parsed, read.workbook, errors, { ...options, progress });
        throw new RolledBack({ ...outcome, mode: 'DRY_RUN', applied: false, previewToken: tokenAt(dry.seq) });
      });
    } catch (err) {
      if (err instanceof RolledBack) return err.outcome;
      throw err;
    }
    throw new Error('unreachable: a dry run always rolls back');
  }

  const digest = createHash('sha256').update(fingerprint).digest('hex');
  try {
    const { value } = await withPlantWrite(services.orm, plantId, actor, async (w) => {
      if (key !== null) {
        const [done] = await w.em.execute<{ fingerprint: string; outcome: ImportOutcome }[]>(
          'select fingerprint, outcome from import_batch where plant_id = ? and idempotency_key = ?', [plantId, key]);
        if (done && done.fingerprint !== digest) throw new AppError('CONFLICT', 'This idempotency key was used for other files; use a new key for a new batch.', { currentVersion: w.seq });
        if (done) return done.outcome;
      }
      const token = tokenAt(w.seq);
      if (options.previewToken && token !== options.previewToken) {
        throw new AppError('CONFLICT', 'The plant changed since the dry run, or the files differ from the ones previewed; run the dry run again and commit its token.', { currentVersion: w.seq });
      }
      const outcome = await runImport(services, w, parsed, read.workbook, errors, { ...options, progress });
      if (outcome.errors.length > 0) throw new RolledBack({ ...outcome, mode: 'COMMIT', applied: false, previewToken: token });
      const committed: ImportOutcome = { ...outcome, mode: 'COMMIT', applied: true, previewToken: token };
      if (key !== null) {
        await w.em.execute('insert into import_batch (plant_id, idempotency_key, fingerprint, outcome) values (?, ?, ?, ?::jsonb)', [plantId, key, digest, JSON.stringify(committed)]);
      }
      return committed;
    });
    return value;
  } catch (err) {
    if (err instanceof RolledBack) return err.outcome;
    throw err;
  }
}

/** Rows of every file, for progress. */
const rowCount = (parsed: ParsedImport) => Object.values(parsed).reduce((n, list) => n + list.length, 0);

/**
 * An API token imports only what its scopes cover: `masterdata:write` any file, `orders:write`
 * orders alone (docs/import.md, "The API"); a signed-in user is covered by the permission table.
 */
function requireScopes(actor: Actor | null, parsed: ParsedImport): void {
  if (actor?.kind !== 'api' || actor.scopes?.includes('masterdata:write')) return;
  const others = IMPORT_ENTITIES.filter((e) => e !== 'orders' && parsed[e] !== undefined);
  if (others.length > 0) throw new AppError('FORBIDDEN', `An orders:write token pushes orders only; ${others.join(', ')} need a token with the masterdata:write scope.`);
}

async function runImport(
  services: Services, w: PlantWrite, parsed: ParsedImport, workbook: boolean, errors: RowError[], options: ImportOptions & { progress: ImportProgress },
): Promise<Omit<ImportOutcome, 'mode' | 'applied' | 'previewToken'>> {
  const { em, plantId, actor } = w;
  const { progress } = options;
  const rows = rowCount(parsed);
  progress.step('CHECKING', rows);
  const data = await loadMasterData(em, plantId);
  const { records: existingOrders, ids: orderIds } = await ordersAsRecords(em, plantId);
  const elsewhere = await em.execute<{ email: string }[]>('select lower(email) as email from app_user where plant_id <> ?', [plantId]);
  const [me] = actor?.userId ? await em.execute<{ email: string }[]>('select lower(email) as email from app_user where id = ?', [actor.userId]) : [];
  const plan = planImport(parsed, {
    data, openOrders: await openOrdersByProduct(em, plantId), optionsInUse: await optionsInUse(em, plantId), existingOrders,
    openProposals: existingOrders.size > 0 ? await openProposalsOf(em, plantId) : new Map(), emailsElsewhere: new Set(elsewhere.map((u) => u.email)),
    actorEmail: me?.email ?? null, retireMissing: options.retireMissing, workbook,
  }, errors);
  progress.step('CHECKING', rows, rows);
  const result = (impact: CutOverImpact | null, changeOrders: ImportChangeOrder[] = []) => ({ counts: plan.counts, errors, errorsCsv: errorsAsCsv(errors), impact, changeOrders });
  if (errors.length > 0) return result(null);
  const proposer = plan.proposals.length > 0 ? await proposerOf(em, actor) : null;

  const boardChanged = await writeMasterData(em, plantId, plan, services.clock.now(), progress);
  let impact: CutOverImpact | null = null;
  if (plan.orders.length > 0) {
    impact = await placeOrders(services, em, plantId, plan.orders, errors, workbook, progress);
    if (errors.length > 0) return result(impact);
  }
  const changeOrders = plan.proposals.length === 0 ? [] : await proposeOrderRows(services, w, proposer, plan.proposals, {
    data: await loadMasterData(em, plantId), orderIds, file: fileLabel('orders', workbook), batch: options.idempotencyKey?.trim() || null, dryRun: options.mode === 'DRY_RUN',
  }, errors);
  if (errors.length > 0) return result(impact, changeOrders);
  if (boardChanged || plan.orders.length > 0) w.emit({ type: 'BOARD_RESET', reason: 'plant data imported' });
  const written = plan.counts.some((c) => c.created + c.updated + c.retired > 0);
  if (written) {
    w.audit({
      action: 'IMPORT_COMMITTED', entityType: 'Plant', entityId: plantId,
      data: {
        counts: Object.fromEntries(plan.counts.map(({ entity, ...c }) => [entity, c])), retireMissing: options.retireMissing,
        ordersPlaced: impact?.ordersPlaced ?? 0, changeOrders: changeOrders.map((c) => c.changeOrderNumber), idempotencyKey: options.idempotencyKey ?? null,
      },
    });
  }
  return result(impact, changeOrders);
}

/** Writes the plan's master data in import order; true when what boards show (calendars, catalogue, customers) changed. */
async function writeMasterData(em: EntityManager, plantId: string, plan: ImportPlan, now: Date, progress: ImportProgress): Promise<boolean> {
  let written = 0;
  progress.step('WRITING', plan.workCenters.length + plan.exceptions.length + plan.products.length + plan.customers.length + plan.users.length);
  const tick = () => progress.tick(++written);
  for (const w of plan.workCenters) await saveWorkCenter(em, plantId, w.record, w.stored).then(tick);
  const wcIds = new Map((await em.execute<{ code: string; id: string }[]>('select code, id from work_center where plant_id = ?', [plantId])).map((r) => [r.code, r.id]));
  for (const w of plan.exceptions) await saveCalendarException(em, plantId, w.record, w.record.workCenterCode ? wcIds.get(w.record.workCenterCode)! : null, w.stored).then(tick);
  if (plan.workCenters.length || plan.exceptions.length) await materializeCalendar(em, plantId);
  for (const w of plan.products) await saveProduct(em, plantId, w.record, wcIds, w.stored).then(tick);
  for (const w of plan.customers) await saveCustomer(em, plantId, w.record, w.stored).then(tick);
  for (const w of plan.users) await saveUser(em, plantId, w.record, now, w.stored).then(tick);
  return plan.workCenters.length + plan.exceptions.length + plan.products.length + plan.customers.length > 0;
}

/** Places the cut-over orders on the plant's schedule (as written so far in this transaction) and inserts them. */
async function placeOrders(
  services: Services, em: EntityManager, plantId: string, rows: { row: number; value: OrderRecord }[], errors: RowError[], workbook: boolean, progress: ImportProgress,
): Promise<CutOverImpact> {
  const plant = await plantById(em, services.clock, plantId);
  const policy = toEnginePolicy(await currentPolicy(em, plantId), plant.shipBufferDays);
  const schedule = buildSchedule(await loadScheduleInput(em, plantId));
  const data = await loadMasterData(em, plantId);
  const orders = rows.map(({ value: o }) => {
    const product = data.products.get(o.sku)!;
    const optionIds = Object.entries(o.options).map(([a, v]) => product.optionIds.get(optionKey(a, v))!);
    const optionCost = product.record.options.filter((x) => o.options[x.attribute] === x.value).reduce((s, x) => s + x.addCostCents, 0);
    return {
      number: o.number, customerId: data.customers.get(o.customerCode)!.id, productId: product.id, quantity: o.quantity, optionIds,
      dueDate: o.dueDate, unitPriceCents: o.unitPriceCents ?? product.record.listPriceCents + optionCost, completedSteps: o.completedSteps,
    };
  });
  progress.step('PLACING', orders.length);
  const placed = await placeCutOver(schedule, policy, toDay(plant.today), orders, progress);
  const rowOf = new Map(rows.map((r) => [r.value.number, r.row]));
  for (const u of placed.unplaced) errors.push({ file: fileLabel('orders', workbook), row: rowOf.get(u.number)!, column: 'due_date', value: u.number, reason: `cannot be placed: ${u.reason}` });
  if (placed.unplaced.length === 0) {
    progress.step('SAVING', placed.orders.length);
    await insertOrdersWithJobs(em, plantId, placed.orders);
    progress.step('SAVING', placed.orders.length, placed.orders.length);
  }
  return placed.impact;
}

/** Options orders chose, as `attribute=value` per SKU. */
async function optionsInUse(em: EntityManager, plantId: string): Promise<Map<string, Set<string>>> {
  const rows = await em.execute<{ sku: string; option: string }[]>(
    `select distinct p.sku, po.attribute || '=' || po.value as option from sales_order o
       join product_option po on po.id = any(o.option_ids) join product p on p.id = po.product_id where o.plant_id = ?`, [plantId]);
  const out = new Map<string, Set<string>>();
  for (const r of rows) out.set(r.sku, (out.get(r.sku) ?? new Set()).add(r.option));
  return out;
}

/** The plant's orders as import rows (to tell a re-import's unchanged rows from changes after go-live), and their ids. */
async function ordersAsRecords(em: EntityManager, plantId: string): Promise<{ records: Map<string, OrderRecord>; ids: Map<string, { id: string; version: number }> }> {
  const rows = await em.execute<{ id: string; version: number; number: string; customerCode: string; sku: string; quantity: number; options: string[] | null; dueDate: string; unitPriceCents: string; completedSteps: number }[]>(
    `select o.id, o.version, o.number, c.code as "customerCode", p.sku, o.quantity, o.due_date::text as "dueDate", o.unit_price_cents as "unitPriceCents",
            (select array_agg(po.attribute || '=' || po.value) from product_option po where po.id = any(o.option_ids)) as options,
            (select count(*)::int from job j where j.order_id = o.id and j.status = 'DONE') as "completedSteps"
       from sales_order o join customer c on c.id = o.customer_id join product p on p.id = o.product_id where o.plant_id = ?`, [plantId]);
  const records = new Map(rows.map((r) => [r.number, {
    number: r.number, customerCode: r.customerCode, sku: r.sku, quantity: r.quantity,
    options: Object.fromEntries((r.options ?? []).map((x) => [x.slice(0, x.indexOf('=')), x.slice(x.indexOf('=') + 1)])),
    dueDate: r.dueDate, unitPriceCents: Number(r.unitPriceCents), completedSteps: r.completedSteps,
  }]));
  return { records, ids: new Map(rows.map((r) => [r.number, { id: r.id, version: r.version }])) };
}
