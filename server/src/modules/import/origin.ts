import type { ChangeOrderOriginRow } from '../change-order/change-order.repository.ts';

/** Where a change order made from an order row came from, in words (the change-order page and inbox show it). */
export function originLabel(origin: ChangeOrderOriginRow): string {
  const who = origin.source === 'INTEGRATION' ? `Integration "${origin.tokenName ?? 'API token'}"` : 'Import';
  return [who, origin.batch ? `batch ${origin.batch}` : null, `${origin.file} row ${origin.row}`].filter(Boolean).join(', ');
}
