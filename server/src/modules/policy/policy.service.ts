import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_POLICY, fractionToBasisPoints, percentToBasisPoints, type Policy, type ScopedRule } from '../../engine/index.ts';
import type { ScopedRuleInput } from '../../../../schema/generated/server.ts';
import { badInput, conflict, notFound } from '../../shared/errors.ts';
import type { Orm } from '../../db/orm.ts';
import type { Actor } from '../auth/actor.ts';
import { withPlantWrite, type PlantWrite } from '../events/write-path.ts';
import { checkCapacityPair, parseScopedRules } from './scoped-rules.ts';
import { plantById } from '../plant/plant.service.ts';
import { addDays } from '../../shared/dates.ts';
import type { Clock } from '../../shared/clock.ts';
import { historyComparison, type PolicyReplayDto, type ReplayPeriod } from './replay.history.ts';

/** A stored policy version: the engine's rules plus who made it and why. */
export interface PolicyDto extends Omit<Policy, 'shipBufferDays' | 'scopedRules'> {
  /** Always present on a stored version (none: []). */
  scopedRules: readonly ScopedRule[];
  plantId: string;
  authorId: string | null;
  reason: string;
  createdAt: Date;
  /** The history comparison it was published with (docs/product.md §4.4); null before the policy lab. */
  replay: PolicyReplayDto | null;
}

/** What `updatePolicy` may change; fractions and percents as people type them. */
export interface PolicyChanges {
  autoApproveMaxUtilization?: number | null;
  managerMaxUtilization?: number | null;
  overtimeAllowed?: boolean | null;
  freezeWindowWorkingDays?: number | null;
  costIncreaseLimit?: number | null;
  minMarginPct?: number | null;
  approvalSlaHours?: number | null;
  /** The full new list; null or absent keeps the current one. */
  scopedRules?: readonly ScopedRuleInput[] | null;
}

/** A version's rules as stored: everything but who, why and when. */
export type PolicyRules = Omit<Policy, 'shipBufferDays' | 'version' | 'scopedRules'> & { scopedRules: readonly ScopedRule[] };

const COLUMNS = `plant_id as "plantId", version, auto_approve_max_utilization_bp as "autoApproveMaxUtilizationBp",
  manager_max_utilization_bp as "managerMaxUtilizationBp", overtime_allowed as "overtimeAllowed",
  freeze_window_working_days as "freezeWindowWorkingDays", cost_increase_limit_cents as "costIncreaseLimitCents",
  min_margin_bp as "minMarginBp", approval_sla_hours as "approvalSlaHours", scoped_rules as "scopedRules", author_id as "authorId", reason, created_at as "createdAt", replay`;

const normalize = (row: PolicyDto): PolicyDto => ({ ...row, costIncreaseLimitCents: Number(row.costIncreaseLimitCents) });

/** The plant's current policy version. */
export async function currentPolicy(em: EntityManager, plantId: string): Promise<PolicyDto> {
  const rows = await em.execute<PolicyDto[]>(`select ${COLUMNS} from policy where plant_id = ? order by version desc limit 1`, [plantId]);
  if (!rows[0]) throw notFound('Policy of plant', plantId);
  return normalize(rows[0]);
}

/** Every version, newest first. */
export async function policyHistory(em: EntityManager, plantId: string): Promise<PolicyDto[]> {
  const rows = await em.execute<PolicyDto[]>(`select ${COLUMNS} from policy where plant_id = ? order by version desc`, [plantId]);
  return rows.map(normalize);
}

/** The engine's view of a stored policy, with the plant's ship buffer. */
export function toEnginePolicy(policy: PolicyDto, shipBufferDays: number): Policy {
  const { plantId: _p, authorId: _a, reason: _r, createdAt: _c, replay: _x, ...rules } = policy;
  return { ...rules, shipBufferDays };
}

/**
 * Validates a changed rule set; BAD_USER_INPUT names the first contradiction. `scopedRules` are
 * the already-parsed new list (see {@link parseScopedRules}), or null to keep the current one.
 */
export function applyChanges(current: PolicyDto, changes: PolicyChanges, scopedRules: readonly ScopedRule[] | null): PolicyRules {
  const next = {
    autoApproveMaxUtilizationBp: changes.autoApproveMaxUtilization != null ? fractionToBasisPoints(changes.autoApproveMaxUtilization) : current.autoApproveMaxUtilizationBp,
    managerMaxUtilizationBp: changes.managerMaxUtilization != null ? fractionToBasisPoints(changes.managerMaxUtilization) : current.managerMaxUtilizationBp,
    overtimeAllowed: changes.overtimeAllowed ?? current.overtimeAllowed,
    freezeWindowWorkingDays: changes.freezeWindowWorkingDays ?? current.freezeWindowWorkingDays,
    costIncreaseLimitCents: changes.costIncreaseLimit ?? current.costIncreaseLimitCents,
    minMarginBp: changes.minMarginPct != null ? percentToBasisPoints(changes.minMarginPct) : current.minMarginBp,
    approvalSlaHours: changes.approvalSlaHours ?? current.approvalSlaHours,
    scopedRules: scopedRules ?? current.scopedRules,
  };
  checkCapacityPair(next.autoApproveMaxUtilizationBp, next.managerMaxUtilizationBp, (name) => name);
  if (!Number.isInteger(next.freezeWindowWorkingDays) || next.freezeWindowWorkingDays < 0 || next.freezeWindowWorkingDays > 60)
    throw badInput('The freeze window must be 0 to 60 working days.', 'freezeWindowWorkingDays');
  if (next.costIncreaseLimitCents < 0) throw badInput('The cost increase limit cannot be negative.', 'costIncreaseLimit');
  if (next.minMarginBp < 0 || next.minMarginBp > 10_000) throw badInput('The minimum margin must be 0% to 100%.', 'minMarginPct');
  if (!Number.isInteger(next.approvalSlaHours) || next.approvalSlaHours < 1 || next.approvalSlaHours > 720)
    throw badInput('The approval SLA must be 1 to 720 hours.', 'approvalSlaHours');
  return next;
}

/** Inserts a policy version (seeding, and the first version of a new plant). */
export async function insertPolicy(
  em: EntityManager,
  plantId: string,
  version: number,
  rules: Omit<PolicyRules, 'scopedRules'> & { scopedRules?: readonly ScopedRule[] },
  authorId: string | null,
  reason: string,
  replay: PolicyReplayDto | null = null,
): Promise<void> {
  await em.execute(
    `insert into policy (plant_id, version, auto_approve_max_utilization_bp, manager_max_utilization_bp, overtime_allowed,
       freeze_window_working_days, cost_increase_limit_cents, min_margin_bp, approval_sla_hours, scoped_rules, author_id, reason, replay)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)`,
    [plantId, version, rules.autoApproveMaxUtilizationBp, rules.managerMaxUtilizationBp, rules.overtimeAllowed,
      rules.freezeWindowWorkingDays, rules.costIncreaseLimitCents, rules.minMarginBp, rules.approvalSlaHours,
      JSON.stringify(rules.scopedRules ?? []), authorId, reason, replay === null ? null : JSON.stringify(replay)],
  );
}

/** The defaults of docs/product.md §4 as a first version. */
export function insertDefaultPolicy(em: EntityManager, plantId: string): Promise<void> {
  const { version: _v, shipBufferDays: _s, ...rules } = DEFAULT_POLICY;
  return insertPolicy(em, plantId, 1, rules, null, 'Default rules');
}

/**
 * The `updatePolicy` command, in the plant's write path: optimistic concurrency on the version,
 * validation, a new version row with the history comparison it is published with (the last 90
 * days replayed, docs/product.md §4.4), a POLICY_UPDATED board event and an audit entry with the
 * before and after rules.
 */
export async function updatePolicy(
  orm: Orm,
  clock: Clock,
  actor: Actor | null,
  plantId: string,
  input: { expectedVersion: number; changes: PolicyChanges; reason: string },
): Promise<PolicyDto> {
  return (await withPlantWrite(orm, plantId, actor, (w) => writeNewVersion(w, clock, input))).value;
}

/** The rules a draft would have, as the engine reads them: the current ones with `changes`, scoped rules included (§4.3). */
export async function draftPolicy(em: EntityManager, plantId: string, current: PolicyDto, changes: PolicyChanges, shipBufferDays: number): Promise<Policy> {
  const scoped = changes.scopedRules == null ? null : await parseScopedRules(em, plantId, changes.scopedRules);
  return { ...applyChanges(current, changes, scoped), version: current.version + 1, shipBufferDays };
}

/** The default replay period: the 90 days through the plant's today. */
export function defaultReplayPeriod(today: string): ReplayPeriod {
  return { from: addDays(today, -(DEFAULT_REPLAY_DAYS - 1)), to: today };
}

const DEFAULT_REPLAY_DAYS = 90;

async function writeNewVersion(w: PlantWrite, clock: Clock, input: { expectedVersion: number; changes: PolicyChanges; reason: string }): Promise<PolicyDto> {
  const reason = input.reason.trim();
  if (reason.length === 0) throw badInput('Say why the policy changes: the reason is part of the record.', 'reason');
  if (reason.length > 1000) throw badInput('The reason is too long (at most 1,000 characters).', 'reason');
  const current = await currentPolicy(w.em, w.plantId);
  if (current.version !== input.expectedVersion) throw conflict('The policy', current.version);
  const scoped = input.changes.scopedRules == null ? null : await parseScopedRules(w.em, w.plantId, input.changes.scopedRules);
  const rules = applyChanges(current, input.changes, scoped);
  const version = current.version + 1;
  const plant = await plantById(w.em, clock, w.plantId);
  const replay = await historyComparison(
    w.em,
    w.plantId,
    toEnginePolicy(current, plant.shipBufferDays),
    { ...rules, version, shipBufferDays: plant.shipBufferDays },
    defaultReplayPeriod(plant.today),
    clock.now(),
  );
  await insertPolicy(w.em, w.plantId, version, rules, w.actor?.onBehalfOf ?? w.actor?.userId ?? null, reason, replay);
  w.emit({ type: 'POLICY_UPDATED', version });
  const { plantId: _p, authorId: _a, reason: _r, createdAt: _c, version: _v, replay: _x, ...before } = current;
  w.audit({ action: 'POLICY_UPDATED', entityType: 'Policy', entityId: `${w.plantId}:${version}`, comment: reason, policyVersion: version, data: { before, after: rules } });
  return currentPolicy(w.em, w.plantId);
}
