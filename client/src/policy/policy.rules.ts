import type { PolicyVersionFragment } from '../gql/graphql';
import { formatMoney, plantCurrency } from '../shared/format';

export type PolicyVersion = PolicyVersionFragment;
export type RuleKey =
  | 'autoApproveMaxUtilization'
  | 'managerMaxUtilization'
  | 'overtimeAllowed'
  | 'freezeWindowWorkingDays'
  | 'costIncreaseLimit'
  | 'minMarginPct'
  | 'approvalSlaHours';

/** How each rule reads, is edited and is shown (docs/product.md §4). Fractions are edited as percent. */
export interface RuleSpec {
  key: RuleKey;
  label: string;
  help: string;
  input: 'percent-of-fraction' | 'percent' | 'int' | 'money' | 'bool';
  unit?: string;
  min?: number;
  max?: number;
}

export const RULES: RuleSpec[] = [
  { key: 'autoApproveMaxUtilization', label: 'Auto-approve up to', help: 'At or below this utilization a change needs no capacity approval.', input: 'percent-of-fraction', unit: '%', min: 1, max: 100 },
  { key: 'managerMaxUtilization', label: 'Ops manager up to', help: 'Above auto-approve and up to this, the ops manager decides.', input: 'percent-of-fraction', unit: '%', min: 1, max: 100 },
  { key: 'overtimeAllowed', label: 'Overtime may be planned', help: 'Needs the plant manager and adds the overtime premium to cost.', input: 'bool' },
  { key: 'freezeWindowWorkingDays', label: 'Freeze window', help: 'Changes to jobs starting within this many working days need the plant manager.', input: 'int', unit: 'working days', min: 0, max: 60 },
  { key: 'costIncreaseLimit', label: 'Cost increase limit', help: 'A cost increase above this needs accounting.', input: 'money', min: 0 },
  { key: 'minMarginPct', label: 'Minimum margin', help: 'A margin after the change below this needs accounting.', input: 'percent', unit: '%', min: 0, max: 100 },
  { key: 'approvalSlaHours', label: 'Approval SLA', help: 'A pending approval older than this escalates itself to the next tier.', input: 'int', unit: 'hours', min: 1, max: 720 },
];

/** The unit beside a rule's input: a money rule's is the plant's currency. */
export function unitOf(rule: RuleSpec): string {
  return rule.input === 'money' ? plantCurrency() : (rule.unit ?? '');
}

/** A rule's value as people read it. */
export function display(rule: RuleSpec, p: PolicyVersion): string {
  const v = p[rule.key];
  switch (rule.input) {
    case 'percent-of-fraction':
      return `${round(Number(v) * 100)} %`;
    case 'percent':
      return `${round(Number(v))} %`;
    case 'int':
      return `${v} ${rule.unit}`;
    case 'money':
      return formatMoney(String(v));
    case 'bool':
      return v ? 'Yes' : 'No';
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The form's value of a rule (strings for inputs, a boolean for the checkbox). */
export function toForm(rule: RuleSpec, p: PolicyVersion): string | boolean {
  const v = p[rule.key];
  if (rule.input === 'bool') return Boolean(v);
  if (rule.input === 'percent-of-fraction') return String(round(Number(v) * 100));
  return String(v);
}

/** Rules that differ between two versions. */
export function diff(from: PolicyVersion, to: PolicyVersion): { rule: RuleSpec; before: string; after: string }[] {
  return RULES.filter((r) => display(r, from) !== display(r, to)).map((rule) => ({ rule, before: display(rule, from), after: display(rule, to) }));
}

/**
 * What is wrong with the form as typed, per rule, shown while editing (docs/product.md §9.6): each
 * value within its bounds, and the rules that depend on each other in order (the ops manager's
 * limit is not below the auto-approve limit). The server checks the same on save.
 */
export function formProblems(form: Record<string, string | boolean>): Partial<Record<RuleKey, string>> {
  const out: Partial<Record<RuleKey, string>> = {};
  for (const rule of RULES) {
    const raw = form[rule.key];
    if (rule.input === 'bool' || raw === undefined) continue;
    const text = String(raw).trim();
    if (rule.input === 'money') {
      if (!/^\d+(\.\d{1,2})?$/.test(text)) out[rule.key] = 'Write an amount such as 2500 or 2500.00.';
      continue;
    }
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) out[rule.key] = 'Enter a number.';
    else if (rule.input === 'int' && !Number.isInteger(n)) out[rule.key] = 'Enter a whole number.';
    else if ((rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max)) {
      out[rule.key] = `Between ${rule.min} and ${rule.max}${rule.unit === '%' ? ' %' : rule.unit ? ` ${rule.unit}` : ''}.`;
    }
  }
  const auto = Number(form.autoApproveMaxUtilization);
  const manager = Number(form.managerMaxUtilization);
  if (!out.autoApproveMaxUtilization && !out.managerMaxUtilization && manager < auto) {
    out.managerMaxUtilization = `The ops manager's limit cannot be below auto-approve (${auto} %).`;
  }
  return out;
}
