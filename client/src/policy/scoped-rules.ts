import type { CustomerTier, PolicyVersionFragment, ScopedRuleInput } from '../gql/graphql';

/**
 * Scoped capacity rules in the policy editor (docs/product.md §4.3, §9.6): the form's rows, what
 * is wrong with them while editing, what to send, and how two versions' lists differ.
 */

/**
 * One row of the editor; '' for "every work center" / "every customer". Percentages as typed: a
 * string, or a number once a number input's v-model has cast it.
 */
export interface ScopedRuleForm {
  workCenterId: string;
  customerTier: CustomerTier | '';
  auto: string | number;
  manager: string | number;
  overtimeAllowed: boolean;
}

type StoredRule = PolicyVersionFragment['scopedRules'][number];

const pct = (fraction: number) => String(Math.round(fraction * 10_000) / 100);

export function toForms(policy: PolicyVersionFragment): ScopedRuleForm[] {
  return policy.scopedRules.map((r) => ({
    workCenterId: r.scope.workCenterId ?? '',
    customerTier: r.scope.customerTier ?? '',
    auto: pct(r.autoApproveMaxUtilization),
    manager: pct(r.managerMaxUtilization),
    overtimeAllowed: r.overtimeAllowed,
  }));
}

/** A new row: the plant's own numbers, for the first work center no rule names yet. */
export function newRule(policy: PolicyVersionFragment, rows: readonly ScopedRuleForm[], workCenterIds: readonly string[]): ScopedRuleForm {
  const taken = new Set(rows.filter((r) => r.customerTier === '').map((r) => r.workCenterId));
  return {
    workCenterId: workCenterIds.find((id) => !taken.has(id)) ?? '',
    customerTier: '',
    auto: pct(policy.autoApproveMaxUtilization),
    manager: pct(policy.managerMaxUtilization),
    overtimeAllowed: policy.overtimeAllowed,
  };
}

export function toInputs(rows: readonly ScopedRuleForm[]): ScopedRuleInput[] {
  return rows.map((r) => ({
    ...(r.workCenterId ? { workCenterId: r.workCenterId } : {}),
    ...(r.customerTier ? { customerTier: r.customerTier } : {}),
    autoApproveMaxUtilization: Number(r.auto) / 100,
    managerMaxUtilization: Number(r.manager) / 100,
    overtimeAllowed: r.overtimeAllowed,
  }));
}

/** Whether the rows say the same as the stored list (same scopes, numbers and order). */
export function sameRules(rows: readonly ScopedRuleForm[], policy: PolicyVersionFragment): boolean {
  const canonical = (list: readonly ScopedRuleForm[]) => JSON.stringify(list.map((r) => ({ ...r, auto: String(r.auto), manager: String(r.manager) })));
  return canonical(rows) === canonical(toForms(policy));
}

/** What is wrong with each row, by index: a scope, no repeated scope, percentages in bounds and in order. The server checks the same. */
export function ruleProblems(rows: readonly ScopedRuleForm[]): Record<number, string> {
  const out: Record<number, string> = {};
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const key = `${r.workCenterId}|${r.customerTier}`;
    const auto = Number(r.auto);
    const manager = Number(r.manager);
    if (!r.workCenterId && !r.customerTier) out[i] = 'Pick a work center, a customer tier or both.';
    else if (seen.has(key)) out[i] = 'Another rule has the same scope: keep one.';
    else if (String(r.auto).trim() === '' || String(r.manager).trim() === '' || !(auto >= 1 && auto <= 100) || !(manager >= 1 && manager <= 100)) out[i] = 'Limits between 1 and 100 %.';
    else if (manager < auto) out[i] = `The ops manager's limit cannot be below auto-approve (${auto} %).`;
    seen.add(key);
  });
  return out;
}

/** A stored rule in words, for the version diff. */
function describe(r: StoredRule): string {
  return `auto ${pct(r.autoApproveMaxUtilization)} %, ops manager ${pct(r.managerMaxUtilization)} %, overtime ${r.overtimeAllowed ? 'yes' : 'no'}`;
}

/** Scoped rules added, removed or changed between two versions, by scope. */
export function scopedDiff(from: PolicyVersionFragment, to: PolicyVersionFragment): { label: string; before: string; after: string }[] {
  const key = (r: StoredRule) => `${r.scope.workCenterId}|${r.scope.customerTier}`;
  const before = new Map(from.scopedRules.map((r) => [key(r), r]));
  const after = new Map(to.scopedRules.map((r) => [key(r), r]));
  const out: { label: string; before: string; after: string }[] = [];
  for (const [k, r] of after) {
    const was = before.get(k);
    if (was === undefined || describe(was) !== describe(r)) out.push({ label: `Rule for ${r.scope.label}`, before: was ? describe(was) : 'none', after: describe(r) });
  }
  for (const [k, r] of before) if (!after.has(k)) out.push({ label: `Rule for ${r.scope.label}`, before: describe(r), after: 'none' });
  return out;
}
