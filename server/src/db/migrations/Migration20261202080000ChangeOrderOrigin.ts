import { Migration } from '@mikro-orm/migrations';

/**
 * Where a change order came from when it was not proposed on the board (docs/import.md, "After
 * go-live"): an import by a signed-in user or an integration's push, with its batch and file row.
 * Expand-only: a nullable column the previous release neither reads nor writes (null = the board).
 */
export class Migration20261202080000ChangeOrderOrigin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "change_order" add column "origin" jsonb null;`);
    // an integration re-pushing rows finds the open change order its earlier push made for an order number
    this.addSql(`create index "change_order_origin_order_number" on "change_order" ("plant_id", ("origin"->>'orderNumber')) where "origin" is not null;`);
  }
}
