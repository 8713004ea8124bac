import type { Orm } from './db/orm.ts';
import type { Config } from './config.ts';
import type { Clock } from './shared/clock.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { ScheduleCache } from './modules/schedule/schedule.loader.ts';
import { BoardCache } from './modules/schedule/board.cache.ts';
import { Realtime } from './realtime/realtime.ts';
import { WebhookDispatcher } from './modules/webhook/webhook.dispatcher.ts';
import { TokenService } from './modules/token/token.service.ts';
import { Transitions } from './modules/change-order/transitions.ts';
import { notifyOfTransitions } from './modules/notification/notifier.ts';
import { queueWebhooksOfTransitions } from './modules/webhook/webhook.transitions.ts';

/** The long-lived collaborators every request shares. */
export interface Services {
  orm: Orm;
  config: Config;
  clock: Clock;
  auth: AuthService;
  /** Built schedules per plant, reused while nothing changed (the engine's input). */
  schedules: ScheduleCache;
  /** Board models per plant (orders, jobs, calendars) that board queries are cut from. */
  boards: BoardCache;
  /** Board-event fan-out and presence (started by main.ts; docs/realtime.md). */
  realtime: Realtime;
  /** Outgoing-webhook outbox dispatcher and its settings (started by main.ts; modules/webhook). */
  webhooks: WebhookDispatcher;
  /** Display and API tokens (modules/token). */
  tokens: TokenService;
  /** The change-order lifecycle's record on the write path, with its subscribers. */
  transitions: Transitions;
}

/**
 * Who hears of change-order transitions, in this order, inside the transaction that makes them
 * (docs/ARCHITECTURE.md, "Where to look"): the in-app notifications, then the webhook outbox.
 */
export function changeOrderTransitions(): Transitions {
  return new Transitions([notifyOfTransitions, queueWebhooksOfTransitions]);
}

export function createServices(orm: Orm, config: Config, clock: Clock): Services {
  return { orm, config, clock, auth: new AuthService(clock, { ttlHours: config.sessionTtlHours, idleMinutes: config.sessionIdleMinutes }, config.security), schedules: new ScheduleCache(), boards: new BoardCache(), realtime: new Realtime(orm, config.realtime), webhooks: new WebhookDispatcher(orm, config.webhooks), tokens: new TokenService(orm, clock), transitions: changeOrderTransitions() };
}
