import { Migration } from '@mikro-orm/migrations';

/**
 * Order search (`orders(filter: { search })`): every word is matched anywhere in the order number
 * and the customer's name with ILIKE '%word%', which a b-tree cannot serve. Trigram GIN indexes
 * can: PostgreSQL picks them when a word is selective, instead of reading every order of the
 * plant. pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may create it.
 */
export class Migration20261202050000OrderSearch extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create index "sales_order_number_trgm" on "sales_order" using gin ("number" gin_trgm_ops);`);
    this.addSql(`create index "customer_name_trgm" on "customer" using gin ("name" gin_trgm_ops);`);
    // the customer filter (the list's keyset order is served by the (plant_id, number) unique index)
    this.addSql(`create index "sales_order_customer_id_index" on "sales_order" ("customer_id");`);
  }
}
