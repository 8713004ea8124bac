import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { cloneTemplate, sql } from '../support/database.ts';
import { spawnServer } from '../support/server.ts';
import { ApiClient } from '../support/api.ts';
import { clockOffsetMs } from '../support/suite-clock.ts';

const ROOT = resolve(import.meta.dirname, '../..');

interface Run { code: number | null; stdout: string; stderr: string }

/** Runs `node server/src/cli.ts …` (the real Node 24 binary) against this file's database. */
function takt(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['server/src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', TAKT_PASSWORD: '', TAKT_CLOCK_OFFSET_MS: String(clockOffsetMs()), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', fail);
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

let databaseUrl: string;
let demoPlantId: string;
beforeAll(async () => {
  databaseUrl = await cloneTemplate(inject('adminDatabaseUrl'), inject('templateDatabase'));
  [{ id: demoPlantId }] = (await sql<{ id: string }>(databaseUrl, 'select id from plant')) as [{ id: string }];
});

describe('takt CLI', () => {
  it('prints its usage with --help and exits 0', async () => {
    const run = await takt(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: takt <command>');
    expect(run.stdout).toContain('user create --email E --name N --role ROLE --plant PLANT_ID');
  });

  it('reports the migrated database', async () => {
    const run = await takt(['migrate']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Database is migrated: \d+ migrations applied/);
  });

  it('lists the plants with their work centers and orders', async () => {
    const run = await takt(['plants', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ id: demoPlantId, workCenters: 7, orders: 300 })]);
  });

  it('seeds a plant of any size with copies of the work centers', async () => {
    const run = await takt(['seed', '--orders', '400', '--work-centers-copies', '2', '--plant-name', 'CLI plant', '--seed', '7']);
    expect(run.code, run.stderr).toBe(0);
    const plantId = /Seeded plant ([0-9a-f-]{36}): 14 work centers, 400 orders/.exec(run.stdout)?.[1];
    expect(plantId).toBeDefined();
    const [counts] = await sql<{ orders: number; codes: string[]; users: number; events: number }>(
      databaseUrl,
      `select (select count(*)::int from sales_order where plant_id = $1) orders,
              (select array_agg(code order by sort) from work_center where plant_id = $1) codes,
              (select count(*)::int from app_user where plant_id = $1) users,
              (select count(*)::int from board_event where plant_id = $1) events`,
      [plantId],
    );
    expect(counts).toMatchObject({ orders: 400, users: 0, events: 1 });
    expect(counts!.codes.slice(6, 9)).toEqual(['QA', 'LASER-2', 'BRAKE-2']);
  });

  it('creates the first ADMIN with the password from TAKT_PASSWORD, who can then sign in', async () => {
    const run = await takt(['user', 'create', '--email', 'Root@Plant.test', '--name', 'Root Admin', '--role', 'ADMIN', '--plant', demoPlantId], {
      TAKT_PASSWORD: 'correct horse battery',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Created ADMIN root@plant.test');
    const [audit] = await sql(databaseUrl, `select action, entity_type from audit_event where action = 'USER_CREATED'`);
    expect(audit).toEqual({ action: 'USER_CREATED', entity_type: 'User' });

    const list = await takt(['user', 'list', '--plant', demoPlantId, '--json']);
    expect(JSON.parse(list.stdout)).toContainEqual(expect.objectContaining({ email: 'root@plant.test', role: 'ADMIN', plantId: demoPlantId }));

    const server = await spawnServer({ DATABASE_URL: databaseUrl, TAKT_DEMO: '0' });
    try {
      const client = new ApiClient(server.url);
      expect((await client.login('root@plant.test', 'wrong password')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await client.login('root@plant.test', 'correct horse battery')).data?.login).toMatchObject({ role: 'ADMIN', plantId: demoPlantId });
    } finally {
      await server.stop();
    }
  });

  it('never creates a user without a password: no TAKT_PASSWORD and no terminal is a usage error', async () => {
    const run = await takt(['user', 'create', '--email', 'nopass@plant.test', '--name', 'N', '--role', 'PLANNER', '--plant', demoPlantId]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('TAKT_PASSWORD');
    expect(await sql(databaseUrl, `select id from app_user where email = 'nopass@plant.test'`)).toEqual([]);
  });

  it('applies a progress.csv row by row: 0 when every row applied or was a duplicate, 1 naming the rejected rows', async () => {
    const [order] = await sql<{ number: string; steps: number; first: string }>(databaseUrl,
      `select o.number, count(j.id)::int as steps, (array_agg(j.id order by j.seq))[1] as first from sales_order o join job j on j.order_id = o.id
        where o.plant_id = $1 and o.status = 'CONFIRMED' group by o.id having bool_and(j.status = 'PLANNED') order by o.number limit 1`, [demoPlantId]);
    const dir = await mkdtemp(join(tmpdir(), 'takt-progress-'));
    const header = 'order_number,step,action,good_quantity,scrap_quantity,hours,at,idempotency_key';
    const good = join(dir, 'progress.csv');
    await writeFile(good, `${header}\n${order!.number},1,START,,,,,cli-1\n${order!.number},1,REPORT,1,0,0.5,,cli-2\n`);
    const first = await takt(['progress', '--plant', demoPlantId, good]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`progress.csv:2 ${order!.number}: applied`);
    expect(first.stdout).toContain('Applied 2, duplicates 0, rejected 0.');
    const again = await takt(['progress', '--plant', demoPlantId, good]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Applied 0, duplicates 2, rejected 0.');

    const bad = join(dir, 'bad.csv');
    await writeFile(bad, `${header}\n${order!.number},${order!.steps + 1},START,,,,,cli-3\n${order!.number},1,PAUSE,,,,,cli-4\n`);
    const mixed = await takt(['progress', '--plant', demoPlantId, bad]);
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).toContain(`progress.csv:2 ${order!.number}: rejected step "${order!.steps + 1}": Order ${order!.number} has steps 1 to ${order!.steps}`);
    expect(mixed.stdout).toContain('Applied 1, duplicates 0, rejected 1.');
    const [job] = await sql<{ status: string; paused: boolean; completed: number }>(databaseUrl,
      'select status, paused, completed_quantity as completed from job where id = $1', [order!.first]);
    expect(job).toEqual({ status: 'STARTED', paused: true, completed: 1 });
  });

  it('applies the documented example progress.csv to the example plant', async () => {
    expect((await takt(['plant', 'create', '--name', 'Brightwater', '--time-zone', 'America/Chicago'])).code).toBe(0);
    const imported = await takt(['import', '--plant', 'Brightwater', 'docs/examples/plant']);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    const run = await takt(['progress', '--plant', 'Brightwater', 'docs/examples/progress.csv']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Applied 7, duplicates 0, rejected 0.');
    // BW-24101 step 3 made 18 good of 19 with one scrapped: short, so it stays open for the last unit
    const jobs = await sql<{ number: string; seq: number; status: string; completed: number; scrap: number }>(databaseUrl,
      `select o.number, j.seq, j.status, j.completed_quantity as completed, j.scrap_quantity as scrap from job j join sales_order o on o.id = j.order_id
        join plant p on p.id = o.plant_id where p.name = 'Brightwater' and (o.number, j.seq) in (('BW-24101', 3), ('BW-24104', 2)) order by o.number`);
    expect(jobs).toEqual([
      { number: 'BW-24101', seq: 3, status: 'STARTED', completed: 18, scrap: 1 },
      { number: 'BW-24104', seq: 2, status: 'DONE', completed: 8, scrap: 0 },
    ]);
  });

  it.each([
    [['progress', '--plant', 'DEMO'], 'Give one progress.csv file', 2],
    [['progress', 'docs/examples/progress.csv'], '--plant is required', 2],
    [['progress', '--plant', 'DEMO', 'no/such/progress.csv'], 'There is no file "no/such/progress.csv"', 2],
    [['user', 'create', '--email', 'x@plant.test', '--name', 'X', '--role', 'BOSS', '--plant', '00000000-0000-0000-0000-000000000000'], '--role must be one of', 2],
    [['user', 'create', '--email', 'x@plant.test', '--name', 'X', '--role', 'PLANNER', '--plant', '00000000-0000-0000-0000-000000000000'], 'There is no plant', 1],
    [['user', 'create', '--email', 'rep@demo.test', '--name', 'X', '--role', 'PLANNER', '--plant', 'DEMO'], 'already exists', 1],
    [['user', 'create', '--email', 'x@plant.test', '--name', 'X', '--role', 'PLANNER', '--plant', 'plant-1'], '--plant must be a plant id', 2],
    [['user', 'create', '--email', 'short@plant.test', '--name', 'X', '--role', 'PLANNER', '--plant', 'DEMO', '@short'], 'at least 8 characters', 2],
    [['seed'], '--orders is required', 2],
    [['seed', '--orders=-5'], '--orders must be a whole number', 2],
    [['seed', '--orders', '10', '--work-centers-copies', '0'], '--work-centers-copies must be a whole number from 1', 2],
    [['seed', '--orderz', '10'], "Unknown option '--orderz'", 2],
    [['user'], 'user needs a subcommand', 2],
    [['frobnicate'], 'Unknown command "frobnicate"', 2],
    [['plant', 'create', '--name', 'P', '--time-zone', 'Mars/Olympus'], 'timeZone must be an IANA time zone', 2],
    [['import', '--plant', 'No such plant', 'docs/examples/plant'], 'There is no plant "No such plant"', 1],
  ])('answers %j with a clear message and its exit code (2: called wrongly, 1: cannot be done)', async (args, message, exitCode) => {
    const password = args.at(-1)!.startsWith('@') ? args.pop()!.slice(1) : 'a long enough password';
    const run = await takt(args.map((a) => (a === 'DEMO' ? demoPlantId : a)), { TAKT_PASSWORD: password });
    expect(run.code).toBe(exitCode);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('    at '); // no stack trace for a mistake the user can fix
  });
});
