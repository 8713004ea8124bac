import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../db/orm.ts';
import type { Logger } from '../../shared/logger.ts';
import { pgArray } from '../../db/sql.ts';
import { badInput, notFound } from '../../shared/errors.ts';
import { isUuid } from '../../shared/ids.ts';
import type { Role } from '../../modules/auth/roles.ts';
import { Channel } from '../../modules/events/realtime-protocol.ts';
import type { PgListener } from '../pg-listener.ts';
import type { PresenceKind } from '../../../../schema/generated/enums.ts';

export interface Viewing {
  kind: PresenceKind;
  id: string | null;
}

export interface PresenceEntryDto {
  userId: string;
  name: string;
  role: Role;
  viewing: Viewing;
  since: string;
}

export interface PresenceSnapshotDto {
  plantId: string;
  users: PresenceEntryDto[];
}

/** Who is present: one browser session of one user in one plant. */
export interface PresenceKey {
  plantId: string;
  userId: string;
  sessionKey: string;
}

/** A session token → the key stored in `presence.session_key` (never the token itself). */
export const sessionKeyOf = (token: string) => createHash('sha256').update(`presence:${token}`).digest('hex');

/** Validates what a client says it has open; BAD_USER_INPUT names the problem. */
export function parseViewing(input: { kind: PresenceKind; id?: string | null }): Viewing {
  if (input.kind === 'BOARD') {
    if (input.id) throw badInput('"id" must be omitted when viewing the BOARD.', 'viewing.id');
    return { kind: 'BOARD', id: null };
  }
  if (!input.id || !isUuid(input.id)) throw badInput(`"id" must be the ${input.kind === 'CHANGE_ORDER' ? 'change order' : 'order'} id for ${input.kind}.`, 'viewing.id');
  return { kind: input.kind, id: input.id };
}

/**
 * NOT_FOUND unless what `viewing` names is in the plant: presence shows it to everyone looking
 * at the plant, so it must not point at another plant's order or at nothing.
 */
export async function requireViewable(em: EntityManager, plantId: string, viewing: Viewing): Promise<void> {
  if (viewing.id === null) return;
  const table = viewing.kind === 'CHANGE_ORDER' ? 'change_order' : 'sales_order';
  const rows = await em.execute<unknown[]>(`select 1 from ${table} where id = ? and plant_id = ?`, [viewing.id, plantId]);
  if (rows.length === 0) throw notFound(viewing.kind === 'CHANGE_ORDER' ? 'Change order' : 'Order', viewing.id);
}

type SnapshotSink = (snapshot: PresenceSnapshotDto) => void;

interface PlantWatch {
  sinks: Set<SnapshotSink>;
  last: PresenceSnapshotDto | null;
  lastJson: string;
  reading: boolean;
  again: boolean;
}

interface LocalPresence {
  key: PresenceKey;
  refs: number;
  viewing: Viewing;
}

const keyString = (k: PresenceKey) => `${k.plantId}|${k.userId}|${k.sessionKey}`;

/**
 * Presence across processes (docs/realtime.md, "Presence"). State lives in the `presence` table:
 * a process holding a presence subscription heartbeats its rows every TTL/3 and deletes a row
 * when its last subscription for it ends (so a disconnect is seen at once); a row whose process
 * died stops being heartbeated, is ignored once older than the TTL and deleted by whichever
 * process sweeps first. Every change NOTIFYs `takt_presence` with the plant id; each process
 * then reads the plant's snapshot once for all its subscribers and sends it only if it changed.
 */
export class PresenceService {
  readonly #orm: Orm;
  readonly #listener: PgListener;
  readonly #log: Logger;
  readonly #ttlMs: number;
  readonly #watches = new Map<string, PlantWatch>();
  readonly #local = new Map<string, LocalPresence>();
  readonly #timers: NodeJS.Timeout[] = [];
  #unlisten: (() => void)[] = [];

  constructor(orm: Orm, listener: PgListener, log: Logger, opts: { ttlMs: number }) {
    this.#orm = orm;
    this.#listener = listener;
    this.#log = log;
    this.#ttlMs = opts.ttlMs;
  }

  start(): void {
    this.#unlisten.push(
      this.#listener.on(Channel.PRESENCE, (plantId) => this.#refresh(plantId)),
      this.#listener.onReconnect(() => {
        for (const plantId of this.#watches.keys()) this.#refresh(plantId);
      }),
    );
    const every = (ms: number, fn: () => Promise<void>) => {
      const t = setInterval(() => void fn().catch((err) => this.#log.warn({ err }, 'presence upkeep failed')), ms);
      t.unref();
      this.#timers.push(t);
    };
    every(Math.max(50, Math.floor(this.#ttlMs / 3)), () => this.#heartbeat());
    every(Math.max(50, Math.floor(this.#ttlMs / 10)), () => this.#sweep());
  }

  /** Stops heartbeats and removes this process's rows (graceful shutdown: the users left). */
  async stop(): Promise<void> {
    for (const t of this.#timers) clearInterval(t);
    for (const off of this.#unlisten) off();
    const keys = [...this.#local.values()].map((l) => l.key);
    this.#local.clear();
    this.#watches.clear();
    await Promise.all(keys.map((k) => this.#delete(k).catch(() => {})));
  }

  /** Marks the key present (one more subscription holds it); returns the function that leaves. */
  async join(key: PresenceKey): Promise<() => Promise<void>> {
    const id = keyString(key);
    let local = this.#local.get(id);
    if (!local) this.#local.set(id, (local = { key, refs: 0, viewing: { kind: 'BOARD', id: null } }));
    local.refs++;
    await this.#upsert(this.#orm.em.fork(), [local], false);
    let left = false;
    return async () => {
      if (left) return;
      left = true;
      const l = this.#local.get(id);
      if (!l || --l.refs > 0) return;
      this.#local.delete(id);
      await this.#delete(key);
    };
  }

  /**
   * The `updatePresence` command: records what the key's user has open, once it is known to be in
   * the key's plant (`requireViewable`).
   */
  async update(key: PresenceKey, viewing: Viewing): Promise<void> {
    await requireViewable(this.#orm.em.fork(), key.plantId, viewing);
    const local = this.#local.get(keyString(key));
    if (local) local.viewing = viewing;
    await this.#upsert(this.#orm.em.fork(), [{ key, viewing }], true);
  }

  /** The user's setting; invisible users never appear in any snapshot. */
  async setVisibility(em: EntityManager, userId: string, plantId: string, visible: boolean): Promise<boolean> {
    await em.execute('update app_user set presence_visible = ?, version = version + 1 where id = ? and presence_visible <> ?', [visible, userId, visible]);
    await em.execute('select pg_notify(?, ?)', [Channel.PRESENCE, plantId]);
    return visible;
  }

  /** Starts sending `sink` the plant's snapshot (at once, then on every change). */
  async watch(plantId: string, sink: SnapshotSink): Promise<() => void> {
    let watch = this.#watches.get(plantId);
    if (!watch) this.#watches.set(plantId, (watch = { sinks: new Set(), last: null, lastJson: '', reading: false, again: false }));
    watch.sinks.add(sink);
    const w = watch;
    if (w.last) sink(w.last);
    else this.#refresh(plantId);
    return () => {
      w.sinks.delete(sink);
      if (w.sinks.size === 0 && this.#watches.get(plantId) === w) this.#watches.delete(plantId);
    };
  }

  /** The visible people in a plant, from rows heartbeated within the TTL. */
  async snapshot(em: EntityManager, plantId: string): Promise<PresenceSnapshotDto> {
    const rows = await em.execute<{ userId: string; name: string; role: Role; kind: PresenceKind; id: string | null; since: Date }[]>(
      `select p.user_id as "userId", u.name, u.role, p.viewing_kind as kind, p.viewing_id as id, min(p.since) as since
         from presence p join app_user u on u.id = p.user_id
        where p.plant_id = ? and u.presence_visible and p.heartbeat_at > now() - (? * interval '1 millisecond')
        group by p.user_id, u.name, u.role, p.viewing_kind, p.viewing_id
        order by u.name, p.user_id, p.viewing_kind, p.viewing_id`,
      [plantId, this.#ttlMs],
    );
    return {
      plantId,
      users: rows.map((r) => ({ userId: r.userId, name: r.name, role: r.role, viewing: { kind: r.kind, id: r.id }, since: new Date(r.since).toISOString() })),
    };
  }

  #refresh(plantId: string): void {
    const watch = this.#watches.get(plantId);
    if (!watch) return;
    if (watch.reading) {
      watch.again = true;
      return;
    }
    watch.reading = true;
    void (async () => {
      try {
        do {
          watch.again = false;
          const snapshot = await this.snapshot(this.#orm.em.fork(), plantId);
          const json = JSON.stringify(snapshot.users);
          if (json === watch.lastJson && watch.last) continue;
          watch.last = snapshot;
          watch.lastJson = json;
          for (const sink of watch.sinks) sink(snapshot);
        } while (watch.again);
      } catch (err) {
        this.#log.warn({ err, plantId }, 'reading presence failed');
      } finally {
        watch.reading = false;
      }
    })();
  }

  async #heartbeat(): Promise<void> {
    if (this.#local.size === 0) return;
    await this.#upsert(this.#orm.em.fork(), [...this.#local.values()], false);
  }

  /** Deletes expired rows (of any process) and tells every process about the plants touched. */
  async #sweep(): Promise<void> {
    const em = this.#orm.em.fork();
    const rows = await em.execute<{ plant_id: string }[]>(
      `delete from presence where heartbeat_at < now() - (? * interval '1 millisecond') returning plant_id`,
      [this.#ttlMs],
    );
    for (const plantId of new Set(rows.map((r) => r.plant_id))) await this.#notify(em, plantId);
    // rows expire by time alone too: re-read the watched plants whose snapshot may have aged
    for (const [plantId, watch] of this.#watches) if (watch.last?.users.length) this.#refresh(plantId);
  }

  /**
   * One statement for many rows. `setViewing`: overwrite what is open (updatePresence); otherwise
   * only refresh the heartbeat, and write the local view only when the row had to be re-created.
   * NOTIFYs the plants whose snapshot may have changed.
   */
  async #upsert(em: EntityManager, items: { key: PresenceKey; viewing: Viewing }[], setViewing: boolean): Promise<void> {
    const rows = await em.execute<{ plant_id: string; inserted: boolean }[]>(
      `insert into presence (plant_id, user_id, session_key, viewing_kind, viewing_id)
         select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::uuid[])
       on conflict (plant_id, user_id, session_key) do update set heartbeat_at = now()
         ${setViewing ? `, viewing_kind = excluded.viewing_kind, viewing_id = excluded.viewing_id,
             since = case when (presence.viewing_kind, presence.viewing_id) is not distinct from (excluded.viewing_kind, excluded.viewing_id)
                          then presence.since else now() end` : ''}
       returning plant_id, (xmax = 0) as inserted`,
      [
        pgArray(items.map((i) => i.key.plantId)),
        pgArray(items.map((i) => i.key.userId)),
        pgArray(items.map((i) => i.key.sessionKey)),
        pgArray(items.map((i) => i.viewing.kind)),
        `{${items.map((i) => i.viewing.id ?? 'NULL').join(',')}}`,
      ],
    );
    const changed = new Set(rows.filter((r) => setViewing || r.inserted).map((r) => r.plant_id));
    for (const plantId of changed) await this.#notify(em, plantId);
  }

  async #delete(key: PresenceKey): Promise<void> {
    const em = this.#orm.em.fork();
    await em.execute('delete from presence where plant_id = ? and user_id = ? and session_key = ?', [key.plantId, key.userId, key.sessionKey]);
    await this.#notify(em, key.plantId);
  }

  async #notify(em: EntityManager, plantId: string): Promise<void> {
    await em.execute('select pg_notify(?, ?)', [Channel.PRESENCE, plantId]);
  }
}
