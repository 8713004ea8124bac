import type { FastifyInstance } from 'fastify';
import fastifyHelmet from '@fastify/helmet';

/**
 * Security headers on every response, the SPA's and the API's (docs/security.md):
 * a CSP that allows only this origin (the Vite build emits module scripts and stylesheets under
 * /assets, no inline script), `frame-ancestors 'none'` against clickjacking, no referrer sent to
 * other sites, `nosniff`, and HSTS in production (where the server is behind HTTPS).
 *
 * `style-src 'unsafe-inline'` is for Vue's `:style` bindings (bar heights and widths on the
 * board), which are style attributes; scripts stay strictly same-origin.
 */
export async function registerSecurityHeaders(fastify: FastifyInstance, opts: { production: boolean }): Promise<void> {
  await fastify.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        // 'self' covers same-origin ws:/wss: in current browsers; listed for older ones
        connectSrc: ["'self'", 'ws:', 'wss:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(opts.production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // the SPA loads nothing cross-origin, but the default COEP would also block the dev tools' source maps
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: opts.production ? { maxAge: 15_552_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  });
}
