/** Realtime settings, from the environment (documented in docs/realtime.md and the README). */
export interface RealtimeConfig {
  /** Board events older than this are pruned (each plant keeps at least its newest). */
  retentionDays: number;
  /** A presence row expires this long after its last heartbeat. */
  presenceTtlMs: number;
  /** Safety net under LISTEN/NOTIFY: how often a process compares the plants' heads it serves. */
  pollMs: number;
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

export function loadRealtimeConfig(env: NodeJS.ProcessEnv = process.env): RealtimeConfig {
  return {
    retentionDays: positiveInt('TAKT_EVENT_RETENTION_DAYS', env.TAKT_EVENT_RETENTION_DAYS, 30),
    presenceTtlMs: positiveInt('TAKT_PRESENCE_TTL_MS', env.TAKT_PRESENCE_TTL_MS, 25_000),
    pollMs: positiveInt('TAKT_EVENT_POLL_MS', env.TAKT_EVENT_POLL_MS, 5_000),
  };
}
