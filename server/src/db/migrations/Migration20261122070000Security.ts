import { Migration } from '@mikro-orm/migrations';

/**
 * Security (docs/security.md): display and API tokens (only the SHA-256 of the secret is stored)
 * and the login throttle's counters, shared by every process of the cluster.
 */
export class Migration20261122070000Security extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "access_token" (
      "id" uuid primary key default gen_random_uuid(),
      "plant_id" uuid not null references "plant" ("id"),
      "kind" text not null,
      "name" varchar(100) not null,
      "scopes" text[] not null default '{}',
      "prefix" varchar(16) not null,
      "token_hash" varchar(64) not null,
      "created_by" uuid null references "app_user" ("id") on delete set null,
      "created_at" timestamptz not null default now(),
      "last_used_at" timestamptz null,
      "revoked_at" timestamptz null,
      constraint "access_token_token_hash_unique" unique ("token_hash"),
      constraint "access_token_kind_check" check ("kind" in ('DISPLAY', 'API')),
      constraint "access_token_display_scopes_check" check ("kind" = 'API' or "scopes" = '{}')
    );`);
    this.addSql(`create index "access_token_plant_id_index" on "access_token" ("plant_id");`);
    // One row per throttled key: 'account:<email>' or 'ip:<address>'.
    this.addSql(`create table "login_throttle" (
      "key" varchar(400) primary key,
      "failures" int not null default 0,
      "window_start" timestamptz not null default now(),
      "blocked_until" timestamptz null
    );`);
    this.addSql(`create index "session_expires_at_index" on "session" ("expires_at");`);
  }
}
