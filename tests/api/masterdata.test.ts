import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient, as, code } from '../support/api.ts';
import { boardClient, eventually, wsUrl } from '../support/realtime.ts';
import { sql } from '../support/database.ts';

/**
 * The master-data API (schema/masterdata.graphql) on the demo plant: optimistic concurrency,
 * capacity changes reaching open boards at once with load kept (overload, never dropped), plant-wide
 * exceptions, products whose routing is pinned by open orders, and users with one-time
 * set-password tokens.
 */

let server: TestServer;
let manager: ApiClient & { plantId: string };
let planner: ApiClient & { plantId: string };
let plantId: string;
let today: string;

interface Bucket { workCenterId: string; date: string; capacityHours: number; loadHours: number }
const BOARD = `query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) { lastEventSeq plant { today } workCenters { id code weeklyHours version }
  buckets { workCenterId date capacityHours loadHours } } }`;
type Board = { board: { lastEventSeq: number; plant: { today: string }; workCenters: { id: string; code: string; weeklyHours: number[]; version: number }[]; buckets: Bucket[] } };
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const board = async (from = today, to = addDays(today, 27)) => (await planner.data<Board>(BOARD, { p: plantId, f: from, t: to })).board;

const WC_INPUT = (code: string, hours: number) => ({ code, name: `${code} cell`, weeklyHours: [hours, hours, hours, hours, hours, 0, 0], overtimeHoursPerDay: 2, ratePerHour: '80.00' });
const UPDATE_WC = 'mutation($id: ID!, $i: WorkCenterInput!, $v: Int!) { updateWorkCenter(id: $id, input: $i, expectedVersion: $v) { id code version weeklyHours weeklyHoursMondayFirst active } }';

beforeAll(async () => {
  server = await startServer();
  manager = await as(server.url, 'PLANT_MANAGER');
  planner = await as(server.url, 'PLANNER');
  plantId = manager.plantId;
  today = (await planner.data<Board>(BOARD, { p: plantId, f: '2026-01-01', t: '2026-01-01' })).board.plant.today;
});
afterAll(async () => {
  await server?.stop();
});

describe('work centers', () => {
  it('refuses an update on a stale expectedVersion with CONFLICT and the current version', async () => {
    const created = await manager.data<{ createWorkCenter: { id: string; version: number } }>(
      'mutation($p: ID!, $i: WorkCenterInput!) { createWorkCenter(plantId: $p, input: $i) { id version } }', { p: plantId, i: WC_INPUT('DRILL', 8) });
    expect(created.createWorkCenter.version).toBe(1);
    const first = await manager.data<{ updateWorkCenter: { version: number; code: string } }>(UPDATE_WC, { id: created.createWorkCenter.id, i: { ...WC_INPUT('IGNORED', 10) }, v: 1 });
    expect(first.updateWorkCenter).toEqual(expect.objectContaining({ version: 2, code: 'DRILL' }));
    const stale = await manager.request(UPDATE_WC, { id: created.createWorkCenter.id, i: WC_INPUT('DRILL', 12), v: 1 });
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(2);
    const duplicate = await manager.request('mutation($p: ID!, $i: WorkCenterInput!) { createWorkCenter(plantId: $p, input: $i) { id } }', { p: plantId, i: WC_INPUT('LASER', 8) });
    expect(code(duplicate)).toBe('BAD_USER_INPUT');
    const bad = await manager.request('mutation($p: ID!, $i: WorkCenterInput!) { createWorkCenter(plantId: $p, input: $i) { id } }', { p: plantId, i: { ...WC_INPUT('bad code!', 25), ratePerHour: '-1.00' } });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/code use 1–32 letters.*weeklyMinutes.1 must be from 0 to 24 hours.*rateCentsPerHour/);
  });

  it('puts a capacity change on every open board at once, and keeps load that no longer fits as overload', async () => {
    const before = await board();
    const laser = before.workCenters.find((w) => w.code === 'LASER')!;
    const loaded = before.buckets.filter((b) => b.workCenterId === laser.id && b.loadHours > 2 && b.date > today);
    expect(loaded.length).toBeGreaterThan(0);
    const live = boardClient({ url: () => wsUrl(server.url), cookie: planner.cookie, plantId, since: before.lastEventSeq });
    try {
      const { updateWorkCenter } = await manager.data<{ updateWorkCenter: { weeklyHours: number[]; weeklyHoursMondayFirst: number[] } }>(
        UPDATE_WC, { id: laser.id, i: { code: 'LASER', name: 'Laser cutting', weeklyHours: [2, 2, 2, 2, 2, 0, 0], overtimeHoursPerDay: 4, ratePerHour: '140.00', overtimePremiumPerHour: '70.00' }, v: laser.version });
      // the input's order (Monday first) comes back under its own name; weeklyHours stays Sunday first
      expect(updateWorkCenter).toEqual({ ...updateWorkCenter, weeklyHours: [0, 2, 2, 2, 2, 2, 0], weeklyHoursMondayFirst: [2, 2, 2, 2, 2, 0, 0] });
      await eventually(() => live.events.some((e) => e.type === 'BOARD_RESET'), 'a BOARD_RESET on the open board');
    } finally {
      live.stop();
    }
    const after = await board();
    expect(after.workCenters.find((w) => w.id === laser.id)!.weeklyHours).toEqual([0, 2, 2, 2, 2, 2, 0]);
    for (const b of loaded) {
      const now = after.buckets.find((x) => x.workCenterId === b.workCenterId && x.date === b.date)!;
      expect([b.date, now.capacityHours, now.loadHours]).toEqual([b.date, 2, b.loadHours]);
      expect(now.loadHours).toBeGreaterThan(now.capacityHours); // overload, shown, not dropped
    }
    // the engine's schedule cache follows too: an evaluation sees the new capacity
    const { products } = await manager.data<{ products: { id: string; sku: string }[] }>('query($p: ID!) { products(plantId: $p) { id sku } }', { p: plantId });
    const { customers } = await manager.data<{ customers: { id: string }[] }>('query($p: ID!) { customers(plantId: $p) { id } }', { p: plantId });
    const preview = await planner.data<{ previewChangeOrder: { impact: { buckets: { workCenterId: string; date: string; capacityHours: number }[] } | null } }>(
      'query($i: ChangeOrderInput!) { previewChangeOrder(input: $i) { impact { buckets { workCenterId date capacityHours } } } }',
      { i: { newOrder: { customerId: customers[0]!.id, productId: products.find((x) => x.sku === 'BRK-100')!.id, quantity: 1, dueDate: addDays(today, 150) } } });
    const laserBuckets = preview.previewChangeOrder.impact!.buckets.filter((b) => b.workCenterId === laser.id);
    expect(laserBuckets.length).toBeGreaterThan(0);
    for (const b of laserBuckets) expect([b.date, b.capacityHours]).toEqual([b.date, 2]);
  });
});

describe('calendar exceptions', () => {
  it('lets a planner close the whole plant for a range; a work center of its own beats it; retiring brings the weekly hours back', async () => {
    const monday = (() => { let d = addDays(today, 14); while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 1) d = addDays(d, 1); return d; })();
    const created = await planner.data<{ createCalendarException: { id: string; version: number; hours: number; workCenterId: string | null } }>(
      'mutation($p: ID!, $i: CalendarExceptionInput!) { createCalendarException(plantId: $p, input: $i) { id version hours workCenterId dateFrom dateTo } }',
      { p: plantId, i: { dateFrom: monday, dateTo: addDays(monday, 1), hours: 0, reason: 'Stocktake' } });
    expect(created.createCalendarException).toMatchObject({ version: 1, hours: 0, workCenterId: null });
    const wcs = (await board()).workCenters;
    const qa = wcs.find((w) => w.code === 'QA')!;
    await planner.data('mutation($p: ID!, $i: CalendarExceptionInput!) { createCalendarException(plantId: $p, input: $i) { id } }',
      { p: plantId, i: { workCenterId: qa.id, dateFrom: addDays(monday, 1), hours: 4, reason: 'Audit prep' } });
    const closed = (await board(monday, addDays(monday, 2))).buckets;
    for (const b of closed.filter((x) => x.date === monday)) expect(b.capacityHours).toBe(0);
    for (const b of closed.filter((x) => x.date === addDays(monday, 1))) expect([b.workCenterId, b.capacityHours]).toEqual([b.workCenterId, b.workCenterId === qa.id ? 4 : 0]);
    const overlap = await planner.request('mutation($p: ID!, $i: CalendarExceptionInput!) { createCalendarException(plantId: $p, input: $i) { id } }',
      { p: plantId, i: { dateFrom: addDays(monday, 1), hours: 8 } });
    expect(code(overlap)).toBe('BAD_USER_INPUT');
    const stale = await planner.request('mutation($id: ID!) { retireCalendarException(id: $id, expectedVersion: 7) { id } }', { id: created.createCalendarException.id });
    expect(code(stale)).toBe('CONFLICT');
    await planner.data('mutation($id: ID!) { retireCalendarException(id: $id, expectedVersion: 1) { active } }', { id: created.createCalendarException.id });
    const open = (await board(monday, monday)).buckets;
    expect(open.every((b) => b.capacityHours > 0 || wcs.find((w) => w.id === b.workCenterId)!.weeklyHours[1] === 0)).toBe(true);
    const listed = await planner.data<{ calendarExceptions: { reason: string }[] }>('query($p: ID!, $f: Date) { calendarExceptions(plantId: $p, from: $f) { reason } }', { p: plantId, f: monday });
    expect(listed.calendarExceptions.map((e) => e.reason)).toContain('Audit prep');
    expect(listed.calendarExceptions.map((e) => e.reason)).not.toContain('Stocktake');
  });
});

describe('products and customers', () => {
  it('keeps the routing shape of a product with open orders, but lets its times change; retires it', async () => {
    const { products } = await manager.data<{ products: { id: string; sku: string; version: number; name: string; materialCostPerUnit: string; listPrice: string; minLeadTimeDays: number; routing: { seq: number; workCenterId: string; setupHours: number; hoursPerUnit: number }[]; options: { attribute: string; value: string; addCostPerUnit: string; addHoursPerUnit: number; step: number | null; reviewRequired: boolean }[] }[] }>(
      `query($p: ID!) { products(plantId: $p) { id sku version name materialCostPerUnit listPrice minLeadTimeDays routing { seq workCenterId setupHours hoursPerUnit }
         options { attribute value addCostPerUnit addHoursPerUnit step reviewRequired } } }`, { p: plantId });
    const p = products.find((x) => x.sku === 'TRY-900')!;
    const input = (routing: typeof p.routing) => ({
      sku: p.sku, name: p.name, materialCostPerUnit: p.materialCostPerUnit, listPrice: p.listPrice, minLeadTimeDays: p.minLeadTimeDays, routing,
      options: p.options.map((o) => ({ attribute: o.attribute, value: o.value, addCostPerUnit: o.addCostPerUnit, addHoursPerUnit: o.addHoursPerUnit, step: o.step, reviewRequired: o.reviewRequired })),
    });
    const UPDATE = 'mutation($id: ID!, $i: ProductInput!, $v: Int!) { updateProduct(id: $id, input: $i, expectedVersion: $v) { version routing { seq setupHours } } }';
    const reshaped = await manager.request(UPDATE, { id: p.id, i: input([p.routing[0]!]), v: p.version });
    expect(code(reshaped)).toBe('BAD_USER_INPUT');
    expect(reshaped.errors?.[0]?.message).toContain('open order');
    const retimed = await manager.data<{ updateProduct: { version: number; routing: { seq: number; setupHours: number }[] } }>(UPDATE,
      { id: p.id, i: input(p.routing.map((s) => ({ ...s, setupHours: s.setupHours + 0.5 }))), v: p.version });
    expect(retimed.updateProduct.version).toBe(p.version + 1);
    const retired = await manager.data<{ retireProduct: { active: boolean } }>('mutation($id: ID!, $v: Int!) { retireProduct(id: $id, expectedVersion: $v) { active } }', { id: p.id, v: p.version + 1 });
    expect(retired.retireProduct.active).toBe(false);
    const active = await manager.data<{ products: { sku: string }[] }>('query($p: ID!) { products(plantId: $p) { sku } }', { p: plantId });
    expect(active.products.map((x) => x.sku)).not.toContain('TRY-900');
    const { customers } = await manager.data<{ customers: { id: string }[] }>('query($p: ID!) { customers(plantId: $p) { id } }', { p: plantId });
    const rep = await as(server.url, 'SALES_REP');
    const newOrder = await rep.request('query($i: ChangeOrderInput!) { previewChangeOrder(input: $i) { tier } }',
      { i: { newOrder: { customerId: customers[0]!.id, productId: p.id, quantity: 5, dueDate: addDays(today, 60) } } });
    expect(code(newOrder)).toBe('BAD_USER_INPUT');
    expect(newOrder.errors?.[0]?.message).toContain('TRY-900 is retired and takes no new orders');
  });

  it('gives the demo customers codes, and keys new ones by code', async () => {
    const { customers } = await manager.data<{ customers: { code: string; name: string; version: number }[] }>('query($p: ID!) { customers(plantId: $p) { code name version } }', { p: plantId });
    expect(customers.length).toBe(30);
    expect(customers[0]).toMatchObject({ code: 'C-1001', version: 1 });
    const dup = await manager.request('mutation($p: ID!) { createCustomer(plantId: $p, input: { code: "C-1001", name: "Again" }) { id } }', { p: plantId });
    expect(code(dup)).toBe('BAD_USER_INPUT');
  });
});

describe('plants and users', () => {
  it('creates a plant only with a real IANA time zone, and users with a one-time set-password token', async () => {
    const admin = await as(server.url, 'ADMIN');
    const bad = await admin.request('mutation { createPlant(input: { name: "Nowhere", timeZone: "Mars/Olympus" }) { id } }');
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('timeZone must be an IANA time zone');
    const plant = await admin.data<{ createPlant: { id: string; timeZone: string; version: number } }>('mutation { createPlant(input: { name: "Plant 2", timeZone: "Europe/Vienna" }) { id timeZone version } }');
    expect(plant.createPlant).toMatchObject({ timeZone: 'Europe/Vienna', version: 1 });

    const created = await admin.data<{ createUser: { setPasswordToken: string; user: { id: string; version: number; active: boolean } } }>(
      'mutation($p: ID!) { createUser(plantId: $p, input: { email: "New.Person@Example.test", name: "New Person", role: SALES_REP }) { setPasswordToken user { id version active } } }', { p: plantId });
    const person = new ApiClient(server.url);
    expect(code(await person.login('new.person@example.test', 'whatever123'))).toBe('UNAUTHENTICATED');
    await person.data('mutation($t: String!) { setPasswordWithToken(token: $t, newPassword: "first password") }', { t: created.createUser.setPasswordToken });
    expect(code(await person.request('mutation($t: String!) { setPasswordWithToken(token: $t, newPassword: "second password") }', { t: created.createUser.setPasswordToken }))).toBe('BAD_USER_INPUT');
    expect((await person.login('new.person@example.test', 'first password')).data?.login.role).toBe('SALES_REP');
    expect((await person.request('{ me { email active } }')).data).toEqual({ me: { email: 'new.person@example.test', active: true } });

    await admin.data('mutation($id: ID!) { retireUser(id: $id, expectedVersion: 1) { active } }', { id: created.createUser.user.id });
    expect(code(await person.request('{ me { email } }'))).toBe('UNAUTHENTICATED');
    expect(code(await new ApiClient(server.url).login('new.person@example.test', 'first password'))).toBe('UNAUTHENTICATED');
    const self = await admin.request('mutation($id: ID!) { retireUser(id: $id, expectedVersion: 1) { active } }', { id: (await sql<{ id: string }>(server.databaseUrl, `select id from app_user where email = 'admin@demo.test'`))[0]!.id });
    expect(code(self)).toBe('BAD_USER_INPUT');
    const users = await admin.data<{ users: { email: string }[] }>('query($p: ID!) { users(plantId: $p, includeRetired: true) { email } }', { p: plantId });
    expect(users.users.map((u) => u.email)).toContain('new.person@example.test');
  });

  it('keeps a plant currency (ISO 4217): EUR by default, set on create, kept when an update leaves it out, a made-up code refused', async () => {
    const admin = await as(server.url, 'ADMIN');
    const own = await admin.data<{ plants: { currency: string }[] }>('{ plants { currency } }');
    expect(own.plants[0]!.currency).toBe('EUR');
    const bad = await admin.request('mutation { createPlant(input: { name: "Dollarless", timeZone: "America/Chicago", currency: "DOLLARS" }) { id } }');
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('currency must be an ISO 4217 currency code');
    const plant = await admin.data<{ createPlant: { id: string; currency: string; version: number } }>(
      'mutation { createPlant(input: { name: "Chicago works", timeZone: "America/Chicago", currency: "USD" }) { id currency version } }');
    expect(plant.createPlant.currency).toBe('USD');
    const plain = await admin.data<{ createPlant: { currency: string } }>('mutation { createPlant(input: { name: "Default works", timeZone: "Europe/Vienna" }) { currency } }');
    expect(plain.createPlant.currency).toBe('EUR');
  });

  it('issues a set-password token for an existing user: the new password works, the old one and the old sessions do not', async () => {
    const admin = await as(server.url, 'ADMIN');
    const quality = await as(server.url, 'QUALITY');
    const [user] = await sql<{ id: string }>(server.databaseUrl, `select id from app_user where email = 'quality@demo.test'`);
    const first = (await admin.data<{ issueSetPasswordToken: string }>('mutation($u: ID!) { issueSetPasswordToken(userId: $u) }', { u: user!.id })).issueSetPasswordToken;
    const second = (await admin.data<{ issueSetPasswordToken: string }>('mutation($u: ID!) { issueSetPasswordToken(userId: $u) }', { u: user!.id })).issueSetPasswordToken;
    const anyone = new ApiClient(server.url);
    expect(code(await anyone.request('mutation($t: String!) { setPasswordWithToken(token: $t, newPassword: "quality reset 1") }', { t: first }))).toBe('BAD_USER_INPUT');
    await anyone.data('mutation($t: String!) { setPasswordWithToken(token: $t, newPassword: "quality reset 2") }', { t: second });
    expect(code(await quality.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(code(await new ApiClient(server.url).login('quality@demo.test', 'demo'))).toBe('UNAUTHENTICATED');
    expect((await new ApiClient(server.url).login('quality@demo.test', 'quality reset 2')).data?.login.role).toBe('QUALITY');
    expect(code(await admin.request('mutation($u: ID!) { issueSetPasswordToken(userId: $u) }', { u: '00000000-0000-0000-0000-000000000000' }))).toBe('NOT_FOUND');
  });
});
