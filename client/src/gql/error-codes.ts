/* Generated from schema/*.graphql by GraphQL Code Generator. Do not edit. */
/** The state of one lane's approval. */
export const ApprovalStatus = {
  /** Granted. */
  Granted: 'GRANTED',
  /** Waiting for a decision. */
  Pending: 'PENDING',
  /** Rejected (with a reason). */
  Rejected: 'REJECTED'
} as const;

export type ApprovalStatus = typeof ApprovalStatus[keyof typeof ApprovalStatus];
/**
 * What a board event says happened (docs/realtime.md is the protocol document). The client patches
 * its board from SCHEDULE_CHANGED, CHANGE_ORDER_UPDATED and POLICY_UPDATED, and refetches the board
 * on BOARD_RESET and RESYNC.
 */
export const BoardEventType = {
  /** The plant's schedule was rebuilt (demo seeding, bulk import): refetch the board; `reason` says why. */
  BoardReset: 'BOARD_RESET',
  /** A change order changed status (`changeOrderId`, `orderId`, `status`, `version`). */
  ChangeOrderUpdated: 'CHANGE_ORDER_UPDATED',
  /** The plant's policy has a new version (`policyVersion`). */
  PolicyUpdated: 'POLICY_UPDATED',
  /**
   * Not stored: the server cannot replay what the client missed (`since` is older than what is
   * retained, or newer than anything the server has). Refetch the board; the stream continues after
   * `seq`, the plant's head when it was sent. `reason` is RETENTION or UNKNOWN_SINCE.
   */
  Resync: 'RESYNC',
  /** Jobs and buckets changed: replace them by id (`jobs`, `buckets`), drop `removedJobIds`, refetch the summaries of `orderIds`. */
  ScheduleChanged: 'SCHEDULE_CHANGED'
} as const;

export type BoardEventType = typeof BoardEventType[keyof typeof BoardEventType];
/** A tier under which a plan can be placed. */
export const CapacityTier = {
  /** No capacity approval. */
  Auto: 'AUTO',
  /** The ops manager. */
  Manager: 'MANAGER',
  /** The plant manager (overtime). */
  Overtime: 'OVERTIME'
} as const;

export type CapacityTier = typeof CapacityTier[keyof typeof CapacityTier];
/** What a change order changes; several kinds combine in one change order (docs/product.md §5). */
export const ChangeKind = {
  /** Cancel the order (frees its load). */
  Cancel: 'CANCEL',
  /** A different due date. */
  DueDate: 'DUE_DATE',
  /** A planner moves one job to another start date. */
  MoveJob: 'MOVE_JOB',
  /** A new order. */
  NewOrder: 'NEW_ORDER',
  /** More or fewer units. */
  Quantity: 'QUANTITY',
  /** Different spec options. */
  Spec: 'SPEC'
} as const;

export type ChangeKind = typeof ChangeKind[keyof typeof ChangeKind];
/** Where a change order is in its lifecycle (docs/product.md §5). */
export const ChangeOrderStatus = {
  /** Applied to the schedule. */
  Applied: 'APPLIED',
  /** Every required approval granted; applying. */
  Approved: 'APPROVED',
  /** Needed no approval and was applied at once (then APPLIED). */
  AutoApproved: 'AUTO_APPROVED',
  /** Ended without applying (a counter-proposal declined). */
  Closed: 'CLOSED',
  /** An approver offered an alternative; the proposer answers. */
  CounterProposed: 'COUNTER_PROPOSED',
  /** Cannot be placed by its date under any tier; nothing applied; see the alternatives. */
  Infeasible: 'INFEASIBLE',
  /** Waits for one or more approvals. */
  Pending: 'PENDING',
  /** Rejected in some lane; the proposer may escalate. */
  Rejected: 'REJECTED',
  /** Its order changed before it was applied: re-evaluated against the new terms and back with its proposer, who confirms it (`confirmChangeOrder`) or withdraws it. */
  Returned: 'RETURNED',
  /** Withdrawn by its proposer. */
  Withdrawn: 'WITHDRAWN'
} as const;

export type ChangeOrderStatus = typeof ChangeOrderStatus[keyof typeof ChangeOrderStatus];
/** Importance of a customer to the business. */
export const CustomerTier = {
  /** Everyone else. */
  Standard: 'STANDARD',
  /** Key accounts. */
  Strategic: 'STRATEGIC'
} as const;

export type CustomerTier = typeof CustomerTier[keyof typeof CustomerTier];
/** Every expected error carries one of these in `extensions.code`, with a message a person can act on. */
export const ErrorCode = {
  /** An argument is malformed or out of range; the message names it. */
  BadUserInput: 'BAD_USER_INPUT',
  /** The entity changed since it was read; `extensions.currentVersion` holds the version now. */
  Conflict: 'CONFLICT',
  /** The identity is known but its role may not perform this operation. */
  Forbidden: 'FORBIDDEN',
  /** The requested change cannot be placed under any tier; alternatives are attached. */
  Infeasible: 'INFEASIBLE',
  /** An unexpected fault; it was logged with `extensions.requestId`. */
  Internal: 'INTERNAL',
  /** The entity does not exist or is not visible to this identity. */
  NotFound: 'NOT_FOUND',
  /** Too many attempts; `extensions.retryAfterSeconds` says when to try again. */
  RateLimited: 'RATE_LIMITED',
  /** No valid session or token: log in again. */
  Unauthenticated: 'UNAUTHENTICATED',
  /**
   * The operation could not finish in time (the data it needs was locked too long, or a database
   * statement ran past its limit) and was stopped; nothing of a stopped write was kept. Try again shortly.
   */
  Unavailable: 'UNAVAILABLE'
} as const;

export type ErrorCode = typeof ErrorCode[keyof typeof ErrorCode];
/** The format of an export. */
export const ExportFormat = {
  /** One CSV file per entity (UTF-8, `,`). */
  Csv: 'CSV',
  /** One XLSX workbook with one sheet per entity. */
  Xlsx: 'XLSX'
} as const;

export type ExportFormat = typeof ExportFormat[keyof typeof ExportFormat];
/** Why an evaluation held a job where it is instead of re-planning it. */
export const FreezeReason = {
  /** The job is done: it never changes. */
  Done: 'DONE',
  /** The job starts inside the freeze window: it keeps its days unless its minutes change. */
  FreezeWindow: 'FREEZE_WINDOW',
  /** The job has started: its work so far stays; it keeps its days unless its minutes change. */
  Started: 'STARTED'
} as const;

export type FreezeReason = typeof FreezeReason[keyof typeof FreezeReason];
/** Period of a report row. */
export const Granularity = {
  /** One row per day. */
  Day: 'DAY',
  /** One row per calendar month. */
  Month: 'MONTH',
  /** One row per ISO week (starting Monday). */
  Week: 'WEEK'
} as const;

export type Granularity = typeof Granularity[keyof typeof Granularity];
/** Whether an import only previews or also writes. */
export const ImportMode = {
  /** Write exactly what the dry run with `previewToken` showed, or fail with CONFLICT if the plant changed since. */
  Commit: 'COMMIT',
  /** Validate and preview: counts, every rejected row and the schedule impact; nothing is written. */
  DryRun: 'DRY_RUN'
} as const;

export type ImportMode = typeof ImportMode[keyof typeof ImportMode];
/** A step of a running import, in the order the steps run. */
export const ImportPhase = {
  /** Every row is checked against the plant and the other rows (`done` = `total` = rows). */
  Checking: 'CHECKING',
  /** The engine places the orders on the schedule (`done` of `total` orders). */
  Placing: 'PLACING',
  /** The files are read and their rows parsed (`done` = `total` = rows). */
  Reading: 'READING',
  /** The placed orders and their jobs are saved (`done` of `total` orders). */
  Saving: 'SAVING',
  /** The subscription listens; no import with its key has reported yet (always the first message). */
  Waiting: 'WAITING',
  /** Master data is written by key (`done` of `total` records). */
  Writing: 'WRITING'
} as const;

export type ImportPhase = typeof ImportPhase[keyof typeof ImportPhase];
/** Progress of one job. */
export const JobStatus = {
  /** Finished. */
  Done: 'DONE',
  /** Scheduled, not started. */
  Planned: 'PLANNED',
  /** Work has begun. */
  Started: 'STARTED'
} as const;

export type JobStatus = typeof JobStatus[keyof typeof JobStatus];
/** Approval lanes: capacity is a chain (ops manager < plant manager); the others stand alone. */
export const Lane = {
  /** Cost and margin: accounting. */
  Accounting: 'ACCOUNTING',
  /** Capacity, freeze window and lead time: ops manager, plant manager. */
  Capacity: 'CAPACITY',
  /** Spec changes flagged for review: quality. */
  Quality: 'QUALITY'
} as const;

export type Lane = typeof Lane[keyof typeof Lane];
/** Unit of a rule's measured value and threshold. */
export const MeasureUnit = {
  /** Minor currency units (cents). */
  Cents: 'CENTS',
  /** Minutes. */
  Minutes: 'MINUTES',
  /** A flagged option (measured 1, threshold 0). */
  Option: 'OPTION',
  /** Percent (92.5 = 92.5%). */
  Percent: 'PERCENT',
  /** Plant working days. */
  WorkingDays: 'WORKING_DAYS'
} as const;

export type MeasureUnit = typeof MeasureUnit[keyof typeof MeasureUnit];
/** Why a notification was sent to its user. */
export const NotificationKind = {
  /** An applied change moved price or cost: a billing adjustment was recorded (accounting). */
  BillingAdjustment: 'BILLING_ADJUSTMENT',
  /** Someone else moved a change order you proposed (approved, rejected, countered, applied, commented, …). */
  ChangeOrderUpdated: 'CHANGE_ORDER_UPDATED',
  /** The proposer answered your counter-proposal. */
  CounterProposalAnswered: 'COUNTER_PROPOSAL_ANSWERED',
  /** A change order now waits for your decision in a lane (new, escalated or re-evaluated). */
  DecisionNeeded: 'DECISION_NEEDED',
  /** A change order that waited for your decision no longer does (withdrawn, rejected elsewhere, counter-proposed). */
  NoLongerNeeded: 'NO_LONGER_NEEDED',
  /** An order's projected finish passed its due date: the cause and the dates the plant can promise (its rep). */
  OrderAtRisk: 'ORDER_AT_RISK'
} as const;

export type NotificationKind = typeof NotificationKind[keyof typeof NotificationKind];
/** Lifecycle of a customer order. */
export const OrderStatus = {
  /** Cancelled; its load is freed. */
  Cancelled: 'CANCELLED',
  /** Accepted and scheduled. */
  Confirmed: 'CONFIRMED',
  /** All jobs are done. */
  Done: 'DONE',
  /** At least one job has started. */
  InProduction: 'IN_PRODUCTION',
  /** Left the plant. */
  Shipped: 'SHIPPED'
} as const;

export type OrderStatus = typeof OrderStatus[keyof typeof OrderStatus];
/** The policy rule that asked for an approval. */
export const PolicyRule = {
  /** A bucket the change raises goes above the auto-approve limit; measured: the highest such utilization. */
  CapacityManager: 'CAPACITY_MANAGER',
  /** A cost increase above the limit. */
  CostIncreaseLimit: 'COST_INCREASE_LIMIT',
  /** A job that has started, or that starts inside the freeze window, changes; measured: working days to its current start (its new one when only that is inside). */
  FreezeWindow: 'FREEZE_WINDOW',
  /** A due date earlier than today plus the product's lead time. */
  MinLeadTime: 'MIN_LEAD_TIME',
  /** A margin after the change below the minimum. */
  MinMargin: 'MIN_MARGIN',
  /** A bucket the change raises goes above the manager limit (overtime); measured: the minutes it adds above that limit. */
  Overtime: 'OVERTIME',
  /** An option that needs a quality review. */
  ReviewRequired: 'REVIEW_REQUIRED'
} as const;

export type PolicyRule = typeof PolicyRule[keyof typeof PolicyRule];
/** What a person has open (docs/product.md §6 presence). */
export const PresenceKind = {
  /** The board itself, nothing selected. */
  Board: 'BOARD',
  /** A change order (`id` is the change order). */
  ChangeOrder: 'CHANGE_ORDER',
  /** An order's panel (`id` is the order). */
  Order: 'ORDER',
  /** Proposing a change to an order (`id` is the order). */
  Proposing: 'PROPOSING'
} as const;

export type PresenceKind = typeof PresenceKind[keyof typeof PresenceKind];
/** What a progress report says happened to a job. */
export const ProgressAction = {
  /**
   * The job is finished: it becomes DONE once its good quantity reaches the order's quantity, and its
   * remaining allocations are freed. Without `goodQuantity`, every unit not yet reported counts as
   * good. When scrap leaves it short, it stays STARTED and the missing units are planned from today.
   */
  Complete: 'COMPLETE',
  /** Work stopped for now; the job stays STARTED and keeps its place. */
  Pause: 'PAUSE',
  /** Good and scrap units and hours so far, without changing the job's state (starts a PLANNED job). */
  Report: 'REPORT',
  /** Work on a paused job goes on. */
  Resume: 'RESUME',
  /** Work on the job began (a PLANNED job becomes STARTED). */
  Start: 'START'
} as const;

export type ProgressAction = typeof ProgressAction[keyof typeof ProgressAction];
/** What a user may do (docs/product.md §1). A higher capacity role satisfies a lower tier. */
export const Role = {
  /** Finance: decides the cost and margin lane. */
  Accounting: 'ACCOUNTING',
  /** Administrator: users, roles and tokens; no approval authority. */
  Admin: 'ADMIN',
  /** Shop floor: sees the board and reports the progress of jobs (start, pause, resume, complete). */
  Operator: 'OPERATOR',
  /** Mid-level manager: decides the manager tier and edits the policy. */
  OpsManager: 'OPS_MANAGER',
  /** Operations planning: everything a rep may, plus moving jobs. */
  Planner: 'PLANNER',
  /** Top of the plant's chain: overtime, freeze window, escalations. */
  PlantManager: 'PLANT_MANAGER',
  /** Quality and safety: decides the quality lane. */
  Quality: 'QUALITY',
  /** Customer service / account rep: views the board, previews and proposes change orders. */
  SalesRep: 'SALES_REP'
} as const;

export type Role = typeof Role[keyof typeof Role];
/** The authority a change needs by capacity, judged by the load it adds: only buckets whose load the change raises count (docs/product.md §3). */
export const Tier = {
  /** Every bucket the change raises stays at or below the auto-approve utilization (or it raises none): no capacity approval. */
  Auto: 'AUTO',
  /** Fits under no tier by the requested date; see the alternatives. */
  Infeasible: 'INFEASIBLE',
  /** A raised bucket goes above the auto-approve utilization, none above the manager utilization: the ops manager. */
  Manager: 'MANAGER',
  /** A raised bucket goes above the manager utilization, into overtime: the plant manager. */
  Overtime: 'OVERTIME'
} as const;

export type Tier = typeof Tier[keyof typeof Tier];
/** What kind of non-human client a token is for (docs/product.md §1). */
export const TokenKind = {
  /** An integration: `reports:read` (reports, BI tools, scripts), `masterdata:write` (imports of master data and cut-over orders) or `progress:write` (an MES reporting job progress). */
  Api: 'API',
  /** A wall screen: one plant, read-only (board, events, presence, policy). */
  Display: 'DISPLAY'
} as const;

export type TokenKind = typeof TokenKind[keyof typeof TokenKind];
/** Where a delivery stands. */
export const WebhookDeliveryStatus = {
  /** The webhook was deleted before it was delivered. */
  Cancelled: 'CANCELLED',
  /** The receiver answered 2xx. */
  Delivered: 'DELIVERED',
  /** Every attempt failed; no more retries. */
  Failed: 'FAILED',
  /** Waiting for its first or next attempt. */
  Pending: 'PENDING'
} as const;

export type WebhookDeliveryStatus = typeof WebhookDeliveryStatus[keyof typeof WebhookDeliveryStatus];