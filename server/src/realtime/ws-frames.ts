import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { ExecutionResult } from 'graphql';
import type { WebSocket, WebSocketServer } from 'ws';
import { framesReleasedChannel, wallClock, type FramesReleasedMessage } from './fan-out-timing.ts';

/**
 * How graphql-ws's frames leave the process, so that a live event costs each wall screen about
 * what a bare `ws` broadcast does (docs/realtime.md, "Fan-out"; bench `--suite live --profile`).
 *
 * 1. One serialization per result, not per subscriber. shared-execution.ts hands the same result
 *    object to every subscriber with the same share key, and graphql-ws would `JSON.stringify`
 *    the whole `next` message for each of them. graphql-ws's `onNext` returns
 *    `preSerialized(result)` instead: a stand-in holding the result's JSON, made once per result.
 *    Serializing the message calls its `toJSON`, which leaves `payload` out of the text
 *    (`{"id":"…","type":"next"}`, a few bytes) and hands the JSON over; `send`, which graphql-ws
 *    calls with that text right away, in the same synchronous step, splices it back in as the
 *    last key, where graphql-ws puts it: the same bytes as graphql-ws's own message.
 *
 * 2. One write per socket per turn of the event loop. A change is usually several events (a change
 * order PROPOSED, SCHEDULE_CHANGED, APPLIED), each its own frame; written one by one that was a
 * `writev` system call per frame and socket, the largest item of the fan-out's profile. Frames
 * sent during one turn are now held (the socket corked) and leave together when the turn ends:
 * the same frames, in the same order, in one system call.
 *
 * That needs graphql-ws not to wait for each frame's write before taking the next event: it
 * awaits `send`'s callback, which a corked socket only calls once written. So `send` calls back
 * at once while the socket holds less than its high-water mark (as `Writable.write` would say
 * "go on"), and only a socket that is not draining makes its subscription wait for the write;
 * its events then queue in its BoardStream, whose overflow reads on from the table.
 *
 * 3. Live events without graphql-ws's per-message work. Handing a result to graphql-ws costs each
 * subscriber a chain of promises (the stream's `next`, the mapping to a result, `onNext`, message
 * validation, `send`'s promise): at 500 wall screens a process spent 14–82 ms on that per change
 * before the first frame could leave (bench live suite, "server split"). While a subscription's
 * stream is idle — graphql-ws waiting for its next event, everything before it sent — a live
 * event's frame is written by `nextFrameWriter` instead, at once (shared-execution.ts decides
 * when): the bytes graphql-ws would send, on the same socket, in the same turn's single write.
 */
export function writeFramesPerTurn(wss: WebSocketServer): void {
  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const raw = request.socket;
    rawSockets.set(socket, raw);
    const send = socket.send.bind(socket) as (data: unknown, cb?: (err?: Error) => void) => void;
    // graphql-ws's adapter (graphql-ws/use/ws) calls send(data, callback) and nothing else does
    socket.send = ((data: unknown, cb?: (err?: Error) => void) => {
      const payload = handedOver;
      handedOver = null;
      if (payload !== null && typeof data === 'string' && data.endsWith(NEXT_WITHOUT_PAYLOAD)) data = `${data.slice(0, -1)},"payload":${payload}}`;
      holdUntilTurnEnds(raw);
      if (raw.writableLength < raw.writableHighWaterMark) {
        send(data);
        cb?.();
      } else send(data, cb);
    }) as WebSocket['send'];
  });
}

/** How a `next` message ends when its payload was left out; graphql-ws's own always end with the payload. */
const NEXT_WITHOUT_PAYLOAD = ',"type":"next"}';

/** The JSON of the payload whose stand-in was just serialized, for the `send` that follows. */
let handedOver: string | null = null;

/** The TCP socket under each WebSocket, for the direct `next` frames' back-pressure check. */
const rawSockets = new WeakMap<WebSocket, Socket>();

/**
 * Writes `result` as subscription `id`'s `next` frame (3. above), or says false when the socket is
 * closing or not draining: the event then goes graphql-ws's way, which waits for the socket.
 */
export function nextFrameWriter(socket: WebSocket, id: string): (result: ExecutionResult) => boolean {
  const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return (result) => {
    const raw = rawSockets.get(socket);
    if (!raw || socket.readyState !== socket.OPEN || raw.writableLength >= raw.writableHighWaterMark) return false;
    socket.send(`${head}${standInOf(result).json}}`);
    return true;
  };
}

class PreSerialized {
  readonly json: string;
  constructor(json: string) {
    this.json = json;
  }
  toJSON(): undefined {
    handedOver = this.json;
    return undefined;
  }
}

const standIns = new WeakMap<ExecutionResult, PreSerialized>();

/** `result` serialized once however many subscribers get it. */
function standInOf(result: ExecutionResult): PreSerialized {
  let standIn = standIns.get(result);
  if (!standIn) standIns.set(result, (standIn = new PreSerialized(JSON.stringify(result))));
  return standIn;
}

/** graphql-ws's `next` payload for `result` (without errors), serialized once however many subscribers get it. */
export function preSerialized(result: ExecutionResult): object {
  return standInOf(result);
}

const held = new Set<Socket>();

function holdUntilTurnEnds(raw: Socket): void {
  if (held.has(raw)) return;
  if (held.size === 0) setImmediate(releaseAll);
  raw.cork();
  held.add(raw);
}

function releaseAll(): void {
  const startedAt = framesReleasedChannel.hasSubscribers ? wallClock() : 0;
  for (const raw of held) raw.uncork();
  if (startedAt) framesReleasedChannel.publish({ sockets: held.size, startedAt, endedAt: wallClock() } satisfies FramesReleasedMessage);
  held.clear();
}
