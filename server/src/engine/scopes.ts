import type { CapacityThresholds, CustomerTier, Policy, RuleScope, ScopedRule } from './types.ts';

/**
 * Scoped capacity rules (docs/product.md §4.3). A scoped rule replaces the plant's three capacity
 * settings — auto-approve utilization, manager utilization, overtime allowed — for the buckets of
 * one work center, for the changes of one customer tier, or for both at once. Where several
 * rules apply, the most specific wins, in this fixed order:
 *
 *   work center + customer tier  >  customer tier  >  work center  >  plant
 *
 * A customer-tier rule beats a work-center rule because it is the narrower commercial decision:
 * the work-center ceiling protects a machine for everybody, the tier rule says for whom the plant
 * deliberately stretches that protection. Operations that want a bottleneck to stay tight even
 * for strategic customers say so with a rule naming both, which beats either.
 */

/** The plant-wide capacity settings, as the rule that applies when no scoped rule does. */
export const PLANT_SCOPE: RuleScope = Object.freeze({ workCenterId: null, customerTier: null });

/** The capacity thresholds for one bucket's work center and the change's customer tier, and the rule they came from. */
export function thresholdsFor(policy: Policy, workCenterId: string | null, customerTier: CustomerTier | null): CapacityThresholds {
  const rules = policy.scopedRules ?? [];
  if (rules.length > 0) {
    let best: ScopedRule | null = null;
    for (const rule of rules) {
      if (!applies(rule, workCenterId, customerTier)) continue;
      if (best === null || specificity(rule) > specificity(best)) best = rule;
    }
    if (best !== null) return best;
  }
  return {
    scope: PLANT_SCOPE,
    autoApproveMaxUtilizationBp: policy.autoApproveMaxUtilizationBp,
    managerMaxUtilizationBp: policy.managerMaxUtilizationBp,
    overtimeAllowed: policy.overtimeAllowed,
  };
}

function applies(rule: ScopedRule, workCenterId: string | null, customerTier: CustomerTier | null): boolean {
  const { scope } = rule;
  if (scope.workCenterId !== null && scope.workCenterId !== workCenterId) return false;
  if (scope.customerTier !== null && scope.customerTier !== customerTier) return false;
  return scope.workCenterId !== null || scope.customerTier !== null;
}

/** Rank of a scope in the precedence above: both 3, customer tier 2, work center 1, plant 0. */
export function specificity(rule: { readonly scope: RuleScope }): number {
  return (rule.scope.customerTier !== null ? 2 : 0) + (rule.scope.workCenterId !== null ? 1 : 0);
}

/** Whether two scopes name the same rule instance. */
export function sameScope(a: RuleScope, b: RuleScope): boolean {
  return a.workCenterId === b.workCenterId && a.customerTier === b.customerTier;
}

/**
 * Whether the rule for some work center, for a change of this customer tier, allows overtime: the
 * overtime tier is then worth trying (its ceiling still gives overtime only where allowed).
 */
export function anyOvertimeAllowed(policy: Policy, customerTier: CustomerTier | null): boolean {
  if (thresholdsFor(policy, null, customerTier).overtimeAllowed) return true;
  return [...workCenterThresholds(policy, customerTier).values()].some((rule) => rule.overtimeAllowed);
}

/**
 * Per-work-center thresholds that differ from the change-wide ones, for the planner's ceilings:
 * only work centers some rule names can differ, so the map stays as small as the rule list.
 */
export function workCenterThresholds(policy: Policy, customerTier: CustomerTier | null): ReadonlyMap<string, CapacityThresholds> {
  const map = new Map<string, CapacityThresholds>();
  for (const rule of policy.scopedRules ?? []) {
    const wc = rule.scope.workCenterId;
    if (wc === null || map.has(wc)) continue;
    map.set(wc, thresholdsFor(policy, wc, customerTier));
  }
  return map;
}

/** A rule's scope in words, for messages: "LASER", "strategic customers", "LASER for strategic customers". */
export function scopeLabel(scope: RuleScope, workCenterCode: string | null): string {
  const tier = scope.customerTier === null ? null : `${scope.customerTier.toLowerCase()} customers`;
  if (scope.workCenterId === null) return tier ?? 'plant';
  const wc = workCenterCode ?? 'work center';
  return tier === null ? wc : `${wc} for ${tier}`;
}
