import { loadConfig } from '../../server/src/config.ts';
import { createServices } from '../../server/src/services.ts';
import { systemClock } from '../../server/src/shared/clock.ts';
import { createPlant } from '../../server/src/modules/masterdata/masterdata.service.ts';
import { exportPlantData } from '../../server/src/modules/import/export.service.ts';
import { importPlantData } from '../../server/src/modules/import/import.service.ts';
import { single, type Figure } from '../lib/report.ts';
import type { Suite } from './suite.ts';

/** Issue 18: dry run and commit of a 10,000-order, 40-work-center plant together within 30 s. */
export const IMPORT_TARGET_S = 30;

/**
 * Bringing a plant in (docs/import.md): the big plant exported in the import formats (users left
 * out: they sign in to one plant) and imported into a new, empty plant — the dry run, then the
 * commit of its token, as `takt import` does — timed, with the process's peak resident memory
 * sampled meanwhile; and the same files with every tenth order naming an unknown product, which
 * must be refused with all of its errors.
 */
export const importSuite: Suite = {
  id: 'import',
  title: 'CSV import of a 10,000-order plant: dry run + commit, and a bad file',
  async run({ env, log }) {
    const big = await env.plant('big');
    const services = createServices(env.orm, loadConfig(), systemClock());
    const files = (await exportPlantData(env.orm.em.fork(), big.plantId, 'CSV')).filter((f) => f.name !== 'users.csv');
    const orders = files.find((f) => f.name === 'orders.csv')!;
    const rows = orders.content.toString('utf8').trimEnd().split('\n');
    log(`import: ${rows.length - 1} orders, ${(files.reduce((s, f) => s + f.content.length, 0) / 1024).toFixed(0)} KiB of CSV`);

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const before = process.memoryUsage().rss;
    try {
      const plant = await createPlant(services, null, { name: 'Bench import copy', timeZone: 'Europe/Berlin', shipBufferDays: 1 });
      const t0 = performance.now();
      const preview = await importPlantData(services, null, plant.id, files, { mode: 'DRY_RUN', retireMissing: false, previewToken: null });
      const t1 = performance.now();
      if (preview.errors.length) throw new Error(`the exported plant did not import cleanly: ${JSON.stringify(preview.errors.slice(0, 3))}`);
      const done = await importPlantData(services, null, plant.id, files, { mode: 'COMMIT', retireMissing: false, previewToken: preview.previewToken });
      const t2 = performance.now();
      log(`import: ${done.impact?.ordersPlaced} orders placed, ${done.impact?.lateOrders.length} late`);

      const badOrders = rows.map((line, i) => (i > 0 && i % 10 === 0 ? line.replace(/^([^,]*),([^,]*),([^,]*),/, '$1,$2,NO-SUCH-SKU,') : line)).join('\n');
      const bad = files.map((f) => (f.name === 'orders.csv' ? { name: f.name, content: Buffer.from(badOrders, 'utf8') } : f));
      const badPlant = await createPlant(services, null, { name: 'Bench bad import', timeZone: 'Europe/Berlin', shipBufferDays: 1 });
      const t3 = performance.now();
      const refused = await importPlantData(services, null, badPlant.id, bad, { mode: 'DRY_RUN', retireMissing: false, previewToken: null });
      const t4 = performance.now();
      const expectedErrors = Math.floor((rows.length - 1) / 10);
      const s = (ms: number) => Math.round(ms) / 1000;
      return [
        single({ suite: 'import', name: 'dry run', plant: 'big', unit: 's' }, s(t1 - t0)),
        single({ suite: 'import', name: 'commit', plant: 'big', unit: 's' }, s(t2 - t1)),
        single({ suite: 'import', name: 'dry run + commit', plant: 'big', unit: 's', target: { stat: 'value', max: IMPORT_TARGET_S } }, s(t2 - t0)),
        single({ suite: 'import', name: 'peak resident memory of the importing process', plant: 'big', unit: 'bytes', note: `${((peak - before) / 1024 / 1024).toFixed(0)} MB above its start` }, peak),
        single({ suite: 'import', name: 'bad file (every 10th order unknown): dry run', plant: 'big', unit: 's', note: `${refused.errors.length} errors reported, ${expectedErrors} expected` }, s(t4 - t3)),
        single({ suite: 'import', name: 'bad file: rejected rows reported', plant: 'big', unit: 'count', target: { stat: 'value', min: expectedErrors, max: expectedErrors } }, refused.errors.length),
      ] satisfies Figure[];
    } finally {
      clearInterval(sampler);
    }
  },
};
