/** Outgoing-webhook settings, from the environment (README: configuration). */
export interface WebhookConfig {
  /** Run the dispatcher in this process (several processes may; each delivery is claimed once). */
  dispatch: boolean;
  /** How often the dispatcher looks for due deliveries. */
  pollMs: number;
  /** Delay before the first retry; doubled for each further one (1 s, 2 s, 4 s, …). */
  backoffMs: number;
  /** Longest delay between two attempts. */
  maxBackoffMs: number;
  /** Attempts before a delivery is FAILED. */
  maxAttempts: number;
  /** One attempt's timeout (connect + response). */
  timeoutMs: number;
  /** Deliveries one poll claims at most (sent in parallel). */
  batchSize: number;
  /** Accept `http://` URLs (always outside production; in production only when set). */
  allowHttp: boolean;
  /** Accept loopback, private and link-local literal addresses (outside production always). */
  allowPrivate: boolean;
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export function loadWebhookConfig(env: NodeJS.ProcessEnv = process.env): WebhookConfig {
  const production = env.NODE_ENV === 'production';
  return {
    dispatch: flag(env.TAKT_WEBHOOK_DISPATCH, true),
    pollMs: positiveInt('TAKT_WEBHOOK_POLL_MS', env.TAKT_WEBHOOK_POLL_MS, 1_000),
    backoffMs: positiveInt('TAKT_WEBHOOK_BACKOFF_MS', env.TAKT_WEBHOOK_BACKOFF_MS, 1_000),
    maxBackoffMs: positiveInt('TAKT_WEBHOOK_MAX_BACKOFF_MS', env.TAKT_WEBHOOK_MAX_BACKOFF_MS, 3_600_000),
    maxAttempts: positiveInt('TAKT_WEBHOOK_MAX_ATTEMPTS', env.TAKT_WEBHOOK_MAX_ATTEMPTS, 10),
    timeoutMs: positiveInt('TAKT_WEBHOOK_TIMEOUT_MS', env.TAKT_WEBHOOK_TIMEOUT_MS, 10_000),
    batchSize: positiveInt('TAKT_WEBHOOK_BATCH', env.TAKT_WEBHOOK_BATCH, 20),
    allowHttp: flag(env.TAKT_WEBHOOK_ALLOW_HTTP, !production),
    allowPrivate: flag(env.TAKT_WEBHOOK_ALLOW_PRIVATE, !production),
  };
}

/** The delay after failed attempt `n` (1-based): backoff · 2^(n−1), capped. */
export function retryDelayMs(config: Pick<WebhookConfig, 'backoffMs' | 'maxBackoffMs'>, attempt: number): number {
  return Math.min(config.backoffMs * 2 ** Math.max(0, attempt - 1), config.maxBackoffMs);
}
