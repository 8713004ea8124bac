import { bucketLoads, checkInvariants } from '../../tests/support/invariants.ts';
import { addDays } from '../../server/src/shared/dates.ts';
import { CommitClock } from '../lib/commit-clock.ts';
import type { BenchServer } from '../lib/env.ts';
import { Fleet } from '../lib/fleet.ts';
import { GraphQLClient } from '../lib/http.ts';
import { rssOf, sleep } from '../lib/proc.ts';
import { rng } from '../lib/random.ts';
import { distribution, single, type Figure } from '../lib/report.ts';
import { clientBoardQuery } from './board.ts';
import { displayToken, wsUrl } from './live.ts';
import type { Suite } from './suite.ts';

/** Wall screens subscribed for the whole soak (half on A, half on B). */
const WALL_SCREENS = 50;
const REPS = 6;
const MANAGERS = 2;
/** Memory is bounded when the second half's peak RSS is within this factor of the first half's. */
export const SOAK_RSS_GROWTH_MAX = 1.25;

/** GraphQL error codes that are outcomes of the business rules under concurrency, not failures. */
const EXPECTED = new Set(['CONFLICT']);

const INBOX = '{ approvalInbox { id version } }';
const APPROVE = 'mutation($id: ID!, $v: Int!) { approveChangeOrder(id: $id, expectedVersion: $v, comment: "soak") { id status } }';
const REJECT = 'mutation($id: ID!, $v: Int!) { rejectChangeOrder(id: $id, expectedVersion: $v, reason: "soak: not this week") { id status } }';
const PROPOSE = 'mutation($input: ChangeOrderInput!) { proposeChangeOrder(input: $input) { id status tier } }';

interface PackedBoardReply {
  board: { from: string; lastEventSeq: number; workCenters: { id: string }[]; packed: { days: number; bucketLoadMinutes: number[] } };
}

/**
 * Buckets where a server's board (26 weeks from today, the client's own query) disagrees with the
 * allocations in the database: each process keeps its board model by following board events, so
 * after a soak with a restart both must show exactly what is stored.
 */
async function boardMismatches(client: GraphQLClient, query: string, plantId: string, loads: Map<string, number>): Promise<number> {
  const { plants } = (await client.call<{ plants: { id: string; today: string }[] }>('{ plants { id today } }')).data;
  const from = plants.find((p) => p.id === plantId)!.today;
  const { board } = (await client.call<PackedBoardReply>(query, { plantId, from, to: addDays(from, 26 * 7 - 1) })).data;
  let mismatches = 0;
  board.workCenters.forEach((wc, w) => {
    for (let d = 0; d < board.packed.days; d++) {
      if (board.packed.bucketLoadMinutes[w * board.packed.days + d] !== (loads.get(`${wc.id}|${addDays(from, d)}`) ?? 0)) mismatches++;
    }
  });
  return mismatches;
}

/** A person's session on both processes: requests go to `home`, and to the other one while it is down. */
class Person {
  readonly #clients: GraphQLClient[];
  readonly #home: number;
  failovers = 0;
  constructor(clients: GraphQLClient[], home: number) {
    this.#clients = clients;
    this.#home = home;
  }
  static async signIn(servers: BenchServer[], email: string, password: string, home: number): Promise<Person> {
    const clients: GraphQLClient[] = [];
    for (const s of servers) {
      const c = new GraphQLClient(s.url);
      await c.login(email, password);
      clients.push(c);
    }
    return new Person(clients, home);
  }
  async call<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    try {
      return (await this.#clients[this.#home]!.call<T>(query, variables)).data;
    } catch (err) {
      // a refused or dropped connection while the home process restarts: a load balancer would retry elsewhere
      if (!(err instanceof TypeError)) throw err;
      this.failovers++;
      return (await this.#clients[1 - this.#home]!.call<T>(query, variables)).data;
    }
  }
}

/**
 * On demand (`pnpm bench --soak [--minutes 30]`): mixed traffic on the demo plant over two server
 * processes — reps proposing due-date and quantity changes (some apply at once, some wait for a
 * manager), ops managers approving or rejecting from their inbox, 50 wall screens subscribed to
 * board events — with process B restarted (SIGTERM, same port) halfway. Afterwards: no error
 * beyond the business rules' CONFLICTs, every wall screen at the plant's head having seen every
 * sequence number once and in order, server memory sampled every 10 s and bounded, and the
 * invariant checker clean.
 */
export const soakSuite: Suite = {
  id: 'soak',
  title: 'Soak: mixed traffic, a restart midway, memory and invariants',
  onDemand: true,
  async run({ env, log, minutes }) {
    const figures: Figure[] = [];
    const durationMs = (minutes ?? 30) * 60_000;
    const plant = await env.plant('demo');
    const servers = [await env.server('A'), await env.server('B')];
    const token = await displayToken(servers[0]!.url, plant, 'soak wall screens');
    // sign-ins one after another: the login throttle (rightly) counts a burst of one account's
    const reps: Person[] = [];
    for (let i = 0; i < REPS; i++) reps.push(await Person.signIn(servers, plant.users.rep, plant.password, i % 2));
    const managers: Person[] = [];
    for (let i = 0; i < MANAGERS; i++) managers.push(await Person.signIn(servers, plant.users.ops, plant.password, i % 2));
    const baseline = await bucketLoads(env.databaseUrl, plant.plantId);
    const clock = await CommitClock.start(env.databaseUrl, plant.plantId);
    const fleet = await Fleet.start(2);
    const errors = new Map<string, number>();
    const noteError = (what: string) => {
      errors.set(what, (errors.get(what) ?? 0) + 1);
      if ((errors.get(what) ?? 0) === 1) log(`soak: error ${what}`);
    };
    const counts = { proposed: 0, applied: 0, pending: 0, infeasible: 0, approved: 0, rejected: 0, conflicts: 0, boards: 0 };
    const boardQuery = await clientBoardQuery();
    const today = (await env.orm.em.fork().execute<{ today: string }[]>('select current_date::text as today'))[0]!.today;
    const rss: { t: number; server: string; bytes: number }[] = [];
    const latencies: number[] = [];
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const random = rng(2026);
    let stop = false;
    let restartedAt = 0;
    let bPid = servers[1]!.pid;

    const guarded = async (what: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (err) {
        const m = /GraphQL error: (\w+):/.exec((err as Error).message);
        if (m && EXPECTED.has(m[1]!)) counts.conflicts++;
        else noteError(`${what}: ${m ? m[1] : (err as Error).message.slice(0, 160)}`);
      }
    };

    let orders: { id: string; due: string; quantity: number; version: number }[] = [];
    const refreshOrders = async () => {
      orders = await env.orm.em.fork().execute(
        `select id, due_date::text as due, quantity, version from sales_order
          where plant_id = ? and status = 'CONFIRMED' and due_date > current_date + 21`, [plant.plantId]);
    };
    await refreshOrders();

    try {
      const since = clock.head;
      const opened = await fleet.open({ kind: 'takt', urls: servers.map((s) => wsUrl(s.url)), count: WALL_SCREENS, token, plantId: plant.plantId, since, keepSeqs: true });
      log(`soak: ${opened.live}/${WALL_SCREENS} wall screens live; ${minutes ?? 30} min of traffic, B restarts at ${((minutes ?? 30) / 2).toFixed(1)} min`);

      const repLoop = async (rep: Person) => {
        while (!stop) {
          const o = orders[Math.floor(random.next() * orders.length)];
          if (o) {
            const input = random.next() < 0.5
              ? { orderId: o.id, dueDate: addDays(o.due, random.int(-10, 20)), expectedOrderVersion: o.version }
              : { orderId: o.id, quantity: Math.max(1, Math.round(o.quantity * (0.7 + random.next() * 0.7))), expectedOrderVersion: o.version };
            await guarded('propose', async () => {
              const { proposeChangeOrder: co } = await rep.call<{ proposeChangeOrder: { status: string } }>(PROPOSE, { input });
              counts.proposed++;
              if (co.status === 'APPLIED') {
                counts.applied++;
                o.version++; // the terms this rep just made
              }
              else if (co.status === 'PENDING') counts.pending++;
              else if (co.status === 'INFEASIBLE') counts.infeasible++;
            });
          }
          if (random.next() < 0.1) {
            // now and then a rep opens the board, as the SPA does (six weeks, packed)
            await guarded('board', async () => {
              await rep.call(boardQuery, { plantId: plant.plantId, from: today, to: addDays(today, 41) });
              counts.boards++;
            });
          }
          await sleep(200 + random.int(0, 400));
        }
      };
      const managerLoop = async (m: Person) => {
        while (!stop) {
          await guarded('inbox', async () => {
            const { approvalInbox } = await m.call<{ approvalInbox: { id: string; version: number }[] }>(INBOX);
            for (const co of approvalInbox.slice(0, 5)) {
              if (stop) break;
              const approve = random.next() < 0.7;
              await guarded(approve ? 'approve' : 'reject', async () => {
                await m.call(approve ? APPROVE : REJECT, { id: co.id, v: co.version });
                counts[approve ? 'approved' : 'rejected']++;
              });
            }
          });
          await sleep(500 + random.int(0, 500));
        }
      };
      const sampler = async () => {
        let lastProgress = 0;
        while (!stop) {
          for (const [name, pid] of [['A', servers[0]!.pid], [restartedAt ? "B'" : 'B', bPid]] as const) {
            const bytes = await rssOf(pid).catch(() => null);
            if (bytes !== null) rss.push({ t: elapsed(), server: name, bytes });
          }
          const receipts = await fleet.collect();
          for (const [seq, r] of receipts) {
            const t0 = clock.commitOf(seq);
            if (t0 !== undefined) for (const t of r.times) latencies.push(t - t0);
          }
          await refreshOrders().catch((err: Error) => noteError(`orders: ${err.message}`));
          if (elapsed() - lastProgress >= 60_000) {
            lastProgress = elapsed();
            log(`soak: ${(elapsed() / 60_000).toFixed(1)} min, ${JSON.stringify(counts)}, head ${clock.head}, errors ${[...errors.values()].reduce((s, x) => s + x, 0)}`);
          }
          await sleep(10_000);
        }
      };
      const restarter = async () => {
        await sleep(durationMs / 2);
        log('soak: restarting server B (SIGTERM, same port)');
        const b = await env.restartServer('B');
        bPid = b.pid;
        restartedAt = elapsed();
        log(`soak: server B back (pid ${b.pid}) after ${((elapsed() - durationMs / 2) / 1000).toFixed(1)} s`);
      };
      const loops = [...reps.map(repLoop), ...managers.map(managerLoop), sampler(), restarter().catch((err: Error) => noteError(`restart: ${err.message}`))];
      await sleep(durationMs);
      stop = true;
      await Promise.all(loops);

      // every wall screen reaches the head, having seen each sequence number once, in order
      const head = clock.head;
      const deadline = Date.now() + 60_000;
      let stats = await fleet.stats();
      while (Date.now() < deadline && !stats.every((s) => s.lastSeqs.every((x) => x >= head))) {
        await sleep(500);
        stats = await fleet.stats();
      }
      const lastSeqs = stats.flatMap((s) => s.lastSeqs);
      const firstSeqs = stats.flatMap((s) => s.firstSeqs);
      const atHead = lastSeqs.filter((x) => x === head).length;
      const fromStart = firstSeqs.filter((x) => x === since + 1).length;
      const gaps = stats.reduce((s, x) => s + x.gaps + x.duplicates + x.resyncs + x.offline, 0);
      const reconnects = stats.reduce((s, x) => s + x.reconnects, 0);
      for (const e of stats.flatMap((s) => s.errors)) if (!/^offline: stopped/.test(e)) noteError(`wall screen: ${e}`);
      const violations = await checkInvariants(env.databaseUrl, plant.plantId, { baseline });
      const loads = await bucketLoads(env.databaseUrl, plant.plantId);
      const boardsOff: number[] = [];
      for (const s of servers) {
        const client = new GraphQLClient(s.url);
        await client.login(plant.users.rep, plant.password);
        boardsOff.push(await boardMismatches(client, boardQuery, plant.plantId, loads.loads));
      }
      for (const v of violations.slice(0, 10)) log(`soak: invariant violated: ${v}`);

      const failovers = [...reps, ...managers].reduce((s, p) => s + p.failovers, 0);
      const errorCount = [...errors.values()].reduce((s, x) => s + x, 0);
      log(`soak: done: ${JSON.stringify(counts)}; events ${since + 1}…${head}; wall screens at head ${atHead}/${lastSeqs.length}, reconnects ${reconnects}; failovers ${failovers}; errors ${JSON.stringify(Object.fromEntries(errors))}`);
      const mins = `${minutes ?? 30} min`;
      figures.push(single({ suite: 'soak', name: `errors (beyond CONFLICT) in ${mins} of mixed traffic`, plant: 'demo', unit: 'count', note: `${counts.proposed} proposed (${counts.applied} applied at once, ${counts.pending} pending, ${counts.infeasible} infeasible), ${counts.approved} approved, ${counts.rejected} rejected, ${counts.conflicts} CONFLICT; ${failovers} requests failed over during the restart${errorCount ? `; ${JSON.stringify(Object.fromEntries(errors))}` : ''}`, target: { stat: 'value', max: 0 } }, errorCount));
      figures.push(single({ suite: 'soak', name: 'wall screens with a gap, duplicate, resync or stop', plant: 'demo', unit: 'count', note: `${atHead}/${lastSeqs.length} at head ${head}, ${fromStart} from seq ${since + 1}; ${head - since} events; ${reconnects} reconnects (B restarted)`, target: { stat: 'value', max: 0 } }, gaps + (lastSeqs.length - atHead) + (lastSeqs.length - fromStart)));
      figures.push(single({ suite: 'soak', name: 'invariant violations after the soak', plant: 'demo', unit: 'count', target: { stat: 'value', max: 0 } }, violations.length));
      figures.push(single({ suite: 'soak', name: 'board buckets (26 weeks, A and restarted B) that differ from the database after the soak', plant: 'demo', unit: 'count', note: `A ${boardsOff[0]}, B ${boardsOff[1]}; ${counts.boards} boards loaded during the soak`, target: { stat: 'value', max: 0 } }, boardsOff.reduce((a, b) => a + b, 0)));
      figures.push(distribution({ suite: 'soak', name: `commit → wall screen during the soak (${WALL_SCREENS} screens)`, plant: 'demo', unit: 'ms' }, latencies));
      for (const name of ['A', 'B', "B'"]) {
        const samples = rss.filter((r) => r.server === name);
        if (samples.length === 0) continue;
        figures.push(distribution({ suite: 'soak', name: `server ${name} RSS, sampled every 10 s`, unit: 'bytes' }, samples.map((s) => s.bytes)));
      }
      // bounded: process A ran throughout; after a minute's warm-up, the second half's peak vs the first half's
      const a = rss.filter((r) => r.server === 'A' && r.t > Math.min(60_000, durationMs / 4));
      const firstHalf = Math.max(...a.filter((r) => r.t <= durationMs / 2).map((r) => r.bytes));
      const secondHalf = Math.max(...a.filter((r) => r.t > durationMs / 2).map((r) => r.bytes));
      figures.push(single({ suite: 'soak', name: 'server A peak RSS, second half ÷ first half', unit: 'count', note: 'ratio; memory bounded', target: { stat: 'value', max: SOAK_RSS_GROWTH_MAX } }, Math.round((secondHalf / firstHalf) * 100) / 100));
    } finally {
      stop = true;
      await fleet.stop();
      await clock.stop();
    }
    return figures;
  },
};
