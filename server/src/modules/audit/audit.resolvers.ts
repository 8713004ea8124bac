import type { Resolvers } from '../../../../schema/generated/server.ts';
import { listAuditEvents } from './audit.queries.ts';

export const auditResolvers: Resolvers = {
  Query: {
    auditEvents: (_, { filter, first, after }, ctx) => listAuditEvents(ctx.em, ctx.actor!.plantId, filter, first, after),
  },
  AuditEvent: {
    actor: (e, _, ctx) => (e.actorId ? ctx.loaders.userById.load(e.actorId) : null),
    delegate: (e, _, ctx) => (e.delegateId ? ctx.loaders.userById.load(e.delegateId) : null),
    evaluation: (e, _, ctx) => ctx.loaders.evaluationByAuditEvent.load(e.id),
  },
};
