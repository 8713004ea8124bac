import type { Lane } from '../../engine/index.ts';
import { ROLE_WORDS, type Role } from '../auth/roles.ts';

/**
 * Who a change order waits for, in the words notifications and error messages use (docs/product.md
 * §5.12): "the ops manager (capacity)", "accounting" — a role and a lane as people say them, never
 * the enums.
 */

/** A lane as people read it. */
export const laneWords = (lane: string): string => lane.toLowerCase();

/** The approver one pending approval waits for: "the plant manager (capacity)", "quality". */
export function approverWords(a: { lane: Lane | string; requiredRole: Role | string }): string {
  const role = ROLE_WORDS[a.requiredRole as Role] ?? a.requiredRole.toLowerCase();
  if (a.lane === 'CAPACITY') return `the ${role} (capacity)`;
  return a.requiredRole === a.lane ? laneWords(a.lane) : `the ${role} (${laneWords(a.lane)})`;
}

/** "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
