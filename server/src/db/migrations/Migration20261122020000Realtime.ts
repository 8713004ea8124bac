import { Migration } from '@mikro-orm/migrations';

/**
 * Realtime (docs/realtime.md): presence rows with heartbeats, the user's presence visibility, and
 * an index for pruning old board events.
 */
export class Migration20261122020000Realtime extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" add column "presence_visible" boolean not null default true;`);
    this.addSql(`create table "presence" (
      "plant_id" uuid not null references "plant" ("id"),
      "user_id" uuid not null references "app_user" ("id") on delete cascade,
      "session_key" varchar(64) not null,
      "viewing_kind" text not null default 'BOARD',
      "viewing_id" uuid null,
      "since" timestamptz not null default now(),
      "heartbeat_at" timestamptz not null default now(),
      primary key ("plant_id", "user_id", "session_key"),
      constraint "presence_viewing_kind_check" check ("viewing_kind" in ('BOARD', 'ORDER', 'CHANGE_ORDER', 'PROPOSING')),
      constraint "presence_viewing_id_check" check (("viewing_kind" = 'BOARD') = ("viewing_id" is null))
    );`);
    this.addSql(`create index "presence_heartbeat_at_index" on "presence" ("heartbeat_at");`);
    this.addSql(`create index "board_event_created_at_index" on "board_event" ("created_at");`);
  }
}
