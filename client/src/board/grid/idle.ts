/** Runs `work` when the browser is idle (within a second at the latest); where there is no idle callback, after the next task. */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 1000 });
  else setTimeout(work, 0);
}
