import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { BenchEnv, ROOT } from './lib/env.ts';
import { loadavg } from 'node:os';
import { readdir } from 'node:fs/promises';
import { machineInfo } from './lib/machine.ts';
import { summarizeProfiles, type ProfileSummary } from './lib/profile.ts';
import { toMarkdown, writeReport, type Figure, type RunReport } from './lib/report.ts';
import { boardSuite } from './suites/board.ts';
import { clientSuite } from './suites/client.ts';
import { clusterSuite } from './suites/cluster.ts';
import { compressionSuite } from './suites/compression.ts';
import { engineSuite } from './suites/engine.ts';
import { floorSuite } from './suites/floor.ts';
import { importSuite } from './suites/import.ts';
import { liveSuite } from './suites/live.ts';
import { memorySuite } from './suites/memory.ts';
import { policyReplaySuite } from './suites/policy-replay.ts';
import { previewHttpSuite } from './suites/preview-http.ts';
import { reportsSuite } from './suites/reports.ts';
import { soakSuite } from './suites/soak.ts';
import { throughputSuite } from './suites/throughput.ts';
import type { Suite } from './suites/suite.ts';

/**
 * `pnpm bench [--quick] [--suite id,id]`: runs the suites against a fresh embedded PostgreSQL
 * and real server processes, and writes JSON and Markdown under bench/results/ (git-ignored).
 * See docs/performance.md for the figures and what limits them.
 */
const SUITES: Suite[] = [engineSuite, previewHttpSuite, boardSuite, clientSuite, compressionSuite, reportsSuite, importSuite, liveSuite, memorySuite, throughputSuite, clusterSuite, floorSuite, policyReplaySuite, soakSuite];

const USAGE = `Usage: pnpm bench [--quick] [--suite ${SUITES.map((s) => s.id).join(',')}] [--profile] [--out DIR]
  --quick   fewer samples and time budgets: a smoke run (a few minutes, a third of it seeding)
  --profile run the servers with --cpu-prof and add where their time went to the report
  --suite   run only these suites (comma-separated)
  --out     results directory (default bench/results)
  --soak    run only the soak (on demand, never in CI): mixed traffic, a restart midway
  --minutes how long the soak runs (default 30)
`;

const { values } = parseArgs({
  options: { quick: { type: 'boolean' }, profile: { type: 'boolean' }, soak: { type: 'boolean' }, minutes: { type: 'string' }, suite: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  strict: true,
});
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const wanted = values.soak ? ['soak'] : values.suite?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = wanted?.filter((id) => !SUITES.some((s) => s.id === id)) ?? [];
if (unknown.length) {
  process.stderr.write(`bench: unknown suite ${unknown.join(', ')}\n${USAGE}`);
  process.exit(1);
}
const suites = SUITES.filter((s) => (wanted ? wanted.includes(s.id) : !s.onDemand));
const quick = values.quick === true;
const minutes = values.minutes === undefined ? undefined : Number(values.minutes);
if (minutes !== undefined && !(minutes > 0)) {
  process.stderr.write(`bench: --minutes must be a positive number\n${USAGE}`);
  process.exit(1);
}
const started = Date.now();
const log = (msg: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);

const env = await BenchEnv.start(log);
const outDir = values.out ?? join(ROOT, 'bench/results');
const profileDir = join(outDir, 'profiles', new Date(started).toISOString().replace(/[:.]/g, '-'));
if (values.profile) env.profileDir = profileDir;
let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  log('interrupted: stopping servers and PostgreSQL');
  void env.close().finally(() => process.exit(130));
});

const figures: Figure[] = [];
const errors: RunReport['errors'] = [];
const loads: number[] = [];
const loadSampler = setInterval(() => loads.push(loadavg()[0]!), 10_000);
loadSampler.unref();
try {
  for (const suite of suites) {
    log(`suite ${suite.id}: ${suite.title}`);
    try {
      figures.push(...(await suite.run({ env, quick, log, ...(minutes !== undefined ? { minutes } : {}) })));
    } catch (err) {
      if (interrupted) break;
      log(`suite ${suite.id} failed: ${(err as Error).stack}`);
      errors.push({ suite: suite.id, error: (err as Error).message });
    }
  }
} finally {
  const plants = await Promise.all(env.seeded());
  const report: RunReport = {
    mode: quick ? 'quick' : 'full',
    command: `pnpm bench${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machineInfo(env.postgresVersion),
    plants: plants.filter((p) => p !== null).map(({ users: _u, password: _p, ...p }) => p),
    figures,
    errors,
    loadAverageAtEnd: Math.round(loadavg()[0]! * 100) / 100,
  };
  clearInterval(loadSampler);
  if (loads.length) {
    const r2 = (x: number) => Math.round(x * 100) / 100;
    report.loadAverageDuring = { min: r2(Math.min(...loads)), mean: r2(loads.reduce((s, x) => s + x, 0) / loads.length), max: r2(Math.max(...loads)), samples: loads.length };
  }
  await env.close();
  if (values.profile) {
    const profiles: ProfileSummary[] = [];
    for (const name of await readdir(profileDir).catch(() => [])) profiles.push(...(await summarizeProfiles(name, join(profileDir, name))));
    report.profiles = profiles;
  }
  if (!interrupted) {
    const path = await writeReport(report, outDir);
    process.stdout.write(toMarkdown(report));
    log(`wrote ${path} (and latest.md / latest.json)`);
  }
}
const missed = figures.filter((f) => f.pass === false);
process.exit(errors.length ? 1 : missed.length ? 2 : 0);
