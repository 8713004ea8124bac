import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { addressKind, checkedLookup, hostKind, isAllowed, normalizeHost, RefusedAddress } from './webhook.address.ts';

/**
 * One delivery attempt: a POST to `url` that connects only to an address allowed for webhooks
 * (webhook.address.ts), checked before any connection is made. Resolves with the HTTP status;
 * rejects with RefusedAddress, a timeout, or whatever the connection failed with. Redirects are
 * not followed: they would send the payload somewhere not configured.
 */
export function postWebhook(url: URL, headers: Record<string, string>, body: string, opts: { allowPrivate: boolean; timeoutMs: number }): Promise<number> {
  const host = normalizeHost(url.hostname);
  // a literal address never goes through a lookup, so it is checked here; a name is checked by
  // its kind (localhost, *.internal) and then by what it resolves to, in the socket's lookup
  const kind = isIP(host) ? addressKind(host) : hostKind(host);
  if (!isAllowed(kind, opts.allowPrivate)) return Promise.reject(new RefusedAddress());
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: checkedLookup(opts.allowPrivate),
        agent: false,
        signal: AbortSignal.timeout(opts.timeoutMs),
      },
      (res) => {
        // the answer's body is not kept (see the dispatcher's outcome): drained, not read
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}
