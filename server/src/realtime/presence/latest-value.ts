const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * An async iterator that yields the newest value pushed since the last `next()` (older unsent
 * values are superseded, as presence snapshots are). `return()` ends it at once, even while a
 * consumer waits.
 */
export class LatestValue<T> implements AsyncIterableIterator<T> {
  #pending: { value: T } | null = null;
  #wake: (() => void) | null = null;
  #closed = false;
  readonly #onClose: (() => void)[] = [];

  push(value: T): void {
    if (this.#closed) return;
    this.#pending = { value };
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  onClose(fn: () => void): void {
    if (this.#closed) fn();
    else this.#onClose.push(fn);
  }

  async next(): Promise<IteratorResult<T, undefined>> {
    while (!this.#closed) {
      const pending = this.#pending;
      if (pending) {
        this.#pending = null;
        return { done: false, value: pending.value };
      }
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
    return DONE;
  }

  async return(): Promise<IteratorResult<T, undefined>> {
    this.close();
    return DONE;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#pending = null;
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
    for (const fn of this.#onClose.splice(0)) fn();
  }
}
