import type { Resolvers } from '../../../../schema/generated/server.ts';
import { AppError } from '../../graphql/errors.ts';

export const authResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => ctx.services.auth.user(ctx.em, ctx.actor!.userId!),
  },
  Mutation: {
    login: async (_, { email, password }, ctx) => {
      if (email.length > 320 || password.length > 1024) throw new AppError('BAD_USER_INPUT', 'Email or password is too long.');
      const { user, token, expiresAt } = await ctx.services.auth.login(ctx.em, email, password);
      ctx.setSessionCookie?.(token, expiresAt);
      return user;
    },
    logout: async (_, __, ctx) => {
      const ended = ctx.sessionToken ? await ctx.services.auth.logout(ctx.em, ctx.sessionToken) : false;
      ctx.setSessionCookie?.(null);
      return ended;
    },
  },
};
