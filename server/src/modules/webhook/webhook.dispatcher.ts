import type { Orm } from '../../db/orm.ts';
import type { Logger } from '../../shared/logger.ts';
import type { WebhookConfig } from '../../config.ts';
import { retryDelayMs } from './webhook.retry.ts';
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook.signature.ts';
import { postWebhook } from './webhook.transport.ts';
import { RefusedAddress } from './webhook.address.ts';
import { webhookDeliveries } from '../../metrics/metrics.ts';

interface Claimed {
  id: string;
  event: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

interface Outcome {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** Extra time a claimed delivery stays invisible beyond its timeout, before a crash frees it. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Sends the webhook outbox (issue 4 item 8). Every process may run one; a poll claims due rows in
 * one statement — `SELECT … FOR UPDATE SKIP LOCKED` inside an UPDATE that counts the attempt and
 * pushes `next_attempt_at` past the attempt's timeout — so each attempt is claimed by exactly one
 * process, and a delivery claimed by a process that died becomes due again after that lease.
 * Receivers see at-least-once delivery; `X-Takt-Delivery` is stable across retries for dedup.
 * A failed attempt is retried after backoff · 2^(n−1) (capped) until `maxAttempts`, then FAILED.
 */
export class WebhookDispatcher {
  readonly config: WebhookConfig;
  readonly #orm: Orm;
  #log: Logger | null = null;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #stopped = true;

  constructor(orm: Orm, config: WebhookConfig) {
    this.#orm = orm;
    this.config = config;
  }

  start(log: Logger): void {
    if (!this.config.dispatch || !this.#stopped) return;
    this.#log = log;
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Stops polling and waits for the deliveries in flight to be sent and recorded. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.#poll().then(
        (full) => this.#schedule(full ? 0 : this.config.pollMs),
        (err: unknown) => {
          this.#log?.error({ err }, 'webhook dispatcher poll failed');
          this.#schedule(this.config.pollMs);
        },
      );
    }, ms);
  }

  /** One poll: claim what is due, send it in parallel, record each outcome. True when the batch was full. */
  async #poll(): Promise<boolean> {
    const claimed = await this.#claim();
    await Promise.all(claimed.map(async (d) => this.#record(d, await this.#send(d))));
    return claimed.length === this.config.batchSize;
  }

  async #claim(): Promise<Claimed[]> {
    const lease = this.config.timeoutMs + LEASE_MARGIN_MS;
    return this.#orm.em.fork().execute<Claimed[]>(
      `with due as (
         select d.id from webhook_delivery d
          where d.status = 'PENDING' and d.next_attempt_at <= now()
          order by d.next_attempt_at, d.seq limit ? for update skip locked
       )
       update webhook_delivery d set attempts = d.attempts + 1, last_attempt_at = now(),
              next_attempt_at = now() + ? * interval '1 millisecond'
         from due, webhook w
        where d.id = due.id and w.id = d.webhook_id
       returning d.id, d.event, d.body, d.attempts, w.url, w.secret`,
      [this.config.batchSize, lease],
    );
  }

  async #send(d: Claimed): Promise<Outcome> {
    // the real time, not the server's shiftable clock (TAKT_CLOCK_OFFSET_MS): it is checked
    // against the receiver's clock, so a demo running "nine hours later" still gets through
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Takt-Webhooks/1',
      'x-takt-event': d.event,
      'x-takt-delivery': d.id,
      // signed per attempt: a retry is a new attempt with its own time
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: sign(d.secret, timestamp, d.body),
    };
    try {
      const status = await postWebhook(new URL(d.url), headers, d.body, { allowPrivate: this.config.allowPrivate, timeoutMs: this.config.timeoutMs });
      if (status >= 200 && status < 300) return { ok: true, status, error: null };
      return { ok: false, status, error: `HTTP ${status}` };
    } catch (err) {
      // One message for every way a connection can fail (refused, reset, timed out, not HTTP):
      // told apart, they would map which ports of an internal host are open.
      if (err instanceof RefusedAddress) return { ok: false, status: null, error: err.message };
      return { ok: false, status: null, error: `No answer from the receiver within ${this.config.timeoutMs} ms (it could not be reached, or did not respond).` };
    }
  }

  async #record(d: Claimed, outcome: Outcome): Promise<void> {
    const em = this.#orm.em.fork();
    if (outcome.ok) {
      await em.execute(
        `update webhook_delivery set status = 'DELIVERED', delivered_at = now(), last_status = ?, last_error = null where id = ? and status = 'PENDING'`,
        [outcome.status, d.id],
      );
      webhookDeliveries.inc({ outcome: 'delivered' });
      return;
    }
    const final = d.attempts >= this.config.maxAttempts;
    webhookDeliveries.inc({ outcome: final ? 'failed' : 'retry' });
    await em.execute(
      `update webhook_delivery set status = ?, last_status = ?, last_error = ?, next_attempt_at = now() + ? * interval '1 millisecond'
        where id = ? and status = 'PENDING'`,
      [final ? 'FAILED' : 'PENDING', outcome.status, outcome.error, final ? 0 : retryDelayMs(this.config, d.attempts), d.id],
    );
    if (final) this.#log?.warn({ delivery: d.id, event: d.event, attempts: d.attempts, error: outcome.error }, 'webhook delivery failed');
  }
}
