import { Migration } from '@mikro-orm/migrations';

/**
 * The history comparison a policy version was published with (docs/product.md §4.3): the draft
 * replayed beside the rules it replaced. Expand-only: versions written by a release that does not
 * know the column have none (null), and the append-only trigger still refuses any update.
 */
export class Migration20261202120000PolicyReplay extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "policy" add column "replay" jsonb null;`);
  }
}
