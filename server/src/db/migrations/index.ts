import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122000000Init } from './Migration20261122000000Init.ts';
import { Migration20261122010000Policy } from './Migration20261122010000Policy.ts';
import { Migration20261122030000ChangeOrders } from './Migration20261122030000ChangeOrders.ts';
import { Migration20261122020000Realtime } from './Migration20261122020000Realtime.ts';
import { Migration20261122060000Notifications } from './Migration20261122060000Notifications.ts';
import { Migration20261122070000Security } from './Migration20261122070000Security.ts';
import { Migration20261202050000OrderSearch } from './Migration20261202050000OrderSearch.ts';
import { Migration20261202051000OrderVersion } from './Migration20261202051000OrderVersion.ts';
import { Migration20261202010000AppendOnlyTruncate } from './Migration20261202010000AppendOnlyTruncate.ts';
import { Migration20261202060000MasterData } from './Migration20261202060000MasterData.ts';
import { Migration20261202070000Progress } from './Migration20261202070000Progress.ts';
import { Migration20261202080000ChangeOrderOrigin } from './Migration20261202080000ChangeOrderOrigin.ts';
import { Migration20261202090000PromiseDates } from './Migration20261202090000PromiseDates.ts';
import { Migration20261202100000PlantCurrency } from './Migration20261202100000PlantCurrency.ts';
import { Migration20261202120000ScopedRules } from './Migration20261202120000ScopedRules.ts';
import { Migration20261202121000FileUpload } from './Migration20261202121000FileUpload.ts';
import { Migration20261202122000PolicyReplay } from './Migration20261202122000PolicyReplay.ts';

/** Every migration in order. Add new ones at the end; never edit one that has shipped. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122000000Init', class: Migration20261122000000Init },
  { name: 'Migration20261122010000Policy', class: Migration20261122010000Policy },
  { name: 'Migration20261122020000Realtime', class: Migration20261122020000Realtime },
  { name: 'Migration20261122030000ChangeOrders', class: Migration20261122030000ChangeOrders },
  { name: 'Migration20261122060000Notifications', class: Migration20261122060000Notifications },
  { name: 'Migration20261122070000Security', class: Migration20261122070000Security },
  { name: 'Migration20261202050000OrderSearch', class: Migration20261202050000OrderSearch },
  { name: 'Migration20261202051000OrderVersion', class: Migration20261202051000OrderVersion },
  { name: 'Migration20261202010000AppendOnlyTruncate', class: Migration20261202010000AppendOnlyTruncate },
  { name: 'Migration20261202060000MasterData', class: Migration20261202060000MasterData },
  { name: 'Migration20261202070000Progress', class: Migration20261202070000Progress },
  { name: 'Migration20261202080000ChangeOrderOrigin', class: Migration20261202080000ChangeOrderOrigin },
  { name: 'Migration20261202090000PromiseDates', class: Migration20261202090000PromiseDates },
  { name: 'Migration20261202100000PlantCurrency', class: Migration20261202100000PlantCurrency },
  { name: 'Migration20261202120000ScopedRules', class: Migration20261202120000ScopedRules },
  { name: 'Migration20261202121000FileUpload', class: Migration20261202121000FileUpload },
  { name: 'Migration20261202122000PolicyReplay', class: Migration20261202122000PolicyReplay },
];
