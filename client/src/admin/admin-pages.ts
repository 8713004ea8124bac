import type { Role } from '../gql/graphql';

/** The setup pages and who may use them, as the permission table says (server/src/modules/auth/permissions.ts). */
const MASTER_DATA: readonly Role[] = ['PLANT_MANAGER', 'ADMIN'];
const CALENDAR: readonly Role[] = ['PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER', 'ADMIN'];
const ADMIN: readonly Role[] = ['ADMIN'];

export const ADMIN_PAGES = [
  { path: '/admin/work-centers', label: 'Work centers', testId: 'nav-work-centers', roles: MASTER_DATA },
  { path: '/admin/calendar', label: 'Calendar', testId: 'nav-calendar', roles: CALENDAR },
  { path: '/admin/products', label: 'Products', testId: 'nav-products', roles: MASTER_DATA },
  { path: '/admin/customers', label: 'Customers', testId: 'nav-customers', roles: MASTER_DATA },
  { path: '/admin/import', label: 'Import', testId: 'nav-import', roles: MASTER_DATA },
  { path: '/admin/users', label: 'Users', testId: 'nav-users', roles: ADMIN },
  { path: '/admin/plants', label: 'Plants', testId: 'nav-plants', roles: ADMIN },
  { path: '/admin/tokens', label: 'Display tokens', testId: 'nav-tokens', roles: ADMIN },
  { path: '/admin/api-tokens', label: 'API tokens', testId: 'nav-api-tokens', roles: ADMIN },
  { path: '/admin/webhooks', label: 'Webhooks', testId: 'nav-webhooks', roles: ADMIN },
] as const;

/** The setup pages `role` may open, in menu order. */
export function adminPagesFor(role: Role | undefined) {
  return role ? ADMIN_PAGES.filter((p) => p.roles.includes(role)) : [];
}
