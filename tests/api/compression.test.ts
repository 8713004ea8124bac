import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { signIn } from '../support/api.ts';
import { buildPlant, todayUtc } from '../support/factories.ts';

const DIST = resolve(import.meta.dirname, '../../client/dist');

let server: TestServer;
beforeAll(async () => {
  if (!existsSync(resolve(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: run \`pnpm --filter @takt/client build\` first`);
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes on the wire, not decoded (fetch would decode them). */
  body: Buffer;
}

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((done, fail) => {
    const req = request(`${server.url}${path}`, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

const decode = (r: Raw) =>
  r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body;

describe('compression', () => {
  it('serves the client\'s files precompressed, hashed assets cached for good and index.html revalidated', async () => {
    const assets = readdirSync(resolve(DIST, 'assets'));
    const biggest = assets.filter((f) => f.endsWith('.js')).sort((a, b) => readFileSync(resolve(DIST, 'assets', b)).length - readFileSync(resolve(DIST, 'assets', a)).length)[0]!;
    const css = assets.find((f) => f.endsWith('.css') && assets.includes(`${f}.br`))!;
    for (const file of [biggest, css]) {
      const original = readFileSync(resolve(DIST, 'assets', file));
      for (const [accept, encoding, ext] of [['br, gzip', 'br', '.br'], ['gzip', 'gzip', '.gz']] as const) {
        const r = await raw(`/assets/${file}`, { headers: { 'accept-encoding': accept } });
        expect(r.status).toBe(200);
        expect(r.headers['content-encoding']).toBe(encoding);
        expect(r.headers['content-type']).toMatch(file.endsWith('.js') ? /javascript/ : /text\/css/);
        expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(r.headers.vary).toMatch(/accept-encoding/i);
        // the file Vite wrote, byte for byte: nothing compressed per request
        expect(r.body.equals(readFileSync(resolve(DIST, 'assets', file + ext)))).toBe(true);
        expect(decode(r).equals(original)).toBe(true);
        expect(r.body.length).toBeLessThan(original.length / 2);
      }
      const plain = await raw(`/assets/${file}`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(original)).toBe(true);
    }
    for (const page of ['/', '/index.html', '/wall']) {
      const r = await raw(page, { headers: { accept: 'text/html', 'accept-encoding': 'br, gzip' } });
      expect(r.status, page).toBe(200);
      expect(r.headers['cache-control'], page).toBe('no-cache');
      expect(decode(r).toString(), page).toContain('<div id="app">');
    }
  });

  it('compresses large GraphQL responses as the client accepts, the packed board too, and leaves small ones', async () => {
    const plant = await buildPlant(server.databaseUrl, { fillerMinutes: 120, fillerDays: 60, orders: { A: { quantity: 2, dueInWorkingDays: 25 } } });
    const rep = await signIn(server.url, plant.users.SALES_REP);
    const to = new Date(Date.parse(`${todayUtc()}T00:00:00Z`) + (26 * 7 - 1) * 86_400_000).toISOString().slice(0, 10);
    const query = `query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) {
      lastEventSeq buckets { workCenterId date capacityHours loadHours }
      packed { days bucketCapacityMinutes bucketLoadMinutes jobs { id order startOffset endOffset } orders { id number dueDate } } } }`;
    const body = JSON.stringify({ query, variables: { p: plant.plantId, f: todayUtc(), t: to } });
    const post = (acceptEncoding: string) =>
      raw('/graphql', { method: 'POST', body, headers: { 'content-type': 'application/json', cookie: rep.cookie!, 'accept-encoding': acceptEncoding } });

    const plain = await post('identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const expected = JSON.parse(plain.body.toString()) as { data: { board: { packed: { days: number } } } };
    expect(expected.data.board.packed.days).toBe(182);
    expect(plain.body.length).toBeGreaterThan(10_000);
    // twice each: the second answer splices the cached packed columns (graphql/serialized-json.ts)
    for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br', 'br'], ['gzip', 'gzip']] as const) {
      const r = await post(accept);
      expect(r.headers['content-encoding'], accept).toBe(encoding);
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(JSON.parse(decode(r).toString()), accept).toEqual(expected);
      expect(r.body.length, accept).toBeLessThan(plain.body.length / 4);
    }
    // under the threshold: not worth compressing
    const small = await raw('/graphql', { method: 'POST', body: JSON.stringify({ query: '{ me { id } }' }), headers: { 'content-type': 'application/json', cookie: rep.cookie!, 'accept-encoding': 'br, gzip' } });
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
