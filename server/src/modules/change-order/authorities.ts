import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor.ts';
import type { Role } from '../auth/roles.ts';
import type { Authority } from './authority.ts';

/**
 * The authorities an actor can use today: their own role first, then the role of everyone who
 * named them delegate for a range that contains `today` (docs/product.md §1, out of office).
 */
export async function authoritiesOf(em: EntityManager, actor: Actor, today: string): Promise<Authority[]> {
  if (actor.kind !== 'user' || !actor.userId || !actor.role) return [];
  const own: Authority = { userId: actor.userId, role: actor.role, delegateId: null };
  const delegated = await em.execute<{ userId: string; role: Role }[]>(
    `select u.id as "userId", u.role from delegation d join app_user u on u.id = d.user_id
      where d.delegate_id = ? and d.revoked_at is null and d.starts_on <= ?::date and d.ends_on >= ?::date
      order by d.created_at`,
    [actor.userId, today, today],
  );
  return [own, ...delegated.map((d) => ({ userId: d.userId, role: d.role, delegateId: actor.userId }))];
}
