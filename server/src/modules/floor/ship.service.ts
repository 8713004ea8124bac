import { AppError, conflict, notFound } from '../../shared/errors.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { withPlantWrite } from '../events/write-path.ts';
import { orderById } from '../order/order.service.ts';
import { isUuid } from '../../shared/ids.ts';
import type { OrderDto } from '../order/order.dto.ts';

/**
 * A DONE order leaves the plant (docs/product.md §12). Its version names the terms the shipper saw;
 * shipping moves no load, so the board hears only that the order changed.
 */
export async function shipOrder(services: Services, actor: Actor, orderId: string, expectedVersion: number): Promise<OrderDto> {
  await withPlantWrite(services.orm, actor.plantId, actor, async (w) => {
    const [order] = isUuid(orderId)
      ? await w.em.execute<{ number: string; status: string; version: number }[]>(
        'select number, status, version from sales_order where id = ? and plant_id = ?', [orderId, w.plantId])
      : [];
    if (!order) throw notFound('Order', orderId);
    if (order.version !== expectedVersion) throw conflict(`Order ${order.number}`, order.version);
    if (order.status !== 'DONE') {
      throw new AppError('CONFLICT', `Order ${order.number} is ${order.status.toLowerCase().replaceAll('_', ' ')}, not done: only an order whose jobs are all done can ship.`, { currentVersion: order.version });
    }
    await w.em.execute(`update sales_order set status = 'SHIPPED', at_risk = false, risk_cause = null where id = ?`, [orderId]);
    w.audit({ action: 'ORDER_STATUS_CHANGED', entityType: 'Order', entityId: orderId, fromStatus: 'DONE', toStatus: 'SHIPPED' });
    w.emit({ type: 'SCHEDULE_CHANGED', changeOrderId: null, orderIds: [orderId], jobs: [], removedJobIds: [], buckets: [] });
  });
  return orderById(services.orm.em.fork(), actor.plantId, orderId);
}
