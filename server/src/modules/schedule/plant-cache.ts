import type { EntityManager } from '@mikro-orm/postgresql';

/** How a cached per-plant value is read whole, and brought up to date for some orders. */
export interface PlantCacheSource<T> {
  /** Reads the whole value (inside one snapshot, or under the plant's write lock). */
  load(em: EntityManager, plantId: string): Promise<T>;
  /** Replaces, in `value`, the named orders by their rows as they are now (idempotent). */
  refresh(em: EntityManager, plantId: string, value: T, orderIds: string[]): Promise<void>;
}

/** Beyond this many events behind, a full reload is cheaper than following them. */
const MAX_EVENTS_TO_FOLLOW = 500;

interface Entry<T> {
  seq: number;
  value: T;
}

/**
 * One in-memory value per plant, kept at the plant's current board-event sequence. Every
 * committed schedule change writes a SCHEDULE_CHANGED board event naming its orders, so a cached
 * value follows the events it missed by refreshing just those orders; a BOARD_RESET, a pruned
 * gap or a long lag means a full reload. Updates are serialized per plant. Readers use the value
 * synchronously after `get` resolves, so they never see it half-updated.
 */
export class PlantCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #locks = new Map<string, Promise<unknown>>();
  readonly #source: PlantCacheSource<T>;

  constructor(source: PlantCacheSource<T>) {
    this.#source = source;
  }

  /**
   * The value at the plant's current event sequence. `locked` when called inside the plant's
   * write transaction: the lock guarantees that nothing commits while it is read. `lockedSeq`, the
   * sequence the lock itself read, cannot move under the lock, so it is not read again.
   */
  async get(em: EntityManager, plantId: string, locked = false, lockedSeq?: number): Promise<Entry<T>> {
    const seq = lockedSeq ?? (await eventSeq(em, plantId));
    const cached = this.#entries.get(plantId);
    if (cached && cached.seq === seq) return { seq, value: cached.value };
    return this.#serialized(plantId, async () => {
      const current = this.#entries.get(plantId);
      const now = lockedSeq ?? (await eventSeq(em, plantId));
      if (current && current.seq === now) return { seq: now, value: current.value };
      if (current && current.seq < now && now - current.seq <= MAX_EVENTS_TO_FOLLOW && (await this.#follow(em, plantId, current, now))) {
        return { seq: now, value: current.value };
      }
      const load = async (tx: EntityManager) => ({ seq: await eventSeq(tx, plantId), value: await this.#source.load(tx, plantId) });
      const entry = locked ? await load(em) : await em.transactional(load, { isolationLevel: 'repeatable read', readOnly: true });
      this.#entries.set(plantId, entry);
      return { seq: entry.seq, value: entry.value };
    });
  }

  /** Applies the events after `entry.seq` up to `to`; false when only a reload can catch up. */
  async #follow(em: EntityManager, plantId: string, entry: Entry<T>, to: number): Promise<boolean> {
    const events = await em.execute<{ type: string; orderIds: string[] | null }[]>(
      `select type, array(select jsonb_array_elements_text(payload->'orderIds')) as "orderIds"
         from board_event where plant_id = ? and seq > ? and seq <= ? order by seq`,
      [plantId, entry.seq, to],
    );
    if (events.length !== to - entry.seq || events.some((e) => e.type === 'BOARD_RESET')) return false;
    const orderIds = [...new Set(events.flatMap((e) => (e.type === 'SCHEDULE_CHANGED' ? (e.orderIds ?? []) : [])))];
    if (orderIds.length) await this.#source.refresh(em, plantId, entry.value, orderIds);
    entry.seq = to;
    return true;
  }

  #serialized<R>(plantId: string, task: () => Promise<R>): Promise<R> {
    const previous = this.#locks.get(plantId) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.#locks.set(plantId, next.catch(() => undefined));
    return next;
  }
}

async function eventSeq(em: EntityManager, plantId: string): Promise<number> {
  const [row] = await em.execute<{ event_seq: string }[]>('select event_seq from plant where id = ?', [plantId]);
  return Number(row?.event_seq ?? 0);
}
