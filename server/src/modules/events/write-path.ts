import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../db/orm.ts';
import type { Actor } from '../auth/actor.ts';
import { notFound } from '../../shared/errors.ts';
import type { BoardEventPayload } from './board-events.ts';
import { performance } from 'node:perf_hooks';
import { plantLockHold, plantLockWait, writerQueue } from '../../metrics/metrics.ts';
import { Channel } from './realtime-protocol.ts';

/** A board event as a command emits it; the write path assigns its sequence number. */
export type BoardEventInput = BoardEventPayload;

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  comment?: string | null;
  policyVersion?: number | null;
  /**
   * The authority this entry was decided with, when it is not the writer's own: a delegate deciding
   * for someone out of office. The audit then names that user as the actor and the writer as the
   * delegate (docs/product.md §1). Unset: both come from the write's actor.
   */
  onBehalfOf?: { userId: string; delegateId: string } | null;
  data?: Record<string, unknown> | null;
}

/** What a command may do inside the plant's write transaction. */
export interface PlantWrite {
  em: EntityManager;
  plantId: string;
  actor: Actor | null;
  /**
   * The plant's event sequence read under the lock: what the command reads is the state after
   * this event, and no other writer can move it before commit (a check for "nothing changed since").
   */
  seq: number;
  /** Queue a board event; it is written with the next gap-free sequence number at commit. */
  emit(event: BoardEventInput): void;
  /** Append an audit event (actor and delegate taken from the actor). */
  audit(entry: AuditInput): void;
  /**
   * Hand `fact` to `topic`: after the command, still inside this transaction, the topic receives
   * every fact the write published to it, as one list (change-order transitions reach their
   * subscribers this way; docs/ARCHITECTURE.md, "The write path").
   */
  publish<T>(topic: WriteTopic<T>, fact: T): void;
}

/**
 * A kind of fact commands publish during a write. The write calls `deliver` once, after the
 * command and before commit, with all of them in publication order: what the topic writes then
 * sees the state the write ends with, and commits or rolls back with it.
 */
export interface WriteTopic<T> {
  deliver(w: PlantWrite, facts: readonly T[]): Promise<void>;
}

export interface WriteResult<T> {
  value: T;
  /** Sequence numbers of the board events written, in order. */
  seqs: number[];
}

/**
 * The one write path (docs/product.md §5, §6): every state change runs here, in one transaction that first
 * takes the plant's row lock (`SELECT … FOR UPDATE`). Holding that lock until commit serializes
 * the plant's writers, so the board-event sequence assigned under it is strictly increasing and
 * gap-free in commit order, and events, audit rows and data commit or roll back together.
 * The NOTIFY is transactional too: listeners hear of a sequence only once it is committed.
 *
 * Within a process, a plant's writers also queue in memory before they open their transaction:
 * only one of them at a time holds a pooled connection while it waits for (or holds) the row
 * lock. Without the queue a burst of writers parks every pooled connection in a transaction
 * waiting for the lock, and the lock holder can then wait forever on work that needs a connection
 * (an evaluation before the lock following the schedule cache, which the locked one queues behind).
 */
export function withPlantWrite<T>(
  orm: Orm,
  plantId: string,
  actor: Actor | null,
  command: (w: PlantWrite) => Promise<T>,
): Promise<WriteResult<T>> {
  return inTurn(orm, plantId, () => write(orm, plantId, actor, command));
}

/** This process's queue of writers, per database and plant: the tail each next writer waits for. */
const turns = new WeakMap<Orm, Map<string, Promise<unknown>>>();

function inTurn<T>(orm: Orm, plantId: string, task: () => Promise<T>): Promise<T> {
  let plants = turns.get(orm);
  if (!plants) turns.set(orm, (plants = new Map()));
  writerQueue.inc();
  const next = (plants.get(plantId) ?? Promise.resolve()).then(task);
  const tail = next.catch(() => undefined);
  void tail.then(() => writerQueue.dec());
  plants.set(plantId, tail);
  void tail.then(() => {
    if (plants.get(plantId) === tail) plants.delete(plantId);
  });
  return next;
}

async function write<T>(orm: Orm, plantId: string, actor: Actor | null, command: (w: PlantWrite) => Promise<T>): Promise<WriteResult<T>> {
  const events: BoardEventInput[] = [];
  const audits: AuditInput[] = [];
  let lockedAt = 0;
  try {
    return await orm.em.fork().transactional(async (em) => {
      const asked = performance.now();
      const locked = await em.execute<{ event_seq: string }[]>(
        'select event_seq from plant where id = ? for update',
        [plantId],
      );
      lockedAt = performance.now();
      plantLockWait.observe((lockedAt - asked) / 1000);
      const row = locked[0];
      if (!row) throw notFound('Plant', plantId);
      // each topic's facts, topics in the order of their first fact
      const published = new Map<WriteTopic<never>, unknown[]>();
      const w: PlantWrite = {
        em,
        plantId,
        actor,
        seq: Number(row.event_seq),
        emit: (e) => events.push(e),
        audit: (a) => audits.push(a),
        publish: (topic, fact) => {
          const facts = published.get(topic) ?? [];
          if (facts.length === 0) published.set(topic, facts);
          facts.push(fact);
        },
      };
      const value = await command(w);
      for (const [topic, facts] of published) await topic.deliver(w, facts as never[]);
      const seqs = events.map((_, i) => Number(row.event_seq) + i + 1);
      await appendEventsAndAudit(em, plantId, actor, events, seqs, audits);
      return { value, seqs };
    });
  } finally {
    // the row lock is released when the transaction ends, committed or rolled back
    if (lockedAt) plantLockHold.observe((performance.now() - lockedAt) / 1000);
  }
}

/**
 * The write's board events, the plant's new `event_seq`, its audit rows and the NOTIFY, as one
 * statement of data-modifying CTEs: one round trip under the plant lock instead of one per row
 * and table (the lock's hold time is what limits a plant's write throughput, docs/performance.md).
 */
async function appendEventsAndAudit(
  em: EntityManager, plantId: string, actor: Actor | null, events: BoardEventInput[], seqs: number[], audits: AuditInput[],
): Promise<void> {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (events.length) {
    parts.push(`e as (insert into board_event (plant_id, seq, type, payload) values ${events.map(() => '(?, ?, ?, ?::jsonb)').join(', ')})`);
    params.push(...events.flatMap((e, i) => [plantId, seqs[i], e.type, JSON.stringify(e)]));
    parts.push('p as (update plant set event_seq = ? where id = ?)');
    params.push(seqs[seqs.length - 1], plantId);
  }
  if (audits.length) {
    parts.push(`a as (insert into audit_event (plant_id, actor_id, delegate_id, action, entity_type, entity_id, from_status,
      to_status, comment, policy_version, data) values ${audits.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)').join(', ')})`);
    params.push(...audits.flatMap((a) => [
      plantId,
      a.onBehalfOf?.userId ?? actor?.onBehalfOf ?? actor?.userId ?? null,
      a.onBehalfOf?.delegateId ?? (actor?.onBehalfOf ? actor.userId : null),
      a.action,
      a.entityType,
      a.entityId,
      a.fromStatus ?? null,
      a.toStatus ?? null,
      a.comment ?? null,
      a.policyVersion ?? null,
      a.data ? JSON.stringify(a.data) : null,
    ]));
  }
  if (parts.length === 0) return;
  // Unreferenced data-modifying CTEs still run to completion; the NOTIFY is delivered at commit.
  const notify = events.length ? 'select pg_notify(?, ?)' : 'select 1';
  if (events.length) params.push(Channel.BOARD, `${plantId}:${seqs[seqs.length - 1]}`);
  await em.execute(`with ${parts.join(', ')} ${notify}`, params);
}
