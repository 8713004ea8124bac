/* Generated from schema/*.graphql by GraphQL Code Generator. Do not edit. */
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
  Unauthenticated: 'UNAUTHENTICATED'
} as const;

export type ErrorCode = typeof ErrorCode[keyof typeof ErrorCode];
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
/** What a user may do (SPEC §1). A higher capacity role satisfies a lower tier. */
export const Role = {
  /** Finance: decides the cost and margin lane. */
  Accounting: 'ACCOUNTING',
  /** Administrator: users, roles and tokens; no approval authority. */
  Admin: 'ADMIN',
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