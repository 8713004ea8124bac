import { Migration } from '@mikro-orm/migrations';

/**
 * The policy lab (docs/product.md §4.3). Expand-only: a release that does not know these columns
 * keeps working.
 *
 * - `policy.replay`: the history comparison a version was published with (null for versions
 *   written before, or by a release without the lab); the append-only trigger still refuses any
 *   update.
 * - `change_order.replay_verdict`: the stored verdict without its plans, its costs before and
 *   after, and the buckets it does not raise (what is left is what a replay reads), kept by PostgreSQL itself from `evaluation`
 *   whoever writes the row. A verdict's jobs and capable-to-promise plans are most of its size;
 *   reading 90 days of whole verdicts took seconds, this column makes it a small read.
 */
export class Migration20261202122000PolicyReplay extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "policy" add column "replay" jsonb null;`);
    // Only immutable operators, as a generated column needs: keys removed, and the buckets the
    // change raises kept (every rule and tier reads only those; a replay reads nothing else of them).
    this.addSql(`alter table "change_order" add column "replay_verdict" jsonb generated always as (jsonb_set(
      ("evaluation" - '{jobs,alternatives,frozenJobs,infeasibleReason}'::text[]) #- '{impact,costBefore}' #- '{impact,costAfter}',
      '{impact,buckets}',
      coalesce(jsonb_path_query_array("evaluation"->'impact'->'buckets', '$[*] ? (@.loadAfterMinutes > @.loadBeforeMinutes)'), '[]'::jsonb),
      false)) stored;`);
  }
}
