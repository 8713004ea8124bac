import { Gauge } from 'prom-client';
import type pg from 'pg';
import type { WebSocketServer } from 'ws';
import type { Services } from '../services.ts';
import { PLANT_LABELS, registry } from './metrics.ts';

/** What the gauges read at scrape time (nothing is counted on the hot paths for them). */
interface Sources {
  services: Services;
  wss: WebSocketServer;
}

let sources: Sources | null = null;

/** Points the scrape-time gauges at this process's sockets, streams, pool and queue. */
export function observeProcess(s: Sources): void {
  sources = s;
}

new Gauge({
  name: 'takt_websocket_connections',
  help: 'Open WebSocket connections to this process.',
  registers: [registry],
  collect() {
    this.set(sources?.wss.clients.size ?? 0);
  },
});

new Gauge({
  name: 'takt_live_streams',
  help: 'Live board subscriptions on this process, by plant (the plant\'s name; "other" past the first 50 plants).',
  labelNames: ['plant'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    if (!sources) return;
    const perPlant = sources.services.realtime.running ? sources.services.realtime.hub.streamsPerPlant() : new Map<string, number>();
    if (perPlant.size === 0) return;
    const names = await plantNames(sources.services);
    for (const [plantId, streams] of perPlant) this.inc({ plant: names.get(plantId) ?? 'other' }, streams);
  },
});

new Gauge({
  name: 'takt_db_pool_connections',
  help: 'The request pool\'s PostgreSQL connections: total open, idle, and requests waiting for one.',
  labelNames: ['state'] as const,
  registers: [registry],
  async collect() {
    if (!sources) return;
    const pool = (await sources.services.orm.em.getConnection().getNativeClient()) as pg.Pool;
    this.set({ state: 'total' }, pool.totalCount);
    this.set({ state: 'idle' }, pool.idleCount);
    this.set({ state: 'waiting' }, pool.waitingCount);
  },
});

new Gauge({
  name: 'takt_jobs_queued',
  help: 'Jobs in the durable queue (the whole cluster\'s), by task and state: waiting (to run or retry), failed (gave up).',
  labelNames: ['task', 'state'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    if (!sources) return;
    const rows = await sources.services.orm.em.fork().execute<{ task: string; failed: boolean; n: string }[]>(
      `select task_identifier as task, attempts >= max_attempts as failed, count(*) as n
         from graphile_worker.jobs group by 1, 2`,
    );
    for (const r of rows) this.set({ task: r.task, state: r.failed ? 'failed' : 'waiting' }, Number(r.n));
  },
});

/** Plant names by id for labels, the first PLANT_LABELS plants by creation; reread each scrape (plants are few). */
async function plantNames(services: Services): Promise<Map<string, string>> {
  const rows = await services.orm.em.fork().execute<{ id: string; name: string }[]>('select id, name from plant order by created_at, id limit ?', [PLANT_LABELS]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
