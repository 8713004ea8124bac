import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { ROOT } from '../lib/env.ts';
import { distribution, single, type Figure } from '../lib/report.ts';
import type { Suite } from './suite.ts';

/** Issue 6 targets: the board's first render and the production bundle. */
export const FIRST_RENDER_MAX_MS = 500;
export const BUNDLE_MAX_GZIP_BYTES = 250 * 1024;
/** A scroll frame within one 60 Hz frame budget at the 95th percentile. */
export const SCROLL_FRAME_P95_MS = 1000 / 60 + 2;

export function buildClient(log: (m: string) => void): Promise<void> {
  log('building the client (vite build)');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: join(ROOT, 'client'), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`vite build exited ${code}:\n${out}`))));
  });
}

/** gzip size of every JS and CSS file the production build emits (source maps excluded). */
async function bundleGzip(): Promise<{ total: number; files: number }> {
  const dir = join(ROOT, 'client/dist/assets');
  let total = 0;
  let files = 0;
  for (const name of await readdir(dir)) {
    if (!/\.(js|css)$/.test(name)) continue;
    total += gzipSync(await readFile(join(dir, name)), { level: 9 }).length;
    files++;
  }
  const index = await readFile(join(ROOT, 'client/dist/index.html'));
  return { total: total + gzipSync(index, { level: 9 }).length, files: files + 1 };
}

/** Scrolls the board one step per animation frame and returns the frame intervals (ms). */
function scrollFrames(page: Page, axis: 'x' | 'y', frames: number): Promise<number[]> {
  return page.evaluate(
    ({ axis, frames }) =>
      new Promise<number[]>((done) => {
        const el = document.querySelector<HTMLElement>('[data-testid=board]')!;
        const max = axis === 'y' ? el.scrollHeight - el.clientHeight : el.scrollWidth - el.clientWidth;
        const step = Math.max(8, max / frames);
        const times: number[] = [];
        let last = 0;
        let i = 0;
        const tick = (t: number) => {
          if (last) times.push(t - last);
          last = t;
          if (i++ >= frames) return done(times);
          // clamped, not wrapped: a wrap jumped the last frame back to the top (one slow frame per run)
          const pos = Math.min(max, i * step);
          if (axis === 'y') el.scrollTop = pos;
          else el.scrollLeft = pos;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { axis, frames },
  );
}

/**
 * The board in headless Chromium on the big plant (10,000 orders, 42 work centers): how long the
 * client takes from the board response to a painted board (its own work: building rows, lanes,
 * ghost load, the virtualized render), the same from navigation (network and server included),
 * scroll frame intervals over 26 weeks, and the production bundle's gzip size.
 */
export const clientSuite: Suite = {
  id: 'client',
  title: 'Client: board render, scroll frames and bundle size (headless Chromium)',
  async run({ env, quick, log }) {
    const figures: Figure[] = [];
    await buildClient(log);
    const bundle = await bundleGzip();
    // Every route's chunks (reports with its charts, admin, wall…), most of them never loaded by the board.
    figures.push(single({ suite: 'client', name: 'production bundle, all routes: JS + CSS + HTML (gzip)', unit: 'bytes', note: `${bundle.files} files`, target: { stat: 'value', max: BUNDLE_MAX_GZIP_BYTES } }, bundle.total));

    const plant = await env.plant('big');
    const server = await env.server('client');
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, baseURL: server.url });
      const page = await context.newPage();
      // What the board route downloads, gzip-sized as a server would send it.
      let routeBytes = 0;
      page.on('response', async (res) => {
        if (!/\.(js|css)$/.test(new URL(res.url()).pathname)) return;
        routeBytes += gzipSync(await res.body().catch(() => Buffer.alloc(0)), { level: 9 }).length;
      });
      await page.goto('/login');
      await page.getByTestId('login-email').fill(plant.users.planner);
      await page.getByTestId('login-password').fill(plant.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('board').waitFor();
      await page.waitForLoadState('networkidle');
      figures.push(single({ suite: 'client', name: 'board route download: login and board, JS + CSS (gzip)', unit: 'bytes', target: { stat: 'value', max: BUNDLE_MAX_GZIP_BYTES } }, routeBytes));

      const runs = quick ? 3 : 8;
      for (const [weeks, zoom] of [[6, 'day'], [26, 'day'], [26, 'week']] as const) {
        const render: number[] = [];
        const total: number[] = [];
        let shape = '';
        for (let i = 0; i < runs; i++) {
          const t0 = Date.now();
          await page.goto(`/?weeks=${weeks}&zoom=${zoom}`);
          await page.waitForFunction(() => performance.getEntriesByName('takt:board-render').length > 0, null, { timeout: 60_000 });
          const m = await page.evaluate(() => {
            const r = performance.getEntriesByName('takt:board-render')[0]!;
            const painted = performance.getEntriesByName('takt:board-painted')[0]!;
            return { render: r.duration, sinceNav: painted.startTime, jobs: document.querySelectorAll('[data-testid=job-block]').length, rows: document.querySelectorAll('[data-testid=wc-row]').length };
          });
          render.push(m.render);
          total.push(m.sinceNav);
          shape = `${m.rows} rows and ${m.jobs} job blocks in the DOM`;
          if (i === 0) log(`board ${weeks} weeks (${zoom}): render ${m.render.toFixed(0)} ms, navigation→painted ${m.sinceNav.toFixed(0)} ms (${Date.now() - t0} ms wall); ${shape}`);
        }
        const target = weeks === 26 ? { target: { stat: 'p50' as const, max: FIRST_RENDER_MAX_MS } } : {};
        figures.push(distribution({ suite: 'client', name: `first board render, ${weeks} weeks, ${zoom} zoom (response → painted)`, plant: 'big', unit: 'ms', note: shape, ...target }, render));
        figures.push(distribution({ suite: 'client', name: `board from navigation to painted, ${weeks} weeks, ${zoom} zoom`, plant: 'big', unit: 'ms', note: 'network, server and render' }, total));

        if (weeks === 26) {
          const frames = quick ? 90 : 240;
          for (const axis of ['y', 'x'] as const) {
            const samples = await scrollFrames(page, axis, frames);
            figures.push(distribution({ suite: 'client', name: `scroll frame interval, 26 weeks, ${zoom} zoom, ${axis === 'y' ? 'vertical' : 'horizontal'}`, plant: 'big', unit: 'ms', target: { stat: 'p95', max: SCROLL_FRAME_P95_MS } }, samples));
          }
        }
      }
    } finally {
      await browser.close();
      await env.stopServer('client');
    }
    return figures;
  },
};
