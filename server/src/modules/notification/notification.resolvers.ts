import type { Resolvers } from '../../../../schema/generated/server.ts';
import { listNotifications, markRead, unreadCount } from './notification.service.ts';

/** Every human role reads and marks its own notifications (the permission table). */
export const notificationResolvers: Resolvers = {
  Query: {
    notifications: (_, { unreadOnly, first, after }, ctx) => listNotifications(ctx.em, ctx.actor!, { unreadOnly, first, after }),
    unreadNotificationCount: (_, __, ctx) => unreadCount(ctx.em, ctx.actor!),
  },
  Mutation: {
    markNotificationsRead: (_, { ids, all }, ctx) => markRead(ctx.em, ctx.actor!, ids, all),
  },
  Notification: {
    changeOrder: (n) => n.changeOrder,
  },
};
