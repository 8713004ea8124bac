import { Migration } from '@mikro-orm/migrations';

/**
 * Lost updates (docs/change-orders.md): a change order remembers the version of the order it was
 * made from, so that one whose order changed before it was applied goes back to its proposer
 * (status RETURNED) instead of overwriting the newer terms. Null for new orders and job moves (they
 * carry no terms). Open change orders made before this migration are taken as made from the order
 * as it is now.
 */
export class Migration20261202051000OrderVersion extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "change_order" add column "order_version" int null;`);
    this.addSql(`alter table "change_order" drop constraint "change_order_status_check";`);
    this.addSql(`alter table "change_order" add constraint "change_order_status_check" check ("status" in
      ('AUTO_APPROVED', 'PENDING', 'APPROVED', 'APPLIED', 'REJECTED', 'COUNTER_PROPOSED', 'WITHDRAWN', 'CLOSED', 'INFEASIBLE', 'RETURNED'));`);
    this.addSql(`update "change_order" co set "order_version" = o."version" from "sales_order" o
      where o."id" = co."order_id" and co."status" in ('PENDING', 'APPROVED', 'REJECTED', 'COUNTER_PROPOSED')
        and co."request" -> 'change' -> 'moveJob' is null;`);
  }
}
