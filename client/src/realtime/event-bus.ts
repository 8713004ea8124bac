import type { BoardEvent } from './connection';

type Listener = (event: BoardEvent) => void;

const listeners = new Set<Listener>();

/**
 * The plant's board events, whichever connection brought them (the board's, or the decision
 * screens' feed), handed to every store that keeps an entity (change orders, counts, the open
 * order). Views read those stores, so one event moves every view at once (docs/product.md §9).
 * A store may hear one event twice when two connections are open: its handling is idempotent.
 */
export function publishBoardEvent(event: BoardEvent): void {
  for (const listener of listeners) listener(event);
}

/** Listen to every board event; returns the unsubscribe. */
export function onBoardEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The live connection came back after a drop: stores refresh what they may have missed. */
const reconnectListeners = new Set<() => void>();

export function publishReconnected(): void {
  for (const listener of reconnectListeners) listener();
}

export function onReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}
