/**
 * A bound on the GraphQL requests one identity has in progress (docs/security.md, "Work per
 * request"): `running` at a time, up to `queued` more waiting their turn, and any beyond that
 * refused at once (RATE_LIMITED). One sales rep's burst of boards then takes turns among itself
 * instead of filling the event loop for everyone; waiting requests cost no CPU.
 *
 * Per process: each process of a cluster bounds its own share.
 */
export class RequestConcurrency {
  readonly #limits: { running: number; queued: number };
  readonly #identities = new Map<string, { running: number; waiting: (() => void)[] }>();
  constructor(limits: { running: number; queued: number }) {
    this.#limits = limits;
  }

  /** Resolves with `release` once `identity` may run, or with null when its queue is full. */
  async acquire(identity: string): Promise<(() => void) | null> {
    let state = this.#identities.get(identity);
    if (!state) this.#identities.set(identity, (state = { running: 0, waiting: [] }));
    if (state.running >= this.#limits.running) {
      if (state.waiting.length >= this.#limits.queued) return null;
      // the releasing request hands its slot over: `running` stays counted
      await new Promise<void>((resolve) => state.waiting.push(resolve));
    } else state.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = state.waiting.shift();
      if (next) return next();
      state.running--;
      if (state.running === 0) this.#identities.delete(identity);
    };
  }
}
