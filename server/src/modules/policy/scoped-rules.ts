import type { EntityManager } from '@mikro-orm/postgresql';
import { fractionToBasisPoints, type ScopedRule } from '../../engine/index.ts';
import type { ScopedRuleInput } from '../../../../schema/generated/server.ts';
import { pgArray } from '../../db/sql.ts';
import { badInput } from '../../shared/errors.ts';
import { isUuid } from '../../shared/ids.ts';

/** More rules than this is a spreadsheet, not a policy; it also bounds every evaluation's rule scan. */
export const MAX_SCOPED_RULES = 50;

/**
 * The capacity pair's bounds, for the plant rule and every scoped rule alike (docs/product.md
 * §4.1): auto above 0 and at most manager, manager at most 100 %. `field` names the input.
 */
export function checkCapacityPair(autoBp: number, managerBp: number, field: (name: string) => string): void {
  if (!(autoBp > 0)) throw badInput('The auto-approve utilization must be above 0%.', field('autoApproveMaxUtilization'));
  if (autoBp > managerBp)
    throw badInput(`The auto-approve limit (${autoBp / 100}%) cannot be above the manager limit (${managerBp / 100}%).`, field('autoApproveMaxUtilization'));
  if (managerBp > 10_000) throw badInput('The manager limit cannot be above 100% (overtime covers more).', field('managerMaxUtilization'));
}

/**
 * The editor's list as the engine's rules (docs/product.md §4.3), checked: each names a work
 * center of this plant, a customer tier or both; one rule per scope; each capacity pair valid.
 * BAD_USER_INPUT names the rule by its position (`scopedRules[2].managerMaxUtilization`).
 */
export async function parseScopedRules(em: EntityManager, plantId: string, input: readonly ScopedRuleInput[]): Promise<ScopedRule[]> {
  if (input.length > MAX_SCOPED_RULES) throw badInput(`At most ${MAX_SCOPED_RULES} scoped rules.`, 'scopedRules');
  const wcIds = [...new Set(input.map((r) => r.workCenterId).filter((id): id is string => id != null))];
  const known = new Set(
    wcIds.some((id) => !isUuid(id))
      ? []
      : (await em.execute<{ id: string }[]>('select id from work_center where plant_id = ? and id = any(?::uuid[])', [plantId, pgArray(wcIds)])).map((r) => r.id),
  );
  const seen = new Set<string>();
  return input.map((r, i) => {
    const field = (name: string) => `scopedRules[${i}]${name === '' ? '' : `.${name}`}`;
    const workCenterId = r.workCenterId ?? null;
    const customerTier = r.customerTier ?? null;
    if (workCenterId === null && customerTier === null) throw badInput('A scoped rule names a work center, a customer tier or both (the plant rule is the policy itself).', field(''));
    if (workCenterId !== null && !known.has(workCenterId)) throw badInput(`Work center ${workCenterId} does not exist in this plant.`, field('workCenterId'));
    const key = `${workCenterId}|${customerTier}`;
    if (seen.has(key)) throw badInput('Two scoped rules for the same work center and customer tier: keep one.', field(''));
    seen.add(key);
    const rule: ScopedRule = {
      scope: { workCenterId, customerTier },
      autoApproveMaxUtilizationBp: fractionToBasisPoints(r.autoApproveMaxUtilization),
      managerMaxUtilizationBp: fractionToBasisPoints(r.managerMaxUtilization),
      overtimeAllowed: r.overtimeAllowed,
    };
    checkCapacityPair(rule.autoApproveMaxUtilizationBp, rule.managerMaxUtilizationBp, field);
    return rule;
  });
}
