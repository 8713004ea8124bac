import type { Orm } from '../db/orm.ts';
import type { Logger } from '../shared/logger.ts';
import { plantHeads, readEvents, type BoardEventMessage } from '../modules/events/event-store.ts';
import { fanOutChannel, wallClock, type FanOutMessage } from './fan-out-timing.ts';
import { Channel } from '../modules/events/realtime-protocol.ts';
import type { PgListener } from './pg-listener.ts';

/** Whoever wants a plant's live events (a BoardStream). */
export interface LiveSink {
  push(event: BoardEventMessage): void;
}

interface PlantFeed {
  plantId: string;
  /** Last sequence number read and handed to the sinks. */
  head: number;
  /** Highest sequence number heard of (notifications, polls). */
  target: number;
  sinks: Set<LiveSink>;
  ready: Promise<void>;
  reading: boolean;
}

export interface HubStats {
  /** Table reads done for live fan-out (one per notification batch per plant, not per subscriber). */
  reads: number;
  /** Events read for live fan-out. */
  events: number;
  notifications: number;
}

/**
 * A process's fan-out of board events (docs/realtime.md, "Fan-out"). Notifications carry only
 * `plantId:seq`; for each plant with subscribers here the hub reads the new events once — one
 * query per burst of notifications, since notifications that arrive during a read only raise the
 * target of the next one — and hands the same frozen message objects to every sink of the plant.
 * Plants nobody here watches cost nothing.
 */
export class BoardEventHub {
  readonly #orm: Orm;
  readonly #listener: PgListener;
  readonly #log: Logger;
  readonly #pollMs: number;
  readonly #feeds = new Map<string, PlantFeed>();
  readonly stats: HubStats = { reads: 0, events: 0, notifications: 0 };
  #poll: NodeJS.Timeout | null = null;
  #unlisten: (() => void)[] = [];

  constructor(orm: Orm, listener: PgListener, log: Logger, opts: { pollMs: number }) {
    this.#orm = orm;
    this.#listener = listener;
    this.#log = log;
    this.#pollMs = opts.pollMs;
  }

  start(): void {
    this.#unlisten.push(
      this.#listener.on(Channel.BOARD, (payload) => this.#onNotification(payload)),
      // NOTIFYs sent while the connection was down are lost: compare heads with the table.
      this.#listener.onReconnect(() => void this.#catchUp()),
    );
    this.#poll = setInterval(() => void this.#catchUp(), this.#pollMs);
    this.#poll.unref();
  }

  stop(): void {
    if (this.#poll) clearInterval(this.#poll);
    for (const off of this.#unlisten) off();
    this.#feeds.clear();
  }

  /**
   * Starts handing `sink` every event of the plant committed from now on (and possibly a few
   * earlier ones; sinks dedupe by seq). Resolves once the plant's feed knows its head.
   */
  async attach(plantId: string, sink: LiveSink): Promise<() => void> {
    let feed = this.#feeds.get(plantId);
    if (!feed) {
      const created: PlantFeed = { plantId, head: 0, target: 0, sinks: new Set(), reading: false, ready: Promise.resolve() };
      created.ready = plantHeads(this.#orm.em.fork(), [plantId]).then((heads) => {
        created.head = heads.get(plantId) ?? 0;
        if (created.target > created.head) void this.#pump(created);
      });
      created.ready.catch(() => this.#feeds.delete(plantId));
      this.#feeds.set(plantId, created);
      feed = created;
    }
    feed.sinks.add(sink);
    await feed.ready;
    const f = feed;
    return () => {
      f.sinks.delete(sink);
      if (f.sinks.size === 0 && this.#feeds.get(plantId) === f) this.#feeds.delete(plantId);
    };
  }

  /** Live streams per plant on this process (for /metrics). */
  streamsPerPlant(): Map<string, number> {
    return new Map([...this.#feeds].map(([plantId, feed]) => [plantId, feed.sinks.size]));
  }

  /** Plants with subscribers on this process. */
  get plants(): string[] {
    return [...this.#feeds.keys()];
  }

  #onNotification(payload: string): void {
    this.stats.notifications++;
    const sep = payload.lastIndexOf(':');
    const plantId = payload.slice(0, sep);
    const seq = Number(payload.slice(sep + 1));
    const feed = this.#feeds.get(plantId);
    if (!feed || !Number.isInteger(seq)) return;
    if (seq > feed.target) feed.target = seq;
    void this.#pump(feed);
  }

  async #catchUp(): Promise<void> {
    if (this.#feeds.size === 0) return;
    try {
      const heads = await plantHeads(this.#orm.em.fork(), [...this.#feeds.keys()]);
      for (const [plantId, head] of heads) {
        const feed = this.#feeds.get(plantId);
        if (!feed || head <= feed.target) continue;
        feed.target = head;
        void this.#pump(feed);
      }
    } catch (err) {
      this.#log.warn({ err }, 'board event catch-up failed; the next poll retries');
    }
  }

  /** Reads new events of one plant until it has everything heard of; one reader per plant. */
  async #pump(feed: PlantFeed): Promise<void> {
    if (feed.reading) return;
    feed.reading = true;
    try {
      await feed.ready;
      while (feed.target > feed.head && this.#feeds.get(feed.plantId) === feed) {
        const events = await readEvents(this.#orm.em.fork(), feed.plantId, feed.head);
        this.stats.reads++;
        this.stats.events += events.length;
        if (events.length === 0) {
          // heard of a head the table does not show (cannot happen with transactional NOTIFY);
          // the next poll compares again rather than spinning here
          feed.target = feed.head;
          break;
        }
        for (const event of events) {
          feed.head = event.seq;
          for (const sink of feed.sinks) sink.push(event);
        }
        if (fanOutChannel.hasSubscribers)
          fanOutChannel.publish({ plantId: feed.plantId, lastSeq: feed.head, streams: feed.sinks.size, at: wallClock(), writtenAt: Date.parse(events[0]!.at) } satisfies FanOutMessage);
      }
    } catch (err) {
      this.#log.warn({ err, plantId: feed.plantId }, 'reading board events failed; retrying');
      setTimeout(() => void this.#pump(feed), 500).unref();
    } finally {
      feed.reading = false;
    }
  }
}
