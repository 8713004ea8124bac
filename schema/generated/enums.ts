/* Generated from schema/*.graphql by GraphQL Code Generator. Do not edit. */
/** The state of one lane's approval. */
export const ApprovalStatus = {
  /** Granted. */
  GRANTED: 'GRANTED',
  /** Waiting for a decision. */
  PENDING: 'PENDING',
  /** Rejected (with a reason). */
  REJECTED: 'REJECTED'
} as const;

export type ApprovalStatus = typeof ApprovalStatus[keyof typeof ApprovalStatus];
/**
 * What a board event says happened (docs/realtime.md is the protocol document). The client patches
 * its board from SCHEDULE_CHANGED, CHANGE_ORDER_UPDATED and POLICY_UPDATED, and refetches the board
 * on BOARD_RESET and RESYNC.
 */
export const BoardEventType = {
  /** The plant's schedule was rebuilt (demo seeding, bulk import): refetch the board; `reason` says why. */
  BOARD_RESET: 'BOARD_RESET',
  /** A change order changed status (`changeOrderId`, `orderId`, `status`, `version`). */
  CHANGE_ORDER_UPDATED: 'CHANGE_ORDER_UPDATED',
  /** The plant's policy has a new version (`policyVersion`). */
  POLICY_UPDATED: 'POLICY_UPDATED',
  /**
   * Not stored: the server cannot replay what the client missed (`since` is older than what is
   * retained, or newer than anything the server has). Refetch the board; the stream continues after
   * `seq`, the plant's head when it was sent. `reason` is RETENTION or UNKNOWN_SINCE.
   */
  RESYNC: 'RESYNC',
  /** Jobs and buckets changed: replace them by id (`jobs`, `buckets`), drop `removedJobIds`, refetch the summaries of `orderIds`. */
  SCHEDULE_CHANGED: 'SCHEDULE_CHANGED'
} as const;

export type BoardEventType = typeof BoardEventType[keyof typeof BoardEventType];
/** A tier under which a plan can be placed. */
export const CapacityTier = {
  /** No capacity approval. */
  AUTO: 'AUTO',
  /** The ops manager. */
  MANAGER: 'MANAGER',
  /** The plant manager (overtime). */
  OVERTIME: 'OVERTIME'
} as const;

export type CapacityTier = typeof CapacityTier[keyof typeof CapacityTier];
/** What a change order changes; several kinds combine in one change order (docs/product.md §5). */
export const ChangeKind = {
  /** Cancel the order (frees its load). */
  CANCEL: 'CANCEL',
  /** A different due date. */
  DUE_DATE: 'DUE_DATE',
  /** A planner moves one job to another start date. */
  MOVE_JOB: 'MOVE_JOB',
  /** A new order. */
  NEW_ORDER: 'NEW_ORDER',
  /** More or fewer units. */
  QUANTITY: 'QUANTITY',
  /** Different spec options. */
  SPEC: 'SPEC'
} as const;

export type ChangeKind = typeof ChangeKind[keyof typeof ChangeKind];
/** How a change order that was not proposed on the board arrived (docs/import.md, "After go-live"). */
export const ChangeOrderSource = {
  /** A file import by a signed-in user: the import page, or `takt import --as`. */
  IMPORT: 'IMPORT',
  /** An integration's push with an API token that has the `orders:write` scope. */
  INTEGRATION: 'INTEGRATION'
} as const;

export type ChangeOrderSource = typeof ChangeOrderSource[keyof typeof ChangeOrderSource];
/** Where a change order is in its lifecycle (docs/product.md §5). */
export const ChangeOrderStatus = {
  /** Applied to the schedule. */
  APPLIED: 'APPLIED',
  /** Every required approval granted; applying. */
  APPROVED: 'APPROVED',
  /** Needed no approval and was applied at once (then APPLIED). */
  AUTO_APPROVED: 'AUTO_APPROVED',
  /** Ended without applying (a counter-proposal declined). */
  CLOSED: 'CLOSED',
  /** An approver offered an alternative; the proposer answers. */
  COUNTER_PROPOSED: 'COUNTER_PROPOSED',
  /** Cannot be placed by its date under any tier; nothing applied; see the alternatives. */
  INFEASIBLE: 'INFEASIBLE',
  /** Waits for one or more approvals. */
  PENDING: 'PENDING',
  /** Rejected in some lane; the proposer may escalate. */
  REJECTED: 'REJECTED',
  /** Its order changed before it was applied: re-evaluated against the new terms and back with its proposer, who confirms it (`confirmChangeOrder`) or withdraws it. */
  RETURNED: 'RETURNED',
  /** Withdrawn by its proposer. */
  WITHDRAWN: 'WITHDRAWN'
} as const;

export type ChangeOrderStatus = typeof ChangeOrderStatus[keyof typeof ChangeOrderStatus];
/** Importance of a customer to the business. */
export const CustomerTier = {
  /** Everyone else. */
  STANDARD: 'STANDARD',
  /** Key accounts. */
  STRATEGIC: 'STRATEGIC'
} as const;

export type CustomerTier = typeof CustomerTier[keyof typeof CustomerTier];
/** One part of a change order's dispute, as the plant manager is shown it (docs/product.md §5.5). */
export const DisputeFact = {
  /** The buckets the change raises, before and after. */
  BUCKETS: 'BUCKETS',
  /** The other orders holding load in those buckets. */
  COMPETING_ORDERS: 'COMPETING_ORDERS',
  /** The customer's tier and history. */
  CUSTOMER_HISTORY: 'CUSTOMER_HISTORY',
  /** The order's margin before and after the change. */
  MARGIN: 'MARGIN',
  /** Similar change orders of the last 90 days and how they turned out. */
  SIMILAR_DECISIONS: 'SIMILAR_DECISIONS'
} as const;

export type DisputeFact = typeof DisputeFact[keyof typeof DisputeFact];
/** Every expected error carries one of these in `extensions.code`, with a message a person can act on. */
export const ErrorCode = {
  /** An argument is malformed or out of range; the message names it. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The entity changed since it was read; `extensions.currentVersion` holds the version now. */
  CONFLICT: 'CONFLICT',
  /** The identity is known but its role may not perform this operation. */
  FORBIDDEN: 'FORBIDDEN',
  /** The requested change cannot be placed under any tier; alternatives are attached. */
  INFEASIBLE: 'INFEASIBLE',
  /** An unexpected fault; it was logged with `extensions.requestId`. */
  INTERNAL: 'INTERNAL',
  /** The entity does not exist or is not visible to this identity. */
  NOT_FOUND: 'NOT_FOUND',
  /** Too many attempts; `extensions.retryAfterSeconds` says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** No valid session or token: log in again. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /**
   * The operation could not finish in time (the data it needs was locked too long, or a database
   * statement ran past its limit) and was stopped; nothing of a stopped write was kept. Try again shortly.
   */
  UNAVAILABLE: 'UNAVAILABLE'
} as const;

export type ErrorCode = typeof ErrorCode[keyof typeof ErrorCode];
/** The format of an export. */
export const ExportFormat = {
  /** One CSV file per entity (UTF-8, `,`). */
  CSV: 'CSV',
  /** One XLSX workbook with one sheet per entity. */
  XLSX: 'XLSX'
} as const;

export type ExportFormat = typeof ExportFormat[keyof typeof ExportFormat];
/** Why an evaluation held a job where it is instead of re-planning it. */
export const FreezeReason = {
  /** The job is done: it never changes. */
  DONE: 'DONE',
  /** The job starts inside the freeze window: it keeps its days unless its minutes change. */
  FREEZE_WINDOW: 'FREEZE_WINDOW',
  /** The job has started: its work so far stays; it keeps its days unless its minutes change. */
  STARTED: 'STARTED'
} as const;

export type FreezeReason = typeof FreezeReason[keyof typeof FreezeReason];
/** Period of a report row. */
export const Granularity = {
  /** One row per day. */
  DAY: 'DAY',
  /** One row per calendar month. */
  MONTH: 'MONTH',
  /** One row per ISO week (starting Monday). */
  WEEK: 'WEEK'
} as const;

export type Granularity = typeof Granularity[keyof typeof Granularity];
/** Whether an import only previews or also writes. */
export const ImportMode = {
  /** Write exactly what the dry run with `previewToken` showed, or fail with CONFLICT if the plant changed since. */
  COMMIT: 'COMMIT',
  /** Validate and preview: counts, every rejected row and the schedule impact; nothing is written. */
  DRY_RUN: 'DRY_RUN'
} as const;

export type ImportMode = typeof ImportMode[keyof typeof ImportMode];
/** A step of a running import, in the order the steps run. */
export const ImportPhase = {
  /** Every row is checked against the plant and the other rows (`done` = `total` = rows). */
  CHECKING: 'CHECKING',
  /** The engine places the orders on the schedule (`done` of `total` orders). */
  PLACING: 'PLACING',
  /** The files are read and their rows parsed (`done` = `total` = rows). */
  READING: 'READING',
  /** The placed orders and their jobs are saved (`done` of `total` orders). */
  SAVING: 'SAVING',
  /** The subscription listens; no import with its key has reported yet (always the first message). */
  WAITING: 'WAITING',
  /** Master data is written by key (`done` of `total` records). */
  WRITING: 'WRITING'
} as const;

export type ImportPhase = typeof ImportPhase[keyof typeof ImportPhase];
/** Progress of one job. */
export const JobStatus = {
  /** Finished. */
  DONE: 'DONE',
  /** Scheduled, not started. */
  PLANNED: 'PLANNED',
  /** Work has begun. */
  STARTED: 'STARTED'
} as const;

export type JobStatus = typeof JobStatus[keyof typeof JobStatus];
/** Approval lanes: capacity is a chain (ops manager < plant manager); the others stand alone. */
export const Lane = {
  /** Cost and margin: accounting. */
  ACCOUNTING: 'ACCOUNTING',
  /** Capacity, freeze window and lead time: ops manager, plant manager. */
  CAPACITY: 'CAPACITY',
  /** Spec changes flagged for review: quality. */
  QUALITY: 'QUALITY'
} as const;

export type Lane = typeof Lane[keyof typeof Lane];
/** Unit of a rule's measured value and threshold. */
export const MeasureUnit = {
  /** Minor currency units (cents). */
  CENTS: 'CENTS',
  /** Minutes. */
  MINUTES: 'MINUTES',
  /** A flagged option (measured 1, threshold 0). */
  OPTION: 'OPTION',
  /** Percent (92.5 = 92.5%). */
  PERCENT: 'PERCENT',
  /** Plant working days. */
  WORKING_DAYS: 'WORKING_DAYS'
} as const;

export type MeasureUnit = typeof MeasureUnit[keyof typeof MeasureUnit];
/** Why a notification was sent to its user. */
export const NotificationKind = {
  /** An applied change moved price or cost: a billing adjustment was recorded (accounting). */
  BILLING_ADJUSTMENT: 'BILLING_ADJUSTMENT',
  /** Someone else moved a change order you proposed (approved, rejected, countered, applied, commented, …). */
  CHANGE_ORDER_UPDATED: 'CHANGE_ORDER_UPDATED',
  /** The proposer answered your counter-proposal. */
  COUNTER_PROPOSAL_ANSWERED: 'COUNTER_PROPOSAL_ANSWERED',
  /** A change order now waits for your decision in a lane (new, escalated or re-evaluated). */
  DECISION_NEEDED: 'DECISION_NEEDED',
  /** A change order that waited for your decision no longer does (withdrawn, rejected elsewhere, counter-proposed). */
  NO_LONGER_NEEDED: 'NO_LONGER_NEEDED',
  /** An order's projected finish passed its due date: the cause and the dates the plant can promise (its rep). */
  ORDER_AT_RISK: 'ORDER_AT_RISK'
} as const;

export type NotificationKind = typeof NotificationKind[keyof typeof NotificationKind];
/** Lifecycle of a customer order. */
export const OrderStatus = {
  /** Cancelled; its load is freed. */
  CANCELLED: 'CANCELLED',
  /** Accepted and scheduled. */
  CONFIRMED: 'CONFIRMED',
  /** All jobs are done. */
  DONE: 'DONE',
  /** At least one job has started. */
  IN_PRODUCTION: 'IN_PRODUCTION',
  /** Left the plant. */
  SHIPPED: 'SHIPPED'
} as const;

export type OrderStatus = typeof OrderStatus[keyof typeof OrderStatus];
/** The policy rule that asked for an approval. */
export const PolicyRule = {
  /** A bucket the change raises goes above the auto-approve limit; measured: the highest such utilization. */
  CAPACITY_MANAGER: 'CAPACITY_MANAGER',
  /** A cost increase above the limit. */
  COST_INCREASE_LIMIT: 'COST_INCREASE_LIMIT',
  /** A job that has started, or that starts inside the freeze window, changes; measured: working days to its current start (its new one when only that is inside). */
  FREEZE_WINDOW: 'FREEZE_WINDOW',
  /** A due date earlier than today plus the product's lead time. */
  MIN_LEAD_TIME: 'MIN_LEAD_TIME',
  /** A margin after the change below the minimum. */
  MIN_MARGIN: 'MIN_MARGIN',
  /** A bucket the change raises goes above the manager limit (overtime); measured: the minutes it adds above that limit. */
  OVERTIME: 'OVERTIME',
  /** An option that needs a quality review. */
  REVIEW_REQUIRED: 'REVIEW_REQUIRED'
} as const;

export type PolicyRule = typeof PolicyRule[keyof typeof PolicyRule];
/** What a person has open (docs/product.md §6 presence). */
export const PresenceKind = {
  /** The board itself, nothing selected. */
  BOARD: 'BOARD',
  /** A change order (`id` is the change order). */
  CHANGE_ORDER: 'CHANGE_ORDER',
  /** An order's panel (`id` is the order). */
  ORDER: 'ORDER',
  /** Proposing a change to an order (`id` is the order). */
  PROPOSING: 'PROPOSING'
} as const;

export type PresenceKind = typeof PresenceKind[keyof typeof PresenceKind];
/** What a progress report says happened to a job. */
export const ProgressAction = {
  /**
   * The job is finished: it becomes DONE once its good quantity reaches the order's quantity, and its
   * remaining allocations are freed. Without `goodQuantity`, every unit not yet reported counts as
   * good. When scrap leaves it short, it stays STARTED and the missing units are planned from today.
   */
  COMPLETE: 'COMPLETE',
  /** Work stopped for now; the job stays STARTED and keeps its place. */
  PAUSE: 'PAUSE',
  /** Good and scrap units and hours so far, without changing the job's state (starts a PLANNED job). */
  REPORT: 'REPORT',
  /** Work on a paused job goes on. */
  RESUME: 'RESUME',
  /** Work on the job began (a PLANNED job becomes STARTED). */
  START: 'START'
} as const;

export type ProgressAction = typeof ProgressAction[keyof typeof ProgressAction];
/** What became of one row of a `progress.csv` file. */
export const ProgressRowOutcome = {
  /** The report was applied now. */
  APPLIED: 'APPLIED',
  /** A report with this idempotency key was applied before (an earlier file, an earlier row, a retry): it counted once and changed nothing now. */
  DUPLICATE: 'DUPLICATE',
  /** The row was not applied; `column`, `value`, `reason` and `code` say why. */
  REJECTED: 'REJECTED'
} as const;

export type ProgressRowOutcome = typeof ProgressRowOutcome[keyof typeof ProgressRowOutcome];
/** What a user may do (docs/product.md §1). A higher capacity role satisfies a lower tier. */
export const Role = {
  /** Finance: decides the cost and margin lane. */
  ACCOUNTING: 'ACCOUNTING',
  /** Administrator: users, roles and tokens; no approval authority. */
  ADMIN: 'ADMIN',
  /** Shop floor: sees the board and reports the progress of jobs (start, pause, resume, complete). */
  OPERATOR: 'OPERATOR',
  /** Mid-level manager: decides the manager tier and edits the policy. */
  OPS_MANAGER: 'OPS_MANAGER',
  /** Operations planning: everything a rep may, plus moving jobs. */
  PLANNER: 'PLANNER',
  /** Top of the plant's chain: overtime, freeze window, escalations. */
  PLANT_MANAGER: 'PLANT_MANAGER',
  /** Quality and safety: decides the quality lane. */
  QUALITY: 'QUALITY',
  /** Customer service / account rep: views the board, previews and proposes change orders. */
  SALES_REP: 'SALES_REP'
} as const;

export type Role = typeof Role[keyof typeof Role];
/** The authority a change needs by capacity, judged by the load it adds: only buckets whose load the change raises count (docs/product.md §3). */
export const Tier = {
  /** Every bucket the change raises stays at or below the auto-approve utilization (or it raises none): no capacity approval. */
  AUTO: 'AUTO',
  /** Fits under no tier by the requested date; see the alternatives. */
  INFEASIBLE: 'INFEASIBLE',
  /** A raised bucket goes above the auto-approve utilization, none above the manager utilization: the ops manager. */
  MANAGER: 'MANAGER',
  /** A raised bucket goes above the manager utilization, into overtime: the plant manager. */
  OVERTIME: 'OVERTIME'
} as const;

export type Tier = typeof Tier[keyof typeof Tier];
/** What kind of non-human client a token is for (docs/product.md §1). */
export const TokenKind = {
  /** An integration: `reports:read` (reports, BI tools, scripts), `masterdata:write` (imports of master data and cut-over orders), `orders:write` (order rows: cut-over orders, and change orders once the plant is live) or `progress:write` (an MES reporting job progress). */
  API: 'API',
  /** A wall screen: one plant, read-only (board, events, presence, policy). */
  DISPLAY: 'DISPLAY'
} as const;

export type TokenKind = typeof TokenKind[keyof typeof TokenKind];
/** Where a delivery stands. */
export const WebhookDeliveryStatus = {
  /** The webhook was deleted before it was delivered. */
  CANCELLED: 'CANCELLED',
  /** The receiver answered 2xx. */
  DELIVERED: 'DELIVERED',
  /** Every attempt failed; no more retries. */
  FAILED: 'FAILED',
  /** Waiting for its first or next attempt. */
  PENDING: 'PENDING'
} as const;

export type WebhookDeliveryStatus = typeof WebhookDeliveryStatus[keyof typeof WebhookDeliveryStatus];