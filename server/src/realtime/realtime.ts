import type { Orm } from '../db/orm.ts';
import type { Logger } from '../shared/logger.ts';
import { PresenceService } from './presence/presence.service.ts';
import { BoardEventHub } from './event-hub.ts';
import { pruneBoardEvents } from '../modules/events/event-store.ts';
import { PgListener } from './pg-listener.ts';
import { Channel } from '../modules/events/realtime-protocol.ts';
import type { RealtimeConfig } from '../config.ts';

const HOUR = 3_600_000;

interface Running {
  listener: PgListener;
  hub: BoardEventHub;
  presence: PresenceService;
  prune: NodeJS.Timeout;
}

/**
 * The process's realtime machinery: one LISTEN connection, the board-event hub and presence. Made
 * with the services, started by main.ts once the database is migrated, stopped on shutdown after
 * the sockets are closed.
 */
export class Realtime {
  readonly config: RealtimeConfig;
  readonly #orm: Orm;
  #running: Running | null = null;

  constructor(orm: Orm, config: RealtimeConfig) {
    this.#orm = orm;
    this.config = config;
  }

  async start(log: Logger): Promise<void> {
    if (this.#running) return;
    const listener = new PgListener({
      connectionString: this.#orm.config.get('clientUrl') as string,
      channels: [Channel.BOARD, Channel.PRESENCE, Channel.IMPORT_PROGRESS],
      log,
    });
    await listener.start();
    const hub = new BoardEventHub(this.#orm, listener, log, { pollMs: this.config.pollMs });
    const presence = new PresenceService(this.#orm, listener, log, { ttlMs: this.config.presenceTtlMs });
    hub.start();
    presence.start();
    const prune = setInterval(() => void this.prune().catch((err) => log.warn({ err }, 'pruning board events failed')), HOUR);
    prune.unref();
    this.#running = { listener, hub, presence, prune };
  }

  async stop(): Promise<void> {
    const running = this.#running;
    if (!running) return;
    this.#running = null;
    clearInterval(running.prune);
    running.hub.stop();
    await running.presence.stop();
    await running.listener.stop();
  }

  /** Deletes board events older than the retention (each plant keeps its newest). */
  async prune(now = new Date()): Promise<number> {
    return pruneBoardEvents(this.#orm.em.fork(), new Date(now.getTime() - this.config.retentionDays * 24 * HOUR));
  }

  /** Started and not yet stopped. */
  get running(): boolean {
    return this.#running !== null;
  }

  get hub(): BoardEventHub {
    return this.#started().hub;
  }

  get presence(): PresenceService {
    return this.#started().presence;
  }

  get listener(): PgListener {
    return this.#started().listener;
  }

  #started(): Running {
    if (!this.#running) throw new Error('realtime is not started (main.ts starts it after migrating)');
    return this.#running;
  }
}
