import { ROLES, type Role } from './roles.ts';
import type { Actor } from './actor.ts';
import { AppError } from '../../shared/errors.ts';

/**
 * The permission table (docs/product.md §7): every GraphQL root operation × who may call it. Resolvers are
 * wrapped from this table (graphql/schema.ts), so an operation missing here fails at startup and
 * in the authorization-matrix test.
 *
 * `public`: no identity needed. Otherwise the list of roles, plus the token kinds allowed.
 */
export interface Permission {
  public?: boolean;
  roles?: readonly Role[];
  /** Display tokens (wall screens): read-only, their own plant. */
  display?: boolean;
  /** API token scopes that grant the operation (for a mutation, only a `…:write` scope). */
  apiScopes?: readonly string[];
}

export const ALL_ROLES = ROLES;

/** Who may propose change orders (and answer or withdraw their own): sales and operations. */
const PROPOSERS: readonly Role[] = ['SALES_REP', 'PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER'];
/**
 * Who answers for their own change orders (the service checks it is theirs): the proposers, and
 * administrators, whose imports and API tokens propose in their name (docs/product.md §5.13).
 */
const OWNERS: readonly Role[] = [...PROPOSERS, 'ADMIN'];
/** Who holds some approval authority (which lanes exactly is decided per change order). */
const APPROVERS: readonly Role[] = ['OPS_MANAGER', 'PLANT_MANAGER', 'ACCOUNTING', 'QUALITY', 'SALES_REP', 'PLANNER'];
/** Who maintains work centers, products and customers, and imports a plant's data. */
const MASTER_DATA: readonly Role[] = ['PLANT_MANAGER', 'ADMIN'];
/** Who keeps the calendar: planners and up, and the master-data owners. */
const CALENDAR: readonly Role[] = ['PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER', 'ADMIN'];

/** Who reports what happened on the floor: operators and planning. */
const FLOOR: readonly Role[] = ['OPERATOR', 'PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER'];

export const PERMISSIONS = {
  'Query.health': { public: true },
  'Mutation.ping': { public: true },
  'Mutation.login': { public: true },
  'Mutation.logout': { roles: ALL_ROLES },
  'Mutation.logoutEverywhere': { roles: ALL_ROLES },
  'Mutation.changePassword': { roles: ALL_ROLES },
  'Query.accessTokens': { roles: ['ADMIN'] },
  'Mutation.createAccessToken': { roles: ['ADMIN'] },
  'Mutation.revokeAccessToken': { roles: ['ADMIN'] },
  'Query.me': { roles: ALL_ROLES },
  // Plant.calendar is read through plants, by the same identities (a plant's days are no secret to its screens).
  'Query.plants': { roles: ALL_ROLES, display: true, apiScopes: ['reports:read'] },
  'Query.board': { roles: ALL_ROLES, display: true },
  'Query.order': { roles: ALL_ROLES },
  // Everyone who opens an order may find one, and see what the plant makes and for whom.
  'Query.orders': { roles: ALL_ROLES },
  'Query.products': { roles: ALL_ROLES },
  'Query.customers': { roles: ALL_ROLES },
  'Query.policy': { roles: ALL_ROLES, display: true },
  'Query.policyHistory': { roles: ALL_ROLES },
  'Mutation.updatePolicy': { roles: ['OPS_MANAGER', 'PLANT_MANAGER'] },
  // The policy lab (docs/product.md §4.4) is for those who edit the policy.
  'Query.policyReplay': { roles: ['OPS_MANAGER', 'PLANT_MANAGER'] },
  'Query.policyPresent': { roles: ['OPS_MANAGER', 'PLANT_MANAGER'] },
  'Query.changeOrder': { roles: ALL_ROLES },
  // The wall screen shows the queue and today's decisions (issue 6): read-only, its own plant.
  'Query.changeOrders': { roles: ALL_ROLES, display: true, apiScopes: ['reports:read'] },
  'Query.approvalInbox': { roles: ['OPS_MANAGER', 'PLANT_MANAGER', 'ACCOUNTING', 'QUALITY', 'SALES_REP', 'PLANNER'] },
  'Query.auditEvents': { roles: ['OPS_MANAGER', 'PLANT_MANAGER', 'ACCOUNTING', 'QUALITY', 'ADMIN'], apiScopes: ['reports:read'] },
  'Mutation.proposeChangeOrder': { roles: PROPOSERS },
  'Mutation.approveChangeOrder': { roles: APPROVERS },
  'Mutation.rejectChangeOrder': { roles: APPROVERS },
  'Mutation.counterProposeChangeOrder': { roles: APPROVERS },
  'Mutation.escalateChangeOrder': { roles: [...PROPOSERS] },
  'Mutation.respondToCounterProposal': { roles: OWNERS },
  'Mutation.confirmChangeOrder': { roles: OWNERS },
  'Mutation.withdrawChangeOrder': { roles: OWNERS },
  'Mutation.commentOnChangeOrder': { roles: ['SALES_REP', 'PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER', 'ACCOUNTING', 'QUALITY'] },
  'Mutation.moveJob': { roles: ['PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER'] },
  // Whoever holds approval authority may name a delegate for it; anyone may be named (not ADMIN).
  'Query.myDelegations': { roles: ALL_ROLES },
  'Mutation.setDelegate': { roles: ['OPS_MANAGER', 'PLANT_MANAGER', 'ACCOUNTING', 'QUALITY'] },
  'Mutation.revokeDelegation': { roles: ['OPS_MANAGER', 'PLANT_MANAGER', 'ACCOUNTING', 'QUALITY'] },
  'Query.capacityReport': { roles: ALL_ROLES, apiScopes: ['reports:read'] },
  'Query.changeOrderReport': { roles: ['OPS_MANAGER', 'PLANT_MANAGER', 'ACCOUNTING', 'QUALITY', 'ADMIN'], apiScopes: ['reports:read'] },
  'Query.previewChangeOrder': { roles: ['SALES_REP', 'PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER', 'ACCOUNTING', 'QUALITY'] },
  'Subscription.boardEvents': { roles: ALL_ROLES, display: true },
  'Subscription.presence': { roles: ALL_ROLES, display: true },
  'Mutation.updatePresence': { roles: ALL_ROLES },
  'Mutation.setPresenceVisibility': { roles: ALL_ROLES },
  'Query.notifications': { roles: ALL_ROLES },
  'Query.unreadNotificationCount': { roles: ALL_ROLES },
  'Mutation.markNotificationsRead': { roles: ALL_ROLES },
  'Query.webhooks': { roles: ['ADMIN'] },
  'Query.webhookDeliveries': { roles: ['ADMIN'] },
  'Mutation.createWebhook': { roles: ['ADMIN'] },
  'Mutation.deleteWebhook': { roles: ['ADMIN'] },
  // Master data (docs/import.md): ADMIN plants and users; PLANT_MANAGER and ADMIN the rest;
  // planners and up keep the calendar (holidays, maintenance, extra shifts).
  'Query.workCenters': { roles: ALL_ROLES, display: true },
  'Query.calendarExceptions': { roles: ALL_ROLES, display: true },
  'Query.users': { roles: ['ADMIN'] },
  'Mutation.createPlant': { roles: ['ADMIN'] },
  'Mutation.updatePlant': { roles: ['ADMIN'] },
  'Mutation.createWorkCenter': { roles: MASTER_DATA },
  'Mutation.updateWorkCenter': { roles: MASTER_DATA },
  'Mutation.retireWorkCenter': { roles: MASTER_DATA },
  'Mutation.createCalendarException': { roles: CALENDAR },
  'Mutation.updateCalendarException': { roles: CALENDAR },
  'Mutation.retireCalendarException': { roles: CALENDAR },
  'Mutation.createProduct': { roles: MASTER_DATA },
  'Mutation.updateProduct': { roles: MASTER_DATA },
  'Mutation.retireProduct': { roles: MASTER_DATA },
  'Mutation.createCustomer': { roles: MASTER_DATA },
  'Mutation.updateCustomer': { roles: MASTER_DATA },
  'Mutation.retireCustomer': { roles: MASTER_DATA },
  'Mutation.createUser': { roles: ['ADMIN'] },
  'Mutation.updateUser': { roles: ['ADMIN'] },
  'Mutation.retireUser': { roles: ['ADMIN'] },
  'Mutation.issueSetPasswordToken': { roles: ['ADMIN'] },
  'Mutation.setPasswordWithToken': { public: true },
  'Query.exportPlantData': { roles: MASTER_DATA },
  // An ERP pushes master data and cut-over orders with a `masterdata:write` API token, order rows
  // (change orders once the plant is live) with an `orders:write` one (docs/import.md).
  'Mutation.importPlantData': { roles: MASTER_DATA, apiScopes: ['masterdata:write', 'orders:write'] },
  // The people who import follow an import's progress on the page; an integration has the mutation's answer.
  'Subscription.importProgress': { roles: MASTER_DATA },
  // The floor and the clock (docs/product.md §12): the floor and planning report progress, an MES with a progress:write token too.
  'Mutation.reportProgress': { roles: FLOOR, apiScopes: ['progress:write'] },
  'Mutation.reportProgressFile': { roles: FLOOR, apiScopes: ['progress:write'] },
  'Mutation.shipOrder': { roles: FLOOR },
  'Mutation.reportDowntime': { roles: ['PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER'] },
} as const satisfies Record<string, Permission>;

export type Operation = keyof typeof PERMISSIONS;

export function permissionFor(operation: string): Permission | undefined {
  return (PERMISSIONS as Record<string, Permission>)[operation];
}

/** Throws UNAUTHENTICATED or FORBIDDEN unless `actor` may perform `operation`. */
export function authorize(operation: string, actor: Actor | null): void {
  const rule = permissionFor(operation);
  if (!rule) throw new AppError('FORBIDDEN', `${operation} is not in the permission table.`);
  // A wall screen never mutates; an API token only through a write scope the table grants it.
  const writeScope = actor?.kind === 'api' && (rule.apiScopes ?? []).some((s) => s.endsWith(':write') && actor.scopes?.includes(s));
  if (actor && actor.kind !== 'user' && operation.startsWith('Mutation.') && !writeScope) {
    throw new AppError('FORBIDDEN', `A ${actor.kind} token is read-only and may not perform ${operation.split('.')[1]}.`);
  }
  if (rule.public) return;
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  const allowed =
    (actor.kind === 'user' && actor.role !== null && (rule.roles ?? []).includes(actor.role)) ||
    (actor.kind === 'display' && rule.display === true) ||
    (actor.kind === 'api' && (rule.apiScopes ?? []).some((s) => actor.scopes?.includes(s)));
  if (!allowed) {
    const who = actor.kind === 'user' ? `The ${actor.role} role` : `A ${actor.kind} token`;
    throw new AppError('FORBIDDEN', `${who} may not perform ${operation.split('.')[1]}.`);
  }
}

/** Throws NOT_FOUND when the actor belongs to another plant (other plants' ids are not revealed). */
export function requirePlant(actor: Actor | null, plantId: string): void {
  if (actor && actor.plantId !== plantId) throw new AppError('NOT_FOUND', `Plant ${plantId} was not found.`);
}
