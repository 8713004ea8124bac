import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImportPhase } from '../../../../schema/generated/server.ts';
import { badInput } from '../../shared/errors.ts';
import { Channel } from '../events/realtime-protocol.ts';

/** How far one import is (the GraphQL ImportProgress). */
export interface ImportProgressDto {
  progressKey: string;
  phase: ImportPhase;
  done: number;
  total: number;
}

/** A progress key: chosen by the caller, long enough not to be guessed by accident, short enough for a NOTIFY. */
const KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** The key, checked (BAD_USER_INPUT when malformed). */
export function progressKeyOf(key: string): string {
  if (!KEY.test(key)) throw badInput('A progress key has 8 to 100 letters, digits, `-` or `_`.', 'progressKey');
  return key;
}

/** Reports per long step at most this many times (plus its start and end). */
const REPORTS_PER_STEP = 50;

/**
 * What an import tells about its progress (docs/import.md, "Progress"). A message goes out as a
 * NOTIFY on `takt_import_progress` (payload: plant id, key, phase, done, total), so the page that
 * follows it gets it whichever process of a cluster holds its socket; nothing is stored. Within a
 * long step (`tick`), it reports every 2 % and lets the event loop turn, so the socket that
 * carries the progress is served while the engine works. A report that cannot be sent is dropped:
 * progress never fails an import. Without a key (the CLI, a push without one) nothing is sent, but
 * long steps still yield to other requests now and then.
 */
export class ImportProgress {
  readonly #send: ((payload: string) => Promise<void>) | null;
  readonly #plantId: string;
  readonly #key: string;
  #phase: ImportPhase = 'WAITING';
  #total = 0;
  #every = 1;
  #next = 0;

  /** `listener`: the process's LISTEN connection (realtime/pg-listener.ts), which sends the NOTIFY. */
  constructor(listener: { notify(channel: string, payload: string): Promise<void> } | null, plantId: string, key: string | null) {
    this.#send = listener && key ? (payload) => listener.notify(Channel.IMPORT_PROGRESS, payload) : null;
    this.#plantId = plantId;
    this.#key = key ?? '';
  }

  /** A progress that tells no one (an import without a key). */
  static silent(plantId: string): ImportProgress {
    return new ImportProgress(null, plantId, null);
  }

  /** A step starts with `total` units, of which `done` are done (a one-shot step reports itself done). */
  step(phase: ImportPhase, total: number, done = 0): void {
    this.#phase = phase;
    this.#total = total;
    this.#every = Math.max(1, Math.ceil(total / REPORTS_PER_STEP));
    this.#next = done + this.#every;
    this.#report(done);
  }

  /** `done` units of the current step are done: reports every few percent, and then lets the loop turn. */
  async tick(done: number): Promise<void> {
    if (done < this.#next && done < this.#total) return;
    this.#next = done + this.#every;
    this.#report(done);
    await nextTurn();
  }

  #report(done: number): void {
    if (!this.#send) return;
    const payload = JSON.stringify([this.#plantId, this.#key, this.#phase, done, this.#total]);
    this.#send(payload).catch(() => {});
  }
}

/** A NOTIFY payload as progress of `plantId`'s import `key`, or null when it is another's (or not one). */
export function parseProgress(payload: string, plantId: string, key: string): ImportProgressDto | null {
  try {
    const [p, k, phase, done, total] = JSON.parse(payload) as [string, string, ImportPhase, number, number];
    return p === plantId && k === key ? { progressKey: key, phase, done, total } : null;
  } catch {
    return null;
  }
}
