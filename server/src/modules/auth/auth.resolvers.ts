import type { Resolvers } from '../../../../schema/generated/server.ts';
import { AppError } from '../../shared/errors.ts';
import { MAX_PASSWORD_LENGTH } from './auth.service.ts';

export const authResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => ctx.services.auth.user(ctx.em, ctx.actor!.userId!),
  },
  Mutation: {
    login: async (_, { email, password }, ctx) => {
      if (email.length > 320 || password.length > 1024) throw new AppError('BAD_USER_INPUT', 'Email or password is too long.');
      const { user, token, expiresAt, device } = await ctx.services.auth.login(ctx.em, email, password, {
        ip: ctx.clientIp ?? null,
        device: ctx.deviceCookie ?? null,
        // session rotation: the session this browser had before (if any) ends with this login
        previousToken: ctx.credential?.kind === 'session' && ctx.credential.source === 'cookie' ? ctx.credential.secret : null,
      });
      ctx.setSessionCookie?.(token, expiresAt);
      ctx.setDeviceCookie?.(device);
      return user;
    },
    logoutEverywhere: async (_, __, ctx) => {
      const ended = await ctx.services.auth.logoutEverywhere(ctx.em, ctx.actor!.userId!);
      ctx.setSessionCookie?.(null);
      return ended;
    },
    changePassword: async (_, { currentPassword, newPassword }, ctx) => {
      if (currentPassword.length > MAX_PASSWORD_LENGTH) throw new AppError('BAD_USER_INPUT', 'The current password is wrong.', { field: 'currentPassword' });
      await ctx.services.auth.changePassword(ctx.em, ctx.actor!.userId!, ctx.sessionToken, currentPassword, newPassword, ctx.deviceCookie ?? null);
      return true;
    },
    logout: async (_, __, ctx) => {
      const ended = ctx.sessionToken ? await ctx.services.auth.logout(ctx.em, ctx.sessionToken) : false;
      ctx.setSessionCookie?.(null);
      return ended;
    },
  },
};
