import type { Tier } from '../gql/graphql';
import { formatDate } from './dates';
import { TIER_LABEL } from './format';

/** A date the plant can promise under a tier (an order's or a notification's `promiseDates`). */
export interface PromiseDate {
  tier: Tier;
  dueDate: string;
}

/**
 * The promised dates worth a button: each tier's date only when it is earlier than every date a
 * lesser approval already gives (a tier that promises no sooner asks more for nothing).
 */
export function promiseChoices<T extends PromiseDate>(dates: readonly T[]): T[] {
  const order: Tier[] = ['AUTO', 'MANAGER', 'OVERTIME'];
  const kept: T[] = [];
  for (const p of [...dates].sort((a, b) => order.indexOf(a.tier) - order.indexOf(b.tier))) {
    if (kept.every((k) => p.dueDate < k.dueDate)) kept.push(p);
  }
  return kept;
}

/** A one-click proposal of a promised date, with who would approve it: "Propose 21 Dec · no approval". */
export const proposeDateLabel = (p: PromiseDate) => `Propose ${formatDate(p.dueDate, 'short')} · ${TIER_LABEL[p.tier].toLowerCase()}`;
