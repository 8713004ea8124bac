import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`) into where the time went: self time per
 * area (a package, a server source folder, V8's garbage collector) and per function. Idle time is
 * left out, so the percentages are of the time the process was busy.
 */

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  server: string;
  busyMs: number;
  areas: { area: string; ms: number; pct: number }[];
  functions: { fn: string; where: string; ms: number; pct: number }[];
}

function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const src = /\/(server\/src\/(?:modules\/[^/]+|[^/]+))/.exec(url);
  if (src) return src[1]!;
  if (url.startsWith('node:')) return 'node internals';
  return url.replace(/^file:\/\/.*\/(bench|server|schema)\//, '$1/');
}

export function summarizeProfile(server: string, profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const areas = new Map<string, number>();
  const functions = new Map<string, { fn: string; where: string; ms: number }>();
  let busy = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += ms;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const key = `${functionName}@${url}:${lineNumber}`;
    const f = functions.get(key) ?? { fn: functionName || '(anonymous)', where: `${area}:${lineNumber + 1}`, ms: 0 };
    f.ms += ms;
    functions.set(key, f);
  }
  const pct = (ms: number) => Math.round((1000 * ms) / busy) / 10;
  return {
    server,
    busyMs: Math.round(busy),
    areas: [...areas].map(([area, ms]) => ({ area, ms: Math.round(ms), pct: pct(ms) })).sort((a, b) => b.ms - a.ms).slice(0, top),
    functions: [...functions.values()].map((f) => ({ ...f, ms: Math.round(f.ms), pct: pct(f.ms) })).sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}

/** Every profile a server wrote into `dir`, summarised. */
export async function summarizeProfiles(server: string, dir: string): Promise<ProfileSummary[]> {
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.cpuprofile'));
  const out = [];
  for (const f of files) out.push(summarizeProfile(server, JSON.parse(await readFile(join(dir, f), 'utf8')) as CpuProfile));
  return out;
}

export function profileMarkdown(p: ProfileSummary): string {
  return [
    `### Profile of server "${p.server}" (${p.busyMs} ms busy)`,
    '',
    '| area | self ms | % |',
    '| --- | ---: | ---: |',
    ...p.areas.map((a) => `| ${a.area} | ${a.ms} | ${a.pct} |`),
    '',
    '| function | where | self ms | % |',
    '| --- | --- | ---: | ---: |',
    ...p.functions.map((f) => `| \`${f.fn}\` | ${f.where} | ${f.ms} | ${f.pct} |`),
    '',
  ].join('\n');
}
