import { Migration } from '@mikro-orm/migrations';

/**
 * In-app notifications and signed outgoing webhooks (issue 4, item 8). Both are written in the
 * transition's own transaction: a notification exists exactly when its change committed, and a
 * webhook delivery is an outbox row that a dispatcher claims with `FOR UPDATE SKIP LOCKED`.
 */
export class Migration20261122060000Notifications extends Migration {
  override async up(): Promise<void> {
    // `seq` orders rows written in one transaction (they share created_at) for the keyset pages.
    this.addSql(`create table "notification" (
      "id" uuid primary key default gen_random_uuid(),
      "seq" bigserial not null unique,
      "plant_id" uuid not null references "plant" ("id"),
      "user_id" uuid not null references "app_user" ("id") on delete cascade,
      "kind" text not null check ("kind" in ('DECISION_NEEDED','NO_LONGER_NEEDED','CHANGE_ORDER_UPDATED','COUNTER_PROPOSAL_ANSWERED','BILLING_ADJUSTMENT')),
      "change_order_id" uuid null references "change_order" ("id"),
      "actions" text[] not null default '{}',
      "message" text not null,
      "created_at" timestamptz not null default now(),
      "read_at" timestamptz null
    );`);
    this.addSql(`create index "notification_user_seq" on "notification" ("user_id", "seq" desc);`);
    this.addSql(`create index "notification_user_unread" on "notification" ("user_id") where "read_at" is null;`);

    this.addSql(`create table "webhook" (
      "id" uuid primary key default gen_random_uuid(),
      "plant_id" uuid not null references "plant" ("id"),
      "url" text not null check ("url" ~ '^https?://'),
      -- null: every event
      "events" text[] null,
      -- The HMAC key must be usable to sign, so it cannot be hashed; it never leaves the server
      -- after createWebhook returned it once.
      "secret" text not null,
      "created_by" uuid null references "app_user" ("id"),
      "created_at" timestamptz not null default now(),
      "deleted_at" timestamptz null
    );`);
    this.addSql(`create index "webhook_plant" on "webhook" ("plant_id") where "deleted_at" is null;`);

    this.addSql(`create table "webhook_delivery" (
      "id" uuid primary key default gen_random_uuid(),
      "seq" bigserial not null unique,
      "webhook_id" uuid not null references "webhook" ("id"),
      "plant_id" uuid not null references "plant" ("id"),
      "event" text not null,
      -- The exact bytes sent and signed, identical on every attempt.
      "body" text not null,
      "status" text not null default 'PENDING' check ("status" in ('PENDING','DELIVERED','FAILED','CANCELLED')),
      "attempts" int not null default 0,
      "next_attempt_at" timestamptz not null default now(),
      "last_attempt_at" timestamptz null,
      "last_status" int null,
      "last_error" text null,
      "delivered_at" timestamptz null,
      "created_at" timestamptz not null default now()
    );`);
    // The dispatcher's claim scans only what is due.
    this.addSql(`create index "webhook_delivery_due" on "webhook_delivery" ("next_attempt_at") where "status" = 'PENDING';`);
    this.addSql(`create index "webhook_delivery_log" on "webhook_delivery" ("webhook_id", "seq" desc);`);
  }
}
