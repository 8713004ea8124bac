import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Delivery signatures, the scheme Stripe and Slack use: each attempt carries its time in
 * `X-Takt-Timestamp` (Unix seconds) and `X-Takt-Signature: v1=<hex HMAC-SHA256 of
 * "<timestamp>.<raw body>">`. The timestamp is signed with the body, so a captured delivery
 * replayed later fails the receiver's tolerance check (docs/security.md, "Webhooks").
 */
export const SIGNATURE_HEADER = 'x-takt-signature';
export const TIMESTAMP_HEADER = 'x-takt-timestamp';

/** How far a delivery's timestamp may be from the receiver's clock (the tolerance receivers should apply). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The signature header's value for a body sent at `timestamp` (Unix seconds). */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does: refuse a timestamp more than the tolerance away from its clock, then
 * recompute the signature and compare in constant time.
 */
export function verify(
  secret: string,
  body: string,
  headers: { signature: string | null | undefined; timestamp: string | null | undefined },
  opts: { nowSeconds?: number; toleranceSeconds?: number } = {},
): boolean {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > (opts.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(sign(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A new signing secret (256 bits). */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
