import { subscribe } from 'node:diagnostics_channel';
import { fanOutChannel, framesReleasedChannel, type FanOutMessage, type FramesReleasedMessage } from '../realtime/fan-out-timing.ts';
import { liveLag } from './metrics.ts';

/**
 * The live lag histogram from the fan-out's diagnostics channels (realtime/fan-out-timing.ts):
 * each batch of a plant's events handed to its streams waits here until the turn's frames are
 * released to the kernel, then counts from the oldest event's write time. Subscribing makes the
 * hub and the frame writer publish (a timestamp per batch and per turn, not per event or socket).
 */
const pending: number[] = [];
/** A turn hands out few batches; a bound keeps a stalled release from growing this. */
const MAX_PENDING = 1_000;

let started = false;

export function recordLiveLag(): void {
  if (started) return;
  started = true;
  subscribe(fanOutChannel.name, (m) => {
    const fanOut = m as FanOutMessage;
    if (fanOut.streams > 0 && pending.length < MAX_PENDING) pending.push(fanOut.writtenAt);
  });
  subscribe(framesReleasedChannel.name, (m) => {
    const { endedAt } = m as FramesReleasedMessage;
    for (const writtenAt of pending) liveLag.observe(Math.max(0, endedAt - writtenAt) / 1000);
    pending.length = 0;
  });
}
