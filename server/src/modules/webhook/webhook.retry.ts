import type { WebhookConfig } from '../../config.ts';

/** The delay after failed attempt `n` (1-based): backoff · 2^(n−1), capped. */
export function retryDelayMs(config: Pick<WebhookConfig, 'backoffMs' | 'maxBackoffMs'>, attempt: number): number {
  return Math.min(config.backoffMs * 2 ** Math.max(0, attempt - 1), config.maxBackoffMs);
}
