import { Migration } from '@mikro-orm/migrations';

/** Foundation schema: plants, calendars, products, orders, jobs, allocations, identity, events. */
export class Migration20261122000000Init extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "plant" ("id" uuid not null default gen_random_uuid(), "name" varchar(255) not null, "time_zone" varchar(255) not null default 'UTC', "ship_buffer_days" int not null default 1, "event_seq" bigint not null default '0', "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create table "customer" ("id" uuid not null default gen_random_uuid(), "plant_id" uuid not null, "name" varchar(255) not null, "tier" text not null default 'STANDARD', "contact" varchar(255) not null default '', primary key ("id"));`);
    this.addSql(`alter table "customer" add constraint "customer_tier_check" check ("tier" in ('STRATEGIC', 'STANDARD'));`);
    this.addSql(`create table "board_event" ("plant_id" uuid not null, "seq" bigint not null, "type" varchar(255) not null, "payload" jsonb not null, "created_at" timestamptz not null default now(), primary key ("plant_id", "seq"));`);
    this.addSql(`create table "audit_event" ("id" bigserial primary key, "plant_id" uuid not null, "actor_id" uuid null, "delegate_id" uuid null, "action" varchar(255) not null, "entity_type" varchar(255) not null, "entity_id" varchar(255) not null, "from_status" varchar(255) null, "to_status" varchar(255) null, "comment" text null, "policy_version" int null, "data" jsonb null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "audit_event_plant_id_entity_type_entity_id_index" on "audit_event" ("plant_id", "entity_type", "entity_id");`);
    this.addSql(`create table "product" ("id" uuid not null default gen_random_uuid(), "plant_id" uuid not null, "sku" varchar(64) not null, "name" varchar(255) not null, "material_cost_cents" bigint not null, "list_price_cents" bigint not null, "min_lead_time_days" int not null, primary key ("id"));`);
    this.addSql(`alter table "product" add constraint "product_plant_id_sku_unique" unique ("plant_id", "sku");`);
    this.addSql(`create table "sales_order" ("id" uuid not null default gen_random_uuid(), "plant_id" uuid not null, "number" varchar(32) not null, "customer_id" uuid not null, "product_id" uuid not null, "quantity" int not null, "option_ids" uuid[] not null default '{}', "due_date" date not null, "unit_price_cents" bigint not null, "status" text not null default 'CONFIRMED', "version" int not null default 1, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "sales_order" add constraint "sales_order_plant_id_number_unique" unique ("plant_id", "number");`);
    this.addSql(`alter table "sales_order" add constraint "sales_order_status_check" check ("status" in ('CONFIRMED', 'IN_PRODUCTION', 'DONE', 'SHIPPED', 'CANCELLED'));`);
    this.addSql(`create table "product_option" ("id" uuid not null default gen_random_uuid(), "product_id" uuid not null, "attribute" varchar(255) not null, "value" varchar(255) not null, "add_cost_cents" bigint not null default '0', "add_minutes_per_unit" double precision not null default 0, "step_seq" int null, "review_required" boolean not null default false, primary key ("id"));`);
    this.addSql(`alter table "product_option" add constraint "product_option_product_id_attribute_value_unique" unique ("product_id", "attribute", "value");`);
    this.addSql(`create table "app_user" ("id" uuid not null default gen_random_uuid(), "plant_id" uuid not null, "email" varchar(255) not null, "name" varchar(255) not null, "role" text not null, "password_hash" varchar(255) not null, "version" int not null default 1, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`alter table "app_user" add constraint "app_user_role_check" check ("role" in ('SALES_REP', 'PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER', 'ACCOUNTING', 'QUALITY', 'ADMIN'));`);
    this.addSql(`create table "session" ("id" uuid not null default gen_random_uuid(), "token_hash" varchar(255) not null, "user_id" uuid not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create table "work_center" ("id" uuid not null default gen_random_uuid(), "plant_id" uuid not null, "code" varchar(32) not null, "name" varchar(255) not null, "weekly_minutes" integer[] not null, "overtime_minutes_per_day" int not null default 0, "rate_cents_per_hour" bigint not null, "overtime_premium_cents_per_hour" bigint not null default '0', "sort" int not null default 0, primary key ("id"));`);
    this.addSql(`alter table "work_center" add constraint "work_center_plant_id_code_unique" unique ("plant_id", "code");`);
    this.addSql(`create table "routing_step" ("id" uuid not null default gen_random_uuid(), "product_id" uuid not null, "seq" int not null, "work_center_id" uuid not null, "setup_minutes" int not null, "minutes_per_unit" double precision not null, primary key ("id"));`);
    this.addSql(`alter table "routing_step" add constraint "routing_step_product_id_seq_unique" unique ("product_id", "seq");`);
    this.addSql(`create table "job" ("id" uuid not null default gen_random_uuid(), "order_id" uuid not null, "plant_id" uuid not null, "seq" int not null, "work_center_id" uuid not null, "minutes" int not null, "status" text not null default 'PLANNED', "start_date" date not null, "end_date" date not null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "job_plant_id_start_date_index" on "job" ("plant_id", "start_date");`);
    this.addSql(`alter table "job" add constraint "job_order_id_seq_unique" unique ("order_id", "seq");`);
    this.addSql(`alter table "job" add constraint "job_status_check" check ("status" in ('PLANNED', 'STARTED', 'DONE'));`);
    this.addSql(`create table "allocation" ("job_id" uuid not null, "date" date not null, "work_center_id" uuid not null, "plant_id" uuid not null, "minutes" int not null, primary key ("job_id", "date"));`);
    this.addSql(`create index "allocation_plant_id_date_work_center_id_index" on "allocation" ("plant_id", "date", "work_center_id");`);
    this.addSql(`create table "work_center_exception" ("id" uuid not null default gen_random_uuid(), "work_center_id" uuid not null, "date" date not null, "minutes" int not null, "reason" varchar(255) not null default '', primary key ("id"));`);
    this.addSql(`alter table "work_center_exception" add constraint "work_center_exception_work_center_id_date_unique" unique ("work_center_id", "date");`);
    this.addSql(`alter table "customer" add constraint "customer_plant_id_foreign" foreign key ("plant_id") references "plant" ("id");`);
    this.addSql(`alter table "board_event" add constraint "board_event_plant_id_foreign" foreign key ("plant_id") references "plant" ("id");`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_plant_id_foreign" foreign key ("plant_id") references "plant" ("id");`);
    this.addSql(`alter table "product" add constraint "product_plant_id_foreign" foreign key ("plant_id") references "plant" ("id");`);
    this.addSql(`alter table "sales_order" add constraint "sales_order_plant_id_foreign" foreign key ("plant_id") references "plant" ("id");`);
    this.addSql(`alter table "sales_order" add constraint "sales_order_customer_id_foreign" foreign key ("customer_id") references "customer" ("id");`);
    this.addSql(`alter table "sales_order" add constraint "sales_order_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
    this.addSql(`alter table "product_option" add constraint "product_option_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
    this.addSql(`alter table "app_user" add constraint "app_user_plant_id_foreign" foreign key ("plant_id") references "plant" ("id");`);
    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "work_center" add constraint "work_center_plant_id_foreign" foreign key ("plant_id") references "plant" ("id");`);
    this.addSql(`alter table "routing_step" add constraint "routing_step_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
    this.addSql(`alter table "routing_step" add constraint "routing_step_work_center_id_foreign" foreign key ("work_center_id") references "work_center" ("id");`);
    this.addSql(`alter table "job" add constraint "job_order_id_foreign" foreign key ("order_id") references "sales_order" ("id");`);
    this.addSql(`alter table "job" add constraint "job_plant_id_foreign" foreign key ("plant_id") references "plant" ("id");`);
    this.addSql(`alter table "job" add constraint "job_work_center_id_foreign" foreign key ("work_center_id") references "work_center" ("id");`);
    this.addSql(`alter table "allocation" add constraint "allocation_job_id_foreign" foreign key ("job_id") references "job" ("id") on delete cascade;`);
    this.addSql(`alter table "allocation" add constraint "allocation_work_center_id_foreign" foreign key ("work_center_id") references "work_center" ("id");`);
    this.addSql(`alter table "allocation" add constraint "allocation_plant_id_foreign" foreign key ("plant_id") references "plant" ("id");`);
    this.addSql(`alter table "work_center_exception" add constraint "work_center_exception_work_center_id_foreign" foreign key ("work_center_id") references "work_center" ("id");`);

    // Domain invariants the database itself enforces, so no code path can break them.
    this.addSql(`alter table "allocation" add constraint "allocation_minutes_positive" check ("minutes" > 0);`);
    this.addSql(`alter table "job" add constraint "job_minutes_positive" check ("minutes" > 0);`);
    this.addSql(`alter table "sales_order" add constraint "sales_order_quantity_positive" check ("quantity" > 0);`);
    this.addSql(`alter table "work_center_exception" add constraint "work_center_exception_minutes_nonnegative" check ("minutes" >= 0);`);
    this.addSql(`create index "job_order_id_index" on "job" ("order_id");`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
    // The audit trail is append-only in the database itself (docs/product.md §7): UPDATE, DELETE and
    // TRUNCATE are refused by triggers, whatever the client.
    this.addSql(`create function takt_refuse_audit_change() returns trigger language plpgsql as $$
      begin raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001'; end $$;`);
    this.addSql(`create trigger audit_event_append_only before update or delete on "audit_event"
      for each row execute function takt_refuse_audit_change();`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on "audit_event"
      for each statement execute function takt_refuse_audit_change();`);
  }
}
