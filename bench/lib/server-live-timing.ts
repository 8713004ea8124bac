import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import type { FanOutMessage, FramesReleasedMessage } from '../../server/src/realtime/fan-out-timing.ts';

/**
 * Preloaded into benchmarked server processes (`node --import`): records the live fan-out's
 * diagnostics channels (server/src/realtime/fan-out-timing.ts) — when the hub handed a
 * plant's new events to its streams, and when each turn's frames went to the kernel — and on
 * SIGUSR2 writes them to `$TMPDIR/takt-bench-live-<pid>.json` and starts over. The live suite
 * uses it to split commit → subscriber latency into the server's part and the rest.
 */
const LIMIT = 100_000;
let fanOuts: FanOutMessage[] = [];
let releases: FramesReleasedMessage[] = [];

subscribe('takt:board-events.fan-out', (m) => {
  if (fanOuts.length < LIMIT) fanOuts.push(m as FanOutMessage);
});
subscribe('takt:ws.frames-released', (m) => {
  if (releases.length < LIMIT) releases.push(m as FramesReleasedMessage);
});
process.on('SIGUSR2', () => {
  writeFileSync(`${process.env.TMPDIR ?? '/tmp'}/takt-bench-live-${process.pid}.json`, JSON.stringify({ fanOuts, releases }));
  fanOuts = [];
  releases = [];
});
