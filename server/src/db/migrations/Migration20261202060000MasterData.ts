import { Migration } from '@mikro-orm/migrations';

/**
 * Master data a plant maintains itself (docs/import.md): external keys, active flags and versions
 * on plants, work centers, products, customers and users; calendar exceptions as the planner
 * enters them (one work center or the whole plant, a date or a range), expanded into the per-date
 * rows of `work_center_exception` that the engine's calendar and every capacity query read; and a
 * one-time set-password token for users an admin creates (there is no mail server); and the
 * idempotency keys of committed imports.
 */
export class Migration20261202060000MasterData extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "plant" add column "version" int not null default 1;`);
    this.addSql(`alter table "work_center" add column "active" boolean not null default true, add column "version" int not null default 1;`);
    this.addSql(`alter table "product" add column "active" boolean not null default true, add column "version" int not null default 1;`);
    this.addSql(`alter table "customer" add column "code" varchar(64) null, add column "active" boolean not null default true,
      add column "version" int not null default 1;`);
    // Existing customers get codes in name order, per plant: CUST-0001, CUST-0002, …
    this.addSql(`update "customer" c set "code" = 'CUST-' || lpad(n.rn::text, 4, '0')
      from (select id, row_number() over (partition by plant_id order by name, id) as rn from "customer") n where n.id = c.id;`);
    // A customer made without a code (a path that predates codes) gets a stable generated one.
    this.addSql(`alter table "customer" alter column "code" set not null,
      alter column "code" set default ('CUST-' || upper(substr(md5(gen_random_uuid()::text), 1, 8)));`);
    this.addSql(`alter table "customer" add constraint "customer_plant_id_code_unique" unique ("plant_id", "code");`);
    this.addSql(`alter table "app_user" add column "active" boolean not null default true,
      add column "set_password_hash" varchar(64) null, add column "set_password_expires_at" timestamptz null;`);
    this.addSql(`create table "calendar_exception" (
      "id" uuid primary key default gen_random_uuid(),
      "plant_id" uuid not null references "plant" ("id"),
      "work_center_id" uuid null references "work_center" ("id"),
      "date_from" date not null,
      "date_to" date not null,
      "minutes" int not null,
      "reason" varchar(255) not null default '',
      "active" boolean not null default true,
      "version" int not null default 1,
      "created_at" timestamptz not null default now(),
      constraint "calendar_exception_range_check" check ("date_to" >= "date_from" and "date_to" - "date_from" < 366),
      constraint "calendar_exception_minutes_check" check ("minutes" >= 0 and "minutes" <= 1440)
    );`);
    // One exception per scope (a work center, or the whole plant) and first date: the import's key.
    this.addSql(`create unique index "calendar_exception_scope_date_from_unique" on "calendar_exception"
      ("plant_id", coalesce("work_center_id", '00000000-0000-0000-0000-000000000000'::uuid), "date_from");`);
    // Imports committed with an idempotency key: a retried push returns the first outcome and writes nothing.
    this.addSql(`create table "import_batch" (
      "plant_id" uuid not null references "plant" ("id"),
      "idempotency_key" varchar(200) not null,
      "fingerprint" varchar(64) not null,
      "outcome" jsonb not null,
      "created_at" timestamptz not null default now(),
      primary key ("plant_id", "idempotency_key")
    );`);
    this.addSql(`alter table "work_center_exception" add column "calendar_exception_id" uuid null
      references "calendar_exception" ("id") on delete cascade;`);
    this.addSql(`with src as (select e.id as row_id, gen_random_uuid() as ce_id, w.plant_id, e.work_center_id, e.date, e.minutes, e.reason
                     from "work_center_exception" e join "work_center" w on w.id = e.work_center_id),
                  ins as (insert into "calendar_exception" (id, plant_id, work_center_id, date_from, date_to, minutes, reason)
                          select ce_id, plant_id, work_center_id, date, date, minutes, reason from src)
             update "work_center_exception" e set "calendar_exception_id" = src.ce_id from src where src.row_id = e.id;`);
  }
}
