import { Plant } from '../modules/plant/plant.entity.ts';
import { CalendarException, WorkCenter, WorkCenterException } from '../modules/work-center/work-center.entity.ts';
import { Product, RoutingStep, ProductOption } from '../modules/product/product.entity.ts';
import { Customer } from '../modules/customer/customer.entity.ts';
import { Order, Job, Allocation } from '../modules/order/order.entity.ts';
import { User, Session } from '../modules/auth/user.entity.ts';
import { BoardEvent, AuditEvent } from '../modules/events/event.entity.ts';
import { PolicyVersion } from '../modules/policy/policy.entity.ts';
import { Presence } from '../realtime/presence/presence.entity.ts';

/** Every entity the ORM knows; the migrations are diffed against these. */
export const entities = [
  Plant, WorkCenter, WorkCenterException, CalendarException, Product, RoutingStep, ProductOption, Customer,
  Order, Job, Allocation, User, Session, BoardEvent, AuditEvent, PolicyVersion, Presence,
];
