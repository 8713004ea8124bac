import { BlockList, isIP, type LookupFunction } from 'node:net';
import { lookup } from 'node:dns';

/**
 * Where a webhook may be sent (docs/security.md, "Webhooks"). Three kinds of address:
 * - **forbidden** in every mode: link-local (169.254.0.0/16, fe80::/10) with the cloud metadata
 *   services on it (169.254.169.254, fd00:ec2::254), "this host" (0.0.0.0/8, ::), multicast,
 *   broadcast and reserved ranges. Nothing legitimate receives webhooks there.
 * - **private**: loopback, RFC 1918, carrier-grade NAT, unique-local IPv6, and names that only
 *   mean something inside a network (localhost, *.internal, *.local); allowed only where the
 *   operator allows them (TAKT_WEBHOOK_ALLOW_PRIVATE, on outside production).
 * - **public**: everything else.
 * IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged as its IPv4 address (BlockList does so), NAT64
 * (64:ff9b::/96) likewise.
 */
export type AddressKind = 'public' | 'private' | 'forbidden';

const FORBIDDEN = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['169.254.0.0', 16], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) FORBIDDEN.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['fe80::', 10], ['ff00::', 8], ['fd00:ec2::254', 128]] as const) FORBIDDEN.addSubnet(net, bits, 'ipv6');

const PRIVATE = new BlockList();
for (const [net, bits] of [['127.0.0.0', 8], ['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['100.64.0.0', 10], ['198.18.0.0', 15]] as const) PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::1', 128], ['fc00::', 7]] as const) PRIVATE.addSubnet(net, bits, 'ipv6');

const NAT64 = new BlockList();
NAT64.addSubnet('64:ff9b::', 96, 'ipv6');

/** The kind of a literal IP address. */
export function addressKind(ip: string): AddressKind {
  const family = isIP(ip);
  if (family === 0) return 'forbidden';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (type === 'ipv6' && NAT64.check(ip, 'ipv6')) return addressKind(embeddedIpv4(ip));
  if (FORBIDDEN.check(ip, type)) return 'forbidden';
  if (PRIVATE.check(ip, type)) return 'private';
  return 'public';
}

/** A URL's host as it is resolved: without brackets or trailing dots ("localhost." is localhost), lower case. */
export const normalizeHost = (hostname: string) => hostname.replace(/^\[|\]$/g, '').replace(/\.+$/, '').toLowerCase();

/** The kind of a URL's host: a literal address by its range, a name by what it can only mean. */
export function hostKind(hostname: string): AddressKind {
  const host = normalizeHost(hostname);
  if (isIP(host)) return addressKind(host);
  if (host === '' || host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local')) return 'private';
  return 'public';
}

export const isAllowed = (kind: AddressKind, allowPrivate: boolean) => kind === 'public' || (kind === 'private' && allowPrivate);

/** The error of a delivery refused because of where its host points. */
export class RefusedAddress extends Error {
  constructor() {
    super('The webhook host resolves to an address this server does not send to.');
    this.name = 'RefusedAddress';
  }
}

/**
 * A `lookup` for the delivery's socket: resolves the host, refuses when any of its addresses is
 * not allowed, and hands the socket exactly the addresses it checked, so the connection goes
 * where the check looked (a name that resolves differently a moment later, DNS rebinding, gains
 * nothing). Literal IPs never reach a lookup; the dispatcher checks those itself.
 */
export function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      if (addresses.length === 0 || addresses.some((a) => !isAllowed(addressKind(a.address), allowPrivate))) return callback(new RefusedAddress(), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** The IPv4 address in the last 32 bits of an IPv6 one. */
function embeddedIpv4(ip: string): string {
  const canonical = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  const [high = '0', low = '0'] = canonical.split(':').slice(-2);
  const n = (parseInt(high, 16) << 16) | parseInt(low, 16);
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
