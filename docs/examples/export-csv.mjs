#!/usr/bin/env node
/* eslint-disable no-console -- a command-line example: printing is its interface */
// Exports a plant's change orders and audit trail to CSV through Takt's GraphQL API, following the
// cursors page by page. Plain Node.js 18 or later, no dependencies. See docs/reports.md.
//
//   TAKT_TOKEN=takt_a_… node docs/examples/export-csv.mjs [--url http://localhost:4000]
//       [--from 2026-01-01] [--to 2026-12-31] [--out .]
//
// Writes change-orders.csv and audit-events.csv (RFC 4180, UTF-8, ISO dates, money as decimals).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.TAKT_URL ?? 'http://localhost:4000' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string', default: '.' },
  },
});
const token = process.env.TAKT_TOKEN;
if (!token) {
  console.error('Set TAKT_TOKEN to an API token with the reports:read scope (an admin creates one).');
  process.exit(2);
}

/** One GraphQL call; throws with the error's code and message, waits and retries once when RATE_LIMITED. */
async function graphql(query, variables, retried = false) {
  const res = await fetch(`${args.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  const error = body.errors?.[0];
  if (error?.extensions?.code === 'RATE_LIMITED' && !retried) {
    await new Promise((r) => setTimeout(r, 1000 * Number(error.extensions.retryAfterSeconds ?? 1)));
    return graphql(query, variables, true);
  }
  if (error) throw new Error(`${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
  return body.data;
}

/** Every node of a connection: asks for the next page with `after: endCursor` until hasNextPage is false. */
async function* pages(query, field, variables) {
  let after = null;
  do {
    const page = (await graphql(query, { ...variables, after }))[field];
    yield* page.nodes;
    after = page.hasNextPage ? page.endCursor : null;
  } while (after);
}

/** A CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
const field = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const csv = (header, rows) => [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';

const CHANGE_ORDERS = `query($filter: ChangeOrderFilter, $after: String) {
  changeOrders(filter: $filter, first: 100, after: $after) {
    nodes { id number status tier kinds createdAt updatedAt appliedAt
      proposer { email } order { number customer { name } }
      evaluation { impact { priceDelta costDelta { total } } } }
    endCursor hasNextPage } }`;

const AUDIT_EVENTS = `query($filter: AuditEventFilter, $after: String) {
  auditEvents(filter: $filter, first: 500, after: $after) {
    nodes { id at action entityType entityId fromStatus toStatus policyVersion comment
      actor { email } delegate { email } }
    endCursor hasNextPage } }`;

const nextDay = (date) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();

async function main() {
  const coRows = [];
  for await (const co of pages(CHANGE_ORDERS, 'changeOrders', { filter: { from: args.from, to: args.to } })) {
    const impact = co.evaluation.impact;
    coRows.push([co.number, co.id, co.status, co.tier, co.kinds.join(' '), co.proposer.email, co.order?.number, co.order?.customer.name,
      co.createdAt, co.updatedAt, co.appliedAt, impact?.priceDelta, impact?.costDelta.total]);
  }
  await writeFile(join(args.out, 'change-orders.csv'), csv(
    ['number', 'id', 'status', 'tier', 'kinds', 'proposer', 'order', 'customer', 'created_at', 'updated_at', 'applied_at', 'price_delta', 'cost_delta'], coRows));

  const auditFilter = { from: args.from ? `${args.from}T00:00:00.000Z` : undefined, to: args.to ? nextDay(args.to) : undefined };
  const auditRows = [];
  for await (const e of pages(AUDIT_EVENTS, 'auditEvents', { filter: auditFilter })) {
    auditRows.push([e.id, e.at, e.action, e.entityType, e.entityId, e.fromStatus, e.toStatus, e.actor?.email, e.delegate?.email, e.policyVersion, e.comment]);
  }
  await writeFile(join(args.out, 'audit-events.csv'), csv(
    ['id', 'at', 'action', 'entity_type', 'entity_id', 'from_status', 'to_status', 'actor', 'delegate', 'policy_version', 'comment'], auditRows));

  console.log(`Wrote ${coRows.length} change orders to ${join(args.out, 'change-orders.csv')} and ${auditRows.length} audit events to ${join(args.out, 'audit-events.csv')}.`);
}

main().catch((error) => {
  console.error(`Export failed: ${error.message}`);
  process.exit(1);
});
