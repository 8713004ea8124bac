import { readFile } from 'node:fs/promises';

/** Resident set size of process `pid` (Linux /proc), in bytes. */
export async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) * 1024;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
