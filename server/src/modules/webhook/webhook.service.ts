import { hostKind, isAllowed } from './webhook.address.ts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../../shared/errors.ts';
import { pgArray } from '../../db/sql.ts';
import type { Orm } from '../../db/orm.ts';
import type { Actor } from '../auth/actor.ts';
import { withPlantWrite } from '../events/write-path.ts';
import { decodeSeqCursor, encodeCursor, pageSize, type Page } from '../../shared/pagination.ts';
import { isUuid } from '../../shared/ids.ts';
import type { WebhookConfig } from '../../config.ts';
import { WEBHOOK_EVENTS } from './webhook.outbox.ts';
import { newSecret } from './webhook.signature.ts';

export interface WebhookRow {
  id: string;
  url: string;
  events: string[] | null;
  secretHint: string;
  createdBy: string | null;
  createdAt: Date;
}

export interface WebhookDeliveryRow {
  id: string;
  event: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED' | 'CANCELLED';
  attempts: number;
  lastHttpStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
}

export type WebhookDeliveryPage = Page<WebhookDeliveryRow>;

const MAX_WEBHOOKS_PER_PLANT = 20;
const WEBHOOK_COLUMNS = `id, url, events, 'whsec_…' || right(secret, 4) as "secretHint", created_by as "createdBy", created_at as "createdAt"`;

/**
 * Checks a webhook URL: http(s) only, https in production unless plain http is allowed, no
 * credentials in it (the signature authenticates us), never a link-local or metadata address,
 * and — in production — no loopback, private or internal host (webhook.address.ts). Where the
 * host's name points is checked again at every delivery (webhook.transport.ts).
 */
export function validateWebhookUrl(text: string, config: Pick<WebhookConfig, 'allowHttp' | 'allowPrivate'>): string {
  const raw = text.trim();
  if (raw.length > 2048) throw badInput('The URL is longer than 2,048 characters.', 'url');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badInput(`"${raw.slice(0, 100)}" is not an absolute URL.`, 'url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badInput('A webhook URL must start with https:// (or http://).', 'url');
  if (url.protocol === 'http:' && !config.allowHttp) throw badInput('This server only sends webhooks over https://.', 'url');
  if (url.username || url.password) throw badInput('Leave credentials out of the URL: verify the X-Takt-Signature header instead.', 'url');
  const kind = hostKind(url.hostname);
  if (kind === 'forbidden') throw badInput(`This server never sends webhooks to ${url.hostname}: a link-local, metadata or reserved address.`, 'url');
  if (!isAllowed(kind, config.allowPrivate)) throw badInput(`This server does not send webhooks to ${url.hostname}: a loopback or private address.`, 'url');
  url.hash = '';
  return url.toString();
}

function validateEvents(events: readonly string[] | null | undefined): string[] | null {
  if (events === null || events === undefined) return null;
  if (events.length === 0) throw badInput('Name at least one event, or pass null to receive every event.', 'events');
  const unknown = events.filter((e) => !WEBHOOK_EVENTS.includes(e));
  if (unknown.length) throw badInput(`Unknown event ${unknown.join(', ')}; known events: ${WEBHOOK_EVENTS.join(', ')}.`, 'events');
  return [...new Set(events)];
}

/** The `createWebhook` command: ADMIN adds a webhook (audited, without the secret); the secret is returned this once. */
export async function createWebhook(orm: Orm, config: WebhookConfig, actor: Actor, input: { url: string; events?: readonly string[] | null }): Promise<{ webhook: WebhookRow; secret: string }> {
  const url = validateWebhookUrl(input.url, config);
  const events = validateEvents(input.events);
  const { value } = await withPlantWrite(orm, actor.plantId, actor, async (w) => {
    const [{ n }] = (await w.em.execute<{ n: number }[]>('select count(*)::int as n from webhook where plant_id = ? and deleted_at is null', [w.plantId])) as [{ n: number }];
    if (n >= MAX_WEBHOOKS_PER_PLANT) throw badInput(`A plant can have at most ${MAX_WEBHOOKS_PER_PLANT} webhooks; delete one first.`, 'url');
    const secret = newSecret();
    const [webhook] = await w.em.execute<WebhookRow[]>(
      `insert into webhook (plant_id, url, events, secret, created_by) values (?, ?, ?::text[], ?, ?) returning ${WEBHOOK_COLUMNS}`,
      [w.plantId, url, events ? pgArray(events) : null, secret, w.actor?.userId ?? null],
    );
    w.audit({ action: 'WEBHOOK_CREATED', entityType: 'Webhook', entityId: webhook!.id, data: { url, events } });
    return { webhook: webhook!, secret };
  });
  return value;
}

/** The `deleteWebhook` command: ADMIN deletes a webhook; its undelivered deliveries are cancelled, its log stays in the database. */
export async function deleteWebhook(orm: Orm, actor: Actor, id: string): Promise<boolean> {
  const { value } = await withPlantWrite(orm, actor.plantId, actor, async (w) => {
    if (!isUuid(id)) return false;
    const rows = await w.em.execute<{ url: string }[]>(
      'update webhook set deleted_at = now() where id = ? and plant_id = ? and deleted_at is null returning url',
      [id, w.plantId],
    );
    if (rows.length === 0) return false;
    await w.em.execute(`update webhook_delivery set status = 'CANCELLED', next_attempt_at = now() where webhook_id = ? and status = 'PENDING'`, [id]);
    w.audit({ action: 'WEBHOOK_DELETED', entityType: 'Webhook', entityId: id, data: { url: rows[0]!.url } });
    return true;
  });
  return value;
}

export async function listWebhooks(em: EntityManager, plantId: string): Promise<WebhookRow[]> {
  return em.execute<WebhookRow[]>(`select ${WEBHOOK_COLUMNS} from webhook where plant_id = ? and deleted_at is null order by created_at, id`, [plantId]);
}

/** A webhook's delivery log, newest first; keyset pagination on the increasing `seq`. */
export async function listDeliveries(em: EntityManager, plantId: string, webhookId: string, first: number | null | undefined, after: string | null | undefined): Promise<WebhookDeliveryPage> {
  const limit = pageSize(first, 100, 25);
  const [hook] = isUuid(webhookId) ? await em.execute('select 1 from webhook where id = ? and plant_id = ? and deleted_at is null', [webhookId, plantId]) : [];
  if (!hook) throw notFound('Webhook', webhookId);
  const where = ['webhook_id = ?'];
  const params: unknown[] = [webhookId];
  if (after) {
    where.push('seq < ?');
    params.push(decodeSeqCursor(after));
  }
  const rows = await em.execute<(WebhookDeliveryRow & { seq: string })[]>(
    `select id, seq, event, status, attempts, last_status as "lastHttpStatus", last_error as "lastError", created_at as "createdAt",
            last_attempt_at as "lastAttemptAt", case when status = 'PENDING' then next_attempt_at end as "nextAttemptAt", delivered_at as "deliveredAt"
       from webhook_delivery where ${where.join(' and ')} order by seq desc limit ?`,
    [...params, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    nodes: page.map(({ seq: _, ...d }) => d),
    endCursor: last ? encodeCursor([last.seq]) : null,
    hasNextPage: rows.length > limit,
  };
}
