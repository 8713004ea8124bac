import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { Plant } from '../plant/plant.entity.ts';

export const ROLES = ['SALES_REP', 'PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER', 'ACCOUNTING', 'QUALITY', 'ADMIN', 'OPERATOR'] as const;
export type Role = (typeof ROLES)[number];

/** A person who signs in. The password is stored as a scrypt hash (see password.ts). */
export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    plant: () => p.manyToOne(Plant),
    email: p.string().unique(),
    name: p.string(),
    role: p.enum(ROLES),
    passwordHash: p.string(),
    version: p.integer().default(1),
    /** False once deactivated: sign-in refused, sessions ended. */
    active: p.boolean().default(true),
    /** SHA-256 of a one-time set-password token and its expiry (a new user's first password). */
    setPasswordHash: p.string().length(64).nullable(),
    setPasswordExpiresAt: p.datetime().nullable(),
    /** Whether others see this user in presence (docs/realtime.md). */
    presenceVisible: p.boolean().default(true),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});
export type User = InferEntity<typeof User>;

/** A browser session; only the SHA-256 of the cookie token is stored. */
export const Session = defineEntity({
  name: 'Session',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    tokenHash: p.string().unique(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    createdAt: p.datetime().defaultRaw('now()'),
    expiresAt: p.datetime(),
  },
});
export type Session = InferEntity<typeof Session>;
