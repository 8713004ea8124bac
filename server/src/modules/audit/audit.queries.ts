import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditEventFilter, DisputeFact, PolicyRule } from '../../../../schema/generated/server.ts';
import { decodeCursor, encodeCursor, notOurs, pageSize, type Page } from '../../shared/pagination.ts';

/**
 * An audit row with the names people use for what it is about (docs/product.md §9): the change
 * order's number, its order and customer, the rules its snapshot fired. Read with `AUDIT_FROM`;
 * one definition for the audit trail and each change order's history (graphql/loaders.ts).
 */
export const AUDIT_COLUMNS = `audit_event.id::text as id, audit_event.action, audit_event.actor_id as "actorId",
  audit_event.delegate_id as "delegateId", audit_event.entity_type as "entityType", audit_event.entity_id as "entityId",
  audit_event.from_status as "fromStatus", audit_event.to_status as "toStatus", audit_event.comment,
  audit_event.policy_version as "policyVersion", audit_event.created_at as at,
  coalesce(case audit_event.entity_type
      when 'ChangeOrder' then aco.number
      when 'Policy' then 'Policy v' || audit_event.policy_version
      when 'User' then (select u.name from app_user u where u.id::text = audit_event.entity_id)
    end, audit_event.entity_type || ' ' || left(audit_event.entity_id, 8)) as "entityLabel",
  ao.id::text as "orderId", ao.number as "orderNumber", acu.name as "customerName",
  coalesce((select array_agg(distinct r->>'rule') from jsonb_array_elements(
    case when jsonb_typeof(audit_event.data->'evaluation'->'requiredApprovals') = 'array'
      then audit_event.data->'evaluation'->'requiredApprovals' else '[]'::jsonb end) r), '{}') as rules,
  coalesce((select array_agg(f) from jsonb_array_elements_text(
    case when jsonb_typeof(audit_event.data->'disputeSeen'->'facts') = 'array'
      then audit_event.data->'disputeSeen'->'facts' else '[]'::jsonb end) f), '{}') as "disputeSeen"`;

/** `audit_event` joined to the change order, order and customer an entry is about. */
export const AUDIT_FROM = `audit_event
  left join change_order aco on audit_event.entity_type = 'ChangeOrder' and aco.id::text = audit_event.entity_id
  left join sales_order ao on ao.id = aco.order_id
  left join customer acu on acu.id = coalesce(ao.customer_id, aco.customer_id)`;

export interface AuditEventRow {
  id: string;
  action: string;
  actorId: string | null;
  delegateId: string | null;
  entityType: string;
  entityId: string;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
  policyVersion: number | null;
  at: Date;
  entityLabel: string;
  orderId: string | null;
  orderNumber: string | null;
  customerName: string | null;
  rules: PolicyRule[];
  /** The parts of the dispute the approver had on screen (docs/product.md §5.5). */
  disputeSeen: DisputeFact[];
}

/** `%`, `_` and `\\` taken literally in an ILIKE pattern. */
const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The audit trail of a plant, oldest first or newest first; keyset pagination on the increasing id.
 * Filters by order, customer and search words go through the change order an entry is about.
 */
export async function listAuditEvents(
  em: EntityManager,
  plantId: string,
  filter: AuditEventFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Page<AuditEventRow>> {
  const limit = pageSize(first, 500, 100);
  const where = ['audit_event.plant_id = ?'];
  const params: unknown[] = [plantId];
  const add = (sql: string, ...values: unknown[]) => { where.push(sql); params.push(...values); };
  if (filter?.entityType) add('audit_event.entity_type = ?', filter.entityType);
  if (filter?.entityId) add('audit_event.entity_id = ?', filter.entityId);
  if (filter?.actorId) add('(audit_event.actor_id::text = ? or audit_event.delegate_id::text = ?)', filter.actorId, filter.actorId);
  if (filter?.from) add('audit_event.created_at >= ?', filter.from);
  if (filter?.to) add('audit_event.created_at < ?', filter.to);
  if (filter?.id) add('audit_event.id::text = ?', filter.id);
  if (filter?.orderId) add('aco.order_id::text = ?', filter.orderId);
  if (filter?.customerId) add('acu.id::text = ?', filter.customerId);
  if (filter?.rule) add(`audit_event.data->'evaluation'->'requiredApprovals' @> ?::jsonb`, JSON.stringify([{ rule: filter.rule }]));
  const words = filter?.search?.trim();
  if (words) {
    const like = likeLiteral(words);
    add(`(audit_event.comment ilike ? or audit_event.action ilike ? or aco.number ilike ? or ao.number ilike ? or acu.name ilike ?
      or exists (select 1 from app_user u where u.id in (audit_event.actor_id, audit_event.delegate_id) and u.name ilike ?))`,
    like, like, like, like, like, like);
  }
  const newestFirst = filter?.newestFirst === true;
  if (after) {
    const [id] = decodeCursor(after, 1);
    if (!/^\d+$/.test(id!)) throw notOurs();
    add(newestFirst ? 'audit_event.id < ?' : 'audit_event.id > ?', id);
  }
  const rows = await em.execute<AuditEventRow[]>(
    `select ${AUDIT_COLUMNS} from ${AUDIT_FROM} where ${where.join(' and ')}
      order by audit_event.id ${newestFirst ? 'desc' : ''} limit ?`,
    [...params, limit + 1],
  );
  const page = rows.slice(0, limit);
  return { nodes: page, endCursor: page.length ? encodeCursor([page[page.length - 1]!.id]) : null, hasNextPage: rows.length > limit };
}

export type AuditEventPage = Page<AuditEventRow>;
