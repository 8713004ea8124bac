import { Migration } from '@mikro-orm/migrations';

/**
 * Scoped capacity rules per work center and customer tier (docs/product.md §4.3), stored with the
 * policy version they belong to, as the engine reads them. Expand-only: existing versions have
 * none, and a release that does not know the column inserts versions that have none.
 */
export class Migration20261202120000ScopedRules extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "policy" add column "scoped_rules" jsonb not null default '[]';`);
  }
}
