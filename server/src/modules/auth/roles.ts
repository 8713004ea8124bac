import { Role } from '../../../../schema/generated/enums.ts';

/** What a user may be (docs/product.md §1): the SDL's `Role` enum is the one list. */
export type { Role };

/** Every role, for validating input and for tables over all roles. */
export const ROLES: readonly Role[] = Object.values(Role);
