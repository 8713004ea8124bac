import type { Tier } from '../engine/index.ts';

/** A tier as people read it in server-written prose (notifications, status reasons), never the enum. */
export const TIER_WORDS: Record<Tier, string> = {
  AUTO: 'no approval',
  MANAGER: 'ops manager approval',
  OVERTIME: 'overtime, plant manager approval',
  INFEASIBLE: 'infeasible',
};
