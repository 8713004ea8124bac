import { bucketLoads, checkInvariants } from '../../tests/support/invariants.ts';
import { pg } from '../lib/deps.ts';
import { GraphQLClient } from '../lib/http.ts';
import { distribution, single, type Figure } from '../lib/report.ts';
import { DueDateToggler } from '../lib/writes.ts';
import type { Suite } from './suite.ts';

/** Issue 9: applied change orders per second ≥ half of raw single-row UPDATE + NOTIFY transactions. */
export const THROUGHPUT_VS_RAW_MIN = 0.5;
/** Concurrent proposers (and raw writers): half through server A, half through B. */
export const PROPOSERS = 8;

const RAW_TX = `begin; update bench_raw set n = n + 1 where id = 1; select pg_notify('bench_raw', '1'); commit`;

/** Runs `step` on `workers` loops until `ms` have passed; returns how many steps finished in time. */
async function forDuration(workers: number, ms: number, step: (worker: number) => Promise<void>): Promise<number> {
  const end = performance.now() + ms;
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (performance.now() < end) {
        await step(w);
        if (performance.now() <= end) done++;
      }
    }),
  );
  return done;
}

/**
 * Write throughput under contention on one plant: eight proposers (planner sessions, four on
 * server A and four on B) each proposing change orders as fast as they are answered — AUTO tier
 * into open capacity, so each one is evaluated, recorded, applied and announced in one plant
 * transaction — for a fixed time; the invariant checker over the plant afterwards. Beside it, in
 * the same run on the same database, eight connections committing the raw floor of such a write:
 * a single-row UPDATE and a NOTIFY per transaction, all on one row (the plant row is one row too).
 */
export const throughputSuite: Suite = {
  id: 'throughput',
  title: 'Write throughput under contention (change orders vs raw UPDATE + NOTIFY)',
  async run({ env, quick, log }) {
    const figures: Figure[] = [];
    const durationMs = quick ? 5_000 : 30_000;
    const plant = await env.plant('light');
    const servers = [await env.server('A'), await env.server('B')];
    // one after another: the login throttle (rightly) counts a burst of sign-ins of one account
    const proposers: GraphQLClient[] = [];
    for (let i = 0; i < PROPOSERS; i++) {
      const c = new GraphQLClient(servers[i % 2]!.url);
      await c.login(plant.users.planner, plant.password);
      proposers.push(c);
    }
    const toggler = await DueDateToggler.load(env.orm, plant.plantId, PROPOSERS);
    const baseline = await bucketLoads(env.databaseUrl, plant.plantId);
    // warm-up: every proposer once (sessions, code paths, schedule cache)
    await Promise.all(proposers.map((c, i) => toggler.propose(c, i)));

    const latencies: number[] = [];
    let notApplied = 0;
    const applied = await forDuration(PROPOSERS, durationMs, async (w) => {
      const t = performance.now();
      const co = await toggler.propose(proposers[w]!, w);
      latencies.push(performance.now() - t);
      if (co.status !== 'APPLIED') notApplied++;
    });
    const perSecond = (applied - notApplied) / (durationMs / 1000);
    // the same with one proposer: no contention, so its server time is the plant lock's hold time
    // per change order (the whole command runs under the lock) and 1000 / that is the ceiling
    const single_: number[] = [];
    const alone = await forDuration(1, quick ? 3_000 : 10_000, async () => {
      const t = performance.now();
      await toggler.propose(proposers[0]!, 0);
      single_.push(performance.now() - t);
    });
    const violations = await checkInvariants(env.databaseUrl, plant.plantId, { baseline });
    log(`throughput: ${applied} change orders in ${durationMs} ms (${notApplied} not applied), ${perSecond.toFixed(1)}/s; invariants: ${violations.length ? violations.slice(0, 5).join('; ') : 'clean'}`);

    // the raw floor, same database, same concurrency
    const admin = new pg.Client({ connectionString: env.databaseUrl });
    await admin.connect();
    await admin.query('create table if not exists bench_raw (id int primary key, n bigint not null); insert into bench_raw values (1, 0) on conflict do nothing');
    await admin.end();
    const clients = await Promise.all(
      Array.from({ length: PROPOSERS }, async () => {
        const c = new pg.Client({ connectionString: env.databaseUrl });
        await c.connect();
        return c;
      }),
    );
    const rawLatencies: number[] = [];
    let raw: number;
    try {
      await Promise.all(clients.map((c) => c.query(RAW_TX)));
      raw = await forDuration(PROPOSERS, durationMs, async (w) => {
        const t = performance.now();
        await clients[w]!.query(RAW_TX);
        rawLatencies.push(performance.now() - t);
      });
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const rawPerSecond = raw / (durationMs / 1000);
    log(`throughput: raw ${rawPerSecond.toFixed(0)}/s`);

    figures.push(single({
      suite: 'throughput', name: `applied change orders per second, ${PROPOSERS} proposers on A + B, one plant`, plant: 'light', unit: 'per s',
      note: `${applied - notApplied} in ${durationMs / 1000} s; invariants ${violations.length ? `**${violations.length} violations**` : 'clean'}`,
    }, Math.round(perSecond * 10) / 10));
    figures.push(distribution({ suite: 'throughput', name: 'proposeChangeOrder round trip under contention', plant: 'light', unit: 'ms' }, latencies));
    figures.push(single({ suite: 'throughput', name: 'applied change orders per second, one proposer alone', plant: 'light', unit: 'per s', note: `${alone} in ${quick ? 3 : 10} s` }, Math.round((alone / (quick ? 3 : 10)) * 10) / 10));
    figures.push(distribution({ suite: 'throughput', name: 'proposeChangeOrder round trip, one proposer alone', plant: 'light', unit: 'ms' }, single_));
    figures.push(single({ suite: 'throughput', name: `raw single-row UPDATE + NOTIFY transactions per second, ${PROPOSERS} connections`, unit: 'per s', note: 'same database, same run' }, Math.round(rawPerSecond)));
    figures.push(distribution({ suite: 'throughput', name: 'raw transaction round trip under contention', unit: 'ms' }, rawLatencies));
    figures.push(single({
      suite: 'throughput', name: 'change orders ÷ raw transactions', unit: 'count', note: 'ratio',
      target: { stat: 'value', min: THROUGHPUT_VS_RAW_MIN },
    }, Math.round((perSecond / rawPerSecond) * 1000) / 1000));
    figures.push(single({ suite: 'throughput', name: 'invariant violations after the run', plant: 'light', unit: 'count', target: { stat: 'value', max: 0 } }, violations.length));
    return figures;
  },
};
