import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Resolvers } from '../../../schema/generated/server.ts';
import { authorize, permissionFor } from '../modules/auth/permissions.ts';
import { guardArguments } from './input-guard.ts';
import { authResolvers } from '../modules/auth/auth.resolvers.ts';
import { plantResolvers } from '../modules/plant/plant.resolvers.ts';
import { boardResolvers } from '../modules/schedule/board.resolvers.ts';
import { orderResolvers } from '../modules/order/order.resolvers.ts';
import { policyResolvers } from '../modules/policy/policy.resolvers.ts';
import { policyLabResolvers } from '../modules/policy/policy-lab.resolvers.ts';
import { evaluationResolvers } from '../modules/change-order/evaluation.resolvers.ts';
import { changeOrderResolvers } from '../modules/change-order/change-order.resolvers.ts';
import { auditResolvers } from '../modules/audit/audit.resolvers.ts';
import { delegationResolvers } from '../modules/delegation/delegation.resolvers.ts';
import { reportResolvers } from '../modules/report/report.resolvers.ts';
import { realtimeResolvers } from '../realtime/realtime.resolvers.ts';
import { presenceResolvers } from '../realtime/presence/presence.resolvers.ts';
import { notificationResolvers } from '../modules/notification/notification.resolvers.ts';
import { webhookResolvers } from '../modules/webhook/webhook.resolvers.ts';
import { tokenResolvers } from '../modules/token/token.resolvers.ts';
import { masterDataResolvers } from '../modules/masterdata/masterdata.resolvers.ts';
import { floorResolvers } from '../modules/floor/floor.resolvers.ts';
import { importResolvers } from '../modules/import/import.resolvers.ts';
import { importProgressResolvers } from '../realtime/import-progress.resolvers.ts';
import { Base64Scalar, DateScalar, DateTimeScalar, IntColumnScalar, MoneyScalar, StringColumnScalar } from './scalars.ts';
import type { GraphQLContext } from './context.ts';

const SCHEMA_DIR = resolve(import.meta.dirname, '../../../schema');

/** The SDL contract: every `.graphql` file in schema/. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(resolve(SCHEMA_DIR, f), 'utf8'));
}

const commonResolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Money: MoneyScalar,
  Base64: Base64Scalar,
  IntColumn: IntColumnScalar,
  StringColumn: StringColumnScalar,
  Query: { health: () => true },
  Mutation: { ping: () => true },
};

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;

/**
 * Builds the executable schema and wraps every root field with the permission table, so no
 * resolver can forget authorization. A root field without an entry fails here, at startup.
 */
export function buildSchema(): GraphQLSchema {
  const schema = makeExecutableSchema<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers: [commonResolvers, authResolvers, plantResolvers, boardResolvers, orderResolvers, policyResolvers, policyLabResolvers, evaluationResolvers, changeOrderResolvers, auditResolvers, delegationResolvers, reportResolvers, realtimeResolvers, presenceResolvers, tokenResolvers, notificationResolvers, webhookResolvers, masterDataResolvers, importResolvers, importProgressResolvers, floorResolvers] as never,
  });
  for (const rootName of ROOT_TYPES) {
    const root = schema.getType(rootName);
    if (!root || !('getFields' in root)) continue;
    for (const field of Object.values(root.getFields())) {
      const operation = `${rootName}.${field.name}`;
      if (!permissionFor(operation)) throw new Error(`${operation} has no entry in the permission table`);
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = ((source, args, ctx, info) => {
        authorize(operation, ctx.actor);
        guardArguments(field.args, args);
        return resolve(source, args, ctx, info);
      }) satisfies GraphQLFieldResolver<unknown, GraphQLContext>;
      if (field.subscribe) {
        const subscribe = field.subscribe;
        field.subscribe = ((source, args, ctx, info) => {
          authorize(operation, ctx.actor);
          guardArguments(field.args, args);
          return subscribe(source, args, ctx, info);
        }) satisfies GraphQLFieldResolver<unknown, GraphQLContext>;
      }
    }
  }
  return schema;
}
