import { getrlimit } from '../lib/rlimit.ts';
import { BareServer } from '../lib/bare.ts';
import { CommitClock } from '../lib/commit-clock.ts';
import { Fleet } from '../lib/fleet.ts';
import { GraphQLClient } from '../lib/http.ts';
import { reportOf, rssOf, sleep } from '../lib/proc.ts';
import { single, type Figure } from '../lib/report.ts';
import { DueDateToggler } from '../lib/writes.ts';
import { displayToken, wsUrl } from './live.ts';
import type { Suite } from './suite.ts';

/** Issue 9: server memory per idle boardEvents subscription. */
export const MEMORY_PER_SUBSCRIBER_MAX_BYTES = 50 * 1024;

interface Usage {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** A server's memory after a full GC (bench/lib/server-memory.ts answers SIGUSR2). */
async function usageAfterGc(pid: number): Promise<Usage> {
  const usage = await reportOf<Usage>(pid, 'memory');
  await sleep(500);
  return { ...usage, rss: await settledRss(pid) };
}

/** RSS after the process has been left alone for a moment (median of a few samples). */
async function settledRss(pid: number): Promise<number> {
  await sleep(2_000);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(await rssOf(pid));
    await sleep(400);
  }
  return samples.sort((a, b) => a - b)[2]!;
}

/**
 * Server RSS per idle subscriber: a fresh server process, warmed with a few hundred
 * subscriptions (code loaded and compiled), then 5,000 and 10,000 wall screens (display token,
 * one socket and one boardEvents subscription each) from eight subscriber processes. A change
 * committed afterwards must reach all of them (every subscription is really registered). The
 * same for a bare graphql-ws server, for scale.
 */
export const memorySuite: Suite = {
  id: 'memory',
  title: 'Server memory per idle boardEvents subscriber',
  async run({ env, quick, log }) {
    const figures: Figure[] = [];
    const { soft, hard } = getrlimit();
    log(`memory: open files limit ${soft} (hard ${hard}) per process`);
    const plant = await env.plant('light');
    await env.stopServer('mem');
    const server = await env.server('mem', ['--expose-gc', '--import', './bench/lib/server-memory.ts']);
    const token = await displayToken(server.url, plant, 'bench idle wall screens');
    const planner = new GraphQLClient(server.url);
    await planner.login(plant.users.planner, plant.password);
    const toggler = await DueDateToggler.load(env.orm, plant.plantId);
    const clock = await CommitClock.start(env.databaseUrl, plant.plantId);
    const steps = quick ? [5_000] : [5_000, 10_000];
    const fleet = await Fleet.start(8);
    const reached = async () => {
      const head = clock.head;
      await toggler.propose(planner);
      const ok = await fleet.waitFor(await clock.next(head), 60_000);
      await fleet.collect();
      return ok;
    };
    try {
      const open = (count: number, url: string) => fleet.open({ kind: 'takt', urls: [url], count, token, plantId: plant.plantId, since: clock.head, concurrency: 20 });
      // warm-up: code paths loaded and optimized, pools and caches filled
      await open(400, wsUrl(server.url));
      await reached();
      await fleet.closeAll();
      const base = await usageAfterGc(server.pid);
      const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
      let total = 0;
      for (const n of steps) {
        const opened = await open(n - total, wsUrl(server.url));
        total = n;
        const ok = await reached();
        const now = await usageAfterGc(server.pid);
        const per = (k: keyof Usage) => Math.round((now[k] - base[k]) / n);
        log(`memory: ${n} subscribers (${opened.live} live this step, event reached all: ${ok}): RSS ${mb(base.rss)} → ${mb(now.rss)}, ${(per('rss') / 1024).toFixed(1)} KB each (V8 heap ${(per('heapUsed') / 1024).toFixed(1)} KB, external ${(per('external') / 1024).toFixed(1)} KB)`);
        figures.push(single({
          suite: 'memory', name: `server RSS delta per idle boardEvents subscriber at ${n.toLocaleString('en')}`, plant: 'light', unit: 'bytes',
          note: `RSS ${mb(base.rss)} → ${mb(now.rss)} after a full GC; a change reached all: ${ok ? 'yes' : 'no'}`,
          target: { stat: 'value', max: MEMORY_PER_SUBSCRIBER_MAX_BYTES },
        }, per('rss')));
        figures.push(single({ suite: 'memory', name: `of which live V8 heap per subscriber at ${n.toLocaleString('en')}`, plant: 'light', unit: 'bytes', note: `heap used ${mb(base.heapUsed)} → ${mb(now.heapUsed)}; external ${(per('external') / 1024).toFixed(1)} KB each` }, per('heapUsed')));
      }
      await fleet.closeAll();

      // the same sockets on a bare graphql-ws server (one subscription each, no auth, no database);
      // for scale only, so not in --quick
      if (quick) return figures;
      const bare = await BareServer.start('gql');
      try {
        const bareBase = await settledRss(bare.pid);
        const n = steps.at(-1)!;
        await fleet.open({ kind: 'gql', urls: [bare.url], count: n, concurrency: 20 });
        const rss = await settledRss(bare.pid);
        figures.push(single({ suite: 'memory', name: `bare graphql-ws RSS delta per idle subscriber at ${n.toLocaleString('en')}`, unit: 'bytes', note: 'for scale' }, Math.round((rss - bareBase) / n)));
        await fleet.closeAll();
      } finally {
        await bare.stop();
      }
    } finally {
      await fleet.stop();
      await clock.stop();
      await env.stopServer('mem');
    }
    return figures;
  },
};
