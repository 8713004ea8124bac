import { writeFileSync } from 'node:fs';

/**
 * Preload for server processes in the memory suite (`node --expose-gc --import`): on SIGUSR2 it
 * runs a full garbage collection and writes `process.memoryUsage()` to
 * `$TMPDIR/takt-bench-memory-<pid>.json`, so that RSS can be split into live V8 heap and native
 * memory (sockets, buffers) without touching the server's code.
 */
const gc = (globalThis as { gc?: () => void }).gc;
process.on('SIGUSR2', () => {
  gc?.();
  gc?.();
  writeFileSync(`${process.env.TMPDIR ?? '/tmp'}/takt-bench-memory-${process.pid}.json`, JSON.stringify({ ...process.memoryUsage(), gc: Boolean(gc) }));
});
