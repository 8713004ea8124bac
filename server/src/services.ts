import type { Orm } from './db/orm.ts';
import type { Config } from './config.ts';
import type { Clock } from './modules/shared/clock.ts';
import { AuthService } from './modules/auth/auth.service.ts';

/** The long-lived collaborators every request shares. */
export interface Services {
  orm: Orm;
  config: Config;
  clock: Clock;
  auth: AuthService;
}

export function createServices(orm: Orm, config: Config, clock: Clock): Services {
  return { orm, config, clock, auth: new AuthService(clock, config.sessionTtlHours) };
}
