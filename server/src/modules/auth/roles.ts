import { Role } from '../../../../schema/generated/enums.ts';

/** What a user may be (docs/product.md §1): the SDL's `Role` enum is the one list. */
export type { Role };

/** A role as people read it in server-written prose (errors, notifications), never the enum. */
export const ROLE_WORDS: Record<Role, string> = {
  SALES_REP: 'sales rep',
  PLANNER: 'planner',
  OPS_MANAGER: 'ops manager',
  PLANT_MANAGER: 'plant manager',
  ACCOUNTING: 'accounting',
  QUALITY: 'quality',
  ADMIN: 'admin',
  OPERATOR: 'operator',
};

/** Every role, for validating input and for tables over all roles. */
export const ROLES: readonly Role[] = Object.values(Role);
