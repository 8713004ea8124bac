import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, badInput, notFound } from '../../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { Orm } from '../../db/orm.ts';
import type { Clock } from '../../shared/clock.ts';
import { withPlantWrite, type PlantWrite } from '../events/write-path.ts';
import { plantById } from '../plant/plant.service.ts';
import { isUuid } from '../../shared/ids.ts';
import { daysBetween } from '../../shared/dates.ts';

/** A delegation as the API returns it. */
export interface DelegationRow {
  id: string;
  userId: string;
  delegateId: string;
  from: string;
  to: string;
  revokedAt: Date | null;
  createdAt: Date;
  /** In force on the plant's today. */
  active: boolean;
}

/** The longest out-of-office range one delegation may cover. */
export const MAX_DELEGATION_DAYS = 366;

const SELECT = `select d.id, d.user_id as "userId", d.delegate_id as "delegateId", d.starts_on::text as "from", d.ends_on::text as "to",
  d.revoked_at as "revokedAt", d.created_at as "createdAt",
  (d.revoked_at is null and d.starts_on <= ?::date and d.ends_on >= ?::date) as active
  from delegation d join app_user u on u.id = d.user_id`;

/** What the delegation commands need. */
export interface DelegationDeps {
  orm: Orm;
  clock: Clock;
}

/** The plant's today: delegations are judged by the plant's date. */
export async function plantToday(deps: DelegationDeps, plantId: string): Promise<string> {
  return (await plantById(deps.orm.em.fork(), deps.clock, plantId)).today;
}

/**
 * The `setDelegate` command: names `delegateId` to decide the actor's approvals from `from` to `to`
 * (docs/product.md §1). Runs in the plant's write path, so the overlap check cannot race another
 * naming; audited as DELEGATION_SET. Returns the delegation as committed.
 */
export async function setDelegate(deps: DelegationDeps, actor: Actor, input: { delegateId: string; from: string; to: string }): Promise<DelegationRow> {
  const today = await plantToday(deps, actor.plantId);
  const { value: id } = await withPlantWrite(deps.orm, actor.plantId, actor, (w) => nameDelegate(w, actor, today, input));
  return delegationById(deps.orm.em.fork(), actor.plantId, id, today);
}

async function nameDelegate(w: PlantWrite, actor: Actor, today: string, input: { delegateId: string; from: string; to: string }): Promise<string> {
  const { delegateId, from, to } = input;
  if (from > to) throw badInput(`The delegation must end on or after its first day (${from}).`, 'to');
  if (to < today) throw badInput(`The delegation would end in the past (${to}); today is ${today}.`, 'to');
  if (daysBetween(from, to) + 1 > MAX_DELEGATION_DAYS) throw badInput(`A delegation covers at most ${MAX_DELEGATION_DAYS} days; name it again for the next period.`, 'to');
  if (delegateId === actor.userId) throw badInput('You cannot name yourself as your delegate.', 'delegateId');
  const [delegate] = isUuid(delegateId)
    ? await w.em.execute<{ id: string; name: string; role: string }[]>('select id, name, role from app_user where id = ? and plant_id = ?', [delegateId, w.plantId])
    : [];
  // Users of other plants are reported like unknown ids: their existence is not revealed.
  if (!delegate) throw badInput(`User ${delegateId} is not a user of your plant.`, 'delegateId');
  if (delegate.role === 'ADMIN') throw badInput(`${delegate.name} is an administrator and may not decide approvals; name someone else.`, 'delegateId');
  const [overlap] = await w.em.execute<{ from: string; to: string }[]>(
    `select starts_on::text as "from", ends_on::text as "to" from delegation
      where user_id = ? and delegate_id = ? and revoked_at is null and starts_on <= ?::date and ends_on >= ?::date limit 1`,
    [actor.userId, delegateId, to, from],
  );
  if (overlap) throw new AppError('CONFLICT', `${delegate.name} already acts for you from ${overlap.from} to ${overlap.to}; revoke that delegation first or pick other dates.`);
  const [row] = await w.em.execute<{ id: string }[]>(
    'insert into delegation (user_id, delegate_id, starts_on, ends_on) values (?, ?, ?::date, ?::date) returning id',
    [actor.userId, delegateId, from, to],
  );
  w.audit({
    action: 'DELEGATION_SET', entityType: 'Delegation', entityId: row!.id,
    comment: `${delegate.name} acts for ${actor.name} from ${from} to ${to}.`,
    data: { userId: actor.userId, delegateId, from, to },
  });
  return row!.id;
}

/**
 * The `revokeDelegation` command: ends a delegation the actor named. FORBIDDEN for someone else's;
 * CONFLICT when already revoked. Returns the delegation as committed.
 */
export async function revokeDelegation(deps: DelegationDeps, actor: Actor, id: string): Promise<DelegationRow> {
  await withPlantWrite(deps.orm, actor.plantId, actor, (w) => endDelegation(w, actor, id, deps.clock.now()));
  return delegationById(deps.orm.em.fork(), actor.plantId, id, await plantToday(deps, actor.plantId));
}

async function endDelegation(w: PlantWrite, actor: Actor, id: string, now: Date): Promise<void> {
  const [d] = isUuid(id)
    ? await w.em.execute<{ userId: string; revokedAt: Date | null }[]>(
      `select d.user_id as "userId", d.revoked_at as "revokedAt" from delegation d join app_user u on u.id = d.user_id
        where d.id = ? and u.plant_id = ? for update of d`,
      [id, w.plantId],
    )
    : [];
  if (!d) throw notFound('Delegation', id);
  if (d.userId !== actor.userId) throw new AppError('FORBIDDEN', 'Only the user who named a delegate may revoke that delegation.');
  if (d.revokedAt) throw new AppError('CONFLICT', `This delegation was already revoked at ${new Date(d.revokedAt).toISOString()}.`);
  await w.em.execute('update delegation set revoked_at = ? where id = ?', [now, id]);
  w.audit({ action: 'DELEGATION_REVOKED', entityType: 'Delegation', entityId: id, comment: null, data: { userId: d.userId } });
}

/** One delegation of the plant, with `active` judged on `today`. */
export async function delegationById(em: EntityManager, plantId: string, id: string, today: string): Promise<DelegationRow> {
  const [row] = isUuid(id) ? await em.execute<DelegationRow[]>(`${SELECT} where d.id = ? and u.plant_id = ?`, [today, today, id, plantId]) : [];
  if (!row) throw notFound('Delegation', id);
  return row;
}

/** The actor's delegations both ways (named by them, naming them), newest first. */
export async function delegationsOf(em: EntityManager, actor: Actor, today: string): Promise<DelegationRow[]> {
  if (!actor.userId) return [];
  return em.execute<DelegationRow[]>(
    `${SELECT} where (d.user_id = ? or d.delegate_id = ?) and u.plant_id = ? order by d.created_at desc, d.id desc limit 200`,
    [today, today, actor.userId, actor.userId, actor.plantId],
  );
}
