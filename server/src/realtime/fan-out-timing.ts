import { channel } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';

/**
 * Diagnostics channels that time the live fan-out, so a benchmark can split commit → subscriber
 * latency into the server's part and what comes after it (bench/lib/server-live-timing.ts,
 * docs/performance.md §1). Publishing costs a property check while nobody subscribes.
 */

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
export const wallClock = (): number => performance.timeOrigin + performance.now();

/** The hub has read a plant's new events and handed them to its streams. */
export interface FanOutMessage {
  plantId: string;
  lastSeq: number;
  streams: number;
  at: number;
  /** When the oldest event of the batch was written (its transaction's time, wall-clock ms). */
  writtenAt: number;
}
export const fanOutChannel = channel('takt:board-events.fan-out');

/** One turn's corked sockets were released: their frames are in the kernel. */
export interface FramesReleasedMessage {
  sockets: number;
  startedAt: number;
  endedAt: number;
}
export const framesReleasedChannel = channel('takt:ws.frames-released');
