// The planning engine's public API. Pure: no database, GraphQL or I/O; deterministic.
export { assertDay, fromDay, parseDate, toDay, Weekday, weekdayOf, type Day } from './dates.ts';
export { ENGINE_ERROR_CLASS, EngineError, EngineErrorCode } from './errors.ts';
export {
  divRoundHalfUp,
  formatCents,
  hours,
  labourCents,
  percent2,
  type Cents,
  type Minutes,
} from './money.ts';
export * from './types.ts';
export { DEFAULT_POLICY, fractionToBasisPoints, percentToBasisPoints } from './policy.ts';
export {
  capacityOn,
  compileWorkCenter,
  isWorkCenterWorkingDay,
  overtimeOn,
  PlantCalendar,
  type CompiledWorkCenter,
} from './calendar.ts';
export { LoadOverlay, LoadTable, type LoadReader, type LoadWriter } from './load.ts';
export { addOrder, applyPlan, buildSchedule, copySchedule, removeOrder, type Schedule } from './schedule.ts';
export { PLANT_SCOPE, sameScope, scopeLabel, specificity, thresholdsFor } from './scopes.ts';
export {
  bucketTier,
  capacityTiers,
  ceilingMinutes,
  judgeBuckets,
  judgedTier,
  planningWindow,
  tierCeiling,
  tierEarliestDay,
  type Ceiling,
  type PlanningWindow,
} from './tiers.ts';
export { loadBackward, loadForward, SEARCH_HORIZON_DAYS } from './loading.ts';
export {
  chainBounds,
  planChain,
  planOrder,
  routingOf,
  stepMinutes,
  sum,
  type OrderPlan,
  type OrderRequest,
  type PlanOrderOptions,
  type StepSpec,
} from './planning.ts';
export { MAX_QUANTITY } from './changes.ts';
export { evaluateChange } from './evaluate.ts';
export {
  isAtRisk, isOpen, projectedFinish, REGULAR, relieveBucket, remainingMinutes, riskCause, setupDone, rollOrder, turnDay, withJobs,
  type DayTurn, type RiskCause,
} from './floor.ts';
export { freezeFires } from './rules.ts';
export { rejudge, replayPolicy, type PolicyReplay, type ReplayCase, type ReplayChange, type ReplayedVerdict, type ReplaySide, type ReplayWeek, type StoredVerdict } from './replay.ts';
export { replayPresent, type BucketCrossing, type PendingRequest, type PendingTierChange, type PresentReplay } from './present.ts';
