/** Security settings, from the environment (documented in docs/security.md and the README). */
export interface SecurityConfig {
  /** Failed logins an account may have before each further one is delayed. */
  accountFreeFailures: number;
  /** The longest an account's delay grows to (doubling from 1 s), in seconds. */
  accountMaxDelaySeconds: number;
  /** Failed logins one address may have per window before it is refused until the window ends. */
  ipFailures: number;
  /** The per-address window, in seconds. */
  ipWindowSeconds: number;
  /** How often each process re-checks the sessions and tokens of its open WebSockets. */
  credentialRecheckMs: number;
  /** Origins besides the server's own whose cookie-authenticated requests are accepted (e.g. a dev server). */
  allowedOrigins: string[];
  /** GraphQL requests over HTTP one identity may have running at a time (http/request-concurrency.ts). */
  requestsRunning: number;
  /** Further requests of one identity that wait their turn; beyond them a request is RATE_LIMITED. */
  requestsQueued: number;
  /** Trust X-Forwarded-For (behind a reverse proxy), so the per-address throttle sees the client. */
  trustProxy: boolean;
}

function int(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min}, got "${value}"`);
  return n;
}

export function loadSecurityConfig(env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  return {
    accountFreeFailures: int('TAKT_LOGIN_ACCOUNT_FREE_FAILURES', env.TAKT_LOGIN_ACCOUNT_FREE_FAILURES, 5, 0),
    accountMaxDelaySeconds: int('TAKT_LOGIN_ACCOUNT_MAX_DELAY_S', env.TAKT_LOGIN_ACCOUNT_MAX_DELAY_S, 60),
    ipFailures: int('TAKT_LOGIN_IP_FAILURES', env.TAKT_LOGIN_IP_FAILURES, 100),
    ipWindowSeconds: int('TAKT_LOGIN_IP_WINDOW_S', env.TAKT_LOGIN_IP_WINDOW_S, 900),
    credentialRecheckMs: int('TAKT_CREDENTIAL_RECHECK_MS', env.TAKT_CREDENTIAL_RECHECK_MS, 1_000, 100),
    requestsRunning: int('TAKT_REQUESTS_RUNNING_PER_IDENTITY', env.TAKT_REQUESTS_RUNNING_PER_IDENTITY, 4),
    requestsQueued: int('TAKT_REQUESTS_QUEUED_PER_IDENTITY', env.TAKT_REQUESTS_QUEUED_PER_IDENTITY, 64, 0),
    allowedOrigins: (env.TAKT_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean),
    trustProxy: ['1', 'true', 'yes', 'on'].includes((env.TAKT_TRUST_PROXY ?? '').toLowerCase()),
  };
}
