import { Migration } from '@mikro-orm/migrations';

/**
 * An at-risk notification keeps the dates the plant could promise when it was sent, as data
 * (`[{ tier, dueDate }]`), so the rep can propose one of them in one click (docs/product.md §12.5).
 */
export class Migration20261202090000PromiseDates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notification" add column "promise_dates" jsonb not null default '[]';`);
  }
}
