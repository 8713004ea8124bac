import { Migration } from '@mikro-orm/migrations';

/** Versioned plant policy (docs/product.md §4): every edit is a new row with its author and reason. */
export class Migration20261122010000Policy extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "policy" (
      "plant_id" uuid not null references "plant" ("id"),
      "version" int not null,
      "auto_approve_max_utilization_bp" int not null,
      "manager_max_utilization_bp" int not null,
      "overtime_allowed" boolean not null,
      "freeze_window_working_days" int not null,
      "cost_increase_limit_cents" bigint not null,
      "min_margin_bp" int not null,
      "approval_sla_hours" int not null,
      "author_id" uuid null references "app_user" ("id"),
      "reason" text not null,
      "created_at" timestamptz not null default now(),
      primary key ("plant_id", "version"),
      constraint "policy_utilization_order" check (0 < "auto_approve_max_utilization_bp"
        and "auto_approve_max_utilization_bp" <= "manager_max_utilization_bp" and "manager_max_utilization_bp" <= 10000),
      constraint "policy_ranges" check ("freeze_window_working_days" >= 0 and "cost_increase_limit_cents" >= 0
        and "min_margin_bp" between -10000 and 10000 and "approval_sla_hours" > 0)
    );`);
    // Policies are history: a version is never rewritten, only superseded.
    this.addSql(`create trigger policy_append_only before update or delete on "policy"
      for each row execute function takt_refuse_audit_change();`);
    // Plants that exist already start from the defaults of docs/product.md §4.
    this.addSql(`insert into "policy" ("plant_id", "version", "auto_approve_max_utilization_bp", "manager_max_utilization_bp",
      "overtime_allowed", "freeze_window_working_days", "cost_increase_limit_cents", "min_margin_bp", "approval_sla_hours", "reason")
      select "id", 1, 8000, 10000, true, 3, 500000, 1500, 8, 'Default rules' from "plant";`);
  }
}
