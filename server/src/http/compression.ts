import { constants } from 'node:zlib';
import { sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyCompress from '@fastify/compress';

/** Responses smaller than this go as they are: compressing them saves less than it costs. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * Compresses responses made on the fly — GraphQL (a 26-week board is megabytes of JSON; its
 * packed columns spliced in by serialized-json.ts are compressed with the rest), /metrics, error
 * pages — with brotli or gzip as the client's Accept-Encoding prefers (docs/performance.md,
 * "Compression"). Both at their fastest level: on a 3 MB board brotli 1 gives nearly the size of
 * brotli 4 (mostly ids, which do not compress) in a sixth of the time, and brotli's default 11
 * would spend seconds on it. The streams run on libuv's thread pool, not the event loop. The client's files are compressed once at build time and served as they are
 * (`staticAssetOptions`); they already carry Content-Encoding, which this leaves alone.
 * WebSocket frames never pass through here (permessage-deflate stays off, app/ws.ts).
 */
export async function registerCompression(fastify: FastifyInstance): Promise<void> {
  await fastify.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 1 },
  });
}

/** A year: Vite's hashed file names change whenever their content does. */
const HASHED_MAX_AGE_S = 365 * 86_400;

/**
 * @fastify/static options for the built client: the brotli and gzip files Vite wrote next to each
 * asset (client/vite.config.ts) are sent to clients that accept them; hashed files under
 * /assets are cached for a year without revalidation, and everything else (index.html, which
 * names the current hashes) is revalidated on each load, so a new release shows at once.
 */
export const staticAssetOptions = {
  preCompressed: true,
  cacheControl: false,
  setHeaders(reply: FastifyReply, path: string) {
    void reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? `public, max-age=${HASHED_MAX_AGE_S}, immutable` : 'no-cache');
  },
} as const;
