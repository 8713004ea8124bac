import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { GraphQLContext } from '../graphql/context.ts';
import { createLoaders, type Loaders } from '../graphql/loaders.ts';
import type { Actor } from '../modules/auth/actor.ts';
import { credentialFrom, type Credential } from '../modules/auth/credentials.ts';
import { nextFrameWriter } from '../realtime/ws-frames.ts';
import type { Services } from '../services.ts';
import type { Logger } from '../shared/logger.ts';

export const SESSION_COOKIE = 'takt_session';
/** A browser that signed in successfully before (modules/auth/login-throttle.ts). */
export const DEVICE_COOKIE = 'takt_device';
const DEVICE_COOKIE_DAYS = 180;
/** Set by the SPA on requests nobody asked for just now (client/src/api/graphql.ts). */
const BACKGROUND_HEADER = 'x-takt-background';

/** The credential of an HTTP request: a bearer token, else the session cookie. */
export const httpCredential = (request: FastifyRequest): Credential | null =>
  credentialFrom({ cookie: request.cookies[SESSION_COOKIE], authorization: request.headers.authorization });

/** Builds the context every resolver receives, over HTTP and over WebSocket alike. */
export interface ContextBuilder {
  /**
   * The actor behind a credential, or null when it is unknown, expired or revoked. `used`: the
   * request is the person's own doing, which keeps a session from its idle timeout.
   */
  actorFrom(credential: Credential | null, used?: boolean): Promise<Actor | null>;
  http(request: FastifyRequest, reply: FastifyReply): Promise<GraphQLContext>;
  /** A subscription's context; identity is re-checked for every subscription, not only at connect. */
  ws(credential: Credential | null, socket: WebSocket, subscriptionId: string): Promise<GraphQLContext>;
}

export function contextBuilder(services: Services, log: Logger): ContextBuilder {
  const { config } = services;
  const actorFrom = (credential: Credential | null, used = false): Promise<Actor | null> => {
    if (!credential) return Promise.resolve(null);
    const em = services.orm.em.fork();
    return credential.kind === 'token' ? services.tokens.actorForSecret(em, credential.secret) : services.auth.actorForSession(em, credential.secret, used);
  };

  // The entity manager and loaders are made on first use: a subscription keeps its context as
  // long as it runs and live events rarely touch the database, so an idle wall screen holds
  // neither (bench memory suite, docs/performance.md).
  const base = async (credential: Credential | null, used: boolean, requestId: string): Promise<GraphQLContext> => {
    let em: EntityManager | null = null;
    let loaders: Loaders | null = null;
    const lazyEm = () => (em ??= services.orm.em.fork());
    return {
      actor: await actorFrom(credential, used),
      get em() {
        return lazyEm();
      },
      services,
      log,
      requestId,
      sessionToken: credential?.kind === 'session' ? credential.secret : null,
      credential,
      get loaders() {
        return (loaders ??= createLoaders(lazyEm()));
      },
    };
  };

  return {
    actorFrom,
    // Object.assign, not a spread: a spread would read (and so make) the lazy em and loaders.
    http: async (request, reply) =>
      Object.assign(
        // the SPA marks the requests it makes on its own (polls, refetches) when nobody has used
        // the page for a while: they do not keep the session from its idle timeout
        await base(httpCredential(request), request.headers[BACKGROUND_HEADER] !== '1', request.id),
        {
          clientIp: request.ip,
          deviceCookie: request.cookies[DEVICE_COOKIE] ?? null,
          setDeviceCookie: (value: string) =>
            reply.setCookie(DEVICE_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.production, maxAge: DEVICE_COOKIE_DAYS * 86_400 }),
          setSessionCookie: (value: string | null, expiresAt?: Date) => {
            if (value === null) reply.clearCookie(SESSION_COOKIE, { path: '/' });
            else
              reply.setCookie(SESSION_COOKIE, value, {
                path: '/',
                httpOnly: true,
                sameSite: 'lax',
                secure: config.production,
                // Max-Age, not Expires: a browser whose clock differs from the server's (or a server
                // on a shifted test clock) keeps the session exactly as long as the server does.
                ...(expiresAt ? { maxAge: Math.max(0, Math.floor((expiresAt.getTime() - services.clock.now().getTime()) / 1000)) } : {}),
              });
          },
        },
      ),
    ws: async (credential, socket, subscriptionId) =>
      Object.assign(await base(credential, false, randomUUID()), { sendNext: nextFrameWriter(socket, subscriptionId) }),
  };
}
