/* Generated from schema/*.graphql by GraphQL Code Generator. Do not edit. */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PlantDto as PlantDtoModel, WorkCenterDto as WorkCenterDtoModel } from '../../server/src/modules/plant/plant.service.ts';
import type { BoardDto as BoardDtoModel } from '../../server/src/modules/schedule/board.service.ts';
import type { BucketDto as BucketDtoModel, PackedBoardDto as PackedBoardDtoModel } from '../../server/src/modules/schedule/board.view.ts';
import type { OrderDto as OrderDtoModel, JobDto as JobDtoModel, AllocationDto as AllocationDtoModel, CustomerDto as CustomerDtoModel } from '../../server/src/modules/order/order.dto.ts';
import type { ProductDto as ProductDtoModel, ProductOptionDto as ProductOptionDtoModel, RoutingStepDto as RoutingStepDtoModel } from '../../server/src/modules/product/product.dto.ts';
import type { UserRow as UserRowModel } from '../../server/src/modules/auth/auth.service.ts';
import type { PolicyDto as PolicyDtoModel } from '../../server/src/modules/policy/policy.service.ts';
import type { Evaluation as EvaluationModel, Impact as ImpactModel, OrderTerms as OrderTermsModel, Job as JobModel, BucketImpact as BucketImpactModel, CostBreakdown as CostBreakdownModel, RequiredApproval as RequiredApprovalModel, CtpAlternative as CtpAlternativeModel, ScopedRule as ScopedRuleModel, RuleScope as RuleScopeModel } from '../../server/src/engine/index.ts';
import type { CapacityReportRow as CapacityReportRowModel, ChangeOrderReport as ChangeOrderReportModel, ApproverDecisionsRow as ApproverDecisionsRowModel } from '../../server/src/modules/report/report.service.ts';
import type { ChangeOrderOutcomes as ChangeOrderOutcomesModel } from '../../server/src/modules/report/outcomes.ts';
import type { ChangeOrderRow as ChangeOrderRowModel, ApprovalRow as ApprovalRowModel, StoredCounter as StoredCounterModel, CommentRow as CommentRowModel } from '../../server/src/modules/change-order/change-order.repository.ts';
import type { DisputeDto as DisputeDtoModel } from '../../server/src/modules/change-order/dispute.ts';
import type { AuditEventRow as AuditEventRowModel, AuditEventPage as AuditEventPageModel } from '../../server/src/modules/audit/audit.queries.ts';
import type { DelegationRow as DelegationRowModel } from '../../server/src/modules/delegation/delegation.service.ts';
import type { ChangeOrderPage as ChangeOrderPageModel } from '../../server/src/modules/change-order/change-order.queries.ts';
import type { NotificationRow as NotificationRowModel, NotificationPage as NotificationPageModel } from '../../server/src/modules/notification/notification.service.ts';
import type { WebhookRow as WebhookRowModel, WebhookDeliveryRow as WebhookDeliveryRowModel, WebhookDeliveryPage as WebhookDeliveryPageModel } from '../../server/src/modules/webhook/webhook.service.ts';
import type { TokenDto as TokenDtoModel } from '../../server/src/modules/token/token.service.ts';
import type { OrderPage as OrderPageModel } from '../../server/src/modules/order/order.service.ts';
import type { CalendarDayDto as CalendarDayDtoModel, WorkCenterDayDto as WorkCenterDayDtoModel } from '../../server/src/modules/schedule/plant-calendar.ts';
import type { CalendarExceptionDto as CalendarExceptionDtoModel } from '../../server/src/modules/masterdata/masterdata.service.ts';
import type { ImportOutcome as ImportOutcomeModel } from '../../server/src/modules/import/import.service.ts';
import type { GraphQLContext } from '../../server/src/graphql/context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** File content as base64 (any bytes: a CSV in any encoding, an XLSX workbook). */
  Base64: { input: Buffer; output: Buffer; }
  /** A plant-local calendar date, `YYYY-MM-DD`. */
  Date: { input: string; output: string; }
  /** An instant in UTC, ISO 8601 (`2026-11-23T08:00:00.000Z`). */
  DateTime: { input: string; output: string; }
  /** A column of whole numbers as a JSON array (output only; see `PackedBoard`). */
  IntColumn: { input: number[]; output: number[]; }
  /** An exact amount of money as a decimal string in the plant's currency (`"1234.50"`), never a binary float. */
  Money: { input: number; output: number; }
  /** A column of strings as a JSON array (output only; see `PackedBoard`). */
  StringColumn: { input: string[]; output: string[]; }
};

/** A display or API token. The secret is shown once, at creation; only its hash is stored. */
export type AccessToken = {
  __typename?: 'AccessToken';
  /** When. */
  createdAt: Scalars['DateTime']['output'];
  /** Who created it. */
  createdBy: Maybe<User>;
  /** Id. */
  id: Scalars['ID']['output'];
  /** What it is for. */
  kind: TokenKind;
  /** Last time it was used (null: never). */
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
  /** A name people recognise ("Hall 2 wall screen"). */
  name: Scalars['String']['output'];
  /** The first characters of the secret, to tell tokens apart. */
  prefix: Scalars['String']['output'];
  /** When it was revoked (null: active). */
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** Scopes granted (API tokens), e.g. `reports:read`. */
  scopes: Array<Scalars['String']['output']>;
};

/** Hours of one job placed on one day. */
export type Allocation = {
  __typename?: 'Allocation';
  /** Plant-local date. */
  date: Scalars['Date']['output'];
  /** Hours on that date, rounded to 4 decimals; `minutes` is exact. */
  hours: Scalars['Float']['output'];
  /** Minutes on that date, exact. */
  minutes: Scalars['Int']['output'];
};

/** One lane's approval of a change order. */
export type Approval = {
  __typename?: 'Approval';
  /** The approver's comment or rejection reason. */
  comment: Maybe<Scalars['String']['output']>;
  /** When. */
  decidedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who decided (the authority; see `delegate`). */
  decidedBy: Maybe<User>;
  /** The delegate who acted for `decidedBy`, if any. */
  delegate: Maybe<User>;
  /** How often this lane was escalated (by the proposer or by the SLA). */
  escalations: Scalars['Int']['output'];
  /** Lane. */
  lane: Lane;
  /** When this lane started waiting (the SLA clock). */
  pendingSince: Scalars['DateTime']['output'];
  /** The role the rules require now (a higher capacity role also satisfies it). */
  requiredRole: Role;
  /** Decision state. */
  status: ApprovalStatus;
};

/** The state of one lane's approval. */
export type ApprovalStatus =
  /** Granted. */
  | 'GRANTED'
  /** Waiting for a decision. */
  | 'PENDING'
  /** Rejected (with a reason). */
  | 'REJECTED';

/** Decisions made by one approver. */
export type ApproverDecisions = {
  __typename?: 'ApproverDecisions';
  /** Approvals granted. */
  approved: Scalars['Int']['output'];
  /** The approver (the authority; delegates count for who they acted for). */
  approver: User;
  /** Rejections. */
  rejected: Scalars['Int']['output'];
};

/** One entry of the append-only audit trail. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** What happened, e.g. `PROPOSED`, `APPROVED`, `APPLIED`. */
  action: Scalars['String']['output'];
  /** The authority who acted (null for the system, e.g. SLA escalation). */
  actor: Maybe<User>;
  /** When. */
  at: Scalars['DateTime']['output'];
  /** Comment or reason. */
  comment: Maybe<Scalars['String']['output']>;
  /** The customer of that order (or of the proposed new order). */
  customerName: Maybe<Scalars['String']['output']>;
  /** The delegate who acted for `actor`, if any. */
  delegate: Maybe<User>;
  /** The parts of the dispute the approver had on screen when deciding (empty when none); the numbers are kept with the entry. */
  disputeSeen: Array<DisputeFact>;
  /** Entity id. */
  entityId: Scalars['ID']['output'];
  /** What a person calls the entity: `CO-1001` for a change order, `Policy v3`, a user's name; the type and a short id otherwise. */
  entityLabel: Scalars['String']['output'];
  /** Entity type, e.g. `ChangeOrder`. */
  entityType: Scalars['String']['output'];
  /** The evaluation the decision was made on, as it stood then (null when the entry has no snapshot). */
  evaluation: Maybe<ChangeEvaluation>;
  /** Status before. */
  fromStatus: Maybe<Scalars['String']['output']>;
  /** Id (increasing). */
  id: Scalars['ID']['output'];
  /** The order a change-order entry is about (null for other entities, and for a new order never created). */
  orderId: Maybe<Scalars['ID']['output']>;
  /** That order's number. */
  orderNumber: Maybe<Scalars['String']['output']>;
  /** Policy version in force. */
  policyVersion: Maybe<Scalars['Int']['output']>;
  /** The policy rules the evaluation snapshot of this entry asked approvals for (empty when none or no snapshot). */
  rules: Array<PolicyRule>;
  /** Status after. */
  toStatus: Maybe<Scalars['String']['output']>;
};

/** A page of audit events, oldest first unless `newestFirst`. */
export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  /** Cursor for the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether more pages follow. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The events. */
  nodes: Array<AuditEvent>;
};

/** Filters for `auditEvents`. */
export type AuditEventFilter = {
  /** Actor. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Change-order entries about orders of this customer. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Entity id. */
  entityId?: InputMaybe<Scalars['ID']['input']>;
  /** Entity type, e.g. `ChangeOrder`, `Policy`. */
  entityType?: InputMaybe<Scalars['String']['input']>;
  /** On or after. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Just this entry. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Newest first (the audit screen's order) instead of oldest first. */
  newestFirst?: InputMaybe<Scalars['Boolean']['input']>;
  /** Change-order entries about this order. */
  orderId?: InputMaybe<Scalars['ID']['input']>;
  /** Entries whose evaluation snapshot asked an approval under this rule. */
  rule?: InputMaybe<PolicyRule>;
  /** Words found in the comment, the action, the change order's or order's number, the customer's or the actor's name (case-insensitive). */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Before. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** The schedule of a plant over a date range. */
export type Board = {
  __typename?: 'Board';
  /** One bucket per work center per date in range. */
  buckets: Array<Bucket>;
  /** First date shown. */
  from: Scalars['Date']['output'];
  /** Jobs with at least one allocation in range. */
  jobs: Array<Job>;
  /** Sequence number of the last board event included; resume the live stream after it. */
  lastEventSeq: Scalars['Int']['output'];
  /** The orders those jobs belong to. */
  orders: Array<Order>;
  /**
   * The same buckets, jobs and orders as columns: one array per field, where entry i of every
   * array of a table belongs to row i. A 26-week board of a large plant is then a few dozen arrays
   * instead of tens of thousands of objects: about a third of the bytes, and the server serializes
   * it without per-object work (docs/performance.md, board). The board client reads this; the
   * object lists above remain for API clients.
   */
  packed: PackedBoard;
  /** The plant. */
  plant: Plant;
  /** Last date shown. */
  to: Scalars['Date']['output'];
  /** Rows of the board. */
  workCenters: Array<WorkCenter>;
};

/**
 * One entry of a plant's board stream. `seq` is strictly increasing and gap-free per plant in commit
 * order; fields that do not apply to the event's `type` are null.
 */
export type BoardEvent = {
  __typename?: 'BoardEvent';
  /** When the event was written (the writing transaction's start; RESYNC: when it was sent). */
  at: Scalars['DateTime']['output'];
  /** SCHEDULE_CHANGED: every bucket whose load changed, as it is now. */
  buckets: Maybe<Array<Bucket>>;
  /** SCHEDULE_CHANGED, CHANGE_ORDER_UPDATED: the change order behind it, if any. */
  changeOrderId: Maybe<Scalars['ID']['output']>;
  /** SCHEDULE_CHANGED: jobs as they are now (new or moved), with their allocations as of this event. */
  jobs: Maybe<Array<Job>>;
  /** CHANGE_ORDER_UPDATED: the order the change order is about, if any. */
  orderId: Maybe<Scalars['ID']['output']>;
  /** SCHEDULE_CHANGED: orders whose terms or status changed (refetch their summaries). */
  orderIds: Maybe<Array<Scalars['ID']['output']>>;
  /** The plant. */
  plantId: Scalars['ID']['output'];
  /** POLICY_UPDATED: the policy's new version. */
  policyVersion: Maybe<Scalars['Int']['output']>;
  /** BOARD_RESET, RESYNC: why the board must be refetched. */
  reason: Maybe<Scalars['String']['output']>;
  /** SCHEDULE_CHANGED: jobs that no longer exist. */
  removedJobIds: Maybe<Array<Scalars['ID']['output']>>;
  /** The plant's sequence number; resume after the last one seen with `since`. */
  seq: Scalars['Int']['output'];
  /** CHANGE_ORDER_UPDATED: the change order's new status. */
  status: Maybe<Scalars['String']['output']>;
  /** What happened. */
  type: BoardEventType;
  /** CHANGE_ORDER_UPDATED: the change order's new version. */
  version: Maybe<Scalars['Int']['output']>;
};

/**
 * What a board event says happened (docs/realtime.md is the protocol document). The client patches
 * its board from SCHEDULE_CHANGED, CHANGE_ORDER_UPDATED and POLICY_UPDATED, and refetches the board
 * on BOARD_RESET and RESYNC.
 */
export type BoardEventType =
  /** The plant's schedule was rebuilt (demo seeding, bulk import): refetch the board; `reason` says why. */
  | 'BOARD_RESET'
  /** A change order changed status (`changeOrderId`, `orderId`, `status`, `version`). */
  | 'CHANGE_ORDER_UPDATED'
  /** The plant's policy has a new version (`policyVersion`). */
  | 'POLICY_UPDATED'
  /**
   * Not stored: the server cannot replay what the client missed (`since` is older than what is
   * retained, or newer than anything the server has). Refetch the board; the stream continues after
   * `seq`, the plant's head when it was sent. `reason` is RETENTION or UNKNOWN_SINCE.
   */
  | 'RESYNC'
  /** Jobs and buckets changed: replace them by id (`jobs`, `buckets`), drop `removedJobIds`, refetch the summaries of `orderIds`. */
  | 'SCHEDULE_CHANGED';

/** Capacity and load of one work center on one day. Derived, never edited. */
export type Bucket = {
  __typename?: 'Bucket';
  /** Regular capacity hours after exceptions (rounded to 4 decimals; see `capacityMinutes`). */
  capacityHours: Scalars['Float']['output'];
  /** Regular capacity minutes after exceptions, exact. */
  capacityMinutes: Scalars['Int']['output'];
  /** Plant-local date. */
  date: Scalars['Date']['output'];
  /** Sum of allocations in hours (rounded to 4 decimals; see `loadMinutes`). */
  loadHours: Scalars['Float']['output'];
  /** Sum of allocations in minutes, exact. */
  loadMinutes: Scalars['Int']['output'];
  /** Overtime hours that may be added (rounded to 4 decimals; see `overtimeMinutes`). */
  overtimeHours: Scalars['Float']['output'];
  /** Overtime minutes that may be added, exact (0 on a day the work center does not work). */
  overtimeMinutes: Scalars['Int']['output'];
  /** load / capacity (0 when there is no capacity). */
  utilization: Scalars['Float']['output'];
  /** The work center. */
  workCenterId: Scalars['ID']['output'];
};

/** One bucket before and after a change. */
export type BucketImpact = {
  __typename?: 'BucketImpact';
  /** Regular capacity hours. */
  capacityHours: Scalars['Float']['output'];
  /** Regular capacity minutes, exact. */
  capacityMinutes: Scalars['Int']['output'];
  /** Date. */
  date: Scalars['Date']['output'];
  /** Load after. */
  loadAfterHours: Scalars['Float']['output'];
  /** Load after in minutes, exact. */
  loadAfterMinutes: Scalars['Int']['output'];
  /** Load before. */
  loadBeforeHours: Scalars['Float']['output'];
  /** Load before in minutes, exact. */
  loadBeforeMinutes: Scalars['Int']['output'];
  /** Capacity hours including overtime: regular capacity plus the overtime the work center can add that day (equal to capacityHours when it has none). */
  overtimeCapacityHours: Scalars['Float']['output'];
  /** Utilization after (fraction). */
  utilizationAfter: Scalars['Float']['output'];
  /** Utilization before (fraction). */
  utilizationBefore: Scalars['Float']['output'];
  /** Its code. */
  workCenterCode: Scalars['String']['output'];
  /** Work center. */
  workCenterId: Scalars['ID']['output'];
};

/** One date of a plant's calendar, as the planning rules read it. */
export type CalendarDay = {
  __typename?: 'CalendarDay';
  /** Plant-local date. */
  date: Scalars['Date']['output'];
  /**
   * Inside the freeze window: after today and on or before its last day, the plant working day
   * `freezeWindowWorkingDays` (current policy) after today. A job whose first day after today falls
   * here starts inside the window (rule FREEZE_WINDOW).
   */
  inFreezeWindow: Scalars['Boolean']['output'];
  /**
   * A plant working day: at least one work center has capacity that day. Lead time, the ship
   * buffer, the freeze window and "today + 1 working day" count these days.
   */
  plantWorkingDay: Scalars['Boolean']['output'];
  /** Each work center on that date, in board order. */
  workCenters: Array<WorkCenterDay>;
};

/** Hours available on a date or a range of dates, on one work center or on the whole plant. */
export type CalendarException = {
  __typename?: 'CalendarException';
  /** False once retired: the regular weekly hours apply again. */
  active: Scalars['Boolean']['output'];
  /** First date. */
  dateFrom: Scalars['Date']['output'];
  /** Last date (equal to `dateFrom` for one day). */
  dateTo: Scalars['Date']['output'];
  /** Hours available on each of those dates (0 for a holiday); a work center's own exception beats a plant-wide one. */
  hours: Scalars['Float']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Why: holiday, maintenance, extra shift. */
  reason: Scalars['String']['output'];
  /** Optimistic-concurrency version; pass it back as `expectedVersion`. */
  version: Scalars['Int']['output'];
  /** The work center it applies to; null for the whole plant (every work center). */
  workCenterId: Maybe<Scalars['ID']['output']>;
};

/** A calendar exception. */
export type CalendarExceptionInput = {
  /** First date. */
  dateFrom: Scalars['Date']['input'];
  /** Last date (default: `dateFrom`); at most 366 days after it. */
  dateTo?: InputMaybe<Scalars['Date']['input']>;
  /** Hours available on each date (0–24). */
  hours: Scalars['Float']['input'];
  /** Why (holiday, maintenance, extra shift). */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** The work center; omit for the whole plant. */
  workCenterId?: InputMaybe<Scalars['ID']['input']>;
};

/** Capacity and load of one work center over one period. */
export type CapacityReportRow = {
  __typename?: 'CapacityReportRow';
  /** Regular capacity hours in the period. */
  capacityHours: Scalars['Float']['output'];
  /** Load hours (sum of allocations). */
  loadHours: Scalars['Float']['output'];
  /** Overtime hours available in the period. */
  overtimeHours: Scalars['Float']['output'];
  /** Load above regular capacity, summed over the days (hours of overtime used). */
  overtimeUsedHours: Scalars['Float']['output'];
  /** First day of the period (clipped to the report range). */
  periodStart: Scalars['Date']['output'];
  /** load / capacity over the period (0 without capacity). */
  utilization: Scalars['Float']['output'];
  /** Its code. */
  workCenterCode: Scalars['String']['output'];
  /** Work center. */
  workCenterId: Scalars['ID']['output'];
};

/** A tier under which a plan can be placed. */
export type CapacityTier =
  /** No capacity approval. */
  | 'AUTO'
  /** The ops manager. */
  | 'MANAGER'
  /** The plant manager (overtime). */
  | 'OVERTIME';

/** Everything a change would do, in numbers anyone can check; nothing is written. */
export type ChangeEvaluation = {
  __typename?: 'ChangeEvaluation';
  /** Capable-to-promise: the earliest due date under each tier. */
  alternatives: Array<CtpAlternative>;
  /** The customer tier the change was judged with, for customer-tier rules (null: not known, as on verdicts from before scoped rules). */
  customerTier: Maybe<CustomerTier>;
  /** The order's jobs the evaluation held in place rather than re-planning them, and why (empty when cancelled or infeasible). */
  frozenJobs: Array<FrozenJob>;
  /** Capacity, cost and margin impact (null when infeasible). */
  impact: Maybe<Impact>;
  /** Why it does not fit, when INFEASIBLE. */
  infeasibleReason: Maybe<Scalars['String']['output']>;
  /** The order's jobs after the change (empty when cancelled or infeasible). */
  jobs: Array<PlannedJob>;
  /** The kinds of change found in the request. */
  kinds: Array<ChangeKind>;
  /** The changed order (a fresh id for a new order). */
  orderId: Scalars['ID']['output'];
  /** The policy version used. */
  policyVersion: Scalars['Int']['output'];
  /** Who must approve, and why, in numbers. On an INFEASIBLE verdict only the reasons that hold for the requested terms whatever the plan (lead time, quality review), for information: nothing is routed. */
  requiredApprovals: Array<RequiredApproval>;
  /** The order's terms after the change (null when cancelled). */
  terms: Maybe<OrderTerms>;
  /** The highest tier any bucket the change raises needs (AUTO when it raises none); INFEASIBLE when no tier's plan fits by its date. */
  tier: Tier;
  /** The capacity rule instance behind the tier: the rule of the raised bucket that set it, or, when none needs more than AUTO, the rule for the customer tier alone (docs/product.md §4.3). */
  tierScope: RuleScope;
  /** The plant-local day the evaluation ran for. */
  today: Scalars['Date']['output'];
};

/** What a change order changes; several kinds combine in one change order (docs/product.md §5). */
export type ChangeKind =
  /** Cancel the order (frees its load). */
  | 'CANCEL'
  /** A different due date. */
  | 'DUE_DATE'
  /** A planner moves one job to another start date. */
  | 'MOVE_JOB'
  /** A new order. */
  | 'NEW_ORDER'
  /** More or fewer units. */
  | 'QUANTITY'
  /** Different spec options. */
  | 'SPEC';

/** A proposed change to an order (or a new order, or a job move), with its evaluation and decisions. */
export type ChangeOrder = {
  __typename?: 'ChangeOrder';
  /** When applied. */
  appliedAt: Maybe<Scalars['DateTime']['output']>;
  /** Per-lane approvals. */
  approvals: Array<Approval>;
  /** Comments, oldest first. */
  comments: Array<ChangeOrderComment>;
  /** An open or answered counter-proposal. */
  counterProposal: Maybe<CounterProposal>;
  /** When proposed. */
  createdAt: Scalars['DateTime']['output'];
  /** The dispute with its data, when a lane has been escalated or waits for the plant manager; null otherwise. */
  dispute: Maybe<Dispute>;
  /** The current evaluation (re-evaluated when the schedule changes under it). */
  evaluation: ChangeEvaluation;
  /** The full audit trail of this change order, oldest first. */
  history: Array<AuditEvent>;
  /** Id. */
  id: Scalars['ID']['output'];
  /** Kinds of change. */
  kinds: Array<ChangeKind>;
  /** Human number, e.g. `CO-1042`. */
  number: Scalars['String']['output'];
  /** The order it changes (for a new order: once applied). */
  order: Maybe<Order>;
  /** The order id it concerns (a new order's id before it exists). */
  orderId: Scalars['ID']['output'];
  /** Where it came from when it was not proposed on the board: an import or an integration's push (null: the board). */
  origin: Maybe<ChangeOrderOrigin>;
  /** Who proposed it. */
  proposer: User;
  /** Lifecycle status. */
  status: ChangeOrderStatus;
  /** Why it is in its status (rejection reason, 'schedule changed since evaluation', …). */
  statusReason: Maybe<Scalars['String']['output']>;
  /** Capacity tier of the current evaluation. */
  tier: Tier;
  /** Last transition. */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-concurrency version; pass it back as `expectedVersion`. */
  version: Scalars['Int']['output'];
};

/** A comment on a change order. */
export type ChangeOrderComment = {
  __typename?: 'ChangeOrderComment';
  /** Author. */
  author: User;
  /** Text. */
  body: Scalars['String']['output'];
  /** When. */
  createdAt: Scalars['DateTime']['output'];
  /** Id. */
  id: Scalars['ID']['output'];
};

/** A page of change orders, newest first. */
export type ChangeOrderConnection = {
  __typename?: 'ChangeOrderConnection';
  /** Cursor to pass as `after` for the next page (null at the end). */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether more pages follow. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The change orders. */
  nodes: Array<ChangeOrder>;
};

/** Filters for `changeOrders`. */
export type ChangeOrderFilter = {
  /** For orders of this customer. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Proposed on or after this date. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Has an approval in this lane. */
  lane?: InputMaybe<Lane>;
  /** About this order. */
  orderId?: InputMaybe<Scalars['ID']['input']>;
  /** Proposed by this user. */
  proposerId?: InputMaybe<Scalars['ID']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<ChangeOrderStatus>>;
  /** Any of these tiers. */
  tier?: InputMaybe<Array<Tier>>;
  /** Proposed on or before this date. */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** A change to propose or preview. Set `orderId` with any of quantity, dueDate, optionIds, unitPrice, moveJob; or `cancel` alone; or `newOrder` alone. */
export type ChangeOrderInput = {
  /** Cancel the order. */
  cancel?: InputMaybe<Scalars['Boolean']['input']>;
  /** New due date. */
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  /**
   * The order's `version` as the proposer read it, i.e. the terms this change was made from. Required
   * by `proposeChangeOrder` when it changes an existing order's terms (not for a new order or a job
   * move): CONFLICT, with `extensions.currentVersion`, when the order changed since. Previews and
   * counter-proposals do not read it.
   */
  expectedOrderVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Move one job (planners). */
  moveJob?: InputMaybe<MoveJobInput>;
  /** A new order. */
  newOrder?: InputMaybe<NewOrderInput>;
  /** The full new set of option ids. */
  optionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The order to change (absent for a new order). */
  orderId?: InputMaybe<Scalars['ID']['input']>;
  /** New quantity (a whole number above 0). */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** New unit price. */
  unitPrice?: InputMaybe<Scalars['Money']['input']>;
};

/** Where a change order made from an order row came from: who sent it, in which batch, from which row. */
export type ChangeOrderOrigin = {
  __typename?: 'ChangeOrderOrigin';
  /** The batch's idempotency key, when the push gave one. */
  batch: Maybe<Scalars['String']['output']>;
  /** The file (or sheet) the row was in, e.g. `orders.csv`. */
  file: Scalars['String']['output'];
  /** All of it in words, e.g. `Integration "ERP", batch erp-0001, orders.csv row 3`. */
  label: Scalars['String']['output'];
  /** The order number the row names (a new order gets it when applied). */
  orderNumber: Scalars['String']['output'];
  /** The row, as a spreadsheet numbers it (the header is row 1). */
  row: Scalars['Int']['output'];
  /** An import by a user, or an integration's push. */
  source: ChangeOrderSource;
  /** The API token's name (INTEGRATION); null for an import by a user. */
  tokenName: Maybe<Scalars['String']['output']>;
};

/** Outcome analytics: how the rules' decisions turned out, for a person to learn from (nothing here changes the policy). */
export type ChangeOrderOutcomes = {
  __typename?: 'ChangeOrderOutcomes';
  /** Per rule instance and 5-point band of the highest utilization a change raised a bucket to. */
  bands: Array<OutcomeBand>;
  /** Per rule instance: rejections, and how many were escalated and then applied. */
  overturnedRejections: Array<OverturnedRejections>;
  /** Plain-language suggestions the numbers support, judged against the current policy; empty when they support none. */
  suggestions: Array<Scalars['String']['output']>;
  /** Hours from proposal to each lane's decision. */
  timeToDecisionByLane: Array<LaneTiming>;
};

/** How change orders flowed in a period (by proposal date). */
export type ChangeOrderReport = {
  __typename?: 'ChangeOrderReport';
  /** Share applied without any approval (0–1; null when none were proposed). */
  autoApprovalRate: Maybe<Scalars['Float']['output']>;
  /** Counts by approval lane involved. */
  byLane: Array<KeyCount>;
  /** Counts by status now. */
  byStatus: Array<KeyCount>;
  /** Counts by capacity tier of the current evaluation. */
  byTier: Array<KeyCount>;
  /** Sum of cost deltas of applied change orders. */
  costDelta: Scalars['Money']['output'];
  /** Decisions per approver. */
  decisionsByApprover: Array<ApproverDecisions>;
  /** Escalations by a person. */
  escalations: Scalars['Int']['output'];
  /** First day. */
  from: Scalars['Date']['output'];
  /** Median hours from proposal to the final decision (applied, rejected, closed), over decided ones. */
  medianHoursToDecision: Maybe<Scalars['Float']['output']>;
  /** What became of the decided change orders, per rule and threshold band, and suggestions (docs/reports.md). */
  outcomes: ChangeOrderOutcomes;
  /** 90th percentile of the same. */
  p90HoursToDecision: Maybe<Scalars['Float']['output']>;
  /** Sum of price (revenue) deltas of applied change orders. */
  revenueDelta: Scalars['Money']['output'];
  /** How often each rule fired. */
  ruleCounts: Array<RuleCount>;
  /** Escalations by the SLA. */
  slaEscalations: Scalars['Int']['output'];
  /** Last day. */
  to: Scalars['Date']['output'];
  /** Change orders proposed in the range. */
  total: Scalars['Int']['output'];
};

/** How a change order that was not proposed on the board arrived (docs/import.md, "After go-live"). */
export type ChangeOrderSource =
  /** A file import by a signed-in user: the import page, or `takt import --as`. */
  | 'IMPORT'
  /** An integration's push with an API token that has the `orders:write` scope. */
  | 'INTEGRATION';

/** Where a change order is in its lifecycle (docs/product.md §5). */
export type ChangeOrderStatus =
  /** Applied to the schedule. */
  | 'APPLIED'
  /** Every required approval granted; applying. */
  | 'APPROVED'
  /** Needed no approval and was applied at once (then APPLIED). */
  | 'AUTO_APPROVED'
  /** Ended without applying (a counter-proposal declined). */
  | 'CLOSED'
  /** An approver offered an alternative; the proposer answers. */
  | 'COUNTER_PROPOSED'
  /** Cannot be placed by its date under any tier; nothing applied; see the alternatives. */
  | 'INFEASIBLE'
  /** Waits for one or more approvals. */
  | 'PENDING'
  /** Rejected in some lane; the proposer may escalate. */
  | 'REJECTED'
  /** Its order changed before it was applied: re-evaluated against the new terms and back with its proposer, who confirms it (`confirmChangeOrder`) or withdraws it. */
  | 'RETURNED'
  /** Withdrawn by its proposer. */
  | 'WITHDRAWN';

/** Another order holding load in the buckets an escalated change raises. */
export type CompetingOrder = {
  __typename?: 'CompetingOrder';
  /** Whether it is at risk now. */
  atRisk: Scalars['Boolean']['output'];
  /** Its customer. */
  customerName: Scalars['String']['output'];
  /** Its customer's tier. */
  customerTier: CustomerTier;
  /** Its due date. */
  dueDate: Scalars['Date']['output'];
  /** Hours it holds in the contested buckets. */
  hours: Scalars['Float']['output'];
  /** The order. */
  orderId: Scalars['ID']['output'];
  /** Its number. */
  orderNumber: Scalars['String']['output'];
  /** The day its last work is now placed on. */
  projectedFinish: Maybe<Scalars['Date']['output']>;
  /** The work centers of those buckets. */
  workCenterCodes: Array<Scalars['String']['output']>;
};

/** Cost split the way accounting reads it. */
export type CostBreakdown = {
  __typename?: 'CostBreakdown';
  /** Run labour and machine time. */
  labour: Scalars['Money']['output'];
  /** Material. */
  material: Scalars['Money']['output'];
  /** Overtime premium. */
  overtimePremium: Scalars['Money']['output'];
  /** Scrapped started work (spec changes). */
  scrap: Scalars['Money']['output'];
  /** Setup time. */
  setup: Scalars['Money']['output'];
  /** Sum of the parts. */
  total: Scalars['Money']['output'];
};

/** An approver's alternative to the proposer's request. */
export type CounterProposal = {
  __typename?: 'CounterProposal';
  /** Who offered it. */
  by: User;
  /** Why. */
  comment: Scalars['String']['output'];
  /** When. */
  createdAt: Scalars['DateTime']['output'];
  /** The alternative change, evaluated. */
  evaluation: ChangeEvaluation;
};

/** A token just created, with its secret: shown this once and never again. */
export type CreatedAccessToken = {
  __typename?: 'CreatedAccessToken';
  /** The secret to configure in the client (a wall screen URL uses `/wall?token=<secret>`). */
  secret: Scalars['String']['output'];
  /** The token. */
  token: AccessToken;
};

/** A user just created, with the one-time set-password token the admin hands over (there is no mail server). */
export type CreatedUser = {
  __typename?: 'CreatedUser';
  /** One-time token for `setPasswordWithToken`, valid for 72 hours; shown this once and never again. */
  setPasswordToken: Scalars['String']['output'];
  /** The user. */
  user: User;
};

/** A webhook just created, with its signing secret: store it now, it is never shown again. */
export type CreatedWebhook = {
  __typename?: 'CreatedWebhook';
  /** The HMAC-SHA256 key for verifying `X-Takt-Signature`. */
  secret: Scalars['String']['output'];
  /** The webhook. */
  webhook: Webhook;
};

/** Capable-to-promise for one tier. */
export type CtpAlternative = {
  __typename?: 'CtpAlternative';
  /** Earliest feasible due date under it (null: none within two years). */
  dueDate: Maybe<Scalars['Date']['output']>;
  /** The plan behind the date: the order's jobs placed as soon as possible under this tier (empty when there is no date). */
  jobs: Array<PlannedJob>;
  /** Tier. */
  tier: CapacityTier;
};

/** A customer that places orders. */
export type Customer = {
  __typename?: 'Customer';
  /** False once retired: no new orders for it. */
  active: Scalars['Boolean']['output'];
  /** The customer's key in files and integrations (e.g. `C-1001`), unique in the plant. */
  code: Scalars['String']['output'];
  /** Contact person or address. */
  contact: Scalars['String']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Company name. */
  name: Scalars['String']['output'];
  /** Importance to the business. */
  tier: CustomerTier;
  /** Optimistic-concurrency version; pass it back as `expectedVersion`. */
  version: Scalars['Int']['output'];
};

/** A customer. */
export type CustomerInput = {
  /** Key, unique in the plant. */
  code: Scalars['String']['input'];
  /** Contact person or address. */
  contact?: InputMaybe<Scalars['String']['input']>;
  /** Company name. */
  name: Scalars['String']['input'];
  /** Importance (default STANDARD). */
  tier?: InputMaybe<CustomerTier>;
};

/** Importance of a customer to the business. */
export type CustomerTier =
  /** Everyone else. */
  | 'STANDARD'
  /** Key accounts. */
  | 'STRATEGIC';

/**
 * An out-of-office delegation (docs/product.md §1): between two dates the delegate decides the approvals that
 * wait for the user, with the user's authority. The audit trail records both names ("delegate on
 * behalf of user"). Nobody approves their own proposal, not even as someone's delegate.
 */
export type Delegation = {
  __typename?: 'Delegation';
  /** In force today: not revoked and today lies between `from` and `to`. */
  active: Scalars['Boolean']['output'];
  /** When it was named. */
  createdAt: Scalars['DateTime']['output'];
  /** Who acts for them. */
  delegate: User;
  /** First day, inclusive (plant calendar). */
  from: Scalars['Date']['output'];
  /** Id. */
  id: Scalars['ID']['output'];
  /** When it was revoked; null while it stands. */
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** Last day, inclusive. */
  to: Scalars['Date']['output'];
  /** Who is away: the user whose authority the delegate uses. */
  user: User;
};

/**
 * What an escalated change order is about, in numbers, for the plant manager who settles it
 * (docs/product.md §5.5): computed when asked, from the live schedule and the last 90 days.
 */
export type Dispute = {
  __typename?: 'Dispute';
  /** The buckets the change raises (its evaluation's, where load after > before). */
  buckets: Array<BucketImpact>;
  /** Other orders holding load in those buckets, most hours first (at most 50). */
  competingOrders: Array<CompetingOrder>;
  /** The customer's tier and history (null when the change order has no customer). */
  customer: Maybe<DisputeCustomer>;
  /** The order's margin before and after (null when infeasible). */
  margin: Maybe<DisputeMargin>;
  /** Change orders of the last 90 days of the same tier and a shared kind, for the same customer or raising the same work centers, decided; newest first (at most 20). */
  similarDecisions: Array<SimilarDecision>;
};

/** The customer of a disputed change: tier and history. */
export type DisputeCustomer = {
  __typename?: 'DisputeCustomer';
  /** Of those, applied. */
  changeOrdersApplied: Scalars['Int']['output'];
  /** Its other change orders proposed in the last 90 days. */
  changeOrdersProposed: Scalars['Int']['output'];
  /** Of those, rejected now (status REJECTED). */
  changeOrdersRejected: Scalars['Int']['output'];
  /** The customer. */
  customerId: Scalars['ID']['output'];
  /** Name. */
  name: Scalars['String']['output'];
  /** Its orders in the plant (any status). */
  orders: Scalars['Int']['output'];
  /** Of those, open and at risk now. */
  ordersAtRisk: Scalars['Int']['output'];
  /** Tier. */
  tier: CustomerTier;
};

/** One part of a change order's dispute, as the plant manager is shown it (docs/product.md §5.5). */
export type DisputeFact =
  /** The buckets the change raises, before and after. */
  | 'BUCKETS'
  /** The other orders holding load in those buckets. */
  | 'COMPETING_ORDERS'
  /** The customer's tier and history. */
  | 'CUSTOMER_HISTORY'
  /** The order's margin before and after the change. */
  | 'MARGIN'
  /** Similar change orders of the last 90 days and how they turned out. */
  | 'SIMILAR_DECISIONS';

/** The order's margin before and after the disputed change. */
export type DisputeMargin = {
  __typename?: 'DisputeMargin';
  /** Margin after. */
  after: Scalars['Money']['output'];
  /** After, as % of price (null at price 0). */
  afterPct: Maybe<Scalars['Float']['output']>;
  /** Margin before. */
  before: Scalars['Money']['output'];
  /** Before, as % of price (null at price 0). */
  beforePct: Maybe<Scalars['Float']['output']>;
};

/** What a downtime report did to the schedule. */
export type DowntimeReport = {
  __typename?: 'DowntimeReport';
  /** Days whose capacity it reduced, with their capacity and load now. */
  days: Array<Bucket>;
  /** Jobs whose work was displaced and rolled forward (as they are now). */
  movedJobs: Array<Job>;
  /** Orders the roll put at risk (their reps were told). */
  ordersAtRisk: Array<Order>;
  /** The work center that lost capacity. */
  workCenterId: Scalars['ID']['output'];
};

/** Every expected error carries one of these in `extensions.code`, with a message a person can act on. */
export type ErrorCode =
  /** An argument is malformed or out of range; the message names it. */
  | 'BAD_USER_INPUT'
  /** The entity changed since it was read; `extensions.currentVersion` holds the version now. */
  | 'CONFLICT'
  /** The identity is known but its role may not perform this operation. */
  | 'FORBIDDEN'
  /** The requested change cannot be placed under any tier; alternatives are attached. */
  | 'INFEASIBLE'
  /** An unexpected fault; it was logged with `extensions.requestId`. */
  | 'INTERNAL'
  /** The entity does not exist or is not visible to this identity. */
  | 'NOT_FOUND'
  /** Too many attempts; `extensions.retryAfterSeconds` says when to try again. */
  | 'RATE_LIMITED'
  /** No valid session or token: log in again. */
  | 'UNAUTHENTICATED'
  /**
   * The operation could not finish in time (the data it needs was locked too long, or a database
   * statement ran past its limit) and was stopped; nothing of a stopped write was kept. Try again shortly.
   */
  | 'UNAVAILABLE';

/** One exported file. */
export type ExportFile = {
  __typename?: 'ExportFile';
  /** The file's bytes. */
  content: Scalars['Base64']['output'];
  /** File name (`work_centers.csv`, …, or `plant.xlsx`). */
  name: Scalars['String']['output'];
};

/** The format of an export. */
export type ExportFormat =
  /** One CSV file per entity (UTF-8, `,`). */
  | 'CSV'
  /** One XLSX workbook with one sheet per entity. */
  | 'XLSX';

/** Why an evaluation held a job where it is instead of re-planning it. */
export type FreezeReason =
  /** The job is done: it never changes. */
  | 'DONE'
  /** The job starts inside the freeze window: it keeps its days unless its minutes change. */
  | 'FREEZE_WINDOW'
  /** The job has started: its work so far stays; it keeps its days unless its minutes change. */
  | 'STARTED';

/** A job of the changed order that the evaluation held in place, and whether it stayed put. */
export type FrozenJob = {
  __typename?: 'FrozenJob';
  /** The job. */
  jobId: Scalars['ID']['output'];
  /** True when its days after today are exactly as before; false when its minutes changed (it continues from its current start), a spec change redoes a started step, the step before pushed it later, or it is the job being moved. */
  kept: Scalars['Boolean']['output'];
  /** Why it was held. */
  reason: FreezeReason;
  /** Routing position. */
  seq: Scalars['Int']['output'];
};

/** Period of a report row. */
export type Granularity =
  /** One row per day. */
  | 'DAY'
  /** One row per calendar month. */
  | 'MONTH'
  /** One row per ISO week (starting Monday). */
  | 'WEEK';

/** Capacity and money effect of a change. */
export type Impact = {
  __typename?: 'Impact';
  /** Every bucket whose load changes, before and after. */
  buckets: Array<BucketImpact>;
  /** Cost after. */
  costAfter: CostBreakdown;
  /** Cost before. */
  costBefore: CostBreakdown;
  /** Cost after − before. */
  costDelta: CostBreakdown;
  /** Change in the order's hours. */
  hoursDelta: Scalars['Float']['output'];
  /** Margin after. */
  marginAfter: Scalars['Money']['output'];
  /** Margin after as % of price (null at price 0). */
  marginAfterPct: Maybe<Scalars['Float']['output']>;
  /** Margin before. */
  marginBefore: Scalars['Money']['output'];
  /** Margin before as % of price (null at price 0). */
  marginBeforePct: Maybe<Scalars['Float']['output']>;
  /** Hours of the order placed above regular capacity. */
  overtimeHours: Scalars['Float']['output'];
  /** Price after. */
  priceAfter: Scalars['Money']['output'];
  /** Price before. */
  priceBefore: Scalars['Money']['output'];
  /** Price after − before. */
  priceDelta: Scalars['Money']['output'];
};

/** An order row that becomes a change order because the plant is live (docs/import.md, "After go-live"). */
export type ImportChangeOrder = {
  __typename?: 'ImportChangeOrder';
  /** The change order proposed (null in a dry run, which records nothing). */
  changeOrderId: Maybe<Scalars['ID']['output']>;
  /** Its number, e.g. `CO-1042` (null in a dry run). */
  changeOrderNumber: Maybe<Scalars['String']['output']>;
  /** File (or sheet) name. */
  file: Scalars['String']['output'];
  /** What it changes (NEW_ORDER for a number the plant does not have). */
  kinds: Array<ChangeKind>;
  /** The order number the row names. */
  orderNumber: Scalars['String']['output'];
  /** Row as a spreadsheet shows it. */
  row: Scalars['Int']['output'];
  /** Where the rules route it: APPLIED (the rules approve it: applied at once), PENDING (waiting for `waitsFor`) or INFEASIBLE (recorded, not applied). */
  status: ChangeOrderStatus;
  /** The capacity tier the rules give it (a dry run predicts it). */
  tier: Tier;
  /** The approvals it waits for, as `LANE: ROLE` (empty when it needs none). */
  waitsFor: Array<Scalars['String']['output']>;
};

/** What an import does (or would do) to one entity. */
export type ImportCount = {
  __typename?: 'ImportCount';
  /** Rows that create a new record. */
  created: Scalars['Int']['output'];
  /** The entity, named like its file without `.csv` (`work_centers`, `orders`, …). */
  entity: Scalars['String']['output'];
  /** Rows refused (see `errors`). */
  rejected: Scalars['Int']['output'];
  /** Records missing from the file that `retireMissing` deactivates. */
  retired: Scalars['Int']['output'];
  /** Rows equal to the record as it is. */
  unchanged: Scalars['Int']['output'];
  /** Rows that change a record. */
  updated: Scalars['Int']['output'];
};

/** One file of an import: a CSV named like `work_centers.csv`, or one `.xlsx` workbook. */
export type ImportFileInput = {
  /** The file's bytes. Give either `content` or `uploadId`, not both. */
  content?: InputMaybe<Scalars['Base64']['input']>;
  /** File name; it says which entity a CSV holds (`orders.csv`) or that the file is a workbook (`plant.xlsx`). */
  name: Scalars['String']['input'];
  /**
   * A file uploaded before with `POST /api/uploads` (multipart/form-data, up to 20 MB per file; the
   * answer's `uploadId`): for files larger than a GraphQL request may carry (256 KiB). Only whoever
   * uploaded it imports it, in their plant, within 24 hours.
   */
  uploadId?: InputMaybe<Scalars['ID']['input']>;
};

/** What the import's orders do to the schedule, before anything is written. */
export type ImportImpact = {
  __typename?: 'ImportImpact';
  /** Future buckets above the policy's auto-approve utilization after the import. */
  bucketsAboveAuto: Scalars['Int']['output'];
  /** Future buckets above capacity (overtime or overload). */
  bucketsAboveCapacity: Scalars['Int']['output'];
  /** Future buckets above the manager utilization. */
  bucketsAboveManager: Scalars['Int']['output'];
  /** Orders that cannot meet their due date, placed as early as they fit. */
  lateOrders: Array<LateImportOrder>;
  /** Orders the engine places (backward from their due dates). */
  ordersPlaced: Scalars['Int']['output'];
};

/** Whether an import only previews or also writes. */
export type ImportMode =
  /** Write exactly what the dry run with `previewToken` showed, or fail with CONFLICT if the plant changed since. */
  | 'COMMIT'
  /** Validate and preview: counts, every rejected row and the schedule impact; nothing is written. */
  | 'DRY_RUN';

/** A step of a running import, in the order the steps run. */
export type ImportPhase =
  /** Every row is checked against the plant and the other rows (`done` = `total` = rows). */
  | 'CHECKING'
  /** The engine places the orders on the schedule (`done` of `total` orders). */
  | 'PLACING'
  /** The files are read and their rows parsed (`done` = `total` = rows). */
  | 'READING'
  /** The placed orders and their jobs are saved (`done` of `total` orders). */
  | 'SAVING'
  /** The subscription listens; no import with its key has reported yet (always the first message). */
  | 'WAITING'
  /** Master data is written by key (`done` of `total` records). */
  | 'WRITING';

/** How far one import is: the step it is in and how much of that step is done. */
export type ImportProgress = {
  __typename?: 'ImportProgress';
  /** Units of the step done (rows, records or orders, as the phase says). */
  done: Scalars['Int']['output'];
  /** The step it is in. */
  phase: ImportPhase;
  /** The key the import was started with (`importPlantData(progressKey:)`). */
  progressKey: Scalars['String']['output'];
  /** Units the step has in all. */
  total: Scalars['Int']['output'];
};

/** The preview or outcome of an import. */
export type ImportResult = {
  __typename?: 'ImportResult';
  /** True when it wrote (COMMIT without rejected rows; a replayed idempotency key reports the first outcome). */
  applied: Scalars['Boolean']['output'];
  /** Order rows that become change orders because the plant is live, each with its tier and route (empty at cut-over). */
  changeOrders: Array<ImportChangeOrder>;
  /** Counts per entity, in import order. */
  counts: Array<ImportCount>;
  /** Every rejected row (not just the first). */
  errors: Array<ImportRowError>;
  /** The rejected rows as CSV (`file,row,column,value,reason`), to download and fix. */
  errorsCsv: Scalars['String']['output'];
  /** The schedule impact of the orders (null when the files hold no orders). */
  impact: Maybe<ImportImpact>;
  /** The mode it ran in. */
  mode: ImportMode;
  /** Pass to a COMMIT to write exactly this preview (a hash of the parsed rows and the plant's event sequence). */
  previewToken: Scalars['String']['output'];
};

/** One problem with one cell (or one row) of a file, with a reason a person can act on. */
export type ImportRowError = {
  __typename?: 'ImportRowError';
  /** Column name (empty when the problem is the whole file or row). */
  column: Scalars['String']['output'];
  /** File name (or sheet name) the row is in. */
  file: Scalars['String']['output'];
  /** Why it is refused and what to do. */
  reason: Scalars['String']['output'];
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: Scalars['Int']['output'];
  /** The value found. */
  value: Scalars['String']['output'];
};

/** One routing step of one order on one work center. */
export type Job = {
  __typename?: 'Job';
  /** Hours actually spent, as reported (rounded to 4 decimals). */
  actualHours: Scalars['Float']['output'];
  /** Hours placed per day. */
  allocations: Array<Allocation>;
  /** Good units reported so far. */
  completedQuantity: Scalars['Int']['output'];
  /** Last day with an allocation. */
  end: Scalars['Date']['output'];
  /** Total hours (sum of its allocations), rounded to 4 decimals; `minutes` is exact. */
  hours: Scalars['Float']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Total minutes (sum of its allocations), exact. */
  minutes: Scalars['Int']['output'];
  /** The order it belongs to. */
  orderId: Scalars['ID']['output'];
  /** Whether work on a started job is paused. */
  paused: Scalars['Boolean']['output'];
  /** Hours still to do as planned (0 once DONE), rounded to 4 decimals; `minutes` of an open job is the same, exact. */
  remainingHours: Scalars['Float']['output'];
  /** Units scrapped so far. */
  scrapQuantity: Scalars['Int']['output'];
  /** Routing position, from 1. */
  seq: Scalars['Int']['output'];
  /** First day with an allocation. */
  start: Scalars['Date']['output'];
  /** Progress. */
  status: JobStatus;
  /** Where it runs. */
  workCenterId: Scalars['ID']['output'];
};

/** Progress of one job. */
export type JobStatus =
  /** Finished. */
  | 'DONE'
  /** Scheduled, not started. */
  | 'PLANNED'
  /** Work has begun. */
  | 'STARTED';

/** A count by a key (status, tier, lane). */
export type KeyCount = {
  __typename?: 'KeyCount';
  /** How many. */
  count: Scalars['Int']['output'];
  /** The key. */
  key: Scalars['String']['output'];
};

/** Approval lanes: capacity is a chain (ops manager < plant manager); the others stand alone. */
export type Lane =
  /** Cost and margin: accounting. */
  | 'ACCOUNTING'
  /** Capacity, freeze window and lead time: ops manager, plant manager. */
  | 'CAPACITY'
  /** Spec changes flagged for review: quality. */
  | 'QUALITY';

/** How long one lane took to decide. */
export type LaneTiming = {
  __typename?: 'LaneTiming';
  /** Decisions (granted or rejected). */
  decisions: Scalars['Int']['output'];
  /** Lane. */
  lane: Lane;
  /** Median hours from proposal to the lane's decision. */
  medianHours: Maybe<Scalars['Float']['output']>;
  /** 90th percentile of the same. */
  p90Hours: Maybe<Scalars['Float']['output']>;
};

/** An imported order that cannot meet its due date. */
export type LateImportOrder = {
  __typename?: 'LateImportOrder';
  /** The due date the file asks for. */
  dueDate: Scalars['Date']['output'];
  /** The earliest date it can be made, as placed (null: nothing fits within the search horizon). */
  earliestDate: Maybe<Scalars['Date']['output']>;
  /** Order number. */
  number: Scalars['String']['output'];
};

/** Unit of a rule's measured value and threshold. */
export type MeasureUnit =
  /** Minor currency units (cents). */
  | 'CENTS'
  /** Minutes. */
  | 'MINUTES'
  /** A flagged option (measured 1, threshold 0). */
  | 'OPTION'
  /** Percent (92.5 = 92.5%). */
  | 'PERCENT'
  /** Plant working days. */
  | 'WORKING_DAYS';

/** Move a job to start on another day. */
export type MoveJobInput = {
  /** The job. */
  jobId: Scalars['ID']['input'];
  /** Its new first day. */
  startDate: Scalars['Date']['input'];
};

/** All state changes. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Grants the approval of the lane(s) my role (or a delegation) covers; applies when all are granted. */
  approveChangeOrder: ChangeOrder;
  /**
   * Change the signed-in user's password. Every other session of the user ends; this one stays.
   * BAD_USER_INPUT when the current password is wrong or the new one is shorter than 8 characters;
   * RATE_LIMITED after repeated wrong guesses.
   */
  changePassword: Scalars['Boolean']['output'];
  /** Adds a comment. */
  commentOnChangeOrder: ChangeOrder;
  /**
   * The proposer confirms a RETURNED change order on its order's new terms (`expectedOrderVersion`,
   * CONFLICT when the order changed again): re-evaluated now and routed like a new proposal —
   * applied when it needs no approval, PENDING with its approvals, or INFEASIBLE.
   */
  confirmChangeOrder: ChangeOrder;
  /** An approver offers an alternative (e.g. a later date from the alternatives). */
  counterProposeChangeOrder: ChangeOrder;
  /** Creates a display or API token (ADMIN). BAD_USER_INPUT for an unknown scope or an empty name. */
  createAccessToken: CreatedAccessToken;
  /** Adds a holiday, maintenance day or extra shift (PLANNER, OPS_MANAGER, PLANT_MANAGER, ADMIN). */
  createCalendarException: CalendarException;
  /** Adds a customer (PLANT_MANAGER, ADMIN). */
  createCustomer: Customer;
  /** Creates a plant with the default policy (ADMIN). BAD_USER_INPUT for an unknown time zone. */
  createPlant: Plant;
  /** Adds a product with its routing and options (PLANT_MANAGER, ADMIN). */
  createProduct: Product;
  /** Adds a user with a one-time set-password token (ADMIN). */
  createUser: CreatedUser;
  /**
   * Adds a webhook (ADMIN). `url` must be http or https (https only in production unless the server
   * allows plain http); `events` limits what it receives (null: every event). Returns the signing
   * secret once.
   */
  createWebhook: CreatedWebhook;
  /** Adds a work center; open boards see its capacity at once (PLANT_MANAGER, ADMIN). */
  createWorkCenter: WorkCenter;
  /** Deletes a webhook (ADMIN); deliveries not yet made are cancelled. True when it existed. */
  deleteWebhook: Scalars['Boolean']['output'];
  /** The proposer (or their manager) escalates a rejection to the next tier, once per tier, with a comment. */
  escalateChangeOrder: ChangeOrder;
  /**
   * Imports CSV files (one per entity) or one XLSX workbook into a plant (PLANT_MANAGER, ADMIN, or an
   * API token: `masterdata:write` for master data and cut-over orders, `orders:write` for orders.csv alone).
   * Once the plant is live, a new or changed order row becomes a change order proposed by the importer
   * (for a token: the admin who created it), routed by the rules and listed in `changeOrders`. DRY_RUN
   * previews; COMMIT with the preview's token writes exactly that, all or nothing, or fails with
   * CONFLICT when the plant changed since. With rejected rows nothing is written. `retireMissing`
   * deactivates records missing from a file that is given; nothing is ever deleted. Files travel
   * inline as `content` while a request stays under its 256 KiB limit; larger ones (up to 20 MB per
   * file) are uploaded first with `POST /api/uploads` and named here by `uploadId` (docs/import.md).
   */
  importPlantData: ImportResult;
  /**
   * A new one-time set-password token for a user of the admin's plant (an imported user, or one who
   * forgot the password), valid for 72 hours; earlier tokens stop working (ADMIN). Shown once.
   */
  issueSetPasswordToken: Scalars['String']['output'];
  /**
   * Sign in with email and password. Sets an httpOnly, SameSite session cookie and returns the user.
   * Fails with UNAUTHENTICATED on a wrong email or password.
   */
  login: User;
  /** End the current session (the cookie is cleared). True when a session was ended. */
  logout: Scalars['Boolean']['output'];
  /**
   * End every session of the signed-in user, this one included (every browser; open live
   * connections close within seconds). Returns how many sessions were ended.
   */
  logoutEverywhere: Scalars['Int']['output'];
  /**
   * Marks my notifications read: the given `ids`, or every unread one with `all: true`. Returns how
   * many changed from unread to read (ids that are not mine or already read are ignored).
   */
  markNotificationsRead: Scalars['Int']['output'];
  /** A planner moves a job; evaluated and routed like any change order (kind MOVE_JOB). */
  moveJob: ChangeOrder;
  /** Always true; a no-op that proves mutations are reachable (needs no identity). */
  ping: Scalars['Boolean']['output'];
  /**
   * Proposes a change. It is evaluated at once: applied when it needs no approval (AUTO_APPROVED →
   * APPLIED), PENDING with its required approvals, or INFEASIBLE with alternatives (nothing applied).
   * A change to an existing order's terms names the order version it was made from
   * (`input.expectedOrderVersion`): CONFLICT when the order changed since.
   */
  proposeChangeOrder: ChangeOrder;
  /** Rejects it with a reason (any lane I cover). */
  rejectChangeOrder: ChangeOrder;
  /**
   * A breakdown or absence (PLANNER and up): `hoursLost` hours of capacity are taken from the work
   * center's working days from `from` to `to` (at most 31 days, not before today), earliest day first,
   * as calendar exceptions with `reason`. Work that no longer fits is displaced at once, least urgent
   * order first, and rolled forward within regular capacity; orders that then miss their due date
   * are at risk and their reps told. BAD_USER_INPUT for a range in the past, longer than 31 days, or
   * more hours than the days have.
   */
  reportDowntime: DowntimeReport;
  /**
   * Reports progress on a job (OPERATOR, PLANNER and up, or an API token with `progress:write`). The
   * job's remaining work is re-planned from today on its work center, the order becomes IN_PRODUCTION
   * on its first start and DONE when its last job is, and the board hears it at once. CONFLICT when
   * the report does not fit the job's state now (COMPLETE on a DONE job, START on a started one, a
   * report on a cancelled or shipped order): it was made against a state that has since changed.
   */
  reportProgress: Job;
  /**
   * Applies a `progress.csv` file (docs/floor.md) for the caller's plant (OPERATOR, PLANNER and up, or
   * an API token with `progress:write`): its rows in file order, each exactly as `reportProgress`
   * would, naming jobs by order number and routing step. Each row stands alone — a rejected row does
   * not stop the rows after it, and the rows applied stay applied — so the answer says per row what
   * happened. Sending the file again applies nothing twice (its idempotency keys were counted).
   * BAD_USER_INPUT, with nothing applied, for a file that is not UTF-8 CSV, lacks a column in its
   * header or has more than 1,000 rows.
   */
  reportProgressFile: ProgressFileResult;
  /** The proposer accepts (re-evaluated; applied if within the counter-proposer's authority) or declines (CLOSED). */
  respondToCounterProposal: ChangeOrder;
  /** Retires a calendar exception: the weekly hours apply again (PLANNER, OPS_MANAGER, PLANT_MANAGER, ADMIN). */
  retireCalendarException: CalendarException;
  /** Retires a customer (PLANT_MANAGER, ADMIN). */
  retireCustomer: Customer;
  /** Retires a product: no new orders for it (PLANT_MANAGER, ADMIN). */
  retireProduct: Product;
  /** Deactivates a user: sign-in refused, every session ended at once (ADMIN). */
  retireUser: User;
  /** Retires a work center: no new routing steps on it; planned work stays (PLANT_MANAGER, ADMIN). */
  retireWorkCenter: WorkCenter;
  /** Revokes a token at once: its live subscriptions close within seconds (ADMIN). */
  revokeAccessToken: AccessToken;
  /** Ends a delegation I named, at once. CONFLICT when it is already revoked. */
  revokeDelegation: Delegation;
  /**
   * Names a delegate who decides my approvals from `from` to `to` (inclusive). The delegate must be
   * another user of my plant who can hold approval authority (not an administrator); `to` may not
   * lie in the past and the range is at most 366 days. CONFLICT when the same delegate already
   * covers part of the range.
   */
  setDelegate: Delegation;
  /**
   * Sets the password with a one-time token from `createUser` or `issueSetPasswordToken`; the user's
   * other sessions end. Needs no identity.
   */
  setPasswordWithToken: Scalars['Boolean']['output'];
  /** Appear in presence (true, the default) or stay invisible to everyone (false). Returns the new setting. */
  setPresenceVisibility: Scalars['Boolean']['output'];
  /**
   * Marks a DONE order SHIPPED. CONFLICT when `expectedVersion` is not the order's version or the
   * order is not DONE.
   */
  shipOrder: Order;
  /** Changes a calendar exception; a retired one becomes active again (PLANNER, OPS_MANAGER, PLANT_MANAGER, ADMIN). */
  updateCalendarException: CalendarException;
  /** Changes a customer; the code cannot change; a retired customer becomes active again (PLANT_MANAGER, ADMIN). */
  updateCustomer: Customer;
  /** Changes a plant's name, time zone or ship buffer (ADMIN, own plant). */
  updatePlant: Plant;
  /**
   * Makes a new policy version (OPS_MANAGER, PLANT_MANAGER). CONFLICT when `expectedVersion` is not
   * the current version; BAD_USER_INPUT when the rules contradict each other or the reason is empty.
   */
  updatePolicy: Policy;
  /**
   * Say what you have open on the plant's board (your presence entry; see the `presence`
   * subscription). BAD_USER_INPUT when `id` is missing or malformed for the kind; NOT_FOUND when
   * it names no order (or change order) of this plant.
   */
  updatePresence: Scalars['Boolean']['output'];
  /**
   * Changes a product. While it has open orders its routing keeps its steps and work centers (times
   * may change), and options chosen by orders stay (PLANT_MANAGER, ADMIN). The SKU cannot change; a
   * retired product becomes active again.
   */
  updateProduct: Product;
  /** Changes a user's name or role; the email cannot change; a deactivated user becomes active again (ADMIN). */
  updateUser: User;
  /**
   * Changes a work center. Changed hours reach every open board at once; load that no longer fits is
   * shown as overload, never dropped (PLANT_MANAGER, ADMIN). The code cannot change; a retired work
   * center becomes active again.
   */
  updateWorkCenter: WorkCenter;
  /** The proposer withdraws a pending, rejected, counter-proposed or returned change order. */
  withdrawChangeOrder: ChangeOrder;
};


/** All state changes. */
export type MutationApproveChangeOrderArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  seen?: InputMaybe<Array<DisputeFact>>;
};


/** All state changes. */
export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


/** All state changes. */
export type MutationCommentOnChangeOrderArgs = {
  body: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationConfirmChangeOrderArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  expectedOrderVersion: Scalars['Int']['input'];
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationCounterProposeChangeOrderArgs = {
  comment: Scalars['String']['input'];
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: ChangeOrderInput;
};


/** All state changes. */
export type MutationCreateAccessTokenArgs = {
  kind: TokenKind;
  name: Scalars['String']['input'];
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
};


/** All state changes. */
export type MutationCreateCalendarExceptionArgs = {
  input: CalendarExceptionInput;
  plantId: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationCreateCustomerArgs = {
  input: CustomerInput;
  plantId: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationCreatePlantArgs = {
  input: PlantInput;
};


/** All state changes. */
export type MutationCreateProductArgs = {
  input: ProductInput;
  plantId: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationCreateUserArgs = {
  input: UserInput;
  plantId: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationCreateWebhookArgs = {
  events?: InputMaybe<Array<Scalars['String']['input']>>;
  url: Scalars['String']['input'];
};


/** All state changes. */
export type MutationCreateWorkCenterArgs = {
  input: WorkCenterInput;
  plantId: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationDeleteWebhookArgs = {
  id: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationEscalateChangeOrderArgs = {
  comment: Scalars['String']['input'];
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationImportPlantDataArgs = {
  files: Array<ImportFileInput>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  mode: ImportMode;
  plantId: Scalars['ID']['input'];
  previewToken?: InputMaybe<Scalars['String']['input']>;
  progressKey?: InputMaybe<Scalars['String']['input']>;
  retireMissing?: InputMaybe<Scalars['Boolean']['input']>;
};


/** All state changes. */
export type MutationIssueSetPasswordTokenArgs = {
  userId: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


/** All state changes. */
export type MutationMarkNotificationsReadArgs = {
  all?: InputMaybe<Scalars['Boolean']['input']>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


/** All state changes. */
export type MutationMoveJobArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  jobId: Scalars['ID']['input'];
  startDate: Scalars['Date']['input'];
};


/** All state changes. */
export type MutationProposeChangeOrderArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  input: ChangeOrderInput;
};


/** All state changes. */
export type MutationRejectChangeOrderArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  seen?: InputMaybe<Array<DisputeFact>>;
};


/** All state changes. */
export type MutationReportDowntimeArgs = {
  from: Scalars['Date']['input'];
  hoursLost: Scalars['Float']['input'];
  reason: Scalars['String']['input'];
  to: Scalars['Date']['input'];
  workCenterId: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationReportProgressArgs = {
  input: ProgressReportInput;
};


/** All state changes. */
export type MutationReportProgressFileArgs = {
  file: Scalars['Base64']['input'];
};


/** All state changes. */
export type MutationRespondToCounterProposalArgs = {
  accept: Scalars['Boolean']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationRetireCalendarExceptionArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationRetireCustomerArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationRetireProductArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationRetireUserArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationRetireWorkCenterArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationRevokeAccessTokenArgs = {
  id: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationRevokeDelegationArgs = {
  id: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationSetDelegateArgs = {
  delegateId: Scalars['ID']['input'];
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


/** All state changes. */
export type MutationSetPasswordWithTokenArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


/** All state changes. */
export type MutationSetPresenceVisibilityArgs = {
  visible: Scalars['Boolean']['input'];
};


/** All state changes. */
export type MutationShipOrderArgs = {
  expectedVersion: Scalars['Int']['input'];
  orderId: Scalars['ID']['input'];
};


/** All state changes. */
export type MutationUpdateCalendarExceptionArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: CalendarExceptionInput;
};


/** All state changes. */
export type MutationUpdateCustomerArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: CustomerInput;
};


/** All state changes. */
export type MutationUpdatePlantArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: PlantInput;
};


/** All state changes. */
export type MutationUpdatePolicyArgs = {
  changes: PolicyChanges;
  expectedVersion: Scalars['Int']['input'];
  plantId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/** All state changes. */
export type MutationUpdatePresenceArgs = {
  plantId: Scalars['ID']['input'];
  viewing: PresenceViewingInput;
};


/** All state changes. */
export type MutationUpdateProductArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: ProductInput;
};


/** All state changes. */
export type MutationUpdateUserArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UserInput;
};


/** All state changes. */
export type MutationUpdateWorkCenterArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: WorkCenterInput;
};


/** All state changes. */
export type MutationWithdrawChangeOrderArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};

/** A new order to place. */
export type NewOrderInput = {
  /** Who orders. */
  customerId: Scalars['ID']['input'];
  /** Requested due date. */
  dueDate: Scalars['Date']['input'];
  /** The order number it gets when applied (an ERP's or CRM's own number, up to 32 characters, not yet used in the plant); default the next `SO-` number. */
  number?: InputMaybe<Scalars['String']['input']>;
  /** Chosen option ids, one per attribute. */
  optionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** What is made. */
  productId: Scalars['ID']['input'];
  /** Units (a whole number above 0). */
  quantity: Scalars['Int']['input'];
  /** Agreed unit price; defaults to the list price plus option costs. */
  unitPrice?: InputMaybe<Scalars['Money']['input']>;
};

/** One in-app notification for the signed-in user, written in the same transaction as its change. */
export type Notification = {
  __typename?: 'Notification';
  /** The lifecycle transitions it reports (audit actions such as `APPROVED`, `APPLIED`), in order. */
  actions: Array<Scalars['String']['output']>;
  /** The change order it is about. */
  changeOrder: Maybe<ChangeOrder>;
  /** When. */
  createdAt: Scalars['DateTime']['output'];
  /** Id. */
  id: Scalars['ID']['output'];
  /** Why you got it. */
  kind: NotificationKind;
  /** What happened, with the numbers, e.g. `CO-1042: ops@… approved the capacity lane; waiting for accounting.` */
  message: Scalars['String']['output'];
  /** The order it is about (ORDER_AT_RISK): propose a new date for it from the dates in the message. */
  orderId: Maybe<Scalars['ID']['output']>;
  /** The due dates the plant could promise when it told you (ORDER_AT_RISK); empty for other kinds. */
  promiseDates: Array<PromiseDate>;
  /** When you marked it read; null while unread. */
  readAt: Maybe<Scalars['DateTime']['output']>;
};

/** A page of notifications, newest first. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** Cursor to pass as `after` for the next page (null at the end). */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether more pages follow. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The notifications. */
  nodes: Array<Notification>;
};

/** Why a notification was sent to its user. */
export type NotificationKind =
  /** An applied change moved price or cost: a billing adjustment was recorded (accounting). */
  | 'BILLING_ADJUSTMENT'
  /** Someone else moved a change order you proposed (approved, rejected, countered, applied, commented, …). */
  | 'CHANGE_ORDER_UPDATED'
  /** The proposer answered your counter-proposal. */
  | 'COUNTER_PROPOSAL_ANSWERED'
  /** A change order now waits for your decision in a lane (new, escalated or re-evaluated). */
  | 'DECISION_NEEDED'
  /** A change order that waited for your decision no longer does (withdrawn, rejected elsewhere, counter-proposed). */
  | 'NO_LONGER_NEEDED'
  /** An order's projected finish passed its due date: the cause and the dates the plant can promise (its rep). */
  | 'ORDER_AT_RISK';

/** A customer order, planned as one job per routing step. */
export type Order = {
  __typename?: 'Order';
  /** Whether the projected finish passes the due date of an order still open. */
  atRisk: Scalars['Boolean']['output'];
  /** The finish date the order was planned for when its terms were last agreed (its last job's last day then). */
  baselineFinish: Maybe<Scalars['Date']['output']>;
  /** Who ordered. */
  customer: Customer;
  /** Promised due date. */
  dueDate: Scalars['Date']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The order's jobs in routing order. */
  jobs: Array<Job>;
  /** Human order number, e.g. `SO-10042`. */
  number: Scalars['String']['output'];
  /** Chosen spec option values. */
  options: Array<ProductOption>;
  /** What is made. */
  product: Product;
  /** The day its last work is now placed on (for a done order, the day it was finished); null without jobs. */
  projectedFinish: Maybe<Scalars['Date']['output']>;
  /**
   * The due dates the plant can promise this order now, per capacity tier (capable-to-promise on its
   * current terms, earliest first); empty when it is not at risk. Each is a date a rep can propose.
   * Evaluated when asked (one capable-to-promise run per at-risk order): ask it of one order, as the
   * order panel does, not of a list.
   */
  promiseDates: Array<PromiseDate>;
  /** Units ordered. */
  quantity: Scalars['Int']['output'];
  /**
   * Why it is at risk, in words and numbers, e.g. "queued behind SO-10231 on LASER, 14 h short on
   * 2026-12-09"; null when it is not.
   */
  riskCause: Maybe<Scalars['String']['output']>;
  /** Lifecycle status. */
  status: OrderStatus;
  /** Agreed price per unit. */
  unitPrice: Scalars['Money']['output'];
  /** Optimistic-concurrency version; pass it back as `expectedVersion`. */
  version: Scalars['Int']['output'];
};

/** A page of orders, by order number. */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  /** Cursor to pass as `after` for the next page (null at the end). */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether more pages follow. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The orders. */
  nodes: Array<Order>;
};

/** Filters for `orders`; all given filters must match. */
export type OrderFilter = {
  /** Orders of this customer. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Due on or after this date. */
  dueFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Due on or before this date. */
  dueTo?: InputMaybe<Scalars['Date']['input']>;
  /** Orders of this product. */
  productId?: InputMaybe<Scalars['ID']['input']>;
  /**
   * Words that must each appear (case-insensitive, anywhere) in the order number, the customer's
   * name, or the product's name or SKU: `acme 1020` finds SO-10204 of Acme.
   */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<OrderStatus>>;
};

/** Lifecycle of a customer order. */
export type OrderStatus =
  /** Cancelled; its load is freed. */
  | 'CANCELLED'
  /** Accepted and scheduled. */
  | 'CONFIRMED'
  /** All jobs are done. */
  | 'DONE'
  /** At least one job has started. */
  | 'IN_PRODUCTION'
  /** Left the plant. */
  | 'SHIPPED';

/** An order's terms. */
export type OrderTerms = {
  __typename?: 'OrderTerms';
  /** Due date. */
  dueDate: Scalars['Date']['output'];
  /** Chosen options. */
  optionIds: Array<Scalars['ID']['output']>;
  /** Product. */
  productId: Scalars['ID']['output'];
  /** Units. */
  quantity: Scalars['Int']['output'];
  /** Unit price. */
  unitPrice: Scalars['Money']['output'];
};

/** Change orders of one rule instance whose highest raised utilization lies in one band (above fromPct, up to toPct). */
export type OutcomeBand = {
  __typename?: 'OutcomeBand';
  /** Applied with no approval. */
  autoApproved: Scalars['Int']['output'];
  /** Of those, how many orders are now at risk or end after their due date. */
  autoLaterLateOrAtRisk: Scalars['Int']['output'];
  /** Lower edge, percent (exclusive). */
  fromPct: Scalars['Float']['output'];
  /** Of those, applied. */
  managerApplied: Scalars['Int']['output'];
  /** Tier MANAGER: the ops manager was asked. */
  managerTier: Scalars['Int']['output'];
  /** Rejected in some lane at least once. */
  rejected: Scalars['Int']['output'];
  /** The rule instance behind their tier, in words (`plant`, `LASER`, `strategic customers`). */
  scopeLabel: Scalars['String']['output'];
  /** Upper edge, percent (inclusive). */
  toPct: Scalars['Float']['output'];
};

/** Rejections of one rule instance and how many were overturned on escalation. */
export type OverturnedRejections = {
  __typename?: 'OverturnedRejections';
  /** Of those, escalated after the rejection. */
  escalated: Scalars['Int']['output'];
  /** Of those, applied in the end. */
  overturned: Scalars['Int']['output'];
  /** Change orders rejected at least once. */
  rejected: Scalars['Int']['output'];
  /** The rule instance, in words. */
  scopeLabel: Scalars['String']['output'];
};

/**
 * A board as columns. Rows refer to each other by position: a job's `order` is a row of `orders`,
 * an order's `customer` a row of `customers`, a job's `workCenter` a row of `Board.workCenters`.
 */
export type PackedBoard = {
  __typename?: 'PackedBoard';
  /**
   * Regular capacity minutes per bucket, work-center-major: entry `w × days + d` is
   * `Board.workCenters[w]` on `from` + d days. Same layout for the two columns below.
   */
  bucketCapacityMinutes: Scalars['IntColumn']['output'];
  /** Allocated minutes per bucket. */
  bucketLoadMinutes: Scalars['IntColumn']['output'];
  /** Overtime minutes that may be added per bucket. */
  bucketOvertimeMinutes: Scalars['IntColumn']['output'];
  /** Customers of those orders; `PackedOrders.customer` points here. */
  customers: Array<Customer>;
  /** Days in the range (`to` − `from` + 1). */
  days: Scalars['Int']['output'];
  /** Jobs with at least one allocation in range (as `Board.jobs`). */
  jobs: PackedJobs;
  /** The orders of those jobs (as `Board.orders`). */
  orders: PackedOrders;
  /** Products of those orders; `PackedOrders.product` points here. */
  products: Array<Product>;
};

/** Jobs as columns (see `PackedBoard`). */
export type PackedJobs = {
  __typename?: 'PackedJobs';
  /** Good units reported on each job so far (its progress against the order's quantity). */
  completedQuantity: Scalars['IntColumn']['output'];
  /** Last allocated day, as days after `Board.from`. */
  endOffset: Scalars['IntColumn']['output'];
  /** Job ids. */
  id: Scalars['StringColumn']['output'];
  /** Total minutes of the job. */
  minutes: Scalars['IntColumn']['output'];
  /** Row of the job's order in `PackedBoard.orders`. */
  order: Scalars['IntColumn']['output'];
  /** Position in the order's routing, from 1. */
  seq: Scalars['IntColumn']['output'];
  /** First allocated day, as days after `Board.from` (negative when the job starts before the range). */
  startOffset: Scalars['IntColumn']['output'];
  /** JobStatus of each job. */
  status: Scalars['StringColumn']['output'];
  /** Row of the job's work center in `Board.workCenters`. */
  workCenter: Scalars['IntColumn']['output'];
};

/** Orders as columns (see `PackedBoard`). */
export type PackedOrders = {
  __typename?: 'PackedOrders';
  /** 1 for an order at risk (its projected finish passes its due date), else 0. */
  atRisk: Scalars['IntColumn']['output'];
  /** Row of the order's customer in `PackedBoard.customers`. */
  customer: Scalars['IntColumn']['output'];
  /** Due dates, `YYYY-MM-DD`. */
  dueDate: Scalars['StringColumn']['output'];
  /** Order ids. */
  id: Scalars['StringColumn']['output'];
  /** Order numbers. */
  number: Scalars['StringColumn']['output'];
  /** Row of the order's product in `PackedBoard.products`. */
  product: Scalars['IntColumn']['output'];
  /** Quantities. */
  quantity: Scalars['IntColumn']['output'];
  /** OrderStatus of each order. */
  status: Scalars['StringColumn']['output'];
};

/** A job as a plan would place it. */
export type PlannedJob = {
  __typename?: 'PlannedJob';
  /** Hours per day. */
  allocations: Array<Allocation>;
  /** Last day. */
  end: Maybe<Scalars['Date']['output']>;
  /** Total hours. */
  hours: Scalars['Float']['output'];
  /** Job id (existing jobs keep theirs). */
  id: Scalars['ID']['output'];
  /** Total minutes, exact (`hours` is rounded to 4 decimals). */
  minutes: Scalars['Int']['output'];
  /** Routing position. */
  seq: Scalars['Int']['output'];
  /** First day. */
  start: Maybe<Scalars['Date']['output']>;
  /** Progress. */
  status: JobStatus;
  /** Where it runs. */
  workCenterId: Scalars['ID']['output'];
};

/** A factory with its own calendar, work centers and rules. */
export type Plant = {
  __typename?: 'Plant';
  /**
   * The plant's calendar from `from` to `to` inclusive (at most 732 days), one entry per date: the
   * days the rules count as working days, the freeze window under the current policy as of today,
   * and every work center's capacity after its dated exceptions. BAD_USER_INPUT when the range is
   * reversed or longer.
   */
  calendar: Array<CalendarDay>;
  /** ISO 4217 code of the currency the plant's prices, costs and cost limits are in, e.g. `EUR`. */
  currency: Scalars['String']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** Working days between the end of the last step and the due date. */
  shipBufferDays: Scalars['Int']['output'];
  /** IANA time zone; board dates are calendar dates in this zone. */
  timeZone: Scalars['String']['output'];
  /** Today's date in the plant's time zone. */
  today: Scalars['Date']['output'];
  /** Optimistic-concurrency version of the plant's settings; pass it back as `expectedVersion`. */
  version: Scalars['Int']['output'];
};


/** A factory with its own calendar, work centers and rules. */
export type PlantCalendarArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};

/** A plant's settings. */
export type PlantInput = {
  /** ISO 4217 currency code, e.g. `EUR` or `USD` (default on create: `EUR`; kept when left out on update). */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Display name. */
  name: Scalars['String']['input'];
  /** Working days between the end of the last step and the due date (0–30; default 1). */
  shipBufferDays?: InputMaybe<Scalars['Int']['input']>;
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: Scalars['String']['input'];
};

/**
 * The rules operations established for a plant (docs/product.md §4), versioned: every edit is a new version
 * with its author and reason, and every evaluation names the version it used.
 */
export type Policy = {
  __typename?: 'Policy';
  /** A pending approval older than this escalates itself to the next tier. */
  approvalSlaHours: Scalars['Int']['output'];
  /** Who made this version (null for the defaults). */
  author: Maybe<User>;
  /** At or below this utilization (fraction, 0.8 = 80%) no capacity approval is needed. */
  autoApproveMaxUtilization: Scalars['Float']['output'];
  /** A cost increase above this needs accounting. */
  costIncreaseLimit: Scalars['Money']['output'];
  /** When this version was made. */
  createdAt: Scalars['DateTime']['output'];
  /** A change to a job starting within this many working days, or already started, needs the plant manager. */
  freezeWindowWorkingDays: Scalars['Int']['output'];
  /** Above auto and up to this utilization the ops manager decides. */
  managerMaxUtilization: Scalars['Float']['output'];
  /** A margin after the change below this percentage needs accounting. */
  minMarginPct: Scalars['Float']['output'];
  /** Whether overtime may be planned (it needs the plant manager and adds its premium to cost). */
  overtimeAllowed: Scalars['Boolean']['output'];
  /** The plant it governs. */
  plantId: Scalars['ID']['output'];
  /** Why it was changed. */
  reason: Scalars['String']['output'];
  /** The history comparison recorded when this version was published (null for versions published before the policy lab, and the defaults). */
  replay: Maybe<PolicyReplay>;
  /**
   * Capacity rules for one work center, one customer tier or both, replacing the three capacity
   * settings above in their scope; the most specific applying rule wins (docs/product.md §4.3).
   */
  scopedRules: Array<ScopedRule>;
  /** Version number, from 1; pass it back as `expectedVersion` when editing. */
  version: Scalars['Int']['output'];
};

export type PolicyBucketCrossing = {
  __typename?: 'PolicyBucketCrossing';
  capacityHours: Scalars['Float']['output'];
  currentTier: CapacityTier;
  date: Scalars['Date']['output'];
  draftTier: CapacityTier;
  loadHours: Scalars['Float']['output'];
  /** Percent of capacity, 2 decimals. */
  utilizationPct: Scalars['Float']['output'];
  workCenterCode: Scalars['String']['output'];
  workCenterId: Scalars['ID']['output'];
};

/** Fields to change in a new policy version; omitted fields keep their current value. */
export type PolicyChanges = {
  /** 1 to 720 hours. */
  approvalSlaHours?: InputMaybe<Scalars['Int']['input']>;
  /** Fraction in (0, managerMaxUtilization]. */
  autoApproveMaxUtilization?: InputMaybe<Scalars['Float']['input']>;
  /** Zero or more. */
  costIncreaseLimit?: InputMaybe<Scalars['Money']['input']>;
  /** 0 to 60 working days. */
  freezeWindowWorkingDays?: InputMaybe<Scalars['Int']['input']>;
  /** Fraction in [autoApproveMaxUtilization, 1]. */
  managerMaxUtilization?: InputMaybe<Scalars['Float']['input']>;
  /** Percent, 0 to 100. */
  minMarginPct?: InputMaybe<Scalars['Float']['input']>;
  /** Allow planning overtime. */
  overtimeAllowed?: InputMaybe<Scalars['Boolean']['input']>;
  /** The full new list of scoped rules (at most 50, one per scope); omit to keep the current list, [] to remove them all. */
  scopedRules?: InputMaybe<Array<ScopedRuleInput>>;
};

/** The draft on the live schedule. */
export type PolicyPresent = {
  __typename?: 'PolicyPresent';
  /** Working buckets (from tomorrow, 8 weeks ahead) whose load falls in another tier band under the draft. */
  buckets: Array<PolicyBucketCrossing>;
  /** Pending change orders whose verdict on today's schedule differs under the draft. */
  pending: Array<PolicyPresentChange>;
};

export type PolicyPresentChange = {
  __typename?: 'PolicyPresentChange';
  changeOrderId: Scalars['ID']['output'];
  currentLanes: Array<PolicyReplayLaneRole>;
  currentTier: Tier;
  draftLanes: Array<PolicyReplayLaneRole>;
  draftTier: Tier;
  number: Scalars['String']['output'];
};

/**
 * The policy lab (docs/product.md §4.4): a draft policy replayed on the plant's own history and
 * tried on the live schedule, before anyone publishes it.
 */
export type PolicyReplay = {
  __typename?: 'PolicyReplay';
  /** The current version the draft is compared with. */
  basePolicyVersion: Scalars['Int']['output'];
  /** The change orders whose verdict differs between the two sides, oldest first. */
  changed: Array<PolicyReplayChange>;
  /** The current rules on the same plans. */
  current: PolicyReplaySide;
  /** The draft on the same plans. */
  draft: PolicyReplaySide;
  /** Of those, verdicts stored before the freeze window's reach was recorded: their freeze-window rule is kept as it fired then. */
  freezeWindowAsStored: Scalars['Int']['output'];
  /** First day of the replayed period (plant-local), by when each change order was proposed. */
  from: Scalars['Date']['output'];
  /** Change orders replayed. */
  replayed: Scalars['Int']['output'];
  /** Last day of the replayed period. */
  to: Scalars['Date']['output'];
  /** Decisions asked of each role per week (weeks start on Monday), both sides. */
  weeks: Array<PolicyReplayWeek>;
};

/** A change order whose verdict the draft changes. */
export type PolicyReplayChange = {
  __typename?: 'PolicyReplayChange';
  changeOrderId: Scalars['ID']['output'];
  current: PolicyReplayVerdict;
  draft: PolicyReplayVerdict;
  /** Lanes whose approval was granted and that the draft would not ask for. */
  grantedNoLongerNeeded: Array<Lane>;
  number: Scalars['String']['output'];
};

/** The role a lane is routed to. */
export type PolicyReplayLaneRole = {
  __typename?: 'PolicyReplayLaneRole';
  lane: Lane;
  role: Role;
};

export type PolicyReplayRoleCount = {
  __typename?: 'PolicyReplayRoleCount';
  count: Scalars['Int']['output'];
  role: Role;
};

/** One side of a replay: what a policy would have asked of the period's change orders. */
export type PolicyReplaySide = {
  __typename?: 'PolicyReplaySide';
  auto: Scalars['Int']['output'];
  /** Decisions asked of each approving role: one per routed lane, plus one for the plant manager per escalation. */
  decisions: Array<PolicyReplayRoleCount>;
  /** Routed lanes whose real decision took longer than the approval SLA, so they would have escalated. */
  escalations: Scalars['Int']['output'];
  /** Approvals that were granted and that this side would not ask for at all. */
  grantedNoLongerNeeded: Scalars['Int']['output'];
  infeasible: Scalars['Int']['output'];
  manager: Scalars['Int']['output'];
  /** Margin lost by feasible verdicts that no accounting decision reviews. */
  marginGivenAway: Scalars['Money']['output'];
  overtime: Scalars['Int']['output'];
  /** Overtime the feasible verdicts add (above regular capacity in the buckets they raise). */
  overtimeHours: Scalars['Float']['output'];
  /** Their overtime premium. */
  overtimePremium: Scalars['Money']['output'];
};

/** What one side asks of one change order. */
export type PolicyReplayVerdict = {
  __typename?: 'PolicyReplayVerdict';
  /** The lanes routed and to whom. */
  lanes: Array<PolicyReplayLaneRole>;
  /** Every rule that fires, in the order the evaluation lists them. */
  rules: Array<PolicyRule>;
  tier: Tier;
};

export type PolicyReplayWeek = {
  __typename?: 'PolicyReplayWeek';
  current: Scalars['Int']['output'];
  draft: Scalars['Int']['output'];
  role: Role;
  /** The Monday the week starts on. */
  weekStart: Scalars['Date']['output'];
};

/** The policy rule that asked for an approval. */
export type PolicyRule =
  /** A bucket the change raises goes above the auto-approve limit; measured: the highest such utilization. */
  | 'CAPACITY_MANAGER'
  /** A cost increase above the limit. */
  | 'COST_INCREASE_LIMIT'
  /** A job that has started, or that starts inside the freeze window, changes; measured: working days to its current start (its new one when only that is inside). */
  | 'FREEZE_WINDOW'
  /** A due date earlier than today plus the product's lead time. */
  | 'MIN_LEAD_TIME'
  /** A margin after the change below the minimum. */
  | 'MIN_MARGIN'
  /** A bucket the change raises goes above the manager limit (overtime); measured: the minutes it adds above that limit. */
  | 'OVERTIME'
  /** An option that needs a quality review. */
  | 'REVIEW_REQUIRED';

/** One person looking at the plant, and what they have open. A person with several tabs appears once per distinct view. */
export type PresenceEntry = {
  __typename?: 'PresenceEntry';
  /** Display name. */
  name: Scalars['String']['output'];
  /** Their role. */
  role: Role;
  /** Since when they look at it. */
  since: Scalars['DateTime']['output'];
  /** The user. */
  userId: Scalars['ID']['output'];
  /** What they have open. */
  viewing: PresenceViewing;
};

/** What a person has open (docs/product.md §6 presence). */
export type PresenceKind =
  /** The board itself, nothing selected. */
  | 'BOARD'
  /** A change order (`id` is the change order). */
  | 'CHANGE_ORDER'
  /** An order's panel (`id` is the order). */
  | 'ORDER'
  /** Proposing a change to an order (`id` is the order). */
  | 'PROPOSING';

/** Everyone visible who is looking at a plant right now. */
export type PresenceSnapshot = {
  __typename?: 'PresenceSnapshot';
  /** The plant. */
  plantId: Scalars['ID']['output'];
  /** Visible users, by name; users who chose to be invisible never appear. */
  users: Array<PresenceEntry>;
};

/** Where a person is looking. */
export type PresenceViewing = {
  __typename?: 'PresenceViewing';
  /** The order or change order; null for BOARD. */
  id: Maybe<Scalars['ID']['output']>;
  /** What is open. */
  kind: PresenceKind;
};

/** Where a person is looking, as sent by their client. */
export type PresenceViewingInput = {
  /** The order (ORDER, PROPOSING) or change order (CHANGE_ORDER); omitted for BOARD. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** What is open. */
  kind: PresenceKind;
};

/** Something the plant makes to order. */
export type Product = {
  __typename?: 'Product';
  /** False once retired: no new orders for it; open orders keep their plan. */
  active: Scalars['Boolean']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** List price per unit. */
  listPrice: Scalars['Money']['output'];
  /** Material cost per unit. */
  materialCostPerUnit: Scalars['Money']['output'];
  /** Minimum lead time in working days. */
  minLeadTimeDays: Scalars['Int']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** Spec options offered. */
  options: Array<ProductOption>;
  /** Ordered routing steps. */
  routing: Array<RoutingStep>;
  /** Stock-keeping unit. */
  sku: Scalars['String']['output'];
  /** Optimistic-concurrency version; pass it back as `expectedVersion`. */
  version: Scalars['Int']['output'];
};

/** A product with its routing and options (the routing and options given replace the current ones). */
export type ProductInput = {
  /** List price per unit. */
  listPrice: Scalars['Money']['input'];
  /** Material cost per unit. */
  materialCostPerUnit: Scalars['Money']['input'];
  /** Minimum lead time in working days (0–365). */
  minLeadTimeDays: Scalars['Int']['input'];
  /** Display name. */
  name: Scalars['String']['input'];
  /** Options offered (default none). */
  options?: InputMaybe<Array<ProductOptionInput>>;
  /** Routing steps, 1 to 20. */
  routing: Array<RoutingStepInput>;
  /** Stock-keeping unit, unique in the plant. */
  sku: Scalars['String']['input'];
};

/** One chosen spec attribute value of an order (e.g. finish = powder coat RAL 9005). */
export type ProductOption = {
  __typename?: 'ProductOption';
  /** Extra cost per unit. */
  addCostPerUnit: Scalars['Money']['output'];
  /** Extra hours per unit on its routing step (rounded to 6 decimals; `addMinutesPerUnit` is exact). */
  addHoursPerUnit: Scalars['Float']['output'];
  /**
   * Extra minutes per unit on its routing step, exactly as stored (may be fractional). A job's
   * minutes are setup + ceil(quantity × (step minutes per unit + the options' added minutes per unit)).
   */
  addMinutesPerUnit: Scalars['Float']['output'];
  /** Attribute name, e.g. `finish`. */
  attribute: Scalars['String']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Whether choosing it needs the quality lane's approval. */
  reviewRequired: Scalars['Boolean']['output'];
  /**
   * Routing position (`RoutingStep.seq`) whose minutes per unit this option adds to; null when the
   * option adds no time to any step.
   */
  step: Maybe<Scalars['Int']['output']>;
  /** Work center of that routing step; null when `step` is null or names no step of the product. */
  stepWorkCenterId: Maybe<Scalars['ID']['output']>;
  /** Value, e.g. `RAL 9005 black`. */
  value: Scalars['String']['output'];
};

/** One option value a product offers. */
export type ProductOptionInput = {
  /** Extra cost per unit (default 0). */
  addCostPerUnit?: InputMaybe<Scalars['Money']['input']>;
  /** Extra run hours per unit on `step` (default 0). */
  addHoursPerUnit?: InputMaybe<Scalars['Float']['input']>;
  /** Attribute, e.g. `material`. */
  attribute: Scalars['String']['input'];
  /** Whether choosing it needs the quality lane's approval (default false). */
  reviewRequired?: InputMaybe<Scalars['Boolean']['input']>;
  /** The routing step the extra hours apply to (required when `addHoursPerUnit` > 0). */
  step?: InputMaybe<Scalars['Int']['input']>;
  /** Value, e.g. `Stainless 1.4404`. */
  value: Scalars['String']['input'];
};

/** What a progress report says happened to a job. */
export type ProgressAction =
  /**
   * The job is finished: it becomes DONE once its good quantity reaches the order's quantity, and its
   * remaining allocations are freed. Without `goodQuantity`, every unit not yet reported counts as
   * good. When scrap leaves it short, it stays STARTED and the missing units are planned from today.
   */
  | 'COMPLETE'
  /** Work stopped for now; the job stays STARTED and keeps its place. */
  | 'PAUSE'
  /** Good and scrap units and hours so far, without changing the job's state (starts a PLANNED job). */
  | 'REPORT'
  /** Work on a paused job goes on. */
  | 'RESUME'
  /** Work on the job began (a PLANNED job becomes STARTED). */
  | 'START';

/** What a `progress.csv` file did: one result per data row, in file order. */
export type ProgressFileResult = {
  __typename?: 'ProgressFileResult';
  /** Rows applied now. */
  applied: Scalars['Int']['output'];
  /** Rows whose idempotency key had been counted before: nothing changed. */
  duplicates: Scalars['Int']['output'];
  /** Rows not applied. */
  rejected: Scalars['Int']['output'];
  /** Every data row in file order. */
  rows: Array<ProgressRowResult>;
};

/** One progress report from the floor, a station, an MES or a file. */
export type ProgressReportInput = {
  /** What happened. */
  action: ProgressAction;
  /** When it happened (default: now); at most a day ahead of the server's clock. */
  at?: InputMaybe<Scalars['DateTime']['input']>;
  /** Good units made since the last report (added to `completedQuantity`); 0 when omitted, except on COMPLETE. */
  goodQuantity?: InputMaybe<Scalars['Int']['input']>;
  /** Hours actually spent since the last report (added to `actualHours`). */
  hours?: InputMaybe<Scalars['Float']['input']>;
  /**
   * The reporter's key for this report (1–100 characters), unique per plant: sending the same report
   * again with the same key counts it once and answers the job as it is. The same key on another job
   * or action is a CONFLICT.
   */
  idempotencyKey: Scalars['String']['input'];
  /** The job reported on. */
  jobId: Scalars['ID']['input'];
  /** Units scrapped since the last report (added to `scrapQuantity`). */
  scrapQuantity?: InputMaybe<Scalars['Int']['input']>;
};

/** What became of one row of a `progress.csv` file. */
export type ProgressRowOutcome =
  /** The report was applied now. */
  | 'APPLIED'
  /** A report with this idempotency key was applied before (an earlier file, an earlier row, a retry): it counted once and changed nothing now. */
  | 'DUPLICATE'
  /** The row was not applied; `column`, `value`, `reason` and `code` say why. */
  | 'REJECTED';

/** One data row of a `progress.csv` file and what became of it. */
export type ProgressRowResult = {
  __typename?: 'ProgressRowResult';
  /** REJECTED: the error `reportProgress` would answer for the same report (BAD_USER_INPUT, NOT_FOUND, CONFLICT). */
  code: Maybe<ErrorCode>;
  /** REJECTED: the column at fault (`order_number`, `step`, `action`, …), null when the job's state refused the report. */
  column: Maybe<Scalars['String']['output']>;
  /** The row's idempotency key, as given. */
  idempotencyKey: Scalars['String']['output'];
  /** The job the row names (null when the order or step is unknown). */
  jobId: Maybe<Scalars['ID']['output']>;
  /** The row's order number, as given. */
  orderNumber: Scalars['String']['output'];
  /** Applied, a duplicate of a report counted before, or rejected. */
  outcome: ProgressRowOutcome;
  /** REJECTED: what is wrong and what to do, in words. */
  reason: Maybe<Scalars['String']['output']>;
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  row: Scalars['Int']['output'];
  /** REJECTED: the value found in that column. */
  value: Maybe<Scalars['String']['output']>;
};

/** A due date the plant can promise an order, and the capacity approval it takes. */
export type PromiseDate = {
  __typename?: 'PromiseDate';
  /** The earliest due date under that tier. */
  dueDate: Scalars['Date']['output'];
  /** The capacity approval the date takes (AUTO: nobody's). */
  tier: CapacityTier;
};

/** Liveness of the API itself. */
export type Query = {
  __typename?: 'Query';
  /** Tokens of my plant (ADMIN). */
  accessTokens: Array<AccessToken>;
  /** What waits for my decision, including as a delegate, oldest first. */
  approvalInbox: Array<ChangeOrder>;
  /** The audit trail, oldest first (or newest first with `filter.newestFirst`), cursor-paginated (`first` ≤ 500). */
  auditEvents: AuditEventConnection;
  /**
   * The board between `from` and `to` inclusive (at most 26 weeks). BAD_USER_INPUT when a date is
   * malformed or the range is reversed or too long.
   */
  board: Board;
  /** The plant's calendar exceptions overlapping `from`..`to` (default: all), by first date. */
  calendarExceptions: Array<CalendarException>;
  /**
   * Capacity, load, overtime and utilization per work center per period, from SQL aggregates.
   * The range is at most 731 days. BAD_USER_INPUT for a bad or reversed range.
   */
  capacityReport: Array<CapacityReportRow>;
  /** One change order with its evaluation, approvals, comments and history. */
  changeOrder: ChangeOrder;
  /** Change-order analytics for proposals made between `from` and `to` (at most 731 days). */
  changeOrderReport: ChangeOrderReport;
  /** Change orders of my plant, newest first, cursor-paginated (`first` ≤ 100). */
  changeOrders: ChangeOrderConnection;
  /** A plant's customers by name, including those without orders; retired ones only with `includeRetired`. */
  customers: Array<Customer>;
  /** A plant's master data and open orders in the import formats: a valid import and a template (PLANT_MANAGER, ADMIN). */
  exportPlantData: Array<ExportFile>;
  /** Always true when the GraphQL endpoint answers; needs no identity. */
  health: Scalars['Boolean']['output'];
  /** The signed-in user. */
  me: User;
  /**
   * My delegations both ways, newest first: those I named (I am `user`) and those naming me
   * (I am `delegate`), including revoked and past ones.
   */
  myDelegations: Array<Delegation>;
  /** My notifications, newest first, cursor-paginated (`first` ≤ 100). */
  notifications: NotificationConnection;
  /** One order with its jobs; NOT_FOUND when it does not exist in a plant you can see. */
  order: Order;
  /**
   * A plant's orders by order number, whatever their dates, cursor-paginated (`first` ≤ 100).
   * BAD_USER_INPUT for a search longer than 100 characters or a cursor this API did not give out.
   */
  orders: OrderConnection;
  /** The plants this identity can see. */
  plants: Array<Plant>;
  /** The plant's current policy. */
  policy: Policy;
  /** Every version of the plant's policy, newest first. */
  policyHistory: Array<Policy>;
  /**
   * The draft against the live schedule: pending change orders that would change tier, and buckets
   * that cross a tier line. OPS_MANAGER, PLANT_MANAGER.
   */
  policyPresent: PolicyPresent;
  /**
   * Replays the plant's change orders proposed from `from` to `to` (plant-local dates, default the
   * last 90 days through today, at most 366 days) under the current policy and under `draft` (the
   * current rules with these changes). BAD_USER_INPUT for a draft that contradicts itself or a bad
   * period. OPS_MANAGER, PLANT_MANAGER.
   */
  policyReplay: PolicyReplay;
  /**
   * Evaluates a change against the live schedule and the current policy; writes nothing.
   * BAD_USER_INPUT for invalid input (negative quantity, date in the past, option not offered);
   * NOT_FOUND for an unknown order, job, product or customer.
   */
  previewChangeOrder: ChangeEvaluation;
  /** A plant's whole catalogue by SKU, including products that have no open order; retired ones only with `includeRetired`. */
  products: Array<Product>;
  /** How many of my notifications are unread. */
  unreadNotificationCount: Scalars['Int']['output'];
  /** The plant's users by email (ADMIN); deactivated ones only with `includeRetired`. */
  users: Array<User>;
  /** A webhook's delivery log, newest first, cursor-paginated (`first` ≤ 100; ADMIN). */
  webhookDeliveries: WebhookDeliveryConnection;
  /** The plant's webhooks (ADMIN). */
  webhooks: Array<Webhook>;
  /** The plant's work centers in board order; retired ones only with `includeRetired`. */
  workCenters: Array<WorkCenter>;
};


/** Liveness of the API itself. */
export type QueryAccessTokensArgs = {
  kind?: InputMaybe<TokenKind>;
};


/** Liveness of the API itself. */
export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Liveness of the API itself. */
export type QueryBoardArgs = {
  from: Scalars['Date']['input'];
  plantId: Scalars['ID']['input'];
  to: Scalars['Date']['input'];
};


/** Liveness of the API itself. */
export type QueryCalendarExceptionsArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  includeRetired?: InputMaybe<Scalars['Boolean']['input']>;
  plantId: Scalars['ID']['input'];
  to?: InputMaybe<Scalars['Date']['input']>;
};


/** Liveness of the API itself. */
export type QueryCapacityReportArgs = {
  from: Scalars['Date']['input'];
  granularity: Granularity;
  plantId: Scalars['ID']['input'];
  to: Scalars['Date']['input'];
  workCenterIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};


/** Liveness of the API itself. */
export type QueryChangeOrderArgs = {
  id: Scalars['ID']['input'];
};


/** Liveness of the API itself. */
export type QueryChangeOrderReportArgs = {
  from: Scalars['Date']['input'];
  plantId: Scalars['ID']['input'];
  to: Scalars['Date']['input'];
};


/** Liveness of the API itself. */
export type QueryChangeOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ChangeOrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Liveness of the API itself. */
export type QueryCustomersArgs = {
  includeRetired?: InputMaybe<Scalars['Boolean']['input']>;
  plantId: Scalars['ID']['input'];
};


/** Liveness of the API itself. */
export type QueryExportPlantDataArgs = {
  format: ExportFormat;
  plantId: Scalars['ID']['input'];
};


/** Liveness of the API itself. */
export type QueryNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Liveness of the API itself. */
export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


/** Liveness of the API itself. */
export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  plantId: Scalars['ID']['input'];
};


/** Liveness of the API itself. */
export type QueryPolicyArgs = {
  plantId: Scalars['ID']['input'];
};


/** Liveness of the API itself. */
export type QueryPolicyHistoryArgs = {
  plantId: Scalars['ID']['input'];
};


/** Liveness of the API itself. */
export type QueryPolicyPresentArgs = {
  draft: PolicyChanges;
  plantId: Scalars['ID']['input'];
};


/** Liveness of the API itself. */
export type QueryPolicyReplayArgs = {
  draft: PolicyChanges;
  from?: InputMaybe<Scalars['Date']['input']>;
  plantId: Scalars['ID']['input'];
  to?: InputMaybe<Scalars['Date']['input']>;
};


/** Liveness of the API itself. */
export type QueryPreviewChangeOrderArgs = {
  input: ChangeOrderInput;
};


/** Liveness of the API itself. */
export type QueryProductsArgs = {
  includeRetired?: InputMaybe<Scalars['Boolean']['input']>;
  plantId: Scalars['ID']['input'];
};


/** Liveness of the API itself. */
export type QueryUsersArgs = {
  includeRetired?: InputMaybe<Scalars['Boolean']['input']>;
  plantId: Scalars['ID']['input'];
};


/** Liveness of the API itself. */
export type QueryWebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  webhookId: Scalars['ID']['input'];
};


/** Liveness of the API itself. */
export type QueryWorkCentersArgs = {
  includeRetired?: InputMaybe<Scalars['Boolean']['input']>;
  plantId: Scalars['ID']['input'];
};

/** One reason an approval is needed. */
export type RequiredApproval = {
  __typename?: 'RequiredApproval';
  /** Lane. */
  lane: Lane;
  /** What was measured. */
  measured: Scalars['Float']['output'];
  /** The reason in words and numbers. */
  message: Scalars['String']['output'];
  /** Role that must approve (a higher role in the capacity chain also satisfies it). */
  role: Role;
  /** Rule that fired. */
  rule: PolicyRule;
  /** The rule instance whose threshold fired: a scoped rule, or the plant rule (docs/product.md §4.3). */
  scope: RuleScope;
  /** The rule's limit. */
  threshold: Scalars['Float']['output'];
  /** Unit of measured and threshold. */
  unit: MeasureUnit;
};

/** What a user may do (docs/product.md §1). A higher capacity role satisfies a lower tier. */
export type Role =
  /** Finance: decides the cost and margin lane. */
  | 'ACCOUNTING'
  /** Administrator: users, roles and tokens; no approval authority. */
  | 'ADMIN'
  /** Shop floor: sees the board and reports the progress of jobs (start, pause, resume, complete). */
  | 'OPERATOR'
  /** Mid-level manager: decides the manager tier and edits the policy. */
  | 'OPS_MANAGER'
  /** Operations planning: everything a rep may, plus moving jobs. */
  | 'PLANNER'
  /** Top of the plant's chain: overtime, freeze window, escalations. */
  | 'PLANT_MANAGER'
  /** Quality and safety: decides the quality lane. */
  | 'QUALITY'
  /** Customer service / account rep: views the board, previews and proposes change orders. */
  | 'SALES_REP';

/** One step of a product's routing. */
export type RoutingStep = {
  __typename?: 'RoutingStep';
  /** Run hours per unit (rounded to 6 decimals; `minutesPerUnit` is exact). */
  hoursPerUnit: Scalars['Float']['output'];
  /** Run minutes per unit, exactly as stored (may be fractional, e.g. 1.5). */
  minutesPerUnit: Scalars['Float']['output'];
  /** Position in the routing, from 1. */
  seq: Scalars['Int']['output'];
  /** Setup hours per job. */
  setupHours: Scalars['Float']['output'];
  /** Setup minutes per job, exact. */
  setupMinutes: Scalars['Int']['output'];
  /** Where the step runs. */
  workCenterId: Scalars['ID']['output'];
};

/** One routing step of a product, in order from 1. */
export type RoutingStepInput = {
  /** Run hours per unit (≥ 0). */
  hoursPerUnit: Scalars['Float']['input'];
  /** Position, from 1 without gaps. */
  seq: Scalars['Int']['input'];
  /** Setup hours per job (≥ 0). */
  setupHours: Scalars['Float']['input'];
  /** Where it runs (an active work center of the plant). */
  workCenterId: Scalars['ID']['input'];
};

/** How often one rule asked for an approval. */
export type RuleCount = {
  __typename?: 'RuleCount';
  /** Change orders it fired on. */
  count: Scalars['Int']['output'];
  /** Rule. */
  rule: PolicyRule;
};

/**
 * Where a capacity rule applies. Precedence, most specific first: work center and customer tier,
 * customer tier, work center, the plant (both null).
 */
export type RuleScope = {
  __typename?: 'RuleScope';
  /** The customer tier (null: every customer). */
  customerTier: Maybe<CustomerTier>;
  /** The scope in words: `plant`, `LASER`, `strategic customers`, `LASER for strategic customers`. */
  label: Scalars['String']['output'];
  /** Its code (null when the rule is not for one work center). */
  workCenterCode: Maybe<Scalars['String']['output']>;
  /** The work center (null: every work center). */
  workCenterId: Maybe<Scalars['ID']['output']>;
};

/** The capacity settings for one scope. */
export type ScopedRule = {
  __typename?: 'ScopedRule';
  /** At or below this utilization (fraction) no capacity approval is needed, in this scope. */
  autoApproveMaxUtilization: Scalars['Float']['output'];
  /** Above auto and up to this utilization the ops manager decides, in this scope. */
  managerMaxUtilization: Scalars['Float']['output'];
  /** Whether overtime may be planned in this scope. */
  overtimeAllowed: Scalars['Boolean']['output'];
  /** Where it applies (never the plant: that is the policy's own settings). */
  scope: RuleScope;
};

/** A scoped rule as the editor sends it: a work center, a customer tier or both, and all three capacity settings. */
export type ScopedRuleInput = {
  /** Fraction in (0, managerMaxUtilization]. */
  autoApproveMaxUtilization: Scalars['Float']['input'];
  /** The customer tier (omit for every customer). */
  customerTier?: InputMaybe<CustomerTier>;
  /** Fraction in [autoApproveMaxUtilization, 1]. */
  managerMaxUtilization: Scalars['Float']['input'];
  /** Allow planning overtime in this scope. */
  overtimeAllowed: Scalars['Boolean']['input'];
  /** The work center (omit for every work center). */
  workCenterId?: InputMaybe<Scalars['ID']['input']>;
};

/** An earlier decision like the disputed one, and how it turned out. */
export type SimilarDecision = {
  __typename?: 'SimilarDecision';
  /** Its order is at risk now. */
  atRisk: Scalars['Boolean']['output'];
  /** The change order. */
  changeOrderId: Scalars['ID']['output'];
  /** Its customer. */
  customerName: Maybe<Scalars['String']['output']>;
  /** Its kinds. */
  kinds: Array<ChangeKind>;
  /** Its order's last work is placed after its due date. */
  late: Scalars['Boolean']['output'];
  /** Its number. */
  number: Scalars['String']['output'];
  /** Its order's number (null for a new order never created). */
  orderNumber: Maybe<Scalars['String']['output']>;
  /** When proposed. */
  proposedAt: Scalars['DateTime']['output'];
  /** Why it is similar: the same customer, the same work centers, or both. */
  sameCustomer: Scalars['Boolean']['output'];
  /** Work centers it raised that the disputed change raises too. */
  sharedWorkCenterCodes: Array<Scalars['String']['output']>;
  /** How it ended: APPLIED, REJECTED, CLOSED or WITHDRAWN. */
  status: ChangeOrderStatus;
  /** Its capacity tier. */
  tier: Tier;
};

/** Live streams, over WebSocket (`graphql-ws` protocol) at /graphql. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The plant's board events: every event after `since` from the store, then new ones as they
   * commit, each exactly once and in sequence order. Without `since`, only events committed after
   * the subscription starts. Pass the board's `lastEventSeq` (or the last `seq` seen) to resume.
   * When `since` is older than what is retained, or newer than the plant's last event, the first
   * event is RESYNC. BAD_USER_INPUT when `since` is negative.
   */
  boardEvents: BoardEvent;
  /**
   * The progress of the import started with `importPlantData(plantId, progressKey)` (PLANT_MANAGER,
   * ADMIN): WAITING at once, then a message per step and,
   * within a long step, every few percent; intermediate values may be skipped when they come faster
   * than they are read. The import's own answer is its outcome; this stream never ends by itself.
   * Subscribe before starting the import: nothing is replayed. BAD_USER_INPUT for a malformed key.
   */
  importProgress: ImportProgress;
  /**
   * Who is looking at the plant: the current snapshot at once, then a new one whenever it changes.
   * Subscribing makes you present (until you disconnect, or at most 30 s after your connection
   * is lost); `updatePresence` says what you have open.
   */
  presence: PresenceSnapshot;
};


/** Live streams, over WebSocket (`graphql-ws` protocol) at /graphql. */
export type SubscriptionBoardEventsArgs = {
  plantId: Scalars['ID']['input'];
  since?: InputMaybe<Scalars['Int']['input']>;
};


/** Live streams, over WebSocket (`graphql-ws` protocol) at /graphql. */
export type SubscriptionImportProgressArgs = {
  plantId: Scalars['ID']['input'];
  progressKey: Scalars['String']['input'];
};


/** Live streams, over WebSocket (`graphql-ws` protocol) at /graphql. */
export type SubscriptionPresenceArgs = {
  plantId: Scalars['ID']['input'];
};

/** The authority a change needs by capacity, judged by the load it adds: only buckets whose load the change raises count (docs/product.md §3). */
export type Tier =
  /** Every bucket the change raises stays at or below the auto-approve utilization (or it raises none): no capacity approval. */
  | 'AUTO'
  /** Fits under no tier by the requested date; see the alternatives. */
  | 'INFEASIBLE'
  /** A raised bucket goes above the auto-approve utilization, none above the manager utilization: the ops manager. */
  | 'MANAGER'
  /** A raised bucket goes above the manager utilization, into overtime: the plant manager. */
  | 'OVERTIME';

/** What kind of non-human client a token is for (docs/product.md §1). */
export type TokenKind =
  /** An integration: `reports:read` (reports, BI tools, scripts), `masterdata:write` (imports of master data and cut-over orders), `orders:write` (order rows: cut-over orders, and change orders once the plant is live) or `progress:write` (an MES reporting job progress). */
  | 'API'
  /** A wall screen: one plant, read-only (board, events, presence, policy). */
  | 'DISPLAY';

/** A person who signs in to Takt. */
export type User = {
  __typename?: 'User';
  /** False once deactivated: the user can no longer sign in and every session has ended. */
  active: Scalars['Boolean']['output'];
  /** Sign-in address, unique. */
  email: Scalars['String']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** The plant this user works in. */
  plantId: Scalars['ID']['output'];
  /** Whether others see this user in presence (a setting of the user; see setPresenceVisibility). */
  presenceVisible: Scalars['Boolean']['output'];
  /** What this user may do. */
  role: Role;
  /** Optimistic-concurrency version; pass it back as `expectedVersion`. */
  version: Scalars['Int']['output'];
};

/** A user of the plant. */
export type UserInput = {
  /** Sign-in address, unique across Takt. */
  email: Scalars['String']['input'];
  /** Display name. */
  name: Scalars['String']['input'];
  /** What the user may do. */
  role: Role;
};

/**
 * An outgoing webhook of the plant: every change-order transition is POSTed to `url` as JSON
 * `{ id, event, plantId, changeOrder, occurredAt }`, with the attempt's time in `X-Takt-Timestamp`
 * (Unix seconds) and the signature `X-Takt-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>"
 * with the secret>` (receivers refuse timestamps more than 5 minutes from their clock), and the
 * delivery id in `X-Takt-Delivery` (the same on every retry). Events are named `change_order.<action>` in lower
 * case: `change_order.proposed`, `.approved`, `.all_approved`, `.rejected`, `.escalated`,
 * `.sla_escalated`, `.counter_proposed`, `.counter_accepted`, `.counter_declined`, `.withdrawn`,
 * `.applied`, `.reevaluated`, `.order_changed` (its order changed before it was applied: returned to its proposer),
 * `.confirmed` (the proposer confirmed it on the new terms), `.commented`. And `order.at_risk`
 * `{ id, event, plantId, order, occurredAt }`: an order's projected finish passed its due date; `order`
 * carries `id`, `number`, `dueDate`, `projectedFinish`, `riskCause` and `promiseDates` (the earliest
 * due date per capacity tier, `[{ tier, dueDate }]`).
 */
export type Webhook = {
  __typename?: 'Webhook';
  /** When. */
  createdAt: Scalars['DateTime']['output'];
  /** Who created it. */
  createdBy: Maybe<User>;
  /** The events it receives; null means every event. */
  events: Maybe<Array<Scalars['String']['output']>>;
  /** Id. */
  id: Scalars['ID']['output'];
  /** The last characters of the signing secret, to tell secrets apart (the secret itself is shown only once). */
  secretHint: Scalars['String']['output'];
  /** Where deliveries are POSTed. */
  url: Scalars['String']['output'];
};

/** One event sent (or being sent) to a webhook: the delivery log. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** Attempts made so far. */
  attempts: Scalars['Int']['output'];
  /** When it was enqueued (in the transition's transaction). */
  createdAt: Scalars['DateTime']['output'];
  /** When the receiver accepted it. */
  deliveredAt: Maybe<Scalars['DateTime']['output']>;
  /** Event name, e.g. `change_order.approved`. */
  event: Scalars['String']['output'];
  /** Id, also sent as `X-Takt-Delivery` and as `id` in the body. */
  id: Scalars['ID']['output'];
  /** When it was last attempted. */
  lastAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** Why the last attempt failed (timeout, connection refused, HTTP 500 …). */
  lastError: Maybe<Scalars['String']['output']>;
  /** HTTP status of the last attempt (null when it got no response). */
  lastHttpStatus: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due (PENDING only). */
  nextAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** Status. */
  status: WebhookDeliveryStatus;
};

/** A page of deliveries, newest first. */
export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  /** Cursor for the next page (null at the end). */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether more pages follow. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The deliveries. */
  nodes: Array<WebhookDelivery>;
};

/** Where a delivery stands. */
export type WebhookDeliveryStatus =
  /** The webhook was deleted before it was delivered. */
  | 'CANCELLED'
  /** The receiver answered 2xx. */
  | 'DELIVERED'
  /** Every attempt failed; no more retries. */
  | 'FAILED'
  /** Waiting for its first or next attempt. */
  | 'PENDING';

/** A line, cell or machine group with its own capacity calendar. */
export type WorkCenter = {
  __typename?: 'WorkCenter';
  /** False once retired: it takes no new routing steps; work already planned on it stays on the board. */
  active: Scalars['Boolean']['output'];
  /** Short code shown on the board (e.g. `LASER`). */
  code: Scalars['String']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** Overtime hours that may be added per working day. */
  overtimeHoursPerDay: Scalars['Float']['output'];
  /** Overtime minutes that may be added per working day, exact. */
  overtimeMinutesPerDay: Scalars['Int']['output'];
  /** Extra cost per overtime hour. */
  overtimePremiumPerHour: Scalars['Money']['output'];
  /** Labour and machine rate per hour. */
  ratePerHour: Scalars['Money']['output'];
  /** Optimistic-concurrency version; pass it back as `expectedVersion`. */
  version: Scalars['Int']['output'];
  /**
   * Hours available per weekday, SUNDAY first (7 entries: Sunday, Monday, …, Saturday — index 0 is
   * Sunday, as JavaScript's `Date.getDay()`). Note that `WorkCenterInput.weeklyHours` and
   * `work_centers.csv` are Monday first; `weeklyHoursMondayFirst` gives these hours in their order.
   */
  weeklyHours: Array<Scalars['Float']['output']>;
  /**
   * Hours available per weekday, MONDAY first (7 entries: Monday, …, Sunday): the order of
   * `WorkCenterInput.weeklyHours` and of `work_centers.csv`'s `mon_hours` … `sun_hours`, so a
   * work center read here can be sent back to `updateWorkCenter` as it is.
   */
  weeklyHoursMondayFirst: Array<Scalars['Float']['output']>;
  /** Minutes available per weekday, Sunday first like `weeklyHours` (7 entries), exact. */
  weeklyMinutes: Array<Scalars['Int']['output']>;
};

/** One work center's capacity on one date. */
export type WorkCenterDay = {
  __typename?: 'WorkCenterDay';
  /** Regular capacity hours (rounded to 4 decimals). */
  capacityHours: Scalars['Float']['output'];
  /** Regular capacity minutes, exact. */
  capacityMinutes: Scalars['Int']['output'];
  /** Whether a dated exception (holiday, maintenance, extra shift) replaces the weekday's capacity. */
  exception: Scalars['Boolean']['output'];
  /** Overtime hours that may be added (rounded to 4 decimals). */
  overtimeHours: Scalars['Float']['output'];
  /** Overtime minutes that may be added, exact (0 when it does not work). */
  overtimeMinutes: Scalars['Int']['output'];
  /** Its code. */
  workCenterCode: Scalars['String']['output'];
  /** The work center. */
  workCenterId: Scalars['ID']['output'];
  /** Whether it works that day (capacity > 0). */
  working: Scalars['Boolean']['output'];
};

/** A work center's settings. Hours are per weekday, Monday first. */
export type WorkCenterInput = {
  /** Short code, unique in the plant (letters, digits, `-`, `_`, `.`; up to 32). */
  code: Scalars['String']['input'];
  /** Display name. */
  name: Scalars['String']['input'];
  /** Overtime hours that may be added per working day (0–24; default 0). */
  overtimeHoursPerDay?: InputMaybe<Scalars['Float']['input']>;
  /** Extra cost per overtime hour (default 0). */
  overtimePremiumPerHour?: InputMaybe<Scalars['Money']['input']>;
  /** Labour and machine rate per hour. */
  ratePerHour: Scalars['Money']['input'];
  /**
   * Hours per weekday, MONDAY first (Monday, …, Sunday): 7 values from 0 to 24, the order of
   * `work_centers.csv`. `WorkCenter.weeklyHours` reads them back Sunday first;
   * `WorkCenter.weeklyHoursMondayFirst` in this order.
   */
  weeklyHours: Array<Scalars['Float']['input']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccessToken: ResolverTypeWrapper<TokenDtoModel>;
  Allocation: ResolverTypeWrapper<AllocationDtoModel>;
  Approval: ResolverTypeWrapper<ApprovalRowModel>;
  ApprovalStatus: ApprovalStatus;
  ApproverDecisions: ResolverTypeWrapper<ApproverDecisionsRowModel>;
  AuditEvent: ResolverTypeWrapper<AuditEventRowModel>;
  AuditEventConnection: ResolverTypeWrapper<AuditEventPageModel>;
  AuditEventFilter: AuditEventFilter;
  Base64: ResolverTypeWrapper<Scalars['Base64']['output']>;
  Board: ResolverTypeWrapper<BoardDtoModel>;
  BoardEvent: ResolverTypeWrapper<Omit<BoardEvent, 'buckets' | 'jobs'> & { buckets?: Maybe<Array<ResolversTypes['Bucket']>>, jobs?: Maybe<Array<ResolversTypes['Job']>> }>;
  BoardEventType: BoardEventType;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Bucket: ResolverTypeWrapper<BucketDtoModel>;
  BucketImpact: ResolverTypeWrapper<BucketImpactModel>;
  CalendarDay: ResolverTypeWrapper<CalendarDayDtoModel>;
  CalendarException: ResolverTypeWrapper<CalendarExceptionDtoModel>;
  CalendarExceptionInput: CalendarExceptionInput;
  CapacityReportRow: ResolverTypeWrapper<CapacityReportRowModel>;
  CapacityTier: CapacityTier;
  ChangeEvaluation: ResolverTypeWrapper<EvaluationModel>;
  ChangeKind: ChangeKind;
  ChangeOrder: ResolverTypeWrapper<ChangeOrderRowModel>;
  ChangeOrderComment: ResolverTypeWrapper<CommentRowModel>;
  ChangeOrderConnection: ResolverTypeWrapper<ChangeOrderPageModel>;
  ChangeOrderFilter: ChangeOrderFilter;
  ChangeOrderInput: ChangeOrderInput;
  ChangeOrderOrigin: ResolverTypeWrapper<ChangeOrderOrigin>;
  ChangeOrderOutcomes: ResolverTypeWrapper<ChangeOrderOutcomesModel>;
  ChangeOrderReport: ResolverTypeWrapper<ChangeOrderReportModel>;
  ChangeOrderSource: ChangeOrderSource;
  ChangeOrderStatus: ChangeOrderStatus;
  CompetingOrder: ResolverTypeWrapper<CompetingOrder>;
  CostBreakdown: ResolverTypeWrapper<CostBreakdownModel>;
  CounterProposal: ResolverTypeWrapper<StoredCounterModel>;
  CreatedAccessToken: ResolverTypeWrapper<Omit<CreatedAccessToken, 'token'> & { token: ResolversTypes['AccessToken'] }>;
  CreatedUser: ResolverTypeWrapper<Omit<CreatedUser, 'user'> & { user: ResolversTypes['User'] }>;
  CreatedWebhook: ResolverTypeWrapper<Omit<CreatedWebhook, 'webhook'> & { webhook: ResolversTypes['Webhook'] }>;
  CtpAlternative: ResolverTypeWrapper<CtpAlternativeModel>;
  Customer: ResolverTypeWrapper<CustomerDtoModel>;
  CustomerInput: CustomerInput;
  CustomerTier: CustomerTier;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Delegation: ResolverTypeWrapper<DelegationRowModel>;
  Dispute: ResolverTypeWrapper<DisputeDtoModel>;
  DisputeCustomer: ResolverTypeWrapper<DisputeCustomer>;
  DisputeFact: DisputeFact;
  DisputeMargin: ResolverTypeWrapper<ImpactModel>;
  DowntimeReport: ResolverTypeWrapper<Omit<DowntimeReport, 'days' | 'movedJobs' | 'ordersAtRisk'> & { days: Array<ResolversTypes['Bucket']>, movedJobs: Array<ResolversTypes['Job']>, ordersAtRisk: Array<ResolversTypes['Order']> }>;
  ErrorCode: ErrorCode;
  ExportFile: ResolverTypeWrapper<ExportFile>;
  ExportFormat: ExportFormat;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FreezeReason: FreezeReason;
  FrozenJob: ResolverTypeWrapper<FrozenJob>;
  Granularity: Granularity;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Impact: ResolverTypeWrapper<ImpactModel>;
  ImportChangeOrder: ResolverTypeWrapper<ImportChangeOrder>;
  ImportCount: ResolverTypeWrapper<ImportCount>;
  ImportFileInput: ImportFileInput;
  ImportImpact: ResolverTypeWrapper<ImportImpact>;
  ImportMode: ImportMode;
  ImportPhase: ImportPhase;
  ImportProgress: ResolverTypeWrapper<ImportProgress>;
  ImportResult: ResolverTypeWrapper<ImportOutcomeModel>;
  ImportRowError: ResolverTypeWrapper<ImportRowError>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IntColumn: ResolverTypeWrapper<Scalars['IntColumn']['output']>;
  Job: ResolverTypeWrapper<JobDtoModel>;
  JobStatus: JobStatus;
  KeyCount: ResolverTypeWrapper<KeyCount>;
  Lane: Lane;
  LaneTiming: ResolverTypeWrapper<LaneTiming>;
  LateImportOrder: ResolverTypeWrapper<LateImportOrder>;
  MeasureUnit: MeasureUnit;
  Money: ResolverTypeWrapper<Scalars['Money']['output']>;
  MoveJobInput: MoveJobInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NewOrderInput: NewOrderInput;
  Notification: ResolverTypeWrapper<NotificationRowModel>;
  NotificationConnection: ResolverTypeWrapper<NotificationPageModel>;
  NotificationKind: NotificationKind;
  Order: ResolverTypeWrapper<OrderDtoModel>;
  OrderConnection: ResolverTypeWrapper<OrderPageModel>;
  OrderFilter: OrderFilter;
  OrderStatus: OrderStatus;
  OrderTerms: ResolverTypeWrapper<OrderTermsModel>;
  OutcomeBand: ResolverTypeWrapper<OutcomeBand>;
  OverturnedRejections: ResolverTypeWrapper<OverturnedRejections>;
  PackedBoard: ResolverTypeWrapper<PackedBoardDtoModel>;
  PackedJobs: ResolverTypeWrapper<PackedJobs>;
  PackedOrders: ResolverTypeWrapper<PackedOrders>;
  PlannedJob: ResolverTypeWrapper<JobModel>;
  Plant: ResolverTypeWrapper<PlantDtoModel>;
  PlantInput: PlantInput;
  Policy: ResolverTypeWrapper<PolicyDtoModel>;
  PolicyBucketCrossing: ResolverTypeWrapper<PolicyBucketCrossing>;
  PolicyChanges: PolicyChanges;
  PolicyPresent: ResolverTypeWrapper<PolicyPresent>;
  PolicyPresentChange: ResolverTypeWrapper<PolicyPresentChange>;
  PolicyReplay: ResolverTypeWrapper<PolicyReplay>;
  PolicyReplayChange: ResolverTypeWrapper<PolicyReplayChange>;
  PolicyReplayLaneRole: ResolverTypeWrapper<PolicyReplayLaneRole>;
  PolicyReplayRoleCount: ResolverTypeWrapper<PolicyReplayRoleCount>;
  PolicyReplaySide: ResolverTypeWrapper<PolicyReplaySide>;
  PolicyReplayVerdict: ResolverTypeWrapper<PolicyReplayVerdict>;
  PolicyReplayWeek: ResolverTypeWrapper<PolicyReplayWeek>;
  PolicyRule: PolicyRule;
  PresenceEntry: ResolverTypeWrapper<PresenceEntry>;
  PresenceKind: PresenceKind;
  PresenceSnapshot: ResolverTypeWrapper<PresenceSnapshot>;
  PresenceViewing: ResolverTypeWrapper<PresenceViewing>;
  PresenceViewingInput: PresenceViewingInput;
  Product: ResolverTypeWrapper<ProductDtoModel>;
  ProductInput: ProductInput;
  ProductOption: ResolverTypeWrapper<ProductOptionDtoModel>;
  ProductOptionInput: ProductOptionInput;
  ProgressAction: ProgressAction;
  ProgressFileResult: ResolverTypeWrapper<ProgressFileResult>;
  ProgressReportInput: ProgressReportInput;
  ProgressRowOutcome: ProgressRowOutcome;
  ProgressRowResult: ResolverTypeWrapper<ProgressRowResult>;
  PromiseDate: ResolverTypeWrapper<PromiseDate>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RequiredApproval: ResolverTypeWrapper<RequiredApprovalModel>;
  Role: Role;
  RoutingStep: ResolverTypeWrapper<RoutingStepDtoModel>;
  RoutingStepInput: RoutingStepInput;
  RuleCount: ResolverTypeWrapper<RuleCount>;
  RuleScope: ResolverTypeWrapper<RuleScopeModel>;
  ScopedRule: ResolverTypeWrapper<ScopedRuleModel>;
  ScopedRuleInput: ScopedRuleInput;
  SimilarDecision: ResolverTypeWrapper<SimilarDecision>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  StringColumn: ResolverTypeWrapper<Scalars['StringColumn']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tier: Tier;
  TokenKind: TokenKind;
  User: ResolverTypeWrapper<UserRowModel>;
  UserInput: UserInput;
  Webhook: ResolverTypeWrapper<WebhookRowModel>;
  WebhookDelivery: ResolverTypeWrapper<WebhookDeliveryRowModel>;
  WebhookDeliveryConnection: ResolverTypeWrapper<WebhookDeliveryPageModel>;
  WebhookDeliveryStatus: WebhookDeliveryStatus;
  WorkCenter: ResolverTypeWrapper<WorkCenterDtoModel>;
  WorkCenterDay: ResolverTypeWrapper<WorkCenterDayDtoModel>;
  WorkCenterInput: WorkCenterInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccessToken: TokenDtoModel;
  Allocation: AllocationDtoModel;
  Approval: ApprovalRowModel;
  ApproverDecisions: ApproverDecisionsRowModel;
  AuditEvent: AuditEventRowModel;
  AuditEventConnection: AuditEventPageModel;
  AuditEventFilter: AuditEventFilter;
  Base64: Scalars['Base64']['output'];
  Board: BoardDtoModel;
  BoardEvent: Omit<BoardEvent, 'buckets' | 'jobs'> & { buckets?: Maybe<Array<ResolversParentTypes['Bucket']>>, jobs?: Maybe<Array<ResolversParentTypes['Job']>> };
  Boolean: Scalars['Boolean']['output'];
  Bucket: BucketDtoModel;
  BucketImpact: BucketImpactModel;
  CalendarDay: CalendarDayDtoModel;
  CalendarException: CalendarExceptionDtoModel;
  CalendarExceptionInput: CalendarExceptionInput;
  CapacityReportRow: CapacityReportRowModel;
  ChangeEvaluation: EvaluationModel;
  ChangeOrder: ChangeOrderRowModel;
  ChangeOrderComment: CommentRowModel;
  ChangeOrderConnection: ChangeOrderPageModel;
  ChangeOrderFilter: ChangeOrderFilter;
  ChangeOrderInput: ChangeOrderInput;
  ChangeOrderOrigin: ChangeOrderOrigin;
  ChangeOrderOutcomes: ChangeOrderOutcomesModel;
  ChangeOrderReport: ChangeOrderReportModel;
  CompetingOrder: CompetingOrder;
  CostBreakdown: CostBreakdownModel;
  CounterProposal: StoredCounterModel;
  CreatedAccessToken: Omit<CreatedAccessToken, 'token'> & { token: ResolversParentTypes['AccessToken'] };
  CreatedUser: Omit<CreatedUser, 'user'> & { user: ResolversParentTypes['User'] };
  CreatedWebhook: Omit<CreatedWebhook, 'webhook'> & { webhook: ResolversParentTypes['Webhook'] };
  CtpAlternative: CtpAlternativeModel;
  Customer: CustomerDtoModel;
  CustomerInput: CustomerInput;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Delegation: DelegationRowModel;
  Dispute: DisputeDtoModel;
  DisputeCustomer: DisputeCustomer;
  DisputeMargin: ImpactModel;
  DowntimeReport: Omit<DowntimeReport, 'days' | 'movedJobs' | 'ordersAtRisk'> & { days: Array<ResolversParentTypes['Bucket']>, movedJobs: Array<ResolversParentTypes['Job']>, ordersAtRisk: Array<ResolversParentTypes['Order']> };
  ExportFile: ExportFile;
  Float: Scalars['Float']['output'];
  FrozenJob: FrozenJob;
  ID: Scalars['ID']['output'];
  Impact: ImpactModel;
  ImportChangeOrder: ImportChangeOrder;
  ImportCount: ImportCount;
  ImportFileInput: ImportFileInput;
  ImportImpact: ImportImpact;
  ImportProgress: ImportProgress;
  ImportResult: ImportOutcomeModel;
  ImportRowError: ImportRowError;
  Int: Scalars['Int']['output'];
  IntColumn: Scalars['IntColumn']['output'];
  Job: JobDtoModel;
  KeyCount: KeyCount;
  LaneTiming: LaneTiming;
  LateImportOrder: LateImportOrder;
  Money: Scalars['Money']['output'];
  MoveJobInput: MoveJobInput;
  Mutation: Record<PropertyKey, never>;
  NewOrderInput: NewOrderInput;
  Notification: NotificationRowModel;
  NotificationConnection: NotificationPageModel;
  Order: OrderDtoModel;
  OrderConnection: OrderPageModel;
  OrderFilter: OrderFilter;
  OrderTerms: OrderTermsModel;
  OutcomeBand: OutcomeBand;
  OverturnedRejections: OverturnedRejections;
  PackedBoard: PackedBoardDtoModel;
  PackedJobs: PackedJobs;
  PackedOrders: PackedOrders;
  PlannedJob: JobModel;
  Plant: PlantDtoModel;
  PlantInput: PlantInput;
  Policy: PolicyDtoModel;
  PolicyBucketCrossing: PolicyBucketCrossing;
  PolicyChanges: PolicyChanges;
  PolicyPresent: PolicyPresent;
  PolicyPresentChange: PolicyPresentChange;
  PolicyReplay: PolicyReplay;
  PolicyReplayChange: PolicyReplayChange;
  PolicyReplayLaneRole: PolicyReplayLaneRole;
  PolicyReplayRoleCount: PolicyReplayRoleCount;
  PolicyReplaySide: PolicyReplaySide;
  PolicyReplayVerdict: PolicyReplayVerdict;
  PolicyReplayWeek: PolicyReplayWeek;
  PresenceEntry: PresenceEntry;
  PresenceSnapshot: PresenceSnapshot;
  PresenceViewing: PresenceViewing;
  PresenceViewingInput: PresenceViewingInput;
  Product: ProductDtoModel;
  ProductInput: ProductInput;
  ProductOption: ProductOptionDtoModel;
  ProductOptionInput: ProductOptionInput;
  ProgressFileResult: ProgressFileResult;
  ProgressReportInput: ProgressReportInput;
  ProgressRowResult: ProgressRowResult;
  PromiseDate: PromiseDate;
  Query: Record<PropertyKey, never>;
  RequiredApproval: RequiredApprovalModel;
  RoutingStep: RoutingStepDtoModel;
  RoutingStepInput: RoutingStepInput;
  RuleCount: RuleCount;
  RuleScope: RuleScopeModel;
  ScopedRule: ScopedRuleModel;
  ScopedRuleInput: ScopedRuleInput;
  SimilarDecision: SimilarDecision;
  String: Scalars['String']['output'];
  StringColumn: Scalars['StringColumn']['output'];
  Subscription: Record<PropertyKey, never>;
  User: UserRowModel;
  UserInput: UserInput;
  Webhook: WebhookRowModel;
  WebhookDelivery: WebhookDeliveryRowModel;
  WebhookDeliveryConnection: WebhookDeliveryPageModel;
  WorkCenter: WorkCenterDtoModel;
  WorkCenterDay: WorkCenterDayDtoModel;
  WorkCenterInput: WorkCenterInput;
};

export type AccessTokenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AccessToken'] = ResolversParentTypes['AccessToken']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['TokenKind'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AllocationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Allocation'] = ResolversParentTypes['Allocation']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  hours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  minutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ApprovalResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Approval'] = ResolversParentTypes['Approval']> = {
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decidedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  delegate?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  escalations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lane?: Resolver<ResolversTypes['Lane'], ParentType, ContextType>;
  pendingSince?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  requiredRole?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ApprovalStatus'], ParentType, ContextType>;
};

export type ApproverDecisionsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApproverDecisions'] = ResolversParentTypes['ApproverDecisions']> = {
  approved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  approver?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuditEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  delegate?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  disputeSeen?: Resolver<Array<ResolversTypes['DisputeFact']>, ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entityLabel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  evaluation?: Resolver<Maybe<ResolversTypes['ChangeEvaluation']>, ParentType, ContextType>;
  fromStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  orderNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  policyVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  rules?: Resolver<Array<ResolversTypes['PolicyRule']>, ParentType, ContextType>;
  toStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditEventConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEventConnection'] = ResolversParentTypes['AuditEventConnection']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['AuditEvent']>, ParentType, ContextType>;
};

export interface Base64ScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Base64'], any> {
  name: 'Base64';
}

export type BoardResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Board'] = ResolversParentTypes['Board']> = {
  buckets?: Resolver<Array<ResolversTypes['Bucket']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  jobs?: Resolver<Array<ResolversTypes['Job']>, ParentType, ContextType>;
  lastEventSeq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  orders?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
  packed?: Resolver<ResolversTypes['PackedBoard'], ParentType, ContextType>;
  plant?: Resolver<ResolversTypes['Plant'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  workCenters?: Resolver<Array<ResolversTypes['WorkCenter']>, ParentType, ContextType>;
};

export type BoardEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BoardEvent'] = ResolversParentTypes['BoardEvent']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  buckets?: Resolver<Maybe<Array<ResolversTypes['Bucket']>>, ParentType, ContextType>;
  changeOrderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  jobs?: Resolver<Maybe<Array<ResolversTypes['Job']>>, ParentType, ContextType>;
  orderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  orderIds?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  plantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  policyVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  removedJobIds?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['BoardEventType'], ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type BucketResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Bucket'] = ResolversParentTypes['Bucket']> = {
  capacityHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  capacityMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  loadHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  loadMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overtimeHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  overtimeMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  utilization?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  workCenterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type BucketImpactResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BucketImpact'] = ResolversParentTypes['BucketImpact']> = {
  capacityHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  capacityMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  loadAfterHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  loadAfterMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  loadBeforeHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  loadBeforeMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overtimeCapacityHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  utilizationAfter?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  utilizationBefore?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  workCenterCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workCenterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type CalendarDayResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CalendarDay'] = ResolversParentTypes['CalendarDay']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  inFreezeWindow?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  plantWorkingDay?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  workCenters?: Resolver<Array<ResolversTypes['WorkCenterDay']>, ParentType, ContextType>;
};

export type CalendarExceptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CalendarException'] = ResolversParentTypes['CalendarException']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dateFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  dateTo?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  hours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workCenterId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type CapacityReportRowResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CapacityReportRow'] = ResolversParentTypes['CapacityReportRow']> = {
  capacityHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  loadHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  overtimeHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  overtimeUsedHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  utilization?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  workCenterCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workCenterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ChangeEvaluationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChangeEvaluation'] = ResolversParentTypes['ChangeEvaluation']> = {
  alternatives?: Resolver<Array<ResolversTypes['CtpAlternative']>, ParentType, ContextType>;
  customerTier?: Resolver<Maybe<ResolversTypes['CustomerTier']>, ParentType, ContextType>;
  frozenJobs?: Resolver<Array<ResolversTypes['FrozenJob']>, ParentType, ContextType>;
  impact?: Resolver<Maybe<ResolversTypes['Impact']>, ParentType, ContextType>;
  infeasibleReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  jobs?: Resolver<Array<ResolversTypes['PlannedJob']>, ParentType, ContextType>;
  kinds?: Resolver<Array<ResolversTypes['ChangeKind']>, ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  policyVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requiredApprovals?: Resolver<Array<ResolversTypes['RequiredApproval']>, ParentType, ContextType>;
  terms?: Resolver<Maybe<ResolversTypes['OrderTerms']>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['Tier'], ParentType, ContextType>;
  tierScope?: Resolver<ResolversTypes['RuleScope'], ParentType, ContextType>;
  today?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type ChangeOrderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChangeOrder'] = ResolversParentTypes['ChangeOrder']> = {
  appliedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  approvals?: Resolver<Array<ResolversTypes['Approval']>, ParentType, ContextType>;
  comments?: Resolver<Array<ResolversTypes['ChangeOrderComment']>, ParentType, ContextType>;
  counterProposal?: Resolver<Maybe<ResolversTypes['CounterProposal']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dispute?: Resolver<Maybe<ResolversTypes['Dispute']>, ParentType, ContextType>;
  evaluation?: Resolver<ResolversTypes['ChangeEvaluation'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kinds?: Resolver<Array<ResolversTypes['ChangeKind']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  origin?: Resolver<Maybe<ResolversTypes['ChangeOrderOrigin']>, ParentType, ContextType>;
  proposer?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ChangeOrderStatus'], ParentType, ContextType>;
  statusReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['Tier'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChangeOrderCommentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChangeOrderComment'] = ResolversParentTypes['ChangeOrderComment']> = {
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ChangeOrderConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChangeOrderConnection'] = ResolversParentTypes['ChangeOrderConnection']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ChangeOrder']>, ParentType, ContextType>;
};

export type ChangeOrderOriginResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChangeOrderOrigin'] = ResolversParentTypes['ChangeOrderOrigin']> = {
  batch?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  file?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ChangeOrderSource'], ParentType, ContextType>;
  tokenName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ChangeOrderOutcomesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChangeOrderOutcomes'] = ResolversParentTypes['ChangeOrderOutcomes']> = {
  bands?: Resolver<Array<ResolversTypes['OutcomeBand']>, ParentType, ContextType>;
  overturnedRejections?: Resolver<Array<ResolversTypes['OverturnedRejections']>, ParentType, ContextType>;
  suggestions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  timeToDecisionByLane?: Resolver<Array<ResolversTypes['LaneTiming']>, ParentType, ContextType>;
};

export type ChangeOrderReportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChangeOrderReport'] = ResolversParentTypes['ChangeOrderReport']> = {
  autoApprovalRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  byLane?: Resolver<Array<ResolversTypes['KeyCount']>, ParentType, ContextType>;
  byStatus?: Resolver<Array<ResolversTypes['KeyCount']>, ParentType, ContextType>;
  byTier?: Resolver<Array<ResolversTypes['KeyCount']>, ParentType, ContextType>;
  costDelta?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  decisionsByApprover?: Resolver<Array<ResolversTypes['ApproverDecisions']>, ParentType, ContextType>;
  escalations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  medianHoursToDecision?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  outcomes?: Resolver<ResolversTypes['ChangeOrderOutcomes'], ParentType, ContextType>;
  p90HoursToDecision?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  revenueDelta?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  ruleCounts?: Resolver<Array<ResolversTypes['RuleCount']>, ParentType, ContextType>;
  slaEscalations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CompetingOrderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CompetingOrder'] = ResolversParentTypes['CompetingOrder']> = {
  atRisk?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  customerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customerTier?: Resolver<ResolversTypes['CustomerTier'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  hours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projectedFinish?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  workCenterCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CostBreakdownResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CostBreakdown'] = ResolversParentTypes['CostBreakdown']> = {
  labour?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  material?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  overtimePremium?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  scrap?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  setup?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type CounterProposalResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CounterProposal'] = ResolversParentTypes['CounterProposal']> = {
  by?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  comment?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  evaluation?: Resolver<ResolversTypes['ChangeEvaluation'], ParentType, ContextType>;
};

export type CreatedAccessTokenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreatedAccessToken'] = ResolversParentTypes['CreatedAccessToken']> = {
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['AccessToken'], ParentType, ContextType>;
};

export type CreatedUserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreatedUser'] = ResolversParentTypes['CreatedUser']> = {
  setPasswordToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type CreatedWebhookResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreatedWebhook'] = ResolversParentTypes['CreatedWebhook']> = {
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  webhook?: Resolver<ResolversTypes['Webhook'], ParentType, ContextType>;
};

export type CtpAlternativeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CtpAlternative'] = ResolversParentTypes['CtpAlternative']> = {
  dueDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  jobs?: Resolver<Array<ResolversTypes['PlannedJob']>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['CapacityTier'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contact?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['CustomerTier'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DelegationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Delegation'] = ResolversParentTypes['Delegation']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  delegate?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type DisputeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dispute'] = ResolversParentTypes['Dispute']> = {
  buckets?: Resolver<Array<ResolversTypes['BucketImpact']>, ParentType, ContextType>;
  competingOrders?: Resolver<Array<ResolversTypes['CompetingOrder']>, ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['DisputeCustomer']>, ParentType, ContextType>;
  margin?: Resolver<Maybe<ResolversTypes['DisputeMargin']>, ParentType, ContextType>;
  similarDecisions?: Resolver<Array<ResolversTypes['SimilarDecision']>, ParentType, ContextType>;
};

export type DisputeCustomerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DisputeCustomer'] = ResolversParentTypes['DisputeCustomer']> = {
  changeOrdersApplied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  changeOrdersProposed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  changeOrdersRejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ordersAtRisk?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['CustomerTier'], ParentType, ContextType>;
};

export type DisputeMarginResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DisputeMargin'] = ResolversParentTypes['DisputeMargin']> = {
  after?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  afterPct?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  before?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  beforePct?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type DowntimeReportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DowntimeReport'] = ResolversParentTypes['DowntimeReport']> = {
  days?: Resolver<Array<ResolversTypes['Bucket']>, ParentType, ContextType>;
  movedJobs?: Resolver<Array<ResolversTypes['Job']>, ParentType, ContextType>;
  ordersAtRisk?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
  workCenterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ExportFileResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ExportFile'] = ResolversParentTypes['ExportFile']> = {
  content?: Resolver<ResolversTypes['Base64'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FrozenJobResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FrozenJob'] = ResolversParentTypes['FrozenJob']> = {
  jobId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kept?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['FreezeReason'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImpactResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Impact'] = ResolversParentTypes['Impact']> = {
  buckets?: Resolver<Array<ResolversTypes['BucketImpact']>, ParentType, ContextType>;
  costAfter?: Resolver<ResolversTypes['CostBreakdown'], ParentType, ContextType>;
  costBefore?: Resolver<ResolversTypes['CostBreakdown'], ParentType, ContextType>;
  costDelta?: Resolver<ResolversTypes['CostBreakdown'], ParentType, ContextType>;
  hoursDelta?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  marginAfter?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  marginAfterPct?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  marginBefore?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  marginBeforePct?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  overtimeHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  priceAfter?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  priceBefore?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  priceDelta?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type ImportChangeOrderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportChangeOrder'] = ResolversParentTypes['ImportChangeOrder']> = {
  changeOrderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  changeOrderNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  file?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kinds?: Resolver<Array<ResolversTypes['ChangeKind']>, ParentType, ContextType>;
  orderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ChangeOrderStatus'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['Tier'], ParentType, ContextType>;
  waitsFor?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ImportCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportCount'] = ResolversParentTypes['ImportCount']> = {
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  entity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retired?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportImpactResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportImpact'] = ResolversParentTypes['ImportImpact']> = {
  bucketsAboveAuto?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  bucketsAboveCapacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  bucketsAboveManager?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lateOrders?: Resolver<Array<ResolversTypes['LateImportOrder']>, ParentType, ContextType>;
  ordersPlaced?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportProgressResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportProgress'] = ResolversParentTypes['ImportProgress']> = {
  done?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  phase?: Resolver<ResolversTypes['ImportPhase'], ParentType, ContextType>;
  progressKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportResult'] = ResolversParentTypes['ImportResult']> = {
  applied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  changeOrders?: Resolver<Array<ResolversTypes['ImportChangeOrder']>, ParentType, ContextType>;
  counts?: Resolver<Array<ResolversTypes['ImportCount']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['ImportRowError']>, ParentType, ContextType>;
  errorsCsv?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  impact?: Resolver<Maybe<ResolversTypes['ImportImpact']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['ImportMode'], ParentType, ContextType>;
  previewToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImportRowErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportRowError'] = ResolversParentTypes['ImportRowError']> = {
  column?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  file?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface IntColumnScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['IntColumn'], any> {
  name: 'IntColumn';
}

export type JobResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Job'] = ResolversParentTypes['Job']> = {
  actualHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  allocations?: Resolver<Array<ResolversTypes['Allocation']>, ParentType, ContextType>;
  completedQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  end?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  hours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  minutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paused?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  remainingHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  scrapQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['JobStatus'], ParentType, ContextType>;
  workCenterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type KeyCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['KeyCount'] = ResolversParentTypes['KeyCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LaneTimingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LaneTiming'] = ResolversParentTypes['LaneTiming']> = {
  decisions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lane?: Resolver<ResolversTypes['Lane'], ParentType, ContextType>;
  medianHours?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  p90Hours?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type LateImportOrderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LateImportOrder'] = ResolversParentTypes['LateImportOrder']> = {
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  earliestDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface MoneyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Money'], any> {
  name: 'Money';
}

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  approveChangeOrder?: Resolver<ResolversTypes['ChangeOrder'], ParentType, ContextType, RequireFields<MutationApproveChangeOrderArgs, 'expectedVersion' | 'id'>>;
  changePassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  commentOnChangeOrder?: Resolver<ResolversTypes['ChangeOrder'], ParentType, ContextType, RequireFields<MutationCommentOnChangeOrderArgs, 'body' | 'id'>>;
  confirmChangeOrder?: Resolver<ResolversTypes['ChangeOrder'], ParentType, ContextType, RequireFields<MutationConfirmChangeOrderArgs, 'expectedOrderVersion' | 'expectedVersion' | 'id'>>;
  counterProposeChangeOrder?: Resolver<ResolversTypes['ChangeOrder'], ParentType, ContextType, RequireFields<MutationCounterProposeChangeOrderArgs, 'comment' | 'expectedVersion' | 'id' | 'input'>>;
  createAccessToken?: Resolver<ResolversTypes['CreatedAccessToken'], ParentType, ContextType, RequireFields<MutationCreateAccessTokenArgs, 'kind' | 'name'>>;
  createCalendarException?: Resolver<ResolversTypes['CalendarException'], ParentType, ContextType, RequireFields<MutationCreateCalendarExceptionArgs, 'input' | 'plantId'>>;
  createCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<MutationCreateCustomerArgs, 'input' | 'plantId'>>;
  createPlant?: Resolver<ResolversTypes['Plant'], ParentType, ContextType, RequireFields<MutationCreatePlantArgs, 'input'>>;
  createProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationCreateProductArgs, 'input' | 'plantId'>>;
  createUser?: Resolver<ResolversTypes['CreatedUser'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input' | 'plantId'>>;
  createWebhook?: Resolver<ResolversTypes['CreatedWebhook'], ParentType, ContextType, RequireFields<MutationCreateWebhookArgs, 'url'>>;
  createWorkCenter?: Resolver<ResolversTypes['WorkCenter'], ParentType, ContextType, RequireFields<MutationCreateWorkCenterArgs, 'input' | 'plantId'>>;
  deleteWebhook?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteWebhookArgs, 'id'>>;
  escalateChangeOrder?: Resolver<ResolversTypes['ChangeOrder'], ParentType, ContextType, RequireFields<MutationEscalateChangeOrderArgs, 'comment' | 'expectedVersion' | 'id'>>;
  importPlantData?: Resolver<ResolversTypes['ImportResult'], ParentType, ContextType, RequireFields<MutationImportPlantDataArgs, 'files' | 'mode' | 'plantId'>>;
  issueSetPasswordToken?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<MutationIssueSetPasswordTokenArgs, 'userId'>>;
  login?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'email' | 'password'>>;
  logout?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  logoutEverywhere?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  markNotificationsRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType, Partial<MutationMarkNotificationsReadArgs>>;
  moveJob?: Resolver<ResolversTypes['ChangeOrder'], ParentType, ContextType, RequireFields<MutationMoveJobArgs, 'jobId' | 'startDate'>>;
  ping?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  proposeChangeOrder?: Resolver<ResolversTypes['ChangeOrder'], ParentType, ContextType, RequireFields<MutationProposeChangeOrderArgs, 'input'>>;
  rejectChangeOrder?: Resolver<ResolversTypes['ChangeOrder'], ParentType, ContextType, RequireFields<MutationRejectChangeOrderArgs, 'expectedVersion' | 'id' | 'reason'>>;
  reportDowntime?: Resolver<ResolversTypes['DowntimeReport'], ParentType, ContextType, RequireFields<MutationReportDowntimeArgs, 'from' | 'hoursLost' | 'reason' | 'to' | 'workCenterId'>>;
  reportProgress?: Resolver<ResolversTypes['Job'], ParentType, ContextType, RequireFields<MutationReportProgressArgs, 'input'>>;
  reportProgressFile?: Resolver<ResolversTypes['ProgressFileResult'], ParentType, ContextType, RequireFields<MutationReportProgressFileArgs, 'file'>>;
  respondToCounterProposal?: Resolver<ResolversTypes['ChangeOrder'], ParentType, ContextType, RequireFields<MutationRespondToCounterProposalArgs, 'accept' | 'expectedVersion' | 'id'>>;
  retireCalendarException?: Resolver<ResolversTypes['CalendarException'], ParentType, ContextType, RequireFields<MutationRetireCalendarExceptionArgs, 'expectedVersion' | 'id'>>;
  retireCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<MutationRetireCustomerArgs, 'expectedVersion' | 'id'>>;
  retireProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationRetireProductArgs, 'expectedVersion' | 'id'>>;
  retireUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationRetireUserArgs, 'expectedVersion' | 'id'>>;
  retireWorkCenter?: Resolver<ResolversTypes['WorkCenter'], ParentType, ContextType, RequireFields<MutationRetireWorkCenterArgs, 'expectedVersion' | 'id'>>;
  revokeAccessToken?: Resolver<ResolversTypes['AccessToken'], ParentType, ContextType, RequireFields<MutationRevokeAccessTokenArgs, 'id'>>;
  revokeDelegation?: Resolver<ResolversTypes['Delegation'], ParentType, ContextType, RequireFields<MutationRevokeDelegationArgs, 'id'>>;
  setDelegate?: Resolver<ResolversTypes['Delegation'], ParentType, ContextType, RequireFields<MutationSetDelegateArgs, 'delegateId' | 'from' | 'to'>>;
  setPasswordWithToken?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationSetPasswordWithTokenArgs, 'newPassword' | 'token'>>;
  setPresenceVisibility?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationSetPresenceVisibilityArgs, 'visible'>>;
  shipOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationShipOrderArgs, 'expectedVersion' | 'orderId'>>;
  updateCalendarException?: Resolver<ResolversTypes['CalendarException'], ParentType, ContextType, RequireFields<MutationUpdateCalendarExceptionArgs, 'expectedVersion' | 'id' | 'input'>>;
  updateCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<MutationUpdateCustomerArgs, 'expectedVersion' | 'id' | 'input'>>;
  updatePlant?: Resolver<ResolversTypes['Plant'], ParentType, ContextType, RequireFields<MutationUpdatePlantArgs, 'expectedVersion' | 'id' | 'input'>>;
  updatePolicy?: Resolver<ResolversTypes['Policy'], ParentType, ContextType, RequireFields<MutationUpdatePolicyArgs, 'changes' | 'expectedVersion' | 'plantId' | 'reason'>>;
  updatePresence?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationUpdatePresenceArgs, 'plantId' | 'viewing'>>;
  updateProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationUpdateProductArgs, 'expectedVersion' | 'id' | 'input'>>;
  updateUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateUserArgs, 'expectedVersion' | 'id' | 'input'>>;
  updateWorkCenter?: Resolver<ResolversTypes['WorkCenter'], ParentType, ContextType, RequireFields<MutationUpdateWorkCenterArgs, 'expectedVersion' | 'id' | 'input'>>;
  withdrawChangeOrder?: Resolver<ResolversTypes['ChangeOrder'], ParentType, ContextType, RequireFields<MutationWithdrawChangeOrderArgs, 'expectedVersion' | 'id'>>;
};

export type NotificationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification']> = {
  actions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  changeOrder?: Resolver<Maybe<ResolversTypes['ChangeOrder']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NotificationKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  promiseDates?: Resolver<Array<ResolversTypes['PromiseDate']>, ParentType, ContextType>;
  readAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type NotificationConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NotificationConnection'] = ResolversParentTypes['NotificationConnection']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Notification']>, ParentType, ContextType>;
};

export type OrderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = {
  atRisk?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  baselineFinish?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  jobs?: Resolver<Array<ResolversTypes['Job']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['ProductOption']>, ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  projectedFinish?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  promiseDates?: Resolver<Array<ResolversTypes['PromiseDate']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  riskCause?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrderConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
};

export type OrderTermsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OrderTerms'] = ResolversParentTypes['OrderTerms']> = {
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  optionIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type OutcomeBandResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OutcomeBand'] = ResolversParentTypes['OutcomeBand']> = {
  autoApproved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  autoLaterLateOrAtRisk?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fromPct?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  managerApplied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  managerTier?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scopeLabel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toPct?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type OverturnedRejectionsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OverturnedRejections'] = ResolversParentTypes['OverturnedRejections']> = {
  escalated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overturned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scopeLabel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PackedBoardResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PackedBoard'] = ResolversParentTypes['PackedBoard']> = {
  bucketCapacityMinutes?: Resolver<ResolversTypes['IntColumn'], ParentType, ContextType>;
  bucketLoadMinutes?: Resolver<ResolversTypes['IntColumn'], ParentType, ContextType>;
  bucketOvertimeMinutes?: Resolver<ResolversTypes['IntColumn'], ParentType, ContextType>;
  customers?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType>;
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  jobs?: Resolver<ResolversTypes['PackedJobs'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['PackedOrders'], ParentType, ContextType>;
  products?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType>;
};

export type PackedJobsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PackedJobs'] = ResolversParentTypes['PackedJobs']> = {
  completedQuantity?: Resolver<ResolversTypes['IntColumn'], ParentType, ContextType>;
  endOffset?: Resolver<ResolversTypes['IntColumn'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['StringColumn'], ParentType, ContextType>;
  minutes?: Resolver<ResolversTypes['IntColumn'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['IntColumn'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['IntColumn'], ParentType, ContextType>;
  startOffset?: Resolver<ResolversTypes['IntColumn'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['StringColumn'], ParentType, ContextType>;
  workCenter?: Resolver<ResolversTypes['IntColumn'], ParentType, ContextType>;
};

export type PackedOrdersResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PackedOrders'] = ResolversParentTypes['PackedOrders']> = {
  atRisk?: Resolver<ResolversTypes['IntColumn'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['IntColumn'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['StringColumn'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['StringColumn'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['StringColumn'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['IntColumn'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['IntColumn'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['StringColumn'], ParentType, ContextType>;
};

export type PlannedJobResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlannedJob'] = ResolversParentTypes['PlannedJob']> = {
  allocations?: Resolver<Array<ResolversTypes['Allocation']>, ParentType, ContextType>;
  end?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  hours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  minutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  start?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['JobStatus'], ParentType, ContextType>;
  workCenterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PlantResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Plant'] = ResolversParentTypes['Plant']> = {
  calendar?: Resolver<Array<ResolversTypes['CalendarDay']>, ParentType, ContextType, RequireFields<PlantCalendarArgs, 'from' | 'to'>>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shipBufferDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  today?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PolicyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Policy'] = ResolversParentTypes['Policy']> = {
  approvalSlaHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  author?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  autoApproveMaxUtilization?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  costIncreaseLimit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  freezeWindowWorkingDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  managerMaxUtilization?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  minMarginPct?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  overtimeAllowed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  plantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replay?: Resolver<Maybe<ResolversTypes['PolicyReplay']>, ParentType, ContextType>;
  scopedRules?: Resolver<Array<ResolversTypes['ScopedRule']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PolicyBucketCrossingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PolicyBucketCrossing'] = ResolversParentTypes['PolicyBucketCrossing']> = {
  capacityHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  currentTier?: Resolver<ResolversTypes['CapacityTier'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  draftTier?: Resolver<ResolversTypes['CapacityTier'], ParentType, ContextType>;
  loadHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  utilizationPct?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  workCenterCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workCenterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PolicyPresentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PolicyPresent'] = ResolversParentTypes['PolicyPresent']> = {
  buckets?: Resolver<Array<ResolversTypes['PolicyBucketCrossing']>, ParentType, ContextType>;
  pending?: Resolver<Array<ResolversTypes['PolicyPresentChange']>, ParentType, ContextType>;
};

export type PolicyPresentChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PolicyPresentChange'] = ResolversParentTypes['PolicyPresentChange']> = {
  changeOrderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  currentLanes?: Resolver<Array<ResolversTypes['PolicyReplayLaneRole']>, ParentType, ContextType>;
  currentTier?: Resolver<ResolversTypes['Tier'], ParentType, ContextType>;
  draftLanes?: Resolver<Array<ResolversTypes['PolicyReplayLaneRole']>, ParentType, ContextType>;
  draftTier?: Resolver<ResolversTypes['Tier'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PolicyReplayResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PolicyReplay'] = ResolversParentTypes['PolicyReplay']> = {
  basePolicyVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  changed?: Resolver<Array<ResolversTypes['PolicyReplayChange']>, ParentType, ContextType>;
  current?: Resolver<ResolversTypes['PolicyReplaySide'], ParentType, ContextType>;
  draft?: Resolver<ResolversTypes['PolicyReplaySide'], ParentType, ContextType>;
  freezeWindowAsStored?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  weeks?: Resolver<Array<ResolversTypes['PolicyReplayWeek']>, ParentType, ContextType>;
};

export type PolicyReplayChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PolicyReplayChange'] = ResolversParentTypes['PolicyReplayChange']> = {
  changeOrderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['PolicyReplayVerdict'], ParentType, ContextType>;
  draft?: Resolver<ResolversTypes['PolicyReplayVerdict'], ParentType, ContextType>;
  grantedNoLongerNeeded?: Resolver<Array<ResolversTypes['Lane']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PolicyReplayLaneRoleResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PolicyReplayLaneRole'] = ResolversParentTypes['PolicyReplayLaneRole']> = {
  lane?: Resolver<ResolversTypes['Lane'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type PolicyReplayRoleCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PolicyReplayRoleCount'] = ResolversParentTypes['PolicyReplayRoleCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type PolicyReplaySideResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PolicyReplaySide'] = ResolversParentTypes['PolicyReplaySide']> = {
  auto?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  decisions?: Resolver<Array<ResolversTypes['PolicyReplayRoleCount']>, ParentType, ContextType>;
  escalations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grantedNoLongerNeeded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  infeasible?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  manager?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  marginGivenAway?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  overtime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overtimeHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  overtimePremium?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type PolicyReplayVerdictResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PolicyReplayVerdict'] = ResolversParentTypes['PolicyReplayVerdict']> = {
  lanes?: Resolver<Array<ResolversTypes['PolicyReplayLaneRole']>, ParentType, ContextType>;
  rules?: Resolver<Array<ResolversTypes['PolicyRule']>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['Tier'], ParentType, ContextType>;
};

export type PolicyReplayWeekResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PolicyReplayWeek'] = ResolversParentTypes['PolicyReplayWeek']> = {
  current?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  draft?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  weekStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type PresenceEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PresenceEntry'] = ResolversParentTypes['PresenceEntry']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  viewing?: Resolver<ResolversTypes['PresenceViewing'], ParentType, ContextType>;
};

export type PresenceSnapshotResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PresenceSnapshot'] = ResolversParentTypes['PresenceSnapshot']> = {
  plantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  users?: Resolver<Array<ResolversTypes['PresenceEntry']>, ParentType, ContextType>;
};

export type PresenceViewingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PresenceViewing'] = ResolversParentTypes['PresenceViewing']> = {
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PresenceKind'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  listPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  materialCostPerUnit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  minLeadTimeDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['ProductOption']>, ParentType, ContextType>;
  routing?: Resolver<Array<ResolversTypes['RoutingStep']>, ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProductOptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProductOption'] = ResolversParentTypes['ProductOption']> = {
  addCostPerUnit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  addHoursPerUnit?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  addMinutesPerUnit?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  attribute?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reviewRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  step?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  stepWorkCenterId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProgressFileResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProgressFileResult'] = ResolversParentTypes['ProgressFileResult']> = {
  applied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  duplicates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['ProgressRowResult']>, ParentType, ContextType>;
};

export type ProgressRowResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProgressRowResult'] = ResolversParentTypes['ProgressRowResult']> = {
  code?: Resolver<Maybe<ResolversTypes['ErrorCode']>, ParentType, ContextType>;
  column?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  idempotencyKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  jobId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  orderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['ProgressRowOutcome'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PromiseDateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PromiseDate'] = ResolversParentTypes['PromiseDate']> = {
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['CapacityTier'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  accessTokens?: Resolver<Array<ResolversTypes['AccessToken']>, ParentType, ContextType, Partial<QueryAccessTokensArgs>>;
  approvalInbox?: Resolver<Array<ResolversTypes['ChangeOrder']>, ParentType, ContextType>;
  auditEvents?: Resolver<ResolversTypes['AuditEventConnection'], ParentType, ContextType, RequireFields<QueryAuditEventsArgs, 'first'>>;
  board?: Resolver<ResolversTypes['Board'], ParentType, ContextType, RequireFields<QueryBoardArgs, 'from' | 'plantId' | 'to'>>;
  calendarExceptions?: Resolver<Array<ResolversTypes['CalendarException']>, ParentType, ContextType, RequireFields<QueryCalendarExceptionsArgs, 'plantId'>>;
  capacityReport?: Resolver<Array<ResolversTypes['CapacityReportRow']>, ParentType, ContextType, RequireFields<QueryCapacityReportArgs, 'from' | 'granularity' | 'plantId' | 'to'>>;
  changeOrder?: Resolver<ResolversTypes['ChangeOrder'], ParentType, ContextType, RequireFields<QueryChangeOrderArgs, 'id'>>;
  changeOrderReport?: Resolver<ResolversTypes['ChangeOrderReport'], ParentType, ContextType, RequireFields<QueryChangeOrderReportArgs, 'from' | 'plantId' | 'to'>>;
  changeOrders?: Resolver<ResolversTypes['ChangeOrderConnection'], ParentType, ContextType, RequireFields<QueryChangeOrdersArgs, 'first'>>;
  customers?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomersArgs, 'plantId'>>;
  exportPlantData?: Resolver<Array<ResolversTypes['ExportFile']>, ParentType, ContextType, RequireFields<QueryExportPlantDataArgs, 'format' | 'plantId'>>;
  health?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  myDelegations?: Resolver<Array<ResolversTypes['Delegation']>, ParentType, ContextType>;
  notifications?: Resolver<ResolversTypes['NotificationConnection'], ParentType, ContextType, RequireFields<QueryNotificationsArgs, 'first' | 'unreadOnly'>>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<QueryOrdersArgs, 'first' | 'plantId'>>;
  plants?: Resolver<Array<ResolversTypes['Plant']>, ParentType, ContextType>;
  policy?: Resolver<ResolversTypes['Policy'], ParentType, ContextType, RequireFields<QueryPolicyArgs, 'plantId'>>;
  policyHistory?: Resolver<Array<ResolversTypes['Policy']>, ParentType, ContextType, RequireFields<QueryPolicyHistoryArgs, 'plantId'>>;
  policyPresent?: Resolver<ResolversTypes['PolicyPresent'], ParentType, ContextType, RequireFields<QueryPolicyPresentArgs, 'draft' | 'plantId'>>;
  policyReplay?: Resolver<ResolversTypes['PolicyReplay'], ParentType, ContextType, RequireFields<QueryPolicyReplayArgs, 'draft' | 'plantId'>>;
  previewChangeOrder?: Resolver<ResolversTypes['ChangeEvaluation'], ParentType, ContextType, RequireFields<QueryPreviewChangeOrderArgs, 'input'>>;
  products?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductsArgs, 'plantId'>>;
  unreadNotificationCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  users?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUsersArgs, 'plantId'>>;
  webhookDeliveries?: Resolver<ResolversTypes['WebhookDeliveryConnection'], ParentType, ContextType, RequireFields<QueryWebhookDeliveriesArgs, 'first' | 'webhookId'>>;
  webhooks?: Resolver<Array<ResolversTypes['Webhook']>, ParentType, ContextType>;
  workCenters?: Resolver<Array<ResolversTypes['WorkCenter']>, ParentType, ContextType, RequireFields<QueryWorkCentersArgs, 'plantId'>>;
};

export type RequiredApprovalResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RequiredApproval'] = ResolversParentTypes['RequiredApproval']> = {
  lane?: Resolver<ResolversTypes['Lane'], ParentType, ContextType>;
  measured?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['PolicyRule'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['RuleScope'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['MeasureUnit'], ParentType, ContextType>;
};

export type RoutingStepResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoutingStep'] = ResolversParentTypes['RoutingStep']> = {
  hoursPerUnit?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  minutesPerUnit?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  setupHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  setupMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workCenterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type RuleCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RuleCount'] = ResolversParentTypes['RuleCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['PolicyRule'], ParentType, ContextType>;
};

export type RuleScopeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RuleScope'] = ResolversParentTypes['RuleScope']> = {
  customerTier?: Resolver<Maybe<ResolversTypes['CustomerTier']>, ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workCenterCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  workCenterId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ScopedRuleResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ScopedRule'] = ResolversParentTypes['ScopedRule']> = {
  autoApproveMaxUtilization?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  managerMaxUtilization?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  overtimeAllowed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['RuleScope'], ParentType, ContextType>;
};

export type SimilarDecisionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SimilarDecision'] = ResolversParentTypes['SimilarDecision']> = {
  atRisk?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  changeOrderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  customerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kinds?: Resolver<Array<ResolversTypes['ChangeKind']>, ParentType, ContextType>;
  late?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  proposedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  sameCustomer?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sharedWorkCenterCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ChangeOrderStatus'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['Tier'], ParentType, ContextType>;
};

export interface StringColumnScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['StringColumn'], any> {
  name: 'StringColumn';
}

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  boardEvents?: SubscriptionResolver<ResolversTypes['BoardEvent'], "boardEvents", ParentType, ContextType, RequireFields<SubscriptionBoardEventsArgs, 'plantId'>>;
  importProgress?: SubscriptionResolver<ResolversTypes['ImportProgress'], "importProgress", ParentType, ContextType, RequireFields<SubscriptionImportProgressArgs, 'plantId' | 'progressKey'>>;
  presence?: SubscriptionResolver<ResolversTypes['PresenceSnapshot'], "presence", ParentType, ContextType, RequireFields<SubscriptionPresenceArgs, 'plantId'>>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  plantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  presenceVisible?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WebhookResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Webhook'] = ResolversParentTypes['Webhook']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  events?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  secretHint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookDeliveryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  event?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastHttpStatus?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WebhookDeliveryStatus'], ParentType, ContextType>;
};

export type WebhookDeliveryConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookDeliveryConnection'] = ResolversParentTypes['WebhookDeliveryConnection']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['WebhookDelivery']>, ParentType, ContextType>;
};

export type WorkCenterResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WorkCenter'] = ResolversParentTypes['WorkCenter']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overtimeHoursPerDay?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  overtimeMinutesPerDay?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overtimePremiumPerHour?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  ratePerHour?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  weeklyHours?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  weeklyHoursMondayFirst?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  weeklyMinutes?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type WorkCenterDayResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WorkCenterDay'] = ResolversParentTypes['WorkCenterDay']> = {
  capacityHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  capacityMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exception?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  overtimeHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  overtimeMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workCenterCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workCenterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  working?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  AccessToken?: AccessTokenResolvers<ContextType>;
  Allocation?: AllocationResolvers<ContextType>;
  Approval?: ApprovalResolvers<ContextType>;
  ApproverDecisions?: ApproverDecisionsResolvers<ContextType>;
  AuditEvent?: AuditEventResolvers<ContextType>;
  AuditEventConnection?: AuditEventConnectionResolvers<ContextType>;
  Base64?: GraphQLScalarType;
  Board?: BoardResolvers<ContextType>;
  BoardEvent?: BoardEventResolvers<ContextType>;
  Bucket?: BucketResolvers<ContextType>;
  BucketImpact?: BucketImpactResolvers<ContextType>;
  CalendarDay?: CalendarDayResolvers<ContextType>;
  CalendarException?: CalendarExceptionResolvers<ContextType>;
  CapacityReportRow?: CapacityReportRowResolvers<ContextType>;
  ChangeEvaluation?: ChangeEvaluationResolvers<ContextType>;
  ChangeOrder?: ChangeOrderResolvers<ContextType>;
  ChangeOrderComment?: ChangeOrderCommentResolvers<ContextType>;
  ChangeOrderConnection?: ChangeOrderConnectionResolvers<ContextType>;
  ChangeOrderOrigin?: ChangeOrderOriginResolvers<ContextType>;
  ChangeOrderOutcomes?: ChangeOrderOutcomesResolvers<ContextType>;
  ChangeOrderReport?: ChangeOrderReportResolvers<ContextType>;
  CompetingOrder?: CompetingOrderResolvers<ContextType>;
  CostBreakdown?: CostBreakdownResolvers<ContextType>;
  CounterProposal?: CounterProposalResolvers<ContextType>;
  CreatedAccessToken?: CreatedAccessTokenResolvers<ContextType>;
  CreatedUser?: CreatedUserResolvers<ContextType>;
  CreatedWebhook?: CreatedWebhookResolvers<ContextType>;
  CtpAlternative?: CtpAlternativeResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Delegation?: DelegationResolvers<ContextType>;
  Dispute?: DisputeResolvers<ContextType>;
  DisputeCustomer?: DisputeCustomerResolvers<ContextType>;
  DisputeMargin?: DisputeMarginResolvers<ContextType>;
  DowntimeReport?: DowntimeReportResolvers<ContextType>;
  ExportFile?: ExportFileResolvers<ContextType>;
  FrozenJob?: FrozenJobResolvers<ContextType>;
  Impact?: ImpactResolvers<ContextType>;
  ImportChangeOrder?: ImportChangeOrderResolvers<ContextType>;
  ImportCount?: ImportCountResolvers<ContextType>;
  ImportImpact?: ImportImpactResolvers<ContextType>;
  ImportProgress?: ImportProgressResolvers<ContextType>;
  ImportResult?: ImportResultResolvers<ContextType>;
  ImportRowError?: ImportRowErrorResolvers<ContextType>;
  IntColumn?: GraphQLScalarType;
  Job?: JobResolvers<ContextType>;
  KeyCount?: KeyCountResolvers<ContextType>;
  LaneTiming?: LaneTimingResolvers<ContextType>;
  LateImportOrder?: LateImportOrderResolvers<ContextType>;
  Money?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  NotificationConnection?: NotificationConnectionResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderTerms?: OrderTermsResolvers<ContextType>;
  OutcomeBand?: OutcomeBandResolvers<ContextType>;
  OverturnedRejections?: OverturnedRejectionsResolvers<ContextType>;
  PackedBoard?: PackedBoardResolvers<ContextType>;
  PackedJobs?: PackedJobsResolvers<ContextType>;
  PackedOrders?: PackedOrdersResolvers<ContextType>;
  PlannedJob?: PlannedJobResolvers<ContextType>;
  Plant?: PlantResolvers<ContextType>;
  Policy?: PolicyResolvers<ContextType>;
  PolicyBucketCrossing?: PolicyBucketCrossingResolvers<ContextType>;
  PolicyPresent?: PolicyPresentResolvers<ContextType>;
  PolicyPresentChange?: PolicyPresentChangeResolvers<ContextType>;
  PolicyReplay?: PolicyReplayResolvers<ContextType>;
  PolicyReplayChange?: PolicyReplayChangeResolvers<ContextType>;
  PolicyReplayLaneRole?: PolicyReplayLaneRoleResolvers<ContextType>;
  PolicyReplayRoleCount?: PolicyReplayRoleCountResolvers<ContextType>;
  PolicyReplaySide?: PolicyReplaySideResolvers<ContextType>;
  PolicyReplayVerdict?: PolicyReplayVerdictResolvers<ContextType>;
  PolicyReplayWeek?: PolicyReplayWeekResolvers<ContextType>;
  PresenceEntry?: PresenceEntryResolvers<ContextType>;
  PresenceSnapshot?: PresenceSnapshotResolvers<ContextType>;
  PresenceViewing?: PresenceViewingResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductOption?: ProductOptionResolvers<ContextType>;
  ProgressFileResult?: ProgressFileResultResolvers<ContextType>;
  ProgressRowResult?: ProgressRowResultResolvers<ContextType>;
  PromiseDate?: PromiseDateResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RequiredApproval?: RequiredApprovalResolvers<ContextType>;
  RoutingStep?: RoutingStepResolvers<ContextType>;
  RuleCount?: RuleCountResolvers<ContextType>;
  RuleScope?: RuleScopeResolvers<ContextType>;
  ScopedRule?: ScopedRuleResolvers<ContextType>;
  SimilarDecision?: SimilarDecisionResolvers<ContextType>;
  StringColumn?: GraphQLScalarType;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  Webhook?: WebhookResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookDeliveryConnection?: WebhookDeliveryConnectionResolvers<ContextType>;
  WorkCenter?: WorkCenterResolvers<ContextType>;
  WorkCenterDay?: WorkCenterDayResolvers<ContextType>;
};

