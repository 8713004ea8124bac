import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { code, signIn, type ApiClient, type GraphQLResponse } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { bearer, createToken } from '../support/security.ts';
import { buildPlant, todayUtc, type FactoryPlant } from '../support/factories.ts';
import { checkInvariants } from '../support/invariants.ts';

/**
 * `progress.csv` over HTTP (docs/floor.md): an MES's file of reports applied row by row in file
 * order, each with its board event; the same file again changes nothing; a bad row is answered
 * with its row and column while the good rows apply; only the floor and progress:write tokens.
 */

const FILE = `mutation($file: Base64!) { reportProgressFile(file: $file) {
  applied duplicates rejected rows { row outcome orderNumber idempotencyKey jobId column value reason code } } }`;
const HEADER = 'order_number,step,action,good_quantity,scrap_quantity,hours,at,idempotency_key';

interface RowResult {
  row: number; outcome: string; orderNumber: string; idempotencyKey: string; jobId: string | null;
  column: string | null; value: string | null; reason: string | null; code: string | null;
}
interface FileResult { applied: number; duplicates: number; rejected: number; rows: RowResult[] }

let server: TestServer;
let plant: FactoryPlant;
let operator: ApiClient;
const numbers: Record<string, string> = {};
const at = `${todayUtc()}T06:30:00+01:00`;

const csv = (...rows: string[]) => Buffer.from(`${[HEADER, ...rows].join('\r\n')}\r\n`).toString('base64');
const send = (client: ApiClient, file: string) => client.request<{ reportProgressFile: FileResult }>(FILE, { file });
const applied = (res: GraphQLResponse<{ reportProgressFile: FileResult }>) => {
  expect(res.errors).toBeUndefined();
  return res.data!.reportProgressFile;
};
const eventSeq = async () => (await sql<{ seq: number }>(server.databaseUrl, 'select event_seq::int as seq from plant where id = $1', [plant.plantId]))[0]!.seq;
const jobState = (jobId: string) => sql<{ status: string; completed: number; scrap: number; minutes: number }>(
  server.databaseUrl, 'select status, completed_quantity as completed, scrap_quantity as scrap, actual_minutes as minutes from job where id = $1', [jobId]);

beforeAll(async () => {
  server = await startServer();
  plant = await buildPlant(server.databaseUrl, {
    orders: { A: { quantity: 4, dueInWorkingDays: 8 }, B: { quantity: 3, dueInWorkingDays: 10 }, C: { quantity: 2, dueInWorkingDays: 12 }, D: { quantity: 2, dueInWorkingDays: 14 } },
  });
  for (const [name, o] of Object.entries(plant.orders)) {
    numbers[name] = (await sql<{ number: string }>(server.databaseUrl, 'select number from sales_order where id = $1', [o.id]))[0]!.number;
  }
  operator = await signIn(server.url, plant.users.OPERATOR);
});
afterAll(async () => {
  await server?.stop();
});

describe('reportProgressFile', () => {
  const file = () => csv(
    `${numbers.A},1,START,,,,${at},mes-a-start`,
    `${numbers.A},1,COMPLETE,4,0,3.5,${at},mes-a-done`,
    `${numbers.B},1,start,,,,,mes-b-start`,
    `${numbers.B},1,REPORT,1,1,1.25,,mes-b-1`,
  );

  it('applies START and COMPLETE rows in file order, each with its board event', async () => {
    const before = await eventSeq();
    const result = applied(await send(operator, file()));
    expect(result).toMatchObject({ applied: 4, duplicates: 0, rejected: 0 });
    expect(result.rows.map((r) => [r.row, r.outcome, r.orderNumber, r.jobId, r.code])).toEqual([
      [2, 'APPLIED', numbers.A, plant.orders.A!.jobId, null],
      [3, 'APPLIED', numbers.A, plant.orders.A!.jobId, null],
      [4, 'APPLIED', numbers.B, plant.orders.B!.jobId, null],
      [5, 'APPLIED', numbers.B, plant.orders.B!.jobId, null],
    ]);
    expect(await jobState(plant.orders.A!.jobId)).toEqual([{ status: 'DONE', completed: 4, scrap: 0, minutes: 210 }]);
    expect(await jobState(plant.orders.B!.jobId)).toEqual([{ status: 'STARTED', completed: 1, scrap: 1, minutes: 75 }]);
    const [report] = await sql<{ at: Date }>(server.databaseUrl, `select at from progress_report where plant_id = $1 and idempotency_key = 'mes-a-start'`, [plant.plantId]);
    expect(report!.at.toISOString()).toBe(new Date(at).toISOString());

    // one SCHEDULE_CHANGED per row, in the file's order, each carrying its job as it was then
    const events = await sql<{ payload: { type: string; jobs: { id: string; status: string; completedQuantity: number }[] } }>(
      server.databaseUrl, 'select payload from board_event where plant_id = $1 and seq > $2 order by seq', [plant.plantId, before]);
    expect(events.map((e) => e.payload.type)).toEqual(Array(4).fill('SCHEDULE_CHANGED'));
    const jobIn = (i: number, id: string) => events[i]!.payload.jobs.find((j) => j.id === id);
    expect([jobIn(0, plant.orders.A!.jobId), jobIn(1, plant.orders.A!.jobId), jobIn(2, plant.orders.B!.jobId), jobIn(3, plant.orders.B!.jobId)]).toEqual([
      expect.objectContaining({ status: 'STARTED', completedQuantity: 0 }),
      expect.objectContaining({ status: 'DONE', completedQuantity: 4 }),
      expect.objectContaining({ status: 'STARTED', completedQuantity: 0 }),
      expect.objectContaining({ status: 'STARTED', completedQuantity: 1 }),
    ]);
  });

  it('applies nothing twice when the same file comes again', async () => {
    const before = await eventSeq();
    const result = applied(await send(operator, file()));
    expect(result).toMatchObject({ applied: 0, duplicates: 4, rejected: 0 });
    expect(result.rows.map((r) => r.outcome)).toEqual(['DUPLICATE', 'DUPLICATE', 'DUPLICATE', 'DUPLICATE']);
    expect(await eventSeq()).toBe(before);
    expect(await jobState(plant.orders.B!.jobId)).toEqual([{ status: 'STARTED', completed: 1, scrap: 1, minutes: 75 }]);
  });

  it('answers a bad row with its row, column, value, reason and code, and applies the good rows around it', async () => {
    const c = numbers.C;
    const result = applied(await send(operator, csv(
      `SO-NOPE,1,START,,,,,bad-order`,
      `${c},2,START,,,,,bad-step`,
      `${c},1,BEGIN,,,,,bad-action`,
      `${c},1,REPORT,-2,,,,bad-quantity`,
      `${c},1,REPORT,1,,"1,5",,bad-decimal`,
      `${c},1,START,,,,2026-12-02 14:00,bad-at`,
      `${c},1,START,,,,,c-start`,
      `${c},1,START,,,,,c-start-again`,
      `${numbers.D},1,COMPLETE,,,,,d-done`,
    )));
    expect(result).toMatchObject({ applied: 2, duplicates: 0, rejected: 7 });
    expect(result.rows.map(({ row, outcome, column, value, code }) => ({ row, outcome, column, value, code }))).toEqual([
      { row: 2, outcome: 'REJECTED', column: 'order_number', value: 'SO-NOPE', code: 'NOT_FOUND' },
      { row: 3, outcome: 'REJECTED', column: 'step', value: '2', code: 'BAD_USER_INPUT' },
      { row: 4, outcome: 'REJECTED', column: 'action', value: 'BEGIN', code: 'BAD_USER_INPUT' },
      { row: 5, outcome: 'REJECTED', column: 'good_quantity', value: '-2', code: 'BAD_USER_INPUT' },
      { row: 6, outcome: 'REJECTED', column: 'hours', value: '1,5', code: 'BAD_USER_INPUT' },
      { row: 7, outcome: 'REJECTED', column: 'at', value: '2026-12-02 14:00', code: 'BAD_USER_INPUT' },
      { row: 8, outcome: 'APPLIED', column: null, value: null, code: null },
      { row: 9, outcome: 'REJECTED', column: 'action', value: 'START', code: 'CONFLICT' },
      { row: 10, outcome: 'APPLIED', column: null, value: null, code: null },
    ]);
    expect(result.rows[1]!.reason).toBe(`Order ${c} has steps 1 to 1; give one of them.`);
    expect(result.rows[3]!.reason).toContain('whole number');
    expect(result.rows.every((r) => r.outcome !== 'REJECTED' || (r.reason ?? '').length > 10)).toBe(true);
    expect(await jobState(plant.orders.C!.jobId)).toEqual([{ status: 'STARTED', completed: 0, scrap: 0, minutes: 0 }]);
    expect(await jobState(plant.orders.D!.jobId)).toEqual([expect.objectContaining({ status: 'DONE', completed: 2 })]);
    const keys = await sql<{ key: string }>(server.databaseUrl, `select idempotency_key as key from progress_report where plant_id = $1 and idempotency_key like 'bad-%'`, [plant.plantId]);
    expect(keys).toEqual([]);
    expect(await checkInvariants(server.databaseUrl, plant.plantId)).toEqual([]);
  });

  it('refuses a file whose header lacks a column, applying nothing', async () => {
    const before = await eventSeq();
    const res = await send(operator, Buffer.from(`order_number,step,action,idempotency_key\n${numbers.C},1,PAUSE,c-pause\n`).toString('base64'));
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toContain('missing: good_quantity, scrap_quantity, hours, at');
    expect(await eventSeq()).toBe(before);
  });

  it('takes a file from a progress:write token; a token without that scope and a sales rep get FORBIDDEN', async () => {
    const admin = await signIn(server.url, plant.users.ADMIN);
    const mes = await createToken(admin, 'API', 'MES', ['progress:write']);
    const reader = await createToken(admin, 'API', 'BI', ['reports:read', 'orders:write']);
    const rep = await signIn(server.url, plant.users.SALES_REP);
    const file = csv(`${numbers.C},1,PAUSE,,,0.5,,mes-c-pause`);
    expect(code(await bearer(server.url, reader.secret, FILE, { file }))).toBe('FORBIDDEN');
    expect(code(await send(rep, file))).toBe('FORBIDDEN');
    const res = await bearer<{ reportProgressFile: FileResult }>(server.url, mes.secret, FILE, { file });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportProgressFile).toMatchObject({ applied: 1, rows: [{ row: 2, outcome: 'APPLIED' }] });
    const [job] = await sql<{ paused: boolean }>(server.databaseUrl, 'select paused from job where id = $1', [plant.orders.C!.jobId]);
    expect(job!.paused).toBe(true);
  });
});
