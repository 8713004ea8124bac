import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../server/src/modules/webhook/webhook.retry.ts';
import { validateWebhookUrl } from '../../../server/src/modules/webhook/webhook.service.ts';
import { addressKind, checkedLookup, RefusedAddress } from '../../../server/src/modules/webhook/webhook.address.ts';
import { newSecret, sign, verify } from '../../../server/src/modules/webhook/webhook.signature.ts';
import { planNotifications, type PlanInput } from '../../../server/src/modules/notification/notification.plan.ts';
import type { PlantUser } from '../../../server/src/modules/change-order/transitions.ts';
import type { ApprovalRow } from '../../../server/src/modules/change-order/change-order.repository.ts';

describe('webhook signatures', () => {
  it('is v1= the hex HMAC-SHA256 of "<timestamp>.<raw body>", and a receiver with another secret, body or time fails', () => {
    const secret = newSecret();
    const body = '{"id":"d1","event":"change_order.applied"}';
    const t = 1_800_000_000;
    const headers = { signature: sign(secret, t, body), timestamp: String(t) };
    expect(headers.signature).toBe(`v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`);
    expect(verify(secret, body, headers, { nowSeconds: t + 10 })).toBe(true);
    expect(verify(newSecret(), body, headers, { nowSeconds: t })).toBe(false);
    expect(verify(secret, `${body} `, headers, { nowSeconds: t })).toBe(false);
    expect(verify(secret, body, { ...headers, timestamp: String(t + 1) }, { nowSeconds: t })).toBe(false);
    expect(verify(secret, body, headers, { nowSeconds: t + 301 })).toBe(false);
    expect(verify(secret, body, headers, { nowSeconds: t - 301 })).toBe(false);
    expect(verify(secret, body, { signature: undefined, timestamp: String(t) }, { nowSeconds: t })).toBe(false);
  });
});

describe('the retry schedule', () => {
  it('doubles from the base delay and stops at the cap', () => {
    const config = { backoffMs: 1000, maxBackoffMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(config, n))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});

describe('webhook URLs', () => {
  const production = { allowHttp: false, allowPrivate: false };
  const development = { allowHttp: true, allowPrivate: true };
  it('accepts https anywhere and http or loopback only when allowed', () => {
    expect(validateWebhookUrl(' https://hooks.example.com/takt#x ', production)).toBe('https://hooks.example.com/takt');
    expect(validateWebhookUrl('http://127.0.0.1:9999/h', development)).toBe('http://127.0.0.1:9999/h');
    expect(() => validateWebhookUrl('http://hooks.example.com/takt', production)).toThrow(/only sends webhooks over https/);
    for (const host of ['127.0.0.1', 'localhost', 'localhost.', 'LOCALHOST..', 'app.localhost.', '10.1.2.3', '192.168.0.4', '172.20.0.1', '[::1]', '[::ffff:7f00:1]', 'metadata.internal', '0x7f.1']) {
      expect(() => validateWebhookUrl(`https://${host}/x`, production), host).toThrow(/loopback or private/);
    }
  });
  it('refuses link-local, metadata, "this host" and reserved addresses in every mode', () => {
    for (const config of [production, development])
      for (const host of ['169.254.169.254', '169.254.0.1', '[fe80::1]', '[fd00:ec2::254]', '0.0.0.0', '0', '[::]', '[::ffff:169.254.169.254]', '[64:ff9b::a9fe:a9fe]', '224.0.0.1', '255.255.255.255']) {
        expect(() => validateWebhookUrl(`http://${host}/latest/meta-data/`, { ...config, allowHttp: true }), host).toThrow(/link-local, metadata or reserved/);
      }
  });
  it('refuses other schemes and credentials in the URL', () => {
    expect(() => validateWebhookUrl('ftp://example.com', development)).toThrow(/https/);
    expect(() => validateWebhookUrl('https://u:p@example.com', development)).toThrow(/credentials/);
    expect(() => validateWebhookUrl('not a url', development)).toThrow(/absolute URL/);
  });
});

describe('webhook addresses at delivery', () => {
  const resolve = (allowPrivate: boolean, host: string) =>
    new Promise<unknown>((done) => checkedLookup(allowPrivate)(host, { all: true }, (err, addresses) => done(err ?? addresses)));
  it('refuses a name that resolves to a loopback address unless private addresses are allowed, and hands over only what it checked', async () => {
    expect(await resolve(false, 'localhost')).toBeInstanceOf(RefusedAddress);
    const addresses = (await resolve(true, 'localhost')) as { address: string }[];
    expect(addresses.map((a) => addressKind(a.address))).toEqual(addresses.map(() => 'private'));
  });
  it('tells the kinds of addresses apart', () => {
    expect(['8.8.8.8', '2001:4860::8888', '64:ff9b::808:808'].map(addressKind)).toEqual(['public', 'public', 'public']);
    expect(['127.0.0.1', '::1', '10.0.0.1', '100.64.0.1', 'fc00::1', '::ffff:127.0.0.1'].map(addressKind)).toEqual(Array(6).fill('private'));
    expect(['169.254.169.254', 'fd00:ec2::254', 'fe80::1', '0.0.0.0', '::'].map(addressKind)).toEqual(Array(5).fill('forbidden'));
  });
});

describe('who is notified (the plan)', () => {
  const user = (id: string, role: PlantUser['role']): PlantUser => ({ id, email: `${id}@t`, name: id, role });
  const users = new Map([user('rep', 'SALES_REP'), user('ops', 'OPS_MANAGER'), user('pm', 'PLANT_MANAGER'), user('acc', 'ACCOUNTING'), user('q', 'QUALITY')].map((u) => [u.id, u]));
  const approval = (lane: ApprovalRow['lane'], requiredRole: ApprovalRow['requiredRole'], pendingSince: string): ApprovalRow => ({
    changeOrderId: 'co', lane, requiredRole, status: 'PENDING', grantedRole: null, decidedBy: null, delegateId: null, decidedAt: null, comment: null,
    pendingSince: new Date(pendingSince), escalations: 0, escalatedRoles: [],
  });
  const base = (over: Partial<PlanInput>): PlanInput => ({
    co: { id: 'co', number: 'CO-1', status: 'PENDING', proposerId: 'rep', counter: null, evaluation: { kinds: ['QUANTITY'], tier: 'MANAGER', terms: null, impact: null, requiredApprovals: [] } as never },
    transitions: [], approvals: [], users, delegatesOf: new Map(), actorId: null, orderNumber: 'SO-1', billing: null, ...over,
  });

  it('asks only the deciders of the lanes an SLA escalation opened, and tells the proposer', () => {
    const plan = planNotifications(base({
      transitions: [{ changeOrderId: 'co', orderId: 'o', action: 'SLA_ESCALATED', from: 'PENDING', to: 'PENDING', version: 3, policyVersion: 1 }],
      approvals: [approval('CAPACITY', 'PLANT_MANAGER', '2026-11-23T10:00:00Z'), approval('QUALITY', 'QUALITY', '2026-11-23T08:00:00Z')],
    }));
    expect(plan.map((n) => [n.userId, n.kind])).toEqual([['rep', 'CHANGE_ORDER_UPDATED'], ['pm', 'DECISION_NEEDED']]);
    expect(plan[0]!.message).toBe('CO-1: it waited longer than the approval SLA and went up to the plant manager; waiting for the plant manager (capacity) and quality.');
    expect(plan[1]!.message).toMatch(/^CO-1 needs your decision in the capacity lane: it waited longer than the approval SLA\./);
  });

  it('never notifies the actor, and never asks the proposer to decide their own change', () => {
    const plan = planNotifications(base({
      co: { ...base({}).co, proposerId: 'ops' },
      actorId: 'ops',
      transitions: [{ changeOrderId: 'co', orderId: 'o', action: 'PROPOSED', from: null, to: 'PENDING', version: 1, policyVersion: 1 }],
      approvals: [approval('CAPACITY', 'OPS_MANAGER', '2026-11-23T10:00:00Z')],
    }));
    expect(plan.map((n) => n.userId)).toEqual(['pm']);
  });
});
