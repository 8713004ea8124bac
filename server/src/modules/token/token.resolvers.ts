import type { Resolvers } from '../../../../schema/generated/server.ts';
import { TOKEN_KINDS, type TokenKind } from './token.service.ts';
import { badInput } from '../../shared/errors.ts';

const kindOf = (kind: string): TokenKind => {
  if (!(TOKEN_KINDS as readonly string[]).includes(kind)) throw badInput(`Unknown token kind ${kind}.`, 'kind');
  return kind as TokenKind;
};

/** Display and API tokens (ADMIN; the permission table says so): parse → service. */
export const tokenResolvers: Resolvers = {
  Query: {
    accessTokens: (_, { kind }, ctx) => ctx.services.tokens.list(ctx.em, ctx.actor!, kind ? kindOf(kind) : null),
  },
  Mutation: {
    createAccessToken: (_, { kind, name, scopes }, ctx) =>
      ctx.services.tokens.create(ctx.actor!, { kind: kindOf(kind), name, scopes: scopes ?? null }),
    revokeAccessToken: (_, { id }, ctx) => ctx.services.tokens.revoke(ctx.actor!, id),
  },
  AccessToken: {
    createdBy: (t, _, ctx) => (t.createdById ? ctx.loaders.userById.load(t.createdById) : null),
  },
};
