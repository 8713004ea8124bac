/* Generated from schema/*.graphql by GraphQL Code Generator. Do not edit. */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PlantDto, WorkCenterDto } from '../../server/src/modules/plant/plant.service.ts';
import type { BoardDto, BucketDto } from '../../server/src/modules/schedule/board.service.ts';
import type { OrderDto, JobDto, AllocationDto, CustomerDto } from '../../server/src/modules/order/order.dto.ts';
import type { ProductDto, ProductOptionDto, RoutingStepDto } from '../../server/src/modules/product/product.dto.ts';
import type { UserRow } from '../../server/src/modules/auth/auth.service.ts';
import type { PolicyDto } from '../../server/src/modules/policy/policy.service.ts';
import type { GraphQLContext } from '../../server/src/graphql/context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A plant-local calendar date, `YYYY-MM-DD`. */
  Date: { input: string; output: string; }
  /** An instant in UTC, ISO 8601 (`2026-11-23T08:00:00.000Z`). */
  DateTime: { input: string; output: string; }
  /** An exact amount of money as a decimal string in the plant's currency (`"1234.50"`), never a binary float. */
  Money: { input: number; output: number; }
};

/** Hours of one job placed on one day. */
export type Allocation = {
  __typename?: 'Allocation';
  /** Plant-local date. */
  date: Scalars['Date']['output'];
  /** Hours on that date. */
  hours: Scalars['Float']['output'];
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
  /** The plant. */
  plant: Plant;
  /** Last date shown. */
  to: Scalars['Date']['output'];
  /** Rows of the board. */
  workCenters: Array<WorkCenter>;
};

/** Capacity and load of one work center on one day. Derived, never edited. */
export type Bucket = {
  __typename?: 'Bucket';
  /** Regular capacity hours after exceptions. */
  capacityHours: Scalars['Float']['output'];
  /** Plant-local date. */
  date: Scalars['Date']['output'];
  /** Sum of allocations. */
  loadHours: Scalars['Float']['output'];
  /** Overtime hours that may be added. */
  overtimeHours: Scalars['Float']['output'];
  /** load / capacity (0 when there is no capacity). */
  utilization: Scalars['Float']['output'];
  /** The work center. */
  workCenterId: Scalars['ID']['output'];
};

/** A customer that places orders. */
export type Customer = {
  __typename?: 'Customer';
  /** Contact person or address. */
  contact: Scalars['String']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Company name. */
  name: Scalars['String']['output'];
  /** Importance to the business. */
  tier: CustomerTier;
};

/** Importance of a customer to the business. */
export type CustomerTier =
  /** Everyone else. */
  | 'STANDARD'
  /** Key accounts. */
  | 'STRATEGIC';

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
  | 'UNAUTHENTICATED';

/** One routing step of one order on one work center. */
export type Job = {
  __typename?: 'Job';
  /** Hours placed per day. */
  allocations: Array<Allocation>;
  /** Last day with an allocation. */
  end: Scalars['Date']['output'];
  /** Total hours (sum of its allocations). */
  hours: Scalars['Float']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The order it belongs to. */
  orderId: Scalars['ID']['output'];
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

/** All state changes. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Sign in with email and password. Sets an httpOnly, SameSite session cookie and returns the user.
   * Fails with UNAUTHENTICATED on a wrong email or password.
   */
  login: User;
  /** End the current session (the cookie is cleared). True when a session was ended. */
  logout: Scalars['Boolean']['output'];
  /** Always true; a no-op that proves mutations are reachable (needs no identity). */
  ping: Scalars['Boolean']['output'];
  /**
   * Makes a new policy version (OPS_MANAGER, PLANT_MANAGER). CONFLICT when `expectedVersion` is not
   * the current version; BAD_USER_INPUT when the rules contradict each other or the reason is empty.
   */
  updatePolicy: Policy;
};


/** All state changes. */
export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


/** All state changes. */
export type MutationUpdatePolicyArgs = {
  changes: PolicyChanges;
  expectedVersion: Scalars['Int']['input'];
  plantId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

/** A customer order, planned as one job per routing step. */
export type Order = {
  __typename?: 'Order';
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
  /** Units ordered. */
  quantity: Scalars['Int']['output'];
  /** Lifecycle status. */
  status: OrderStatus;
  /** Agreed price per unit. */
  unitPrice: Scalars['Money']['output'];
  /** Optimistic-concurrency version; pass it back as `expectedVersion`. */
  version: Scalars['Int']['output'];
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

/** A factory with its own calendar, work centers and rules. */
export type Plant = {
  __typename?: 'Plant';
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
};

/**
 * The rules operations established for a plant (SPEC §4), versioned: every edit is a new version
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
  /** Version number, from 1; pass it back as `expectedVersion` when editing. */
  version: Scalars['Int']['output'];
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
};

/** Something the plant makes to order. */
export type Product = {
  __typename?: 'Product';
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
};

/** One chosen spec attribute value of an order (e.g. finish = powder coat RAL 9005). */
export type ProductOption = {
  __typename?: 'ProductOption';
  /** Extra cost per unit. */
  addCostPerUnit: Scalars['Money']['output'];
  /** Extra hours per unit on its routing step. */
  addHoursPerUnit: Scalars['Float']['output'];
  /** Attribute name, e.g. `finish`. */
  attribute: Scalars['String']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Whether choosing it needs the quality lane's approval. */
  reviewRequired: Scalars['Boolean']['output'];
  /** Value, e.g. `RAL 9005 black`. */
  value: Scalars['String']['output'];
};

/** Liveness of the API itself. */
export type Query = {
  __typename?: 'Query';
  /**
   * The board between `from` and `to` inclusive (at most 26 weeks). BAD_USER_INPUT when a date is
   * malformed or the range is reversed or too long.
   */
  board: Board;
  /** Always true when the GraphQL endpoint answers; needs no identity. */
  health: Scalars['Boolean']['output'];
  /** The signed-in user. */
  me: User;
  /** One order with its jobs; NOT_FOUND when it does not exist in a plant you can see. */
  order: Order;
  /** The plants this identity can see. */
  plants: Array<Plant>;
  /** The plant's current policy. */
  policy: Policy;
  /** Every version of the plant's policy, newest first. */
  policyHistory: Array<Policy>;
};


/** Liveness of the API itself. */
export type QueryBoardArgs = {
  from: Scalars['Date']['input'];
  plantId: Scalars['ID']['input'];
  to: Scalars['Date']['input'];
};


/** Liveness of the API itself. */
export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


/** Liveness of the API itself. */
export type QueryPolicyArgs = {
  plantId: Scalars['ID']['input'];
};


/** Liveness of the API itself. */
export type QueryPolicyHistoryArgs = {
  plantId: Scalars['ID']['input'];
};

/** What a user may do (SPEC §1). A higher capacity role satisfies a lower tier. */
export type Role =
  /** Finance: decides the cost and margin lane. */
  | 'ACCOUNTING'
  /** Administrator: users, roles and tokens; no approval authority. */
  | 'ADMIN'
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
  /** Run hours per unit. */
  hoursPerUnit: Scalars['Float']['output'];
  /** Position in the routing, from 1. */
  seq: Scalars['Int']['output'];
  /** Setup hours per job. */
  setupHours: Scalars['Float']['output'];
  /** Where the step runs. */
  workCenterId: Scalars['ID']['output'];
};

/** A person who signs in to Takt. */
export type User = {
  __typename?: 'User';
  /** Sign-in address, unique. */
  email: Scalars['String']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** The plant this user works in. */
  plantId: Scalars['ID']['output'];
  /** What this user may do. */
  role: Role;
};

/** A line, cell or machine group with its own capacity calendar. */
export type WorkCenter = {
  __typename?: 'WorkCenter';
  /** Short code shown on the board (e.g. `LASER`). */
  code: Scalars['String']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** Overtime hours that may be added per working day. */
  overtimeHoursPerDay: Scalars['Float']['output'];
  /** Extra cost per overtime hour. */
  overtimePremiumPerHour: Scalars['Money']['output'];
  /** Labour and machine rate per hour. */
  ratePerHour: Scalars['Money']['output'];
  /** Hours available per weekday, Sunday first (7 entries). */
  weeklyHours: Array<Scalars['Float']['output']>;
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
  Allocation: ResolverTypeWrapper<AllocationDto>;
  Board: ResolverTypeWrapper<BoardDto>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Bucket: ResolverTypeWrapper<BucketDto>;
  Customer: ResolverTypeWrapper<CustomerDto>;
  CustomerTier: CustomerTier;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  ErrorCode: ErrorCode;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Job: ResolverTypeWrapper<JobDto>;
  JobStatus: JobStatus;
  Money: ResolverTypeWrapper<Scalars['Money']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderDto>;
  OrderStatus: OrderStatus;
  Plant: ResolverTypeWrapper<PlantDto>;
  Policy: ResolverTypeWrapper<PolicyDto>;
  PolicyChanges: PolicyChanges;
  Product: ResolverTypeWrapper<ProductDto>;
  ProductOption: ResolverTypeWrapper<ProductOptionDto>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  RoutingStep: ResolverTypeWrapper<RoutingStepDto>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  User: ResolverTypeWrapper<UserRow>;
  WorkCenter: ResolverTypeWrapper<WorkCenterDto>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Allocation: AllocationDto;
  Board: BoardDto;
  Boolean: Scalars['Boolean']['output'];
  Bucket: BucketDto;
  Customer: CustomerDto;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Job: JobDto;
  Money: Scalars['Money']['output'];
  Mutation: Record<PropertyKey, never>;
  Order: OrderDto;
  Plant: PlantDto;
  Policy: PolicyDto;
  PolicyChanges: PolicyChanges;
  Product: ProductDto;
  ProductOption: ProductOptionDto;
  Query: Record<PropertyKey, never>;
  RoutingStep: RoutingStepDto;
  String: Scalars['String']['output'];
  User: UserRow;
  WorkCenter: WorkCenterDto;
};

export type AllocationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Allocation'] = ResolversParentTypes['Allocation']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  hours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type BoardResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Board'] = ResolversParentTypes['Board']> = {
  buckets?: Resolver<Array<ResolversTypes['Bucket']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  jobs?: Resolver<Array<ResolversTypes['Job']>, ParentType, ContextType>;
  lastEventSeq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  orders?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
  plant?: Resolver<ResolversTypes['Plant'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  workCenters?: Resolver<Array<ResolversTypes['WorkCenter']>, ParentType, ContextType>;
};

export type BucketResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Bucket'] = ResolversParentTypes['Bucket']> = {
  capacityHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  loadHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  overtimeHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  utilization?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  workCenterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = {
  contact?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['CustomerTier'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type JobResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Job'] = ResolversParentTypes['Job']> = {
  allocations?: Resolver<Array<ResolversTypes['Allocation']>, ParentType, ContextType>;
  end?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  hours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['JobStatus'], ParentType, ContextType>;
  workCenterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export interface MoneyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Money'], any> {
  name: 'Money';
}

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  login?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'email' | 'password'>>;
  logout?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ping?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  updatePolicy?: Resolver<ResolversTypes['Policy'], ParentType, ContextType, RequireFields<MutationUpdatePolicyArgs, 'changes' | 'expectedVersion' | 'plantId' | 'reason'>>;
};

export type OrderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = {
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  jobs?: Resolver<Array<ResolversTypes['Job']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['ProductOption']>, ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PlantResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Plant'] = ResolversParentTypes['Plant']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shipBufferDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  today?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
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
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  listPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  materialCostPerUnit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  minLeadTimeDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['ProductOption']>, ParentType, ContextType>;
  routing?: Resolver<Array<ResolversTypes['RoutingStep']>, ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProductOptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProductOption'] = ResolversParentTypes['ProductOption']> = {
  addCostPerUnit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  addHoursPerUnit?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  attribute?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reviewRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  board?: Resolver<ResolversTypes['Board'], ParentType, ContextType, RequireFields<QueryBoardArgs, 'from' | 'plantId' | 'to'>>;
  health?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  plants?: Resolver<Array<ResolversTypes['Plant']>, ParentType, ContextType>;
  policy?: Resolver<ResolversTypes['Policy'], ParentType, ContextType, RequireFields<QueryPolicyArgs, 'plantId'>>;
  policyHistory?: Resolver<Array<ResolversTypes['Policy']>, ParentType, ContextType, RequireFields<QueryPolicyHistoryArgs, 'plantId'>>;
};

export type RoutingStepResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoutingStep'] = ResolversParentTypes['RoutingStep']> = {
  hoursPerUnit?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  setupHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  workCenterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  plantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type WorkCenterResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WorkCenter'] = ResolversParentTypes['WorkCenter']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overtimeHoursPerDay?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  overtimePremiumPerHour?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  ratePerHour?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  weeklyHours?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Allocation?: AllocationResolvers<ContextType>;
  Board?: BoardResolvers<ContextType>;
  Bucket?: BucketResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Job?: JobResolvers<ContextType>;
  Money?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  Plant?: PlantResolvers<ContextType>;
  Policy?: PolicyResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductOption?: ProductOptionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RoutingStep?: RoutingStepResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  WorkCenter?: WorkCenterResolvers<ContextType>;
};

