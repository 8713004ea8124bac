import { Migration } from '@mikro-orm/migrations';

/**
 * TRUNCATE is refused on every append-only table (docs/security.md, "Data integrity"), not only
 * on `audit_event`: row triggers do not fire on TRUNCATE, so the policy history, the change-order
 * comments and the billing adjustments each need a statement trigger of their own.
 * `board_event` is not among them: it is a replay buffer that retention prunes
 * (docs/realtime.md); the record is `audit_event`.
 */
export class Migration20261202010000AppendOnlyTruncate extends Migration {
  override async up(): Promise<void> {
    for (const table of ['policy', 'change_order_comment', 'billing_adjustment']) {
      this.addSql(`create trigger ${table}_no_truncate before truncate on "${table}"
        for each statement execute function takt_refuse_audit_change();`);
    }
  }
}
