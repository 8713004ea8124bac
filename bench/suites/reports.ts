import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSchedule, toDay } from '../../server/src/engine/index.ts';
import { loadScheduleInput } from '../../server/src/modules/schedule/schedule.loader.ts';
import { plantById } from '../../server/src/modules/plant/plant.service.ts';
import { capacityReport, changeOrderReport } from '../../server/src/modules/report/report.service.ts';
import { addDays } from '../../server/src/shared/dates.ts';
import { systemClock } from '../../server/src/shared/clock.ts';
import { toGraphQLInput, workload } from '../lib/changes.ts';
import { ROOT, type BenchEnv } from '../lib/env.ts';
import { GraphQLClient } from '../lib/http.ts';
import { rng } from '../lib/random.ts';
import { madeFromCurrent } from '../lib/writes.ts';
import { distribution, single, type Figure } from '../lib/report.ts';
import { repeat, since } from '../lib/stats.ts';
import type { Suite } from './suite.ts';

/** Issue 8: report queries on the 10,000-order plant, p95 server time ≤ 100 ms. */
export const REPORT_P95_MS = 100;

/** About a year of change orders for a 10,000-order plant: the history the change-order report reads. */
const HISTORY = 2_000;

/** A named operation from the client's own reports.graphql, so the bench asks what the page asks. */
async function clientQuery(name: string): Promise<string> {
  const text = await readFile(join(ROOT, 'client/src/reports/reports.graphql'), 'utf8');
  const start = text.indexOf(`query ${name}(`);
  if (start < 0) throw new Error(`query ${name} not found in client/src/reports/reports.graphql`);
  let depth = 0;
  for (let i = text.indexOf('{', start); i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`unbalanced query ${name}`);
}

const CHANGE_ORDERS_PAGE = `query($after: String) { changeOrders(first: 100, after: $after) {
  nodes { id number status tier kinds createdAt proposer { email } order { number } } endCursor hasNextPage } }`;
const AUDIT_PAGE = `query($after: String) { auditEvents(first: 500, after: $after) {
  nodes { id at action entityType entityId fromStatus toStatus actor { email } } endCursor hasNextPage } }`;
const PROPOSE = `mutation($input: ChangeOrderInput!) { proposeChangeOrder(input: $input) { id status version } }`;
const DECIDE = (verb: 'approve' | 'reject') =>
  verb === 'approve'
    ? 'mutation($id: ID!, $v: Int!) { approveChangeOrder(id: $id, expectedVersion: $v) { status } }'
    : 'mutation($id: ID!, $v: Int!) { rejectChangeOrder(id: $id, expectedVersion: $v, reason: "bench: no room") { status } }';

/**
 * Copies the plant's real change orders (with their approvals, audit entries and billing
 * adjustments) `copies` times, each copy moved back 0–364 days and decided 0–71 hours later, so the
 * change-order report aggregates a year of history. Ids derive from the original and the copy
 * number; the audit trail is append-only, and copies are only ever inserted.
 */
async function multiplyHistory(em: ReturnType<BenchEnv['orm']['em']['fork']>, plantId: string, copies: number): Promise<void> {
  const copy = `from change_order co cross join generate_series(1, ?) k where co.plant_id = ? and co.number not like '%-H%'`;
  const id = `md5(co.id::text || ':' || k)::uuid`;
  const back = `(abs(hashtext(co.id::text || ':' || k)) % 365) * interval '1 day'`;
  const delay = `(abs(hashtext(k || ':' || co.id::text)) % 72) * interval '1 hour'`;
  const shifted = (column: string) => `${column} - ${back} + case when ${column} > co.created_at + interval '1 second' then ${delay} else interval '0' end`;
  await em.execute(
    `insert into change_order (id, plant_id, number, status, version, proposer_id, order_id, customer_id, kinds, request, evaluation, tier,
                               policy_version, status_reason, counter, created_at, updated_at, applied_at)
     select ${id}, co.plant_id, co.number || '-H' || k, co.status, co.version, co.proposer_id, co.order_id, co.customer_id, co.kinds, co.request,
            co.evaluation, co.tier, co.policy_version, co.status_reason, co.counter, co.created_at - ${back}, ${shifted('co.updated_at')}, ${shifted('co.applied_at')}
     ${copy}`,
    [copies, plantId],
  );
  await em.execute(
    `insert into change_order_approval (change_order_id, lane, required_role, status, granted_role, decided_by, delegate_id, decided_at, comment,
                                        pending_since, escalations, escalated_roles)
     select ${id}, a.lane, a.required_role, a.status, a.granted_role, a.decided_by, a.delegate_id, ${shifted('a.decided_at')}, a.comment,
            a.pending_since - ${back}, a.escalations, a.escalated_roles
     from change_order_approval a join change_order co on co.id = a.change_order_id cross join generate_series(1, ?) k
     where co.plant_id = ? and co.number not like '%-H%'`,
    [copies, plantId],
  );
  await em.execute(
    `insert into audit_event (plant_id, actor_id, delegate_id, action, entity_type, entity_id, from_status, to_status, comment, policy_version, data, created_at)
     select e.plant_id, e.actor_id, e.delegate_id, e.action, e.entity_type, ${id}::text, e.from_status, e.to_status, e.comment, e.policy_version, e.data,
            ${shifted('e.created_at')}
     from audit_event e join change_order co on e.entity_type = 'ChangeOrder' and e.entity_id = co.id::text cross join generate_series(1, ?) k
     where co.plant_id = ? and co.number not like '%-H%' order by ${shifted('e.created_at')}`,
    [copies, plantId],
  );
  await em.execute(
    `insert into billing_adjustment (plant_id, change_order_id, order_id, price_delta_cents, cost_delta_cents, created_at)
     select b.plant_id, ${id}, b.order_id, b.price_delta_cents, b.cost_delta_cents, ${shifted('b.created_at')}
     from billing_adjustment b join change_order co on co.id = b.change_order_id cross join generate_series(1, ?) k
     where co.plant_id = ? and co.number not like '%-H%'`,
    [copies, plantId],
  );
  await em.execute('analyze change_order, change_order_approval, audit_event, billing_adjustment');
}

/**
 * The Reports page's two queries (as the client sends them) and a BI client's pages on the big
 * plant: real change orders proposed and decided over HTTP, multiplied in SQL to about a year of
 * history, then each query timed by its Server-Timing.
 */
export const reportsSuite: Suite = {
  id: 'reports',
  title: 'Report queries on the 10,000-order plant',
  async run({ env, quick, log }) {
    const figures: Figure[] = [];
    const plant = await env.plant('big');
    const server = await env.server('A');
    const em = env.orm.em.fork();
    const today = (await plantById(em, systemClock(), plant.plantId)).today;

    const planner = new GraphQLClient(server.url);
    await planner.login(plant.users.planner, plant.password);
    const ops = new GraphQLClient(server.url);
    await ops.login(plant.users.ops, plant.password);

    // Real change orders down the workflow's paths, through the API.
    const [existing] = await em.execute<{ n: number }[]>('select count(*)::int as n from change_order where plant_id = ?', [plant.plantId]);
    if (existing!.n === 0) {
      const schedule = buildSchedule(await loadScheduleInput(em, plant.plantId));
      const [customer] = await em.execute<{ id: string }[]>('select id from customer where plant_id = ? order by name limit 1', [plant.plantId]);
      const inputs = workload(schedule, toDay(today), quick ? 8 : 24, rng(41)).map((c) => toGraphQLInput(c.change, customer!.id));
      let decided = 0;
      for (const input of inputs) {
        const res = await planner.call<{ proposeChangeOrder: { id: string; status: string; version: number } }>(PROPOSE, { input: await madeFromCurrent(planner, input) }).catch((e: Error) => {
          log(`reports: a proposal failed (${e.message.slice(0, 120)})`);
          return null;
        });
        const co = res?.data.proposeChangeOrder;
        if (co?.status === 'PENDING') {
          await ops.call(DECIDE(decided++ % 3 === 2 ? 'reject' : 'approve'), { id: co.id, v: co.version }).catch(() => undefined);
        }
      }
    }
    const [real] = await em.execute<{ n: number }[]>(`select count(*)::int as n from change_order where plant_id = ? and number not like '%-H%'`, [plant.plantId]);
    const [copied] = await em.execute<{ n: number }[]>(`select count(*)::int as n from change_order where plant_id = ? and number like '%-H%'`, [plant.plantId]);
    if (real!.n > 0 && copied!.n === 0) await multiplyHistory(em, plant.plantId, Math.ceil(HISTORY / real!.n));
    const [counts] = await em.execute<{ cos: number; audit: number }[]>(
      `select (select count(*)::int from change_order where plant_id = ?) as cos, (select count(*)::int from audit_event where plant_id = ?) as audit`,
      [plant.plantId, plant.plantId],
    );
    const history = `${counts!.cos} change orders (${real!.n} proposed over HTTP, copied back over a year), ${counts!.audit} audit events`;
    log(`reports: ${history}`);

    const n = quick ? 20 : 200;
    const budget = quick ? 10_000 : 60_000;
    const measure = async (name: string, query: string, variables: Record<string, unknown>, note: string, target = true) => {
      const first = await ops.call(query, variables);
      for (let i = 0; i < 3; i++) await ops.call(query, variables);
      const serverMs: number[] = [];
      const clientMs: number[] = [];
      await repeat(n, budget, async () => {
        const r = await ops.call(query, variables);
        serverMs.push(r.serverMs);
        clientMs.push(r.clientMs);
      });
      figures.push(distribution({ suite: 'reports', name: `${name} (server)`, plant: 'big', unit: 'ms', note, ...(target ? { target: { stat: 'p95' as const, max: REPORT_P95_MS } } : {}) }, serverMs));
      figures.push(distribution({ suite: 'reports', name: `${name} (client round trip)`, plant: 'big', unit: 'ms' }, clientMs));
      figures.push(single({ suite: 'reports', name: `${name}: response size`, plant: 'big', unit: 'bytes' }, first.bytes));
    };

    const capacity = await clientQuery('CapacityReport');
    const wcs = plant.workCenters;
    await measure('Reports page: capacityReport by week, 26 weeks', capacity, { plantId: plant.plantId, from: today, to: addDays(today, 26 * 7 - 1), granularity: 'WEEK' }, `${wcs} work centers × 26 weeks, with the policy`);
    await measure('capacityReport by day, 13 weeks', capacity, { plantId: plant.plantId, from: today, to: addDays(today, 13 * 7 - 1), granularity: 'DAY' }, `${wcs} work centers × 91 days`);
    await measure('capacityReport by month, 2 years (the longest range)', capacity, { plantId: plant.plantId, from: addDays(today, -365), to: addDays(today, 365), granularity: 'MONTH' }, `${wcs} work centers × 731 days`);
    await measure('Reports page: changeOrderReport, last 365 days', await clientQuery('ChangeOrderReport'), { plantId: plant.plantId, from: addDays(today, -364), to: today }, history);
    // The SQL alone, in-process (no HTTP, session or GraphQL): what the database costs of the above.
    const inProcess = async (name: string, run: () => Promise<unknown>) => {
      const ms: number[] = [];
      await repeat(n, budget, async () => {
        const started = performance.now();
        await run();
        ms.push(since(started));
      });
      figures.push(distribution({ suite: 'reports', name: `${name}, SQL in-process`, plant: 'big', unit: 'ms' }, ms));
    };
    await inProcess('capacityReport by week, 26 weeks', () => capacityReport(env.orm.em.fork(), plant.plantId, today, addDays(today, 26 * 7 - 1), 'WEEK', null));
    await inProcess('changeOrderReport, last 365 days', () => changeOrderReport(env.orm.em.fork(), plant.plantId, addDays(today, -364), today));

    await measure('changeOrders, a page of 100 (BI export)', CHANGE_ORDERS_PAGE, { after: null }, history, false);
    await measure('auditEvents, a page of 500 (BI export)', AUDIT_PAGE, { after: null }, history, false);
    log('reports: done');
    return figures;
  },
};
