import { CommitClock } from '../lib/commit-clock.ts';
import { Fleet } from '../lib/fleet.ts';
import { GraphQLClient } from '../lib/http.ts';
import { distribution, single, type Figure } from '../lib/report.ts';
import { summarize } from '../lib/stats.ts';
import { DueDateToggler } from '../lib/writes.ts';
import type { BenchEnv, BenchPlant, BenchServer } from '../lib/env.ts';
import { displayToken, FLEET_WORKERS, taktRound, wsUrl, type LiveContext } from './live.ts';
import type { Suite } from './suite.ts';

/** Wall screens on the measured plant, spread over the configuration's processes. */
const SUBSCRIBERS = 100;
const SERVER_NAMES = ['A', 'B', 'C', 'D'];

interface Shape {
  name: string;
  plants: number;
  servers: number;
}

interface Outcome {
  applied: number;
  notApplied: number;
  seconds: number;
  latencies: number[];
  delivered: string;
}

/**
 * One configuration: every plant has a planner proposing AUTO change orders as fast as they are
 * answered, through process `i % servers` (the measured plant's on A); meanwhile the measured
 * plant's change orders, one every 100 ms from another planner session, reach its wall screens
 * spread over all the processes — commit (an independent LISTEN) → frame received.
 */
async function runShape(env: BenchEnv, fleet: Fleet, shape: Shape, quick: boolean, log: (m: string) => void): Promise<Outcome> {
  const servers: BenchServer[] = [];
  for (const name of SERVER_NAMES.slice(0, shape.servers)) servers.push(await env.server(name));
  const plants: BenchPlant[] = [];
  for (let i = 0; i < shape.plants; i++) plants.push(await env.plant('light', i));
  const measured = plants[0]!;
  // lane 0 of the measured plant is the live round's, lane 1 its load; other plants: one lane
  const togglers = await Promise.all(plants.map((p, i) => DueDateToggler.load(env.orm, p.plantId, i === 0 ? 2 : 1)));
  const proposers: { client: GraphQLClient; toggler: DueDateToggler; lane: number }[] = [];
  for (const [i, p] of plants.entries()) {
    const client = new GraphQLClient(servers[i % servers.length]!.url);
    await client.login(p.users.planner, p.password);
    proposers.push({ client, toggler: togglers[i]!, lane: i === 0 ? 1 : 0 });
  }
  const liveWriter = new GraphQLClient(servers[0]!.url);
  await liveWriter.login(measured.users.planner, measured.password);
  const token = await displayToken(servers[0]!.url, measured, `bench cluster screens ${shape.name}`);
  const clock = await CommitClock.start(env.databaseUrl, measured.plantId);
  // warm-up: every proposer once (sessions, schedule caches)
  await Promise.all(proposers.map((p) => p.toggler.propose(p.client, p.lane)));

  let stop = false;
  let applied = 0;
  let notApplied = 0;
  const started = performance.now();
  const load = Promise.all(proposers.map(async (p) => {
    while (!stop) {
      const co = await p.toggler.propose(p.client, p.lane);
      if (co.status === 'APPLIED') applied++;
      else notApplied++;
    }
  }));
  try {
    const ctx: LiveContext = {
      clock, urls: servers.map((s) => wsUrl(s.url)), pids: servers.map((s) => s.pid), token, plantId: measured.plantId, spacingMs: 100,
      write: async () => {
        const co = await togglers[0]!.propose(liveWriter, 0);
        if (co.status === 'APPLIED') applied++;
        else notApplied++;
      },
    };
    const round = await taktRound(fleet, SUBSCRIBERS, quick ? 10 : 40, ctx);
    stop = true;
    await load;
    const seconds = (performance.now() - started) / 1000;
    log(`cluster ${shape.name}: ${applied} applied in ${seconds.toFixed(1)} s (${notApplied} not), live p99 ${summarize(round.latencies).p99.toFixed(1)} ms`);
    return { applied, notApplied, seconds, latencies: round.latencies, delivered: `${round.delivered}/${round.expected} changes reached all ${round.live} screens` };
  } finally {
    stop = true;
    await load.catch(() => undefined);
    await clock.stop();
  }
}

/**
 * Past one machine (docs/operations.md): plants never contend with each other — the lock, the
 * event sequence, the board model and the caches are per plant — so a cluster should scale with
 * plants until PostgreSQL is the limit. One plant on one process beside 20 plants (8 with
 * `--quick`) on four processes: aggregate applied change orders per second and the measured
 * plant's live p99 under that load. On a 2-core machine four processes share two cores, so the
 * ratio says how much of the single-process figure survives a machine's worth of contention; on
 * more cores it is the scaling itself.
 */
export const clusterSuite: Suite = {
  id: 'cluster',
  title: 'Cluster: 20 plants on 4 processes beside 1 plant on 1 process (applied change orders/s, live p99)',
  async run({ env, quick, log }) {
    const shapes: Shape[] = [
      { name: '1 plant, 1 process', plants: 1, servers: 1 },
      { name: `${quick ? 8 : 20} plants, 4 processes`, plants: quick ? 8 : 20, servers: 4 },
    ];
    const fleet = await Fleet.start(FLEET_WORKERS);
    const figures: Figure[] = [];
    try {
      const rates: number[] = [];
      for (const shape of shapes) {
        const o = await runShape(env, fleet, shape, quick, log);
        const rate = o.applied / o.seconds;
        rates.push(rate);
        figures.push(single({ suite: 'cluster', name: `applied change orders per second, ${shape.name}`, plant: 'light', unit: 'per s', note: `${o.applied} in ${o.seconds.toFixed(1)} s, ${o.notApplied} not applied at once` }, Math.round(rate * 10) / 10));
        figures.push(distribution({ suite: 'cluster', name: `live: commit → ${SUBSCRIBERS} screens of one plant, ${shape.name}, under that load`, plant: 'light', unit: 'ms', note: o.delivered }, o.latencies));
      }
      figures.push(single({ suite: 'cluster', name: 'aggregate throughput, many plants ÷ one plant', unit: 'count', note: 'ratio' }, Math.round((rates[1]! / rates[0]!) * 100) / 100));
    } finally {
      await fleet.stop();
    }
    return figures;
  },
};
