import { Migration } from '@mikro-orm/migrations';

/**
 * The policy lab (docs/product.md §4.3). Expand-only: a release that does not know these columns
 * keeps working.
 *
 * - `policy.replay`: the history comparison a version was published with (null for versions
 *   written before, or by a release without the lab); the append-only trigger still refuses any
 *   update.
 * - `change_order.replay_verdict`: the stored verdict without its plans (the tier, terms, impact,
 *   approvals, routing and freeze-window reach a replay reads), kept by PostgreSQL itself from `evaluation`
 *   whoever writes the row. A verdict's jobs and capable-to-promise plans are most of its size;
 *   reading 90 days of whole verdicts took seconds, this column makes it a small read.
 */
export class Migration20261202120000PolicyReplay extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "policy" add column "replay" jsonb null;`);
    // Removing keys keeps the expression immutable, as a generated column needs (building an object is not).
    this.addSql(`alter table "change_order" add column "replay_verdict" jsonb
      generated always as ("evaluation" - '{jobs,alternatives,frozenJobs,infeasibleReason}'::text[]) stored;`);
  }
}
