import { Migration } from '@mikro-orm/migrations';

/**
 * The floor and the clock (docs/product.md §12): operators, job progress with its reports (an
 * idempotency key per plant makes a retried report count once), the order's baseline finish and
 * at-risk flag, and the last day the plant's schedule was turned. A DONE job may hold no
 * allocation (finished before its planned days), so its minutes may be 0; an open job holds some.
 */
export class Migration20261202070000Progress extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" drop constraint "app_user_role_check";`);
    this.addSql(`alter table "app_user" add constraint "app_user_role_check" check ("role" in
      ('SALES_REP', 'PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER', 'ACCOUNTING', 'QUALITY', 'ADMIN', 'OPERATOR'));`);
    this.addSql(`alter table "job" add column "completed_quantity" int not null default 0,
      add column "scrap_quantity" int not null default 0, add column "actual_minutes" int not null default 0,
      add column "paused" boolean not null default false;`);
    this.addSql(`alter table "job" drop constraint "job_minutes_positive";`);
    this.addSql(`alter table "job" add constraint "job_minutes_positive" check ("minutes" > 0 or ("status" = 'DONE' and "minutes" = 0));`);
    this.addSql(`alter table "job" add constraint "job_progress_nonnegative" check ("completed_quantity" >= 0 and "scrap_quantity" >= 0 and "actual_minutes" >= 0);`);
    this.addSql(`alter table "sales_order" add column "baseline_finish" date null, add column "at_risk" boolean not null default false,
      add column "risk_cause" text null;`);
    this.addSql(`update "sales_order" o set "baseline_finish" = (select max(j."end_date") from "job" j where j."order_id" = o."id");`);
    this.addSql(`alter table "plant" add column "turned_through" date null;`);
    this.addSql(`alter table "notification" add column "order_id" uuid null references "sales_order" ("id");`);
    this.addSql(`alter table "notification" drop constraint "notification_kind_check";`);
    this.addSql(`alter table "notification" add constraint "notification_kind_check" check ("kind" in
      ('DECISION_NEEDED','NO_LONGER_NEEDED','CHANGE_ORDER_UPDATED','COUNTER_PROPOSAL_ANSWERED','BILLING_ADJUSTMENT','ORDER_AT_RISK'));`);
    this.addSql(`create table "progress_report" (
      "plant_id" uuid not null references "plant" ("id"),
      "idempotency_key" varchar(100) not null,
      "job_id" uuid not null references "job" ("id") on delete cascade,
      "action" text not null check ("action" in ('START', 'PAUSE', 'RESUME', 'COMPLETE', 'REPORT')),
      "good_quantity" int not null, "scrap_quantity" int not null, "minutes" int not null,
      "at" timestamptz not null, "actor_id" uuid null,
      "created_at" timestamptz not null default now(),
      primary key ("plant_id", "idempotency_key"));`);
    this.addSql(`create index "progress_report_job_id_index" on "progress_report" ("job_id");`);
  }
}
