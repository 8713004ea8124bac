import type { EntityManager } from '@mikro-orm/postgresql';
import type { ExecutionResult } from 'graphql';
import type { Actor } from '../modules/auth/actor.ts';
import type { Credential } from '../modules/auth/credentials.ts';
import type { Services } from '../services.ts';
import type { Logger } from '../shared/logger.ts';
import type { Loaders } from './loaders.ts';

/** What every resolver receives. `em` is a fork per request (MikroORM's request context). */
export interface GraphQLContext {
  actor: Actor | null;
  em: EntityManager;
  services: Services;
  log: Logger;
  loaders: Loaders;
  requestId: string;
  /** The raw session token, when the identity came from the cookie (logout needs it). */
  sessionToken: string | null;
  /** The session or token the identity came from (modules/auth/credentials.ts). */
  credential?: Credential | null;
  /** The client's address (HTTP), for the per-address login throttle. */
  clientIp?: string | null;
  /** The browser's device cookie (login throttling trusts a browser that signed in before). */
  deviceCookie?: string | null;
  /** Sets the device cookie; absent on WebSocket operations. */
  setDeviceCookie?: (value: string) => void;
  /** Set or clear the session cookie; absent on WebSocket operations. */
  setSessionCookie?: (token: string | null, expiresAt?: Date) => void;
  /** WebSocket subscriptions: writes a live result as this subscription's `next` frame at once, or false (realtime/ws-frames.ts). */
  sendNext?: (result: ExecutionResult) => boolean;
}
