import { Migration } from '@mikro-orm/migrations';

/**
 * The currency a plant's money is in (ISO 4217), so screens say "€ 5,000.00", not a bare number.
 * Expand-only: existing plants take the demo plant's currency, code that does not know the column
 * keeps working.
 */
export class Migration20261202100000PlantCurrency extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "plant" add column "currency" char(3) not null default 'EUR';`);
  }
}
