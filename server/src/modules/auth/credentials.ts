import { createHash } from 'node:crypto';

/**
 * A secret presented with a request: a browser session (cookie, or a session token sent by a
 * non-browser client) or a display/API token (`takt_…`, docs/product.md §1).
 */
export interface Credential {
  kind: 'session' | 'token';
  secret: string;
  /** Where it came from: only cookies are sent by browsers on their own, so only they need CSRF checks. */
  source: 'cookie' | 'bearer' | 'connection';
}

/** Sessions and tokens are both stored as the SHA-256 of their (high-entropy, random) secret. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Every access-token secret starts with this, so it is told apart from a session token (and found by secret scanners). */
export const TOKEN_SECRET_PREFIX = 'takt_';

const MAX_SECRET = 512;

/**
 * The credential of a request. An explicit one (`Authorization: Bearer`, or the WebSocket's
 * `connectionParams.token`) wins over the cookie: a wall screen opened in a browser where someone
 * is signed in acts as its display token, not as that person.
 */
export function credentialFrom(input: { cookie?: string | null; authorization?: string | null; connectionToken?: unknown }): Credential | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(input.authorization ?? '')?.[1];
  const explicit = typeof input.connectionToken === 'string' && input.connectionToken !== '' ? input.connectionToken : bearer;
  const secret = explicit ?? input.cookie ?? null;
  if (!secret || secret.length > MAX_SECRET) return null;
  return {
    kind: secret.startsWith(TOKEN_SECRET_PREFIX) ? 'token' : 'session',
    secret,
    source: explicit === undefined ? 'cookie' : typeof input.connectionToken === 'string' && input.connectionToken !== '' ? 'connection' : 'bearer',
  };
}
