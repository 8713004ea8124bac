import { type ChangeStep, changeSteps, frozenJobs, resolveChange, type ResolvedChange } from './changes.ts';
import { capableToPromise } from './ctp.ts';
import { type Day, fromDay } from './dates.ts';
import { EngineError } from './errors.ts';
import { buildImpact, type CostSide } from './impact.ts';
import { LoadOverlay, type LoadReader } from './load.ts';
import { labourCents, mulCents, type Cents } from './money.ts';
import { planMove } from './move.ts';
import { chainBounds, type ChainResult, loadWithout, planChain } from './planning.ts';
import { freezeExposure, laneRoles, requiredApprovals, termsApprovals } from './rules.ts';
import type { Schedule } from './schedule.ts';
import { capacityTiers, judgeBuckets, planningWindow, type PlanningWindow } from './tiers.ts';
import type { CapacityTier, Change, CtpAlternative, CustomerTier, Evaluation, Job, Policy } from './types.ts';

/**
 * Evaluates a change order against the schedule (docs/product.md §3).
 * Pure and deterministic: it reads `schedule` without changing it, uses no clock or randomness, and iterates in fixed orders, so
 * equal inputs give deeply equal, JSON-safe output.
 *
 * Steps: validate (typed {@link EngineError} on bad input) → take the changed order's future load
 * out → plan it backward under AUTO, then MANAGER, then OVERTIME; the first that fits is the plan
 * → capable-to-promise per tier → impact (buckets, cost, margin) → the tier, judged from the
 * buckets the plan raises → rule checks.
 */
export function evaluateChange(schedule: Schedule, policy: Policy, change: Change, today: Day): Evaluation {
  validatePolicy(policy);
  const window = planningWindow(schedule.calendar, policy, today);
  const resolved = resolveChange(schedule, change, window);
  const beforeJobs = resolved.before?.jobs ?? [];
  const base = loadWithout(schedule, beforeJobs, today);

  const customerTier = change.customerTier ?? null;
  if (resolved.after === null) return evaluateCancel(schedule, policy, window, resolved, base, customerTier);

  const steps = changeSteps(resolved, window);
  const alternatives = capableToPromise(schedule, policy, today, resolved.orderId, steps, base, customerTier);
  let chosen: { tier: CapacityTier; jobs: Job[]; load: LoadOverlay } | null = null;
  let lastFailure: Extract<ChainResult, { ok: false }> | null = null;
  for (const tier of capacityTiers(policy, customerTier)) {
    const load = new LoadOverlay(base);
    const result = planAtTier(schedule, policy, window, resolved, steps, tier, load, customerTier);
    if (result.ok) {
      chosen = { tier, jobs: result.jobs, load };
      break;
    }
    lastFailure = result;
  }

  const common = {
    policyVersion: policy.version,
    today,
    orderId: resolved.orderId,
    kinds: resolved.kinds,
    terms: resolved.after,
    alternatives,
    customerTier,
  };
  if (chosen === null) {
    return {
      ...common,
      tier: 'INFEASIBLE',
      infeasibleReason: infeasibleReason(schedule, resolved, lastFailure, alternatives),
      jobs: [],
      impact: null,
      // For the rep: the reasons the request needs whatever the plan; nothing is routed.
      requiredApprovals: termsApprovals({ schedule, window, resolved }),
      laneRoles: {},
      frozenJobs: [],
      tierScope: judgeBuckets([], policy, customerTier).scope,
      freezeExposure: null,
    };
  }

  const redo = steps.filter((s) => s.redo);
  const scrap = redo.length === 0 ? 0 : scrapCents(schedule, resolved, redo.map((s) => s.jobId), today);
  const impact = buildImpact(
    schedule,
    resolved.product,
    beforeSide(resolved, schedule.load),
    { terms: resolved.after, jobs: chosen.jobs, load: chosen.load, redoJobIds: new Set(redo.map((s) => s.jobId)), scrapCents: scrap },
    today,
  );
  const approvals = requiredApprovals({ schedule, policy, window, resolved, beforeJobs, afterJobs: chosen.jobs, impact, customerTier });
  // The plan came from the lowest tier whose planning rules let it fit; the verdict's tier is
  // judged by the load it adds, so it agrees with the capacity approvals (same buckets).
  const judged = judgeBuckets(impact.buckets, policy, customerTier);
  return {
    ...common,
    tier: judged.tier,
    tierScope: judged.scope,
    infeasibleReason: null,
    jobs: chosen.jobs,
    impact,
    requiredApprovals: approvals,
    laneRoles: laneRoles(approvals),
    frozenJobs: frozenJobs(steps, chosen.jobs, window),
    freezeExposure: freezeExposure({ schedule, window, beforeJobs, afterJobs: chosen.jobs }),
  };
}

/** One tier's attempt: a backward plan for the due date, or the planner's move. */
function planAtTier(
  schedule: Schedule,
  policy: Policy,
  window: PlanningWindow,
  resolved: ResolvedChange,
  steps: readonly ChangeStep[],
  tier: CapacityTier,
  load: LoadOverlay,
  customerTier: CustomerTier | null,
): ChainResult {
  const bounds = chainBounds(schedule, policy, window.today, tier, resolved.after!.dueDate, 'BACKWARD', schedule.load, customerTier);
  if (resolved.move === null) return planChain(schedule, load, resolved.orderId, steps, bounds);
  const movedIndex = steps.findIndex((s) => s.jobId === resolved.move!.job.id);
  if (movedIndex < 0) throw new EngineError('UNKNOWN_JOB', `Job ${resolved.move.job.id} is not a step of the product's routing`);
  // An explicit move may enter the freeze window at any tier; the FREEZE_WINDOW rule routes it.
  return planMove(schedule, load, resolved.orderId, steps, movedIndex, resolved.move.startDay, { ...bounds, earliest: window.firstDay });
}

/** CANCEL frees exactly the order's future load; work already done is sunk (scrap). */
function evaluateCancel(
  schedule: Schedule,
  policy: Policy,
  window: PlanningWindow,
  resolved: ResolvedChange,
  base: LoadOverlay,
  customerTier: CustomerTier | null,
): Evaluation {
  const before = resolved.before!;
  const started = before.jobs.some((j) => j.status !== 'PLANNED' || j.allocations.some((a) => a.day <= window.today));
  const scrap = started ? scrapCents(schedule, resolved, before.jobs.map((j) => j.id), window.today) : 0;
  const impact = buildImpact(
    schedule,
    resolved.product,
    beforeSide(resolved, schedule.load),
    { terms: null, jobs: [], load: base, redoJobIds: new Set(), scrapCents: scrap },
    window.today,
  );
  const approvals = requiredApprovals({ schedule, policy, window, resolved, beforeJobs: before.jobs, afterJobs: [], impact, customerTier });
  return {
    policyVersion: policy.version,
    today: window.today,
    orderId: resolved.orderId,
    kinds: resolved.kinds,
    tier: 'AUTO',
    infeasibleReason: null,
    terms: null,
    jobs: [],
    impact,
    requiredApprovals: approvals,
    laneRoles: laneRoles(approvals),
    alternatives: [],
    frozenJobs: [],
    customerTier,
    tierScope: judgeBuckets([], policy, customerTier).scope,
    freezeExposure: freezeExposure({ schedule, window, beforeJobs: before.jobs, afterJobs: [] }),
  };
}

function beforeSide(resolved: ResolvedChange, load: LoadReader): CostSide {
  const before = resolved.before;
  return {
    terms:
      before === null
        ? null
        : {
            productId: before.productId,
            quantity: before.quantity,
            optionIds: before.optionIds,
            dueDate: before.dueDate,
            unitPriceCents: before.unitPriceCents,
          },
    jobs: before?.jobs ?? [],
    load,
    redoJobIds: new Set(),
    scrapCents: 0,
  };
}

/** Scrap of work already done: the old material plus labour on the jobs' history (days ≤ today). */
function scrapCents(schedule: Schedule, resolved: ResolvedChange, jobIds: readonly string[], today: Day): Cents {
  const before = resolved.before!;
  const ids = new Set(jobIds);
  let scrap = mulCents(
    before.quantity,
    resolved.product.materialCostCents +
      resolved.product.options.filter((o) => before.optionIds.includes(o.id)).reduce((s, o) => s + o.addCostCents, 0),
  );
  for (const job of before.jobs) {
    if (!ids.has(job.id)) continue;
    const wc = schedule.workCenters.get(job.workCenterId)!;
    const history = job.allocations.filter((a) => a.day <= today).reduce((s, a) => s + a.minutes, 0);
    scrap += labourCents(history, wc.source.rateCentsPerHour);
  }
  return scrap;
}

/** Words a rep can repeat: which step does not fit by when, and what can be promised instead. */
function infeasibleReason(
  schedule: Schedule,
  resolved: ResolvedChange,
  failure: Extract<ChainResult, { ok: false }> | null,
  alternatives: readonly CtpAlternative[],
): string {
  const due = resolved.after!.dueDate;
  const wc = failure === null ? undefined : schedule.workCenters.get(failure.workCenterId);
  const where = wc === undefined || failure === null ? '' : ` (step ${failure.failedSeq} on ${wc.code} cannot be placed in time)`;
  // The tiers tried are the ones the alternatives list: OVERTIME among them when a rule allows it.
  const tiers = alternatives.some((a) => a.tier === 'OVERTIME') ? 'even with overtime' : 'within capacity (overtime is not allowed)';
  const options = alternatives
    .filter((a) => a.dueDate !== null)
    .map((a) => `${fromDay(a.dueDate!)} (${a.tier})`)
    .join(', ');
  const earliest = options === '' ? '' : ` Earliest dates: ${options}.`;
  if (resolved.move !== null) {
    return `Step ${resolved.move.job.seq} cannot start on ${fromDay(resolved.move.startDay)} with the order still done by ${fromDay(due)} ${tiers}${where}.${earliest}`;
  }
  return `Does not fit by ${fromDay(due)} ${tiers}${where}.${earliest}`;
}

/** Refuses a policy whose numbers cannot be ceilings (the policy editor should prevent these). */
function validatePolicy(policy: Policy): void {
  const ints = [
    policy.autoApproveMaxUtilizationBp,
    policy.managerMaxUtilizationBp,
    policy.freezeWindowWorkingDays,
    policy.costIncreaseLimitCents,
    policy.minMarginBp,
    policy.shipBufferDays,
  ];
  if (!ints.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw new EngineError('INVALID_PLANT_DATA', `Policy version ${policy.version} has a value that is not a whole non-negative number`);
  }
}
