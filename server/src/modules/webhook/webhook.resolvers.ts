import type { Resolvers } from '../../../../schema/generated/server.ts';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks } from './webhook.service.ts';

/** Webhook management and the delivery log: ADMIN only (the permission table), own plant only. */
export const webhookResolvers: Resolvers = {
  Query: {
    webhooks: (_, __, ctx) => listWebhooks(ctx.em, ctx.actor!.plantId),
    webhookDeliveries: (_, { webhookId, first, after }, ctx) => listDeliveries(ctx.em, ctx.actor!.plantId, webhookId, first, after),
  },
  Mutation: {
    createWebhook: (_, { url, events }, ctx) => createWebhook(ctx.services.orm, ctx.services.webhooks.config, ctx.actor!, { url, events }),
    deleteWebhook: (_, { id }, ctx) => deleteWebhook(ctx.services.orm, ctx.actor!, id),
  },
  Webhook: {
    createdBy: (h, _, ctx) => (h.createdBy ? ctx.loaders.userById.load(h.createdBy) : null),
  },
};
