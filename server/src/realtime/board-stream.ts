import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../shared/errors.ts';
import type { BoardEventHub, LiveSink } from './event-hub.ts';
import type { DirectSource } from './shared-execution.ts';
import { readEvents, resyncMessage, streamBounds, type BoardEventMessage } from '../modules/events/event-store.ts';
import { MAX_LIVE_BUFFER, READ_PAGE, ResyncReason } from '../modules/events/realtime-protocol.ts';

export interface BoardStreamOptions {
  hub: BoardEventHub;
  /** A fresh entity manager per table read (a stream lives for hours). */
  em: () => EntityManager;
  plantId: string;
  /** Resume after this sequence number; null = only events committed from now on. */
  since: number | null;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * One subscriber's view of a plant's board stream: replay from the table, then live events from
 * the hub, each sequence number exactly once and in order (docs/realtime.md, "Resume").
 *
 * It keeps `delivered`, the last sequence number handed out. It attaches to the hub *before*
 * reading the table, so an event committed during the replay is either in the replay or in the
 * live buffer (or both: anything ≤ `delivered` is dropped). A live event that is not
 * `delivered + 1` means something was missed (a slow socket overflowed its buffer): the stream
 * then reads on from the table, which is the real buffer, until it has caught up.
 *
 * A hand-written iterator rather than an async generator, so that `return()` (unsubscribe,
 * socket closed) ends a stream that is waiting for the next event at once.
 */
export class BoardStream implements AsyncIterableIterator<BoardEventMessage>, LiveSink, DirectSource {
  readonly #opts: BoardStreamOptions;
  #delivered = 0;
  #fromTable = true;
  #out: BoardEventMessage[] = [];
  #live: BoardEventMessage[] = [];
  #wake: (() => void) | null = null;
  #closed = false;
  #detach: (() => void) | null = null;
  #direct: ((event: BoardEventMessage) => boolean) | null = null;
  readonly #onClose: (() => void)[] = [];

  private constructor(opts: BoardStreamOptions) {
    this.#opts = opts;
  }

  /** Opens a stream; NOT_FOUND for an unknown plant, BAD_USER_INPUT for a negative `since`. */
  static async open(opts: BoardStreamOptions): Promise<BoardStream> {
    if (opts.since !== null && (!Number.isInteger(opts.since) || opts.since < 0))
      throw badInput(`"since" must be a sequence number of 0 or more, got ${opts.since}.`, 'since');
    const stream = new BoardStream(opts);
    stream.#detach = await opts.hub.attach(opts.plantId, stream);
    try {
      const bounds = await streamBounds(opts.em(), opts.plantId);
      if (!bounds) throw notFound('Plant', opts.plantId);
      const { since } = opts;
      if (since === null) {
        stream.#delivered = bounds.head;
      } else if (since > bounds.head) {
        stream.#resync(bounds.head, ResyncReason.UNKNOWN_SINCE);
      } else if (since < bounds.head && (bounds.oldest === null || bounds.oldest > since + 1)) {
        stream.#resync(bounds.head, ResyncReason.RETENTION);
      } else {
        stream.#delivered = since;
      }
    } catch (err) {
      stream.#close();
      throw err;
    }
    return stream;
  }

  /** The last sequence number handed out. */
  get delivered(): number {
    return this.#delivered;
  }

  /** Runs `fn` when the stream ends (unsubscribe, socket closed, server stopping). */
  onClose(fn: () => void): void {
    if (this.#closed) fn();
    else this.#onClose.push(fn);
  }

  /**
   * Live events are handed to `write` instead of the consumer while the consumer is idle — waiting
   * in `next()`, so everything before has been taken — and nothing is queued ahead of the event;
   * when `write` says no, the event is queued as usual (shared-execution.ts, ws-frames.ts 3.).
   */
  deliverDirectly(write: (event: BoardEventMessage) => boolean): void {
    this.#direct = write;
  }

  /** Called by the hub with each live event of the plant (the same object for every stream). */
  push(event: BoardEventMessage): void {
    if (this.#closed || event.seq <= this.#delivered) return;
    const idle = this.#wake !== null && !this.#fromTable && this.#out.length === 0 && this.#live.length === 0;
    if (idle && event.seq === this.#delivered + 1 && this.#direct?.(event)) {
      this.#delivered = event.seq;
      return;
    }
    this.#live.push(event);
    if (this.#live.length > MAX_LIVE_BUFFER) {
      // the socket is not keeping up: forget the buffer, read on from the table when it drains
      this.#live = [];
      this.#fromTable = true;
    }
    this.#wakeUp();
  }

  async next(): Promise<IteratorResult<BoardEventMessage, undefined>> {
    for (;;) {
      if (this.#closed) return DONE;
      const ready = this.#out.shift();
      if (ready) return { done: false, value: ready };
      if (this.#fromTable) {
        await this.#readPage();
        continue;
      }
      const live = this.#live.shift();
      if (live) {
        if (live.seq <= this.#delivered) continue;
        if (live.seq === this.#delivered + 1) {
          this.#delivered = live.seq;
          return { done: false, value: live };
        }
        // a hole before this event: fill it from the table (which also covers this event)
        this.#live.unshift(live);
        this.#fromTable = true;
        continue;
      }
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }

  async return(): Promise<IteratorResult<BoardEventMessage, undefined>> {
    this.#close();
    return DONE;
  }

  async throw(err?: unknown): Promise<IteratorResult<BoardEventMessage, undefined>> {
    this.#close();
    throw err;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Ends the stream from the server side (shutdown, session revoked). */
  close(): void {
    this.#close();
  }

  async #readPage(): Promise<void> {
    const page = await readEvents(this.#opts.em(), this.#opts.plantId, this.#delivered, READ_PAGE);
    if (page.length > 0 && page[0]!.seq !== this.#delivered + 1) {
      // what comes next was pruned while we were behind: the client must refetch the board
      const bounds = await streamBounds(this.#opts.em(), this.#opts.plantId);
      this.#resync(bounds?.head ?? page[page.length - 1]!.seq, ResyncReason.RETENTION);
      return;
    }
    for (const event of page) {
      this.#out.push(event);
      this.#delivered = event.seq;
    }
    if (page.length < READ_PAGE) this.#fromTable = false;
  }

  #resync(head: number, reason: string): void {
    this.#out.push(resyncMessage(this.#opts.plantId, head, reason));
    this.#delivered = head;
    this.#fromTable = true;
  }

  #wakeUp(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#live = [];
    this.#out = [];
    this.#detach?.();
    this.#wakeUp();
    for (const fn of this.#onClose.splice(0)) fn();
  }
}
