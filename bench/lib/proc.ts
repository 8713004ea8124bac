import { readFile, rm } from 'node:fs/promises';

/** Resident set size of process `pid` (Linux /proc), in bytes. */
export async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) * 1024;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Asks a server process's bench preloads to report (SIGUSR2) and returns what `kind`'s preload
 * wrote to `$TMPDIR/takt-bench-<kind>-<pid>.json` (server-memory.ts, server-live-timing.ts).
 */
export async function reportOf<T>(pid: number, kind: 'memory' | 'live'): Promise<T> {
  const file = `${process.env.TMPDIR ?? '/tmp'}/takt-bench-${kind}-${pid}.json`;
  await rm(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    await sleep(100);
    const text = await readFile(file, 'utf8').catch(() => null);
    // written in one synchronous call: a file that parses is complete
    if (text) return JSON.parse(text) as T;
  }
  throw new Error(`server ${pid} did not report its ${kind} figures`);
}
