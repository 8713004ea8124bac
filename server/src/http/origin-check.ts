import type { IncomingHttpHeaders } from 'node:http';

/**
 * CSRF defence in depth for cookie-authenticated requests (docs/security.md). SameSite=Lax keeps
 * the cookie off cross-site POSTs and Apollo's csrfPrevention refuses simple (form-like) requests;
 * on top of that, a request that carries the session cookie *and* an Origin header naming another
 * site is refused. Browsers always send Origin on cross-origin POSTs and WebSocket handshakes, so
 * an attacker's page cannot borrow a signed-in user's session even if the cookie were sent.
 *
 * Returns the offending origin, or null when the request is fine.
 */
export function foreignOrigin(headers: IncomingHttpHeaders, host: string | undefined, allowed: readonly string[]): string | null {
  const origin = headers.origin;
  if (typeof origin !== 'string' || origin === '') return null; // same-origin GETs and non-browser clients
  if (allowed.includes(origin.replace(/\/$/, ''))) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return origin; // "null" (sandboxed frames, file://) and garbage
  }
  return host !== undefined && originHost.toLowerCase() === host.toLowerCase() ? null : origin;
}
