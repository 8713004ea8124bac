import pg from 'pg';
import { fromDay } from '../../server/src/engine/index.ts';
import { satisfies } from '../../server/src/modules/change-order/authority.ts';
import type { Role } from '../../server/src/modules/auth/roles.ts';

/**
 * Invariants over one plant's final database, for the concurrency, fuzz and soak tests: whatever
 * ran, in whatever order, on however many processes, these must hold. `checkInvariants` returns
 * every violation as a sentence (an empty list means the plant is consistent), so a failing test
 * shows all of them at once.
 */

/** Load per bucket (`workCenterId|date` → minutes) at a point of the plant's event sequence. */
export interface BucketLoads {
  seq: number;
  loads: Map<string, number>;
}

export interface InvariantOptions {
  /**
   * Loads before the run. The SCHEDULE_CHANGED events since are replayed from them: every bucket
   * load a change order raised must be within the ceiling its approvals granted, and the replay
   * must end at the loads in the table. Without a baseline only capacity + overtime is checked.
   */
  baseline?: BucketLoads;
}

type Query = <R>(text: string, params?: unknown[]) => Promise<R[]>;

interface Bucket { workCenterId: string; date: string; capacity: number; overtime: number; load: number }

async function withClient<T>(url: string, run: (q: Query) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[]);
  } finally {
    await client.end();
  }
}

const BUCKETS = `
  select a.work_center_id as "workCenterId", a.date::text as date, sum(a.minutes)::int as load,
         coalesce(ex.minutes, wc.weekly_minutes[extract(dow from a.date)::int + 1]) as capacity,
         case when coalesce(ex.minutes, wc.weekly_minutes[extract(dow from a.date)::int + 1]) > 0 then wc.overtime_minutes_per_day else 0 end as overtime
    from allocation a join work_center wc on wc.id = a.work_center_id
    left join work_center_exception ex on ex.work_center_id = a.work_center_id and ex.date = a.date
   where a.plant_id = $1
   group by a.work_center_id, a.date, wc.weekly_minutes, wc.overtime_minutes_per_day, ex.minutes`;

/** The plant's bucket loads now and the event sequence they are at (take one before a run to pass as `baseline`). */
export async function bucketLoads(url: string, plantId: string): Promise<BucketLoads> {
  return withClient(url, async (q) => {
    // one snapshot for both: the sequence the loads are at
    await q('begin isolation level repeatable read read only');
    const [plant] = await q<{ seq: string }>('select event_seq::text as seq from plant where id = $1', [plantId]);
    const rows = await q<Bucket>(BUCKETS, [plantId]);
    await q('commit');
    return { seq: Number(plant!.seq), loads: new Map(rows.map((b) => [`${b.workCenterId}|${b.date}`, b.load])) };
  });
}

/** Checks every invariant of one plant; returns the violations (empty when consistent). */
export async function checkInvariants(url: string, plantId: string, opts: InvariantOptions = {}): Promise<string[]> {
  return withClient(url, async (q) => {
    const v: string[] = [];

    // Jobs and allocations: a job's minutes and span follow its allocations; nothing is orphaned.
    for (const j of await q<{ id: string; minutes: number; status: string; start: string; end: string; sum: number | null; first: string | null; last: string | null }>(
      `select j.id, j.minutes, j.status, j.start_date::text as start, j.end_date::text as end, s.sum, s.first, s.last
         from job j left join (select job_id, sum(minutes)::int as sum, min(date)::text as first, max(date)::text as last
                                 from allocation group by job_id) s on s.job_id = j.id
        where j.plant_id = $1`, [plantId])) {
      // a job completed before its planned days holds none (docs/product.md §12)
      if (j.sum === null) { if (!(j.status === 'DONE' && j.minutes === 0)) v.push(`job ${j.id} has no allocations`); }
      else {
        if (j.sum !== j.minutes) v.push(`job ${j.id}: minutes ${j.minutes} but its allocations sum to ${j.sum} (lost update)`);
        if (j.first !== j.start || j.last !== j.end) v.push(`job ${j.id}: spans ${j.start}..${j.end} but its allocations ${j.first}..${j.last}`);
      }
    }
    for (const a of await q<{ jobId: string; date: string; problem: string }>(
      `select a.job_id as "jobId", a.date::text as date,
              case when j.id is null then 'its job does not exist'
                   when j.plant_id <> a.plant_id then 'its job belongs to another plant'
                   when j.work_center_id <> a.work_center_id then 'its work center differs from its job''s'
                   when o.id is null then 'its job''s order does not exist'
                   when o.plant_id <> a.plant_id then 'its job''s order belongs to another plant' end as problem
         from allocation a left join job j on j.id = a.job_id left join sales_order o on o.id = j.order_id
        where a.plant_id = $1 or j.plant_id = $1`, [plantId])) {
      if (a.problem) v.push(`allocation ${a.jobId}@${a.date}: ${a.problem}`);
    }

    // Orders: one version per applied change (a new order starts at 1), and the terms and
    // allocations of the last change applied (no update lost to a concurrent one).
    const applied = await q<{ id: string; number: string; orderId: string; kinds: string[]; evaluation: AppliedEvaluation; policyVersion: number; at: string }>(
      `select co.id, co.number, co.order_id as "orderId", co.kinds, co.evaluation, co.policy_version as "policyVersion", max(e.id)::text as at
         from change_order co join audit_event e on e.entity_id = co.id::text and e.action = 'APPLIED'
        where co.plant_id = $1 and co.status = 'APPLIED'
        group by co.id order by max(e.id)`, [plantId]);
    const orders = await q<{ id: string; version: number; quantity: number; dueDate: string; unitPriceCents: string; optionIds: string[]; status: string }>(
      `select id, version, quantity, due_date::text as "dueDate", unit_price_cents as "unitPriceCents", option_ids as "optionIds", status from sales_order where plant_id = $1`, [plantId]);
    const allocations = await q<{ orderId: string; seq: number; workCenterId: string; date: string; minutes: number }>(
      `select j.order_id as "orderId", j.seq, j.work_center_id as "workCenterId", a.date::text as date, a.minutes
         from allocation a join job j on j.id = a.job_id where j.plant_id = $1`, [plantId]);
    // Floor writes (progress, the day turn, downtime) re-plan what remains without a change order.
    const floorMoved = new Set((await q<{ id: string }>(
      `select distinct jsonb_array_elements_text(payload->'orderIds') as id from board_event
        where plant_id = $1 and type = 'SCHEDULE_CHANGED' and payload->>'changeOrderId' is null`, [plantId])).map((r) => r.id));
    for (const o of orders) {
      const changes = applied.filter((c) => c.orderId === o.id);
      const expected = 1 + changes.filter((c) => !c.kinds.includes('NEW_ORDER')).length;
      if (o.version !== expected) v.push(`order ${o.id}: version ${o.version}, expected ${expected} (1 + ${changes.length} applied change orders)`);
      const last = changes.at(-1);
      const terms = last?.evaluation.terms;
      if (!last || !terms || floorMoved.has(o.id)) continue;
      const now = { quantity: o.quantity, dueDate: o.dueDate, unitPriceCents: Number(o.unitPriceCents), optionIds: [...o.optionIds].sort() };
      const then = { quantity: terms.quantity, dueDate: fromDay(terms.dueDate), unitPriceCents: terms.unitPriceCents, optionIds: [...terms.optionIds].sort() };
      if (JSON.stringify(now) !== JSON.stringify(then)) v.push(`order ${o.id}: terms ${JSON.stringify(now)} differ from its last applied change ${last.number} ${JSON.stringify(then)}`);
      const key = (seq: number, wc: string, date: string, minutes: number) => `${seq}|${wc}|${date}|${minutes}`;
      const have = allocations.filter((a) => a.orderId === o.id).map((a) => key(a.seq, a.workCenterId, a.date, a.minutes)).sort();
      const want = last.evaluation.jobs.flatMap((j) => j.allocations.map((a) => key(j.seq, j.workCenterId, fromDay(a.day), a.minutes))).sort();
      if (JSON.stringify(have) !== JSON.stringify(want)) v.push(`order ${o.id}: allocations differ from those its last applied change ${last.number} wrote`);
    }

    // Board events: gap-free from 1 per plant, and the plant's counter at the last one.
    const [seq] = await q<{ n: number; max: number | null; min: number | null; distinct: number; plantSeq: string }>(
      `select count(*)::int as n, max(seq)::int as max, min(seq)::int as min, count(distinct seq)::int as distinct,
              (select event_seq from plant where id = $1)::text as "plantSeq" from board_event where plant_id = $1`, [plantId]);
    if (seq!.n > 0 && (seq!.min !== 1 || seq!.max !== seq!.n || seq!.distinct !== seq!.n)) v.push(`board events: ${seq!.n} events with seqs ${seq!.min}..${seq!.max} (${seq!.distinct} distinct): not gap-free`);
    if (Number(seq!.plantSeq) !== (seq!.max ?? 0)) v.push(`plant.event_seq is ${seq!.plantSeq} but the last board event is ${seq!.max ?? 0}`);

    // Audit: every transition (board CHANGE_ORDER_UPDATED) has its audit entry; the trail ends where the change order is.
    for (const c of await q<{ id: string; number: string; status: string; version: number; audits: number; events: number; lastTo: string | null; lastVersion: number | null; first: string | null }>(
      // one pass over each table, grouped by change order (a soak leaves tens of thousands of each)
      `with au as (select e.entity_id as id, count(*)::int as audits,
                          (array_agg(e.to_status order by e.id desc))[1] as "lastTo",
                          (array_agg(e.action order by e.id))[1] as first
                     from audit_event e where e.plant_id = $1 and e.entity_type = 'ChangeOrder' group by 1),
            ev as (select b.payload->>'changeOrderId' as id, count(*)::int as events, max((b.payload->>'version')::int) as "lastVersion"
                     from board_event b where b.plant_id = $1 and b.type = 'CHANGE_ORDER_UPDATED' group by 1)
       select co.id, co.number, co.status, co.version, coalesce(au.audits, 0) as audits, coalesce(ev.events, 0) as events,
              au."lastTo", ev."lastVersion", au.first
         from change_order co left join au on au.id = co.id::text left join ev on ev.id = co.id::text
        where co.plant_id = $1`, [plantId])) {
      if (c.audits !== c.events) v.push(`${c.number}: ${c.events} transitions on the board but ${c.audits} audit entries`);
      if (c.first !== 'PROPOSED') v.push(`${c.number}: its audit trail starts with ${c.first ?? 'nothing'}, not PROPOSED`);
      if (c.lastTo !== c.status) v.push(`${c.number}: status ${c.status} but its audit trail ends at ${c.lastTo}`);
      if (c.lastVersion !== c.version) v.push(`${c.number}: version ${c.version} but its last board event says ${c.lastVersion}`);
    }

    // Applied change orders: every required approval granted by a role that covers it; billing when money moved.
    const approvals = await q<{ changeOrderId: string; lane: string; status: string; grantedRole: Role | null }>(
      `select a.change_order_id as "changeOrderId", a.lane, a.status, a.granted_role as "grantedRole"
         from change_order_approval a join change_order co on co.id = a.change_order_id where co.plant_id = $1`, [plantId]);
    const billing = await q<{ changeOrderId: string; n: number }>(
      `select change_order_id as "changeOrderId", count(*)::int as n from billing_adjustment where plant_id = $1 group by change_order_id`, [plantId]);
    for (const c of applied) {
      for (const [lane, role] of Object.entries(c.evaluation.laneRoles ?? {})) {
        const a = approvals.find((x) => x.changeOrderId === c.id && x.lane === lane);
        if (!a || a.status !== 'GRANTED' || !a.grantedRole || !satisfies(a.grantedRole, lane as never, role as Role)) {
          v.push(`${c.number}: applied without a ${lane} approval covering ${role} (${a ? `${a.status} by ${a.grantedRole}` : 'none'})`);
        }
      }
      const moved = c.evaluation.impact && (c.evaluation.impact.priceDeltaCents !== 0 || c.evaluation.impact.costDelta.totalCents !== 0);
      const n = billing.find((b) => b.changeOrderId === c.id)?.n ?? 0;
      if (n !== (moved ? 1 : 0)) v.push(`${c.number}: ${n} billing adjustments, expected ${moved ? 1 : 0}`);
    }
    for (const b of billing) if (!applied.some((c) => c.id === b.changeOrderId)) v.push(`change order ${b.changeOrderId} has a billing adjustment but was not applied`);

    // Buckets: never above capacity + overtime.
    const buckets = await q<Bucket>(BUCKETS, [plantId]);
    for (const b of buckets)
      if (b.load > b.capacity + b.overtime) v.push(`bucket ${b.workCenterId} ${b.date}: load ${b.load} min above capacity ${b.capacity} + overtime ${b.overtime}`);
    if (opts.baseline) v.push(...(await replayBuckets(q, plantId, opts.baseline, applied, approvals, buckets)));
    return v;
  });
}

/**
 * docs/product.md §5, "capacity is never overbooked beyond what was approved": replays the bucket loads that
 * each SCHEDULE_CHANGED event since the baseline carries. A change order may raise a bucket only
 * up to the ceiling its capacity approval granted (none: the auto-approve limit; OPS_MANAGER: the
 * manager limit; PLANT_MANAGER: capacity + overtime) — a bucket it lowers, or keeps (a frozen job
 * left where it was), may stay above that, placed there by an earlier approval. The replay must
 * end at the table's loads: a load that changed without an event is a lost or stray write.
 */
async function replayBuckets(
  q: Query, plantId: string, baseline: BucketLoads,
  applied: { id: string; number: string; policyVersion: number }[],
  approvals: { changeOrderId: string; lane: string; status: string; grantedRole: Role | null }[],
  buckets: Bucket[],
): Promise<string[]> {
  const v: string[] = [];
  const policies = await q<{ version: number; autoBp: number; managerBp: number }>(
    `select version, auto_approve_max_utilization_bp as "autoBp", manager_max_utilization_bp as "managerBp" from policy where plant_id = $1`, [plantId]);
  // by id: a 30-minute soak replays ~20,000 events against ~20,000 applied change orders
  const appliedById = new Map(applied.map((c) => [c.id, c]));
  const capacityGrants = new Map(approvals.filter((a) => a.lane === 'CAPACITY' && a.status === 'GRANTED').map((a) => [a.changeOrderId, a.grantedRole]));
  const ceilingOf = (coId: string | null, capacity: number, overtime: number): { ceiling: number; by: string } => {
    // a floor write (progress, the day turn, downtime) places work within regular capacity only
    if (coId === null) return { ceiling: capacity, by: 'a floor write (regular capacity)' };
    const c = appliedById.get(coId);
    if (!c) return { ceiling: -1, by: `change order ${coId}, which is not applied` };
    const p = policies.find((x) => x.version === c.policyVersion) ?? policies.at(-1)!;
    const granted = capacityGrants.get(c.id);
    if (granted === 'PLANT_MANAGER') return { ceiling: capacity + overtime, by: `${c.number} (PLANT_MANAGER)` };
    if (granted === 'OPS_MANAGER') return { ceiling: Math.floor((capacity * p.managerBp) / 10_000), by: `${c.number} (OPS_MANAGER)` };
    return { ceiling: Math.floor((capacity * p.autoBp) / 10_000), by: `${c.number} (no capacity approval)` };
  };
  const loads = new Map(baseline.loads);
  for (const e of await q<{ seq: number; changeOrderId: string | null; buckets: { workCenterId: string; date: string; capacityMinutes: number; overtimeMinutes: number; loadMinutes: number }[] }>(
    `select seq, payload->>'changeOrderId' as "changeOrderId", payload->'buckets' as buckets from board_event
      where plant_id = $1 and type = 'SCHEDULE_CHANGED' and seq > $2 order by seq`, [plantId, baseline.seq])) {
    for (const b of e.buckets) {
      const key = `${b.workCenterId}|${b.date}`;
      const before = loads.get(key) ?? 0;
      loads.set(key, b.loadMinutes);
      if (b.loadMinutes <= before) continue;
      const { ceiling, by } = ceilingOf(e.changeOrderId, b.capacityMinutes, b.overtimeMinutes);
      if (b.loadMinutes > ceiling) v.push(`bucket ${b.workCenterId} ${b.date}: raised from ${before} to ${b.loadMinutes} min by event ${e.seq}, above ${Math.max(ceiling, 0)}, the ceiling granted by ${by}`);
    }
  }
  const actual = new Map(buckets.map((b) => [`${b.workCenterId}|${b.date}`, b.load]));
  for (const key of new Set([...loads.keys(), ...actual.keys()])) {
    const [want, have] = [loads.get(key) ?? 0, actual.get(key) ?? 0];
    if (want !== have) v.push(`bucket ${key.replace('|', ' ')}: load ${have} min, but the board events since the baseline say ${want}`);
  }
  return v;
}

interface AppliedEvaluation {
  terms: { quantity: number; dueDate: number; unitPriceCents: number; optionIds: string[] } | null;
  jobs: { seq: number; workCenterId: string; allocations: { day: number; minutes: number }[] }[];
  laneRoles: Record<string, string> | null;
  impact: { priceDeltaCents: number; costDelta: { totalCents: number } } | null;
}
