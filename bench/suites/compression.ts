import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { addDays } from '../../server/src/shared/dates.ts';
import { plantById } from '../../server/src/modules/plant/plant.service.ts';
import { systemClock } from '../../server/src/shared/clock.ts';
import { ROOT, type PlantKey } from '../lib/env.ts';
import { GraphQLClient, onWire, type OnWire } from '../lib/http.ts';
import { distribution, single, type Figure } from '../lib/report.ts';
import { repeat } from '../lib/stats.ts';
import { clientBoardQuery } from './board.ts';
import { buildClient } from './client.ts';
import type { Suite } from './suite.ts';

const ENCODINGS = ['br', 'gzip', 'identity'] as const;

/** The body as the client reads it, decoded (part of the time a compressed response costs). */
function decoded(r: OnWire): Buffer {
  if (r.encoding === 'br') return brotliDecompressSync(r.body);
  if (r.encoding === 'gzip') return gunzipSync(r.body);
  return r.body;
}

/**
 * Bytes on the wire with and without compression (docs/performance.md, "Compression"): every JS
 * and CSS file of the production build as the server sends it (brotli and gzip precompressed by
 * Vite, or as it is), and the client's 26-week board of the big plant (the quick run: the demo
 * plant) compressed per request, with its round trip including the client's decoding. On
 * loopback the round trip shows what compression costs; on a plant's Wi-Fi the bytes are what
 * matter (3 MB at 20 Mbit/s is 1.2 s).
 */
export const compressionSuite: Suite = {
  id: 'compression',
  title: 'Compression: client assets and the 26-week board, bytes and time by encoding',
  async run({ env, quick, log }) {
    const figures: Figure[] = [];
    if (!existsSync(join(ROOT, 'client/dist/index.html'))) await buildClient(log);
    const server = await env.server('A');

    const assets = (await readdir(join(ROOT, 'client/dist/assets'))).filter((f) => /\.(js|css)$/.test(f));
    for (const encoding of ENCODINGS) {
      let bytes = 0;
      for (const file of assets) bytes += (await onWire(`${server.url}/assets/${file}`, { headers: { 'accept-encoding': encoding } })).wireBytes;
      figures.push(single({ suite: 'compression', name: `client JS + CSS, all routes, served as ${encoding}`, unit: 'bytes', note: `${assets.length} files` }, bytes));
    }

    const key: PlantKey = quick ? 'demo' : 'big';
    const plant = await env.plant(key);
    const client = new GraphQLClient(server.url);
    await client.login(plant.users.planner, plant.password);
    const from = (await plantById(env.orm.em.fork(), systemClock(), plant.plantId)).today;
    const body = JSON.stringify({ query: await clientBoardQuery(), variables: { plantId: plant.plantId, from, to: addDays(from, 26 * 7 - 1) } });
    const post = async (encoding: string) => {
      const r = await onWire(`${server.url}/graphql`, { method: 'POST', body, headers: { 'content-type': 'application/json', cookie: client.cookie ?? '', 'accept-encoding': encoding } });
      if (r.status !== 200) throw new Error(`board query answered ${r.status}: ${r.body.toString().slice(0, 300)}`);
      const started = performance.now();
      const text = decoded(r).toString();
      return { ...r, ms: r.ms + (performance.now() - started), text };
    };
    await post('identity'); // the board model is loaded and the range packed once
    for (const encoding of ENCODINGS) {
      const first = await post(encoding);
      if (first.encoding !== (encoding === 'identity' ? null : encoding)) throw new Error(`asked for ${encoding}, got ${first.encoding ?? 'identity'}`);
      figures.push(single({ suite: 'compression', name: `board, 26 weeks: response as ${encoding}`, plant: key, unit: 'bytes' }, first.wireBytes));
      const ms: number[] = [];
      await repeat(quick ? 10 : 50, quick ? 10_000 : 60_000, async () => void ms.push((await post(encoding)).ms));
      figures.push(distribution({ suite: 'compression', name: `board, 26 weeks: round trip as ${encoding} (loopback, decoding included)`, plant: key, unit: 'ms' }, ms));
    }
    log(`compression: ${assets.length} assets; board of ${key}`);
    return figures;
  },
};
