import type { ApproverRole, Lane } from '../../engine/index.ts';
import type { Role } from '../auth/roles.ts';

/** The capacity lane is a chain: a higher role satisfies a lower tier (docs/product.md §1). */
const CAPACITY_RANK: Partial<Record<Role, number>> = { OPS_MANAGER: 1, PLANT_MANAGER: 2 };

/**
 * Whether `role` may decide a lane that currently requires `required`. Capacity: the chain.
 * Accounting and quality: only their own role — unless the lane was escalated to the plant
 * manager, who then decides it (escalations are the plant manager's tier).
 */
export function satisfies(role: Role, lane: Lane, required: Role): boolean {
  if (required === 'PLANT_MANAGER') return role === 'PLANT_MANAGER';
  if (lane === 'CAPACITY') return (CAPACITY_RANK[role] ?? 0) >= (CAPACITY_RANK[required] ?? Infinity);
  return role === required;
}

/** The next tier a rejected lane escalates to; null at the top of the chain. */
export function nextTier(required: Role): Role | null {
  return required === 'PLANT_MANAGER' ? null : 'PLANT_MANAGER';
}

/** One way an actor can decide: as themself, or as the delegate of someone absent. */
export interface Authority {
  /** The user whose authority is used (recorded as the decider). */
  userId: string;
  role: Role;
  /** Set when acting as a delegate: the acting user's own id. */
  delegateId: string | null;
}

/** The first authority (own role first, then delegations) that may decide the lane. */
export function authorityFor(authorities: readonly Authority[], lane: Lane, required: Role): Authority | null {
  return authorities.find((a) => satisfies(a.role, lane, required)) ?? null;
}

/** Granted approvals still cover a requirement when the role that granted it satisfies it now. */
export function covers(granted: { lane: Lane; grantedRole: Role | null }[], lane: Lane, required: ApproverRole): boolean {
  return granted.some((g) => g.lane === lane && g.grantedRole !== null && satisfies(g.grantedRole, lane, required));
}
