import { Migration } from '@mikro-orm/migrations';

/** Change orders, their per-lane approvals, comments and the billing adjustments they cause. */
export class Migration20261122030000ChangeOrders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "plant" add column "change_order_seq" int not null default 1000;`);
    this.addSql(`create table "change_order" (
      "id" uuid primary key default gen_random_uuid(),
      "plant_id" uuid not null references "plant" ("id"),
      "number" varchar(32) not null,
      "status" text not null check ("status" in ('AUTO_APPROVED','PENDING','APPROVED','APPLIED','REJECTED','COUNTER_PROPOSED','WITHDRAWN','CLOSED','INFEASIBLE')),
      "version" int not null default 1,
      "proposer_id" uuid not null references "app_user" ("id"),
      "order_id" uuid not null,
      "customer_id" uuid null references "customer" ("id"),
      "kinds" text[] not null,
      "request" jsonb not null,
      "evaluation" jsonb not null,
      "tier" text not null,
      "policy_version" int not null,
      "status_reason" text null,
      "counter" jsonb null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "applied_at" timestamptz null,
      unique ("plant_id", "number")
    );`);
    this.addSql(`create index "change_order_plant_created" on "change_order" ("plant_id", "created_at" desc, "id" desc);`);
    this.addSql(`create index "change_order_plant_status" on "change_order" ("plant_id", "status");`);
    this.addSql(`create index "change_order_order" on "change_order" ("order_id");`);
    this.addSql(`create table "change_order_approval" (
      "change_order_id" uuid not null references "change_order" ("id"),
      "lane" text not null check ("lane" in ('CAPACITY','ACCOUNTING','QUALITY')),
      "required_role" text not null,
      "status" text not null check ("status" in ('PENDING','GRANTED','REJECTED')),
      "granted_role" text null,
      "decided_by" uuid null references "app_user" ("id"),
      "delegate_id" uuid null references "app_user" ("id"),
      "decided_at" timestamptz null,
      "comment" text null,
      "pending_since" timestamptz not null default now(),
      "escalations" int not null default 0,
      "escalated_roles" text[] not null default '{}',
      primary key ("change_order_id", "lane")
    );`);
    this.addSql(`create index "change_order_approval_pending" on "change_order_approval" ("status", "required_role") where "status" = 'PENDING';`);
    this.addSql(`create table "change_order_comment" (
      "id" uuid primary key default gen_random_uuid(),
      "change_order_id" uuid not null references "change_order" ("id"),
      "author_id" uuid not null references "app_user" ("id"),
      "body" text not null check (length("body") between 1 and 4000),
      "created_at" timestamptz not null default now()
    );`);
    this.addSql(`create index "change_order_comment_co" on "change_order_comment" ("change_order_id", "created_at");`);
    // A user names a delegate who acts for them between two dates (docs/product.md §1, out of office).
    this.addSql(`create table "delegation" (
      "id" uuid primary key default gen_random_uuid(),
      "user_id" uuid not null references "app_user" ("id"),
      "delegate_id" uuid not null references "app_user" ("id"),
      "starts_on" date not null,
      "ends_on" date not null,
      "created_at" timestamptz not null default now(),
      "revoked_at" timestamptz null,
      check ("user_id" <> "delegate_id" and "starts_on" <= "ends_on")
    );`);
    this.addSql(`create index "delegation_delegate" on "delegation" ("delegate_id") where "revoked_at" is null;`);
    this.addSql(`create table "billing_adjustment" (
      "id" uuid primary key default gen_random_uuid(),
      "plant_id" uuid not null references "plant" ("id"),
      "change_order_id" uuid not null references "change_order" ("id"),
      "order_id" uuid not null,
      "price_delta_cents" bigint not null,
      "cost_delta_cents" bigint not null,
      "created_at" timestamptz not null default now()
    );`);
    // Comments and billing adjustments are records, like the audit trail: never rewritten.
    this.addSql(`create trigger change_order_comment_append_only before update or delete on "change_order_comment"
      for each row execute function takt_refuse_audit_change();`);
    this.addSql(`create trigger billing_adjustment_append_only before update or delete on "billing_adjustment"
      for each row execute function takt_refuse_audit_change();`);
  }
}
