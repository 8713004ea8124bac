import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient, as, code } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { clockOffsetMs, suiteToday } from '../support/suite-clock.ts';
import { bearer, createToken } from '../support/security.ts';
import { DEFAULT_POLICY } from '../../server/src/engine/index.ts';

/**
 * Bringing a plant in (docs/import.md): the example machine shop in docs/examples/plant imported
 * with the CLI, its board, re-imports, a file of bad rows, the XLSX round trip, and the GraphQL
 * import's preview token, encodings and formula cells — on a real server and PostgreSQL.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLE = join(ROOT, 'docs/examples/plant');

interface Run { code: number | null; stdout: string; stderr: string }

let server: TestServer;
let admin: ApiClient & { plantId: string };
let work: string;

function takt(args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['server/src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: server.databaseUrl, LOG_LEVEL: 'warn', TAKT_CLOCK_OFFSET_MS: String(clockOffsetMs()) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', fail);
    child.once('exit', (c) => done({ code: c, stdout, stderr }));
  });
}

async function createPlant(name: string): Promise<string> {
  const run = await takt(['plant', 'create', '--name', name, '--time-zone', 'America/Chicago']);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout.trim();
}

/** A planner of `plantId`, created by the demo admin with a one-time set-password token. */
async function plannerOf(plantId: string, email: string): Promise<ApiClient> {
  const created = await admin.data<{ createUser: { setPasswordToken: string } }>(
    'mutation($p: ID!, $i: UserInput!) { createUser(plantId: $p, input: $i) { setPasswordToken user { id active } } }',
    { p: plantId, i: { email, name: 'Planner', role: 'PLANNER' } });
  const client = new ApiClient(server.url);
  expect(await client.data('mutation($t: String!) { setPasswordWithToken(token: $t, newPassword: "a long password") }', { t: created.createUser.setPasswordToken })).toEqual({ setPasswordWithToken: true });
  expect((await client.login(email, 'a long password')).data?.login).toMatchObject({ role: 'PLANNER', plantId });
  return client;
}

interface BoardData {
  board: {
    plant: { today: string };
    workCenters: { id: string; code: string; weeklyHours: number[] }[];
    buckets: { workCenterId: string; date: string; capacityHours: number; loadHours: number }[];
    jobs: { workCenterId: string; start: string; end: string; hours: number; status: string; orderId: string }[];
    orders: { id: string; number: string }[];
  };
}

async function boardOf(client: ApiClient, plantId: string, from: string, to: string): Promise<BoardData['board']> {
  return (await client.data<BoardData>(
    `query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) {
       plant { today } workCenters { id code weeklyHours } buckets { workCenterId date capacityHours loadHours }
       jobs { workCenterId start end hours status orderId } orders { id number } } }`, { p: plantId, f: from, t: to })).board;
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const csvRows = async (dir: string, name: string) => (await readFile(join(dir, name), 'utf8')).trim().split('\n').slice(1).map((l) => l.split(','));
const counts = (stdout: string): Record<string, number[]> => Object.fromEntries(stdout.split('\n').map((l) => l.trim().split(/\s+/)).filter((p) => p.length === 6 && /^\d+$/.test(p[1]!)).map((p) => [p[0], p.slice(1).map(Number)]));

let plantId: string;
let planner: ApiClient;

beforeAll(async () => {
  server = await startServer();
  admin = await as(server.url, 'ADMIN');
  work = await mkdtemp(join(tmpdir(), 'takt-import-'));
  plantId = await createPlant('Brightwater Precision Machining');
  planner = await plannerOf(plantId, 'planner@brightwater.test');
});
afterAll(async () => {
  await server?.stop();
});

describe('importing the example machine shop with the CLI', () => {
  it('previews with --dry-run, writing nothing, then commits', async () => {
    const dry = await takt(['import', '--plant', 'Brightwater Precision Machining', '--dry-run', EXAMPLE]);
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    expect(counts(dry.stdout)).toEqual({
      work_centers: [6, 0, 0, 0, 0], calendar_exceptions: [6, 0, 0, 0, 0], products: [8, 0, 0, 0, 0], routing_steps: [26, 0, 0, 0, 0],
      product_options: [10, 0, 0, 0, 0], customers: [8, 0, 0, 0, 0], users: [5, 0, 0, 0, 0], orders: [40, 0, 0, 0, 0],
    });
    expect(dry.stdout).toContain('Orders placed: 40');
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(await sql(server.databaseUrl, 'select id from work_center where plant_id = $1 union all select id from sales_order where plant_id = $1', [plantId])).toEqual([]);

    const run = await takt(['import', '--plant', plantId, EXAMPLE]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`Imported into plant ${plantId}`);
    const [n] = await sql<Record<string, number>>(server.databaseUrl, `select
      (select count(*)::int from work_center where plant_id = $1) as wc, (select count(*)::int from product where plant_id = $1) as products,
      (select count(*)::int from customer where plant_id = $1) as customers, (select count(*)::int from sales_order where plant_id = $1) as orders,
      (select count(*)::int from audit_event where plant_id = $1 and action = 'IMPORT_COMMITTED') as audits`, [plantId]);
    expect(n).toEqual({ wc: 6, products: 8, customers: 8, orders: 40, audits: 1 });
  });

  it('shows its work centers on the board with their weekly hours and exceptions, and its orders with no bucket above the auto-approve tier', async () => {
    const today = (await boardOf(planner, plantId, '2026-01-01', '2026-01-01')).plant.today;
    const to = addDays(today, 26 * 7 - 1);
    const board = await boardOf(planner, plantId, today, to);
    const centers = await csvRows(EXAMPLE, 'work_centers.csv');
    expect(board.workCenters.map((w) => w.code)).toEqual(centers.map((c) => c[0]));
    const weekly = new Map(centers.map((c) => [c[0]!, [c[8], c[2], c[3], c[4], c[5], c[6], c[7]].map(Number)])); // Sunday first
    for (const w of board.workCenters) expect([w.code, w.weeklyHours]).toEqual([w.code, weekly.get(w.code)]);
    const exceptions = await csvRows(EXAMPLE, 'calendar_exceptions.csv');
    const codeOf = new Map(board.workCenters.map((w) => [w.id, w.code]));
    let checked = 0;
    for (const b of board.buckets) {
      const wc = codeOf.get(b.workCenterId)!;
      const e = exceptions.find(([c, from, until]) => (c === '' || c === wc) && from! <= b.date && b.date <= (until || from)!
        && !(c === '' && exceptions.some(([c2, f2, u2]) => c2 === wc && f2! <= b.date && b.date <= (u2 || f2)!)));
      const expected = e ? Number(e[3]) : weekly.get(wc)![new Date(`${b.date}T00:00:00Z`).getUTCDay()]!;
      expect([wc, b.date, b.capacityHours]).toEqual([wc, b.date, expected]);
      if (e) checked++;
    }
    expect(board.buckets.length).toBe(6 * 26 * 7);
    if (exceptions.some(([, from, until]) => (until || from)! >= today && from! <= to)) expect(checked).toBeGreaterThan(0);
    for (const b of board.buckets.filter((x) => x.date > today)) {
      expect(b.loadHours * 60, `${codeOf.get(b.workCenterId)} ${b.date}`).toBeLessThanOrEqual(Math.floor((DEFAULT_POLICY.autoApproveMaxUtilizationBp * b.capacityHours * 60) / 10_000) + 0.01);
    }
    // completed steps are done at cut-over and hold no future load
    const done = board.jobs.filter((j) => j.status === 'DONE');
    expect(done).toEqual([]);
    expect((await sql<{ n: number }>(server.databaseUrl, `select count(*)::int as n from job where plant_id = $1 and status = 'DONE' and end_date > $2::date`, [plantId, today]))[0]!.n).toBe(0);
    expect((await sql<{ n: number }>(server.databaseUrl, `select count(*)::int as n from job where plant_id = $1 and status = 'DONE'`, [plantId]))[0]!.n).toBeGreaterThan(0);
  });

  it('reports every row unchanged when the same files come again, and writes nothing', async () => {
    const before = await sql(server.databaseUrl, `select (select event_seq from plant where id = $1)::int as seq, (select count(*)::int from audit_event where plant_id = $1) as audits,
      (select sum(version)::int from work_center where plant_id = $1) + (select sum(version)::int from product where plant_id = $1) + (select sum(version)::int from customer where plant_id = $1) as versions`, [plantId]);
    const run = await takt(['import', '--plant', plantId, EXAMPLE]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Nothing to change');
    for (const [entity, [created, updated, unchanged, retired, rejected]] of Object.entries(counts(run.stdout))) {
      expect([entity, created, updated, retired, rejected]).toEqual([entity, 0, 0, 0, 0]);
      expect(unchanged).toBeGreaterThan(0);
    }
    expect(await sql(server.databaseUrl, `select (select event_seq from plant where id = $1)::int as seq, (select count(*)::int from audit_event where plant_id = $1) as audits,
      (select sum(version)::int from work_center where plant_id = $1) + (select sum(version)::int from product where plant_id = $1) + (select sum(version)::int from customer where plant_id = $1) as versions`, [plantId])).toEqual(before);
  });

  it('updates exactly the one row that changed', async () => {
    const dir = join(work, 'one-change');
    await cp(EXAMPLE, dir, { recursive: true });
    const text = await readFile(join(dir, 'customers.csv'), 'utf8');
    await writeFile(join(dir, 'customers.csv'), text.replace('Tom Becker', 'Tom Becker <tom@ironbridge.example>'));
    const run = await takt(['import', '--plant', plantId, dir]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(counts(run.stdout).customers).toEqual([0, 1, 7, 0, 0]);
    expect(counts(run.stdout).work_centers).toEqual([0, 0, 6, 0, 0]);
    expect(await sql(server.databaseUrl, 'select code, contact, version from customer where plant_id = $1 and version > 1', [plantId]))
      .toEqual([{ code: 'C-104', contact: 'Tom Becker <tom@ironbridge.example>', version: 2 }]);
  });

  it('retires what a file no longer lists with --retire-missing, and deletes nothing', async () => {
    // only customers.csv: retiring applies to the files given (users not listed elsewhere stay active)
    const current = join(work, 'customers-now');
    const dir = join(work, 'retire');
    await cp(join(work, 'one-change', 'customers.csv'), join(current, 'customers.csv'));
    await cp(current, dir, { recursive: true });
    await writeFile(join(dir, 'customers.csv'), (await readFile(join(dir, 'customers.csv'), 'utf8')).replace(/^C-107,.*\n/m, ''));
    const without = await takt(['import', '--plant', plantId, dir]);
    expect(counts(without.stdout).customers).toEqual([0, 0, 7, 0, 0]); // without the flag a missing row is left alone
    const run = await takt(['import', '--plant', plantId, '--retire-missing', dir]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(counts(run.stdout)).toEqual({ customers: [0, 0, 7, 1, 0] });
    expect(await sql(server.databaseUrl, `select count(*)::int as n from app_user where plant_id = $1 and not active`, [plantId])).toEqual([{ n: 0 }]);
    expect(await sql(server.databaseUrl, `select code, active, version from customer where plant_id = $1 and code = 'C-107'`, [plantId])).toEqual([{ code: 'C-107', active: false, version: 2 }]);
    const back = await takt(['import', '--plant', plantId, current]);
    expect(counts(back.stdout).customers).toEqual([0, 1, 7, 0, 0]);
    expect(await sql(server.databaseUrl, `select active from customer where plant_id = $1 and code = 'C-107'`, [plantId])).toEqual([{ active: true }]);
  });

  it('keeps an option that orders chose: leaving it out of a product\'s options is refused', async () => {
    const dir = join(work, 'options');
    await cp(join(EXAMPLE, 'product_options.csv'), join(dir, 'product_options.csv'));
    await writeFile(join(dir, 'product_options.csv'), 'sku,attribute,value,add_cost_per_unit,add_hours_per_unit,step,review_required\nSHF-1020,material,17-4 PH stainless,22.00,0.15,2,true\n');
    const run = await takt(['import', '--plant', plantId, dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('product_options.csv:2 value "material=4140 alloy steel": orders chose material=4140 alloy steel of SHF-1020, so it cannot be removed');
  });

  it('turns a new order after go-live into a change order proposed by the user named with --as, and refuses it without one', async () => {
    const dir = join(work, 'after-go-live');
    await cp(EXAMPLE, dir, { recursive: true });
    const text = await readFile(join(dir, 'orders.csv'), 'utf8');
    // due two months from the suite's today (a fixed date fell in the past when the suite ran as of 28 March 2027)
    const due = new Date(Date.parse(`${suiteToday()}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);
    await writeFile(join(dir, 'orders.csv'), `${text}BW-99999,C-101,PIN-5010,100,,${due},,\n`);
    const run = await takt(['import', '--plant', plantId, dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('orders.csv:42 number "BW-99999": the plant is live: this new order becomes a change order, which needs a proposer; import from the import page, or with takt import --as <your email>');
    const dry = await takt(['import', '--plant', plantId, '--dry-run', '--as', 'planner@brightwater.test', dir]);
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    expect(counts(dry.stdout).orders).toEqual([1, 0, 40, 0, 0]);
    expect(dry.stdout).toMatch(/Order rows that would become change orders \(the plant is live\):\n {2}orders\.csv:42 BW-99999: NEW_ORDER, tier \w+, (APPLIED|PENDING|INFEASIBLE)/);
    expect(await sql(server.databaseUrl, 'select id from change_order where plant_id = $1', [plantId])).toEqual([]);
  });

  it('lists every bad row with its row and column, and writes nothing', async () => {
    const badPlant = await createPlant('Bad rows plant');
    const dir = join(work, 'bad');
    await cp(EXAMPLE, dir, { recursive: true });
    const edit = async (name: string, change: (text: string) => string) => writeFile(join(dir, name), change(await readFile(join(dir, name), 'utf8')));
    await edit('work_centers.csv', (t) => t.replace('GRIND,Surface and cylindrical grinding,8,', 'GRIND,Surface and cylindrical grinding,-8,'));
    await edit('calendar_exceptions.csv', (t) => t.replace('2027-01-01,,0', '2027-01-32,,0'));
    await edit('customers.csv', (t) => `${t}C-103,Hartwell Pumps again,STANDARD,\n`);
    await edit('routing_steps.csv', (t) => t.replace('SHF-1020,3,GRIND', 'SHF-1020,3,HONE').replace('FLG-2040,3,DEBURR', 'FLG-2040,4,DEBURR'));
    await edit('orders.csv', (t) => t.replace('BW-24101,C-108,SHF-1020,19,material=4140 alloy steel', 'BW-24101,C-108,SHF-1020,19,material=titanium')
      .replace('BW-24102,C-108,FLG-2040', 'BW-24102,C-108,FLG-9999'));
    const run = await takt(['import', '--plant', badPlant, dir]);
    expect(run.code, run.stderr).toBe(1);
    const problems = run.stdout.split('\n').filter((l) => /^ {2}\S+:\d+/.test(l)).map((l) => /^ {2}(\S+:\d+ \S+)/.exec(l)![1]);
    expect(problems).toEqual(expect.arrayContaining([
      'work_centers.csv:5 mon_hours', // negative hours
      'calendar_exceptions.csv:3 date_from', // bad date
      'customers.csv:10 code', // duplicate key
      'routing_steps.csv:4 work_center_code', // unknown work center
      'routing_steps.csv:8 step', // step gap (1, 2, 4)
      'orders.csv:2 options', // unknown option
      'orders.csv:3 sku', // unknown product
    ]));
    expect(run.stdout).toContain('nothing was written');
    expect(await sql(server.databaseUrl, 'select id from work_center where plant_id = $1 union all select id from customer where plant_id = $1', [badPlant])).toEqual([]);
  });

  it('exits 2 on usage errors and 1 for a file over 20 MB', async () => {
    expect((await takt(['import', EXAMPLE])).code).toBe(2);
    expect((await takt(['import', '--plant', plantId])).code).toBe(2);
    expect((await takt(['import', '--plant', plantId, '--frobnicate', EXAMPLE])).code).toBe(2);
    const big = join(work, 'big');
    await cp(EXAMPLE, big, { recursive: true });
    await writeFile(join(big, 'orders.csv'), Buffer.alloc(20 * 1024 * 1024 + 10, 0x41));
    const run = await takt(['import', '--plant', plantId, '--dry-run', big]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('orders.csv:1: The file has 20.0 MB; at most 20 MB per file');
  });
});

describe('export and the XLSX round trip', () => {
  it('exports a plant as a workbook that imports into a new plant with an equal board', async () => {
    const xlsx = join(work, 'brightwater.xlsx');
    const exported = await takt(['export', '--plant', plantId, xlsx]);
    expect(exported.code, exported.stderr).toBe(0);
    // users sign in to one plant: a copy of a plant leaves them out
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['work_centers', 'calendar_exceptions', 'products', 'routing_steps', 'product_options', 'customers', 'users', 'orders']);
    workbook.removeWorksheet(workbook.getWorksheet('users')!.id);
    const copy = join(work, 'brightwater-copy.xlsx');
    await workbook.xlsx.writeFile(copy);
    const copyId = await createPlant('Brightwater copy');
    const run = await takt(['import', '--plant', copyId, copy]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const copyPlanner = await plannerOf(copyId, 'planner@brightwater-copy.test');
    const today = (await boardOf(planner, plantId, '2026-01-01', '2026-01-01')).plant.today;
    const range = [today, addDays(today, 26 * 7 - 1)] as const;
    const comparable = (b: BoardData['board']) => {
      const code = new Map(b.workCenters.map((w) => [w.id, w.code]));
      const number = new Map(b.orders.map((o) => [o.id, o.number]));
      return {
        workCenters: b.workCenters.map((w) => [w.code, w.weeklyHours]),
        buckets: b.buckets.map((x) => `${code.get(x.workCenterId)} ${x.date} ${x.capacityHours} ${x.loadHours}`).sort(),
        jobs: b.jobs.map((j) => `${number.get(j.orderId)} ${code.get(j.workCenterId)} ${j.start} ${j.end} ${j.hours} ${j.status}`).sort(),
      };
    };
    const original = comparable(await boardOf(planner, plantId, ...range));
    expect(original.jobs.length).toBeGreaterThan(40);
    expect(comparable(await boardOf(copyPlanner, copyId, ...range))).toEqual(original);
  });

  it('exports CSV files that are a valid import of the same plant, with formula-like text neutralized', async () => {
    const manager = await as(server.url, 'PLANT_MANAGER');
    await manager.data('mutation($p: ID!, $i: CustomerInput!) { createCustomer(plantId: $p, input: $i) { id } }',
      { p: manager.plantId, i: { code: 'EVIL-1', name: '=HYPERLINK("http://evil.example","click")', contact: '@attacker' } });
    const res = await manager.data<{ exportPlantData: { name: string; content: string }[] }>(
      'query($p: ID!) { exportPlantData(plantId: $p, format: CSV) { name content } }', { p: manager.plantId });
    expect(res.exportPlantData.map((f) => f.name)).toEqual(['work_centers.csv', 'calendar_exceptions.csv', 'products.csv', 'routing_steps.csv',
      'product_options.csv', 'customers.csv', 'users.csv', 'orders.csv']);
    const customers = Buffer.from(res.exportPlantData.find((f) => f.name === 'customers.csv')!.content, 'base64').toString('utf8');
    expect(customers).toContain(`EVIL-1,"'=HYPERLINK(""http://evil.example"",""click"")",STANDARD,'@attacker`);
    const again = await manager.data<{ importPlantData: { errors: unknown[]; counts: { entity: string; created: number; updated: number; unchanged: number }[] } }>(
      `mutation($p: ID!, $f: [ImportFileInput!]!) { importPlantData(plantId: $p, files: $f, mode: DRY_RUN) {
         errors { file row column reason } counts { entity created updated unchanged } } }`,
      { p: manager.plantId, f: res.exportPlantData.filter((f) => f.name !== 'orders.csv').map((f) => ({ name: f.name, content: f.content })) });
    expect(again.importPlantData.errors).toEqual([]);
    for (const c of again.importPlantData.counts) expect([c.entity, c.created, c.updated]).toEqual([c.entity, 0, 0]);
  });
});

describe('the GraphQL import', () => {
  const customersCsv = (rows: string) => Buffer.from(`code,name,tier,contact\n${rows}`, 'utf8').toString('base64');
  const IMPORT = `mutation($p: ID!, $f: [ImportFileInput!]!, $m: ImportMode!, $t: String) { importPlantData(plantId: $p, files: $f, mode: $m, previewToken: $t) {
    applied previewToken counts { entity created updated unchanged rejected } errors { file row column value reason } errorsCsv } }`;

  it('commits exactly what was previewed, and refuses with CONFLICT when the plant changed in between', async () => {
    const manager = await as(server.url, 'PLANT_MANAGER');
    const files = [{ name: 'customers.csv', content: customersCsv('NEW-1,New customer one,STANDARD,\n') }];
    type R = { importPlantData: { applied: boolean; previewToken: string; counts: { created: number }[] } };
    const dry = await manager.data<R>(IMPORT, { p: manager.plantId, f: files, m: 'DRY_RUN' });
    expect(dry.importPlantData).toMatchObject({ applied: false, counts: [{ created: 1 }] });
    expect(await sql(server.databaseUrl, `select id from customer where code = 'NEW-1'`)).toEqual([]);
    await manager.data('mutation($p: ID!) { createCustomer(plantId: $p, input: { code: "MEANWHILE", name: "Someone else" }) { id } }', { p: manager.plantId });
    const stale = await manager.request(IMPORT, { p: manager.plantId, f: files, m: 'COMMIT', t: dry.importPlantData.previewToken });
    expect(code(stale)).toBe('CONFLICT');
    const fresh = await manager.data<R>(IMPORT, { p: manager.plantId, f: files, m: 'DRY_RUN' });
    const done = await manager.data<R>(IMPORT, { p: manager.plantId, f: files, m: 'COMMIT', t: fresh.importPlantData.previewToken });
    expect(done.importPlantData).toMatchObject({ applied: true, counts: [{ created: 1 }] });
    expect(await sql(server.databaseUrl, `select name from customer where code = 'NEW-1'`)).toEqual([{ name: 'New customer one' }]);
  });

  it('answers garbage, wrong encodings and formula cells with rejected rows and a downloadable error file', async () => {
    const manager = await as(server.url, 'PLANT_MANAGER');
    type R = { importPlantData: { errors: { file: string; row: number; column: string; reason: string }[]; errorsCsv: string } };
    const latin1 = Buffer.from('code,name,tier,contact\nLAT-1,M\xfcller GmbH,STANDARD,\n', 'latin1').toString('base64');
    const res = await manager.data<R>(IMPORT, { p: manager.plantId, m: 'DRY_RUN', f: [
      { name: 'customers.csv', content: customersCsv('F-1,"=HYPERLINK(""http://evil.example"",""x"")",STANDARD,\nF-2,Fine,PLATINUM,\n') },
      { name: 'products.csv', content: latin1 },
      { name: 'orders.csv', content: Buffer.from([0xff, 0xfe, 0x41, 0x00]).toString('base64') },
      { name: 'users.csv', content: Buffer.from([0x00, 0x9f, 0x92, 0x96, 0xff]).toString('base64') },
    ] });
    expect(res.importPlantData.errors.map((e) => `${e.file}:${e.row}:${e.column}`).sort()).toEqual([
      'customers.csv:2:name', 'customers.csv:3:tier', 'orders.csv:1:', 'products.csv:1:', 'users.csv:1:',
    ]);
    expect(res.importPlantData.errorsCsv.split('\n')[0]).toBe('file,row,column,value,reason');
    expect(res.importPlantData.errorsCsv).toContain(`customers.csv,2,name,"'=HYPERLINK(""http://evil.example"",""x"")"`);
    const notBase64 = await manager.request(IMPORT, { p: manager.plantId, m: 'DRY_RUN', f: [{ name: 'customers.csv', content: '%%% not base64 %%%' }] });
    expect(code(notBase64)).toBe('BAD_USER_INPUT');
  });
});

describe('an integration pushing rows', () => {
  const PUSH = `mutation($p: ID!, $f: [ImportFileInput!]!, $k: String) { importPlantData(plantId: $p, files: $f, mode: COMMIT, idempotencyKey: $k) {
    applied counts { entity created updated unchanged rejected } errors { row column reason } } }`;
  type Push = { importPlantData: { applied: boolean; counts: { entity: string; created: number; updated: number; unchanged: number; rejected: number }[]; errors: { row: number; column: string }[] } };

  it('commits with a masterdata:write API token and an idempotency key: a retried push applies once', async () => {
    const token = await createToken(admin, 'API', 'ERP', ['masterdata:write']);
    const files = [{ name: 'customers.csv', content: Buffer.from('code,name,tier,contact\nERP-1,Pushed by the ERP,STANDARD,\n').toString('base64') }];
    const first = await bearer<Push>(server.url, token.secret, PUSH, { p: admin.plantId, f: files, k: 'erp-batch-0001' });
    expect(first.errors).toBeUndefined();
    expect(first.data!.importPlantData).toMatchObject({ applied: true, counts: [{ entity: 'customers', created: 1 }] });
    const seq = await sql(server.databaseUrl, 'select event_seq from plant where id = $1', [admin.plantId]);
    const retry = await bearer<Push>(server.url, token.secret, PUSH, { p: admin.plantId, f: files, k: 'erp-batch-0001' });
    expect(retry.data!.importPlantData).toEqual(first.data!.importPlantData);
    expect(await sql(server.databaseUrl, 'select event_seq from plant where id = $1', [admin.plantId])).toEqual(seq);
    expect(await sql(server.databaseUrl, `select count(*)::int as n from customer where code = 'ERP-1'`)).toEqual([{ n: 1 }]);
    expect((await sql<{ n: number }>(server.databaseUrl, `select count(*)::int as n from audit_event where action = 'IMPORT_COMMITTED' and data->>'idempotencyKey' = 'erp-batch-0001'`))[0]!.n).toBe(1);
    const reused = await bearer(server.url, token.secret, PUSH, { p: admin.plantId, f: [{ name: 'customers.csv', content: Buffer.from('code,name,tier,contact\nERP-2,Other,STANDARD,\n').toString('base64') }], k: 'erp-batch-0001' });
    expect(code(reused)).toBe('CONFLICT');
    // a push with a bad row writes nothing and says why
    const bad = await bearer<Push>(server.url, token.secret, PUSH, { p: admin.plantId, f: [{ name: 'customers.csv', content: Buffer.from('code,name,tier,contact\nERP-3,Fine,STANDARD,\nERP-4,,GOLD,\n').toString('base64') }], k: 'erp-batch-0002' });
    expect(bad.data!.importPlantData).toMatchObject({ applied: false, errors: [{ row: 3, column: 'name' }, { row: 3, column: 'tier' }] });
    expect(await sql(server.databaseUrl, `select code from customer where code in ('ERP-3', 'ERP-4')`)).toEqual([]);
  });

  it('lets a write scope do nothing else, and a read-only token no import', async () => {
    const writer = await createToken(admin, 'API', 'ERP writer', ['masterdata:write']);
    const reader = await createToken(admin, 'API', 'BI reader', ['reports:read']);
    const files = [{ name: 'customers.csv', content: Buffer.from('code,name,tier,contact\n').toString('base64') }];
    expect(code(await bearer(server.url, reader.secret, PUSH, { p: admin.plantId, f: files }))).toBe('FORBIDDEN');
    expect(code(await bearer(server.url, writer.secret, 'mutation($p: ID!) { createCustomer(plantId: $p, input: { code: "X", name: "X" }) { id } }', { p: admin.plantId }))).toBe('FORBIDDEN');
    expect(code(await bearer(server.url, writer.secret, PUSH, { p: plantId, f: files }))).toBe('NOT_FOUND'); // another plant's
  });
});

// keep the folder listing honest: the example holds exactly the contract's files
it('the example plant holds one file per entity', async () => {
  expect((await readdir(EXAMPLE)).sort()).toEqual(['calendar_exceptions.csv', 'customers.csv', 'orders.csv', 'product_options.csv', 'products.csv', 'routing_steps.csv', 'users.csv', 'work_centers.csv']);
});
