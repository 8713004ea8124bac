import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MachineInfo } from './machine.ts';
import { profileMarkdown, type ProfileSummary } from './profile.ts';
import { summarize, type Summary } from './stats.ts';

/** The shared reporter: every suite returns figures, and one run writes them as JSON and Markdown. */

export type Unit = 'ms' | 'bytes' | 's' | 'count' | 'per s';

/** A target the figure must meet: `stat ≤ max` (or `≥ min`). */
export interface Target {
  stat: keyof Summary | 'value';
  max?: number;
  min?: number;
}

export interface Figure {
  /** Suite id (`engine`, `preview-http`, `board`, …). */
  suite: string;
  /** What was measured, e.g. `evaluateChange, all kinds`. */
  name: string;
  /** Which plant, e.g. `big`. */
  plant?: string;
  unit: Unit;
  /** A distribution (latencies) … */
  summary?: Summary;
  /** … or a single value (a size, a duration). */
  value?: number;
  target?: Target;
  /** Whether the target was met; absent when there is none. */
  pass?: boolean;
  note?: string;
}

export interface PlantInfo {
  key: string;
  plantId: string;
  orders: number;
  workCenters: number;
  jobs: number;
  allocations: number;
  seedSeconds: number;
}

export interface RunReport {
  mode: 'full' | 'quick';
  command: string;
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  plants: PlantInfo[];
  figures: Figure[];
  /** Suites that failed, with their error: a run reports what it could measure. */
  errors: { suite: string; error: string }[];
  /** `--profile`: where each server spent its CPU time. */
  profiles?: ProfileSummary[];
  /** Machine load average at the end (the start is in `machine`): a busy machine skews latency. */
  loadAverageAtEnd?: number;
  /** 1-minute load average sampled every 10 s during the run (the machine may be shared). */
  loadAverageDuring?: { min: number; mean: number; max: number; samples: number };
}

/** A distribution figure with its target checked. */
export function distribution(base: Omit<Figure, 'summary' | 'value' | 'pass'>, samples: readonly number[]): Figure {
  const summary = summarize(samples);
  return withPass({ ...base, summary });
}

/** A single-value figure with its target checked. */
export function single(base: Omit<Figure, 'summary' | 'value' | 'pass'>, value: number): Figure {
  return withPass({ ...base, value });
}

function withPass(f: Figure): Figure {
  if (!f.target) return f;
  const v = f.target.stat === 'value' ? f.value : f.summary?.[f.target.stat];
  if (v === undefined || Number.isNaN(v)) return { ...f, pass: false };
  const pass = (f.target.max === undefined || v <= f.target.max) && (f.target.min === undefined || v >= f.target.min);
  return { ...f, pass };
}

export function format(value: number | undefined, unit: Unit): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  switch (unit) {
    case 'ms':
      return value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(0);
    case 'bytes':
      return value < 1024 ? `${value} B` : value < 1024 ** 2 ? `${(value / 1024).toFixed(1)} KB` : `${(value / 1024 ** 2).toFixed(2)} MB`;
    case 's':
      return value.toFixed(1);
    default:
      return Number.isInteger(value) ? String(value) : Math.abs(value) < 1 ? value.toFixed(3) : value.toFixed(1);
  }
}

function targetText(f: Figure): string {
  if (!f.target) return '';
  const stat = f.target.stat === 'value' ? '' : `${f.target.stat} `;
  const bound = f.target.max !== undefined ? `≤ ${format(f.target.max, f.unit)}` : `≥ ${format(f.target.min, f.unit)}`;
  return `${stat}${bound}${f.unit === 'ms' || f.unit === 's' ? ` ${f.unit}` : ''}`;
}

export function toMarkdown(r: RunReport): string {
  const m = r.machine;
  const lines = [
    `# Takt benchmark (${r.mode})`,
    '',
    `\`${r.command}\` · ${r.startedAt} → ${r.finishedAt}`,
    '',
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB (${m.freeMemoryGiB} free), load ${m.loadAverage1m}; ${m.os}; Node ${m.node}${m.postgres ? `; PostgreSQL ${m.postgres}` : ''}`,
    '',
    '| plant | orders | work centers | jobs | allocations | seeded in |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...r.plants.map((p) => `| ${p.key} | ${p.orders} | ${p.workCenters} | ${p.jobs} | ${p.allocations} | ${p.seedSeconds.toFixed(1)} s |`),
    '',
    '| suite | figure | plant | n | p50 | p95 | p99 | max | value | unit | target | met |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
    ...r.figures.map((f) => {
      const s = f.summary;
      const cells = [
        f.suite, f.name + (f.note ? ` (${f.note})` : ''), f.plant ?? '', s ? String(s.n) : '',
        s ? format(s.p50, f.unit) : '', s ? format(s.p95, f.unit) : '', s ? format(s.p99, f.unit) : '', s ? format(s.max, f.unit) : '',
        f.value !== undefined ? format(f.value, f.unit) : '', f.unit, targetText(f), f.pass === undefined ? '' : f.pass ? 'yes' : '**no**',
      ];
      return `| ${cells.join(' | ')} |`;
    }),
  ];
  if (r.loadAverageAtEnd !== undefined) lines.push('', `Load average (1 min) at the end: ${r.loadAverageAtEnd}.`);
  const l = r.loadAverageDuring;
  if (l) lines.push('', `Load average (1 min) during the run, sampled every 10 s: min ${l.min}, mean ${l.mean}, max ${l.max} (${l.samples} samples) on ${r.machine.cores} cores.`);
  if (r.profiles?.length) lines.push('', '## Profiles', '', ...r.profiles.map(profileMarkdown));
  if (r.errors.length) lines.push('', '## Errors', '', ...r.errors.map((e) => `- ${e.suite}: ${e.error}`));
  return `${lines.join('\n')}\n`;
}

/** Writes `<stamp>-<mode>.json/.md` and `latest.json/.md` under `dir`; returns the Markdown path. */
export async function writeReport(r: RunReport, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const stamp = r.startedAt.replace(/[:.]/g, '-');
  const md = toMarkdown(r);
  const json = `${JSON.stringify(r, null, 2)}\n`;
  for (const name of [`${stamp}-${r.mode}`, 'latest']) {
    await writeFile(join(dir, `${name}.json`), json);
    await writeFile(join(dir, `${name}.md`), md);
  }
  return join(dir, `${stamp}-${r.mode}.md`);
}
