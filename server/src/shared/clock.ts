/** The time source; injectable so that tests can move it (SLA escalation, "today"). */
export interface Clock {
  now(): Date;
}

/** Wall-clock time, optionally shifted by TAKT_CLOCK_OFFSET_MS for tests and demos. */
export function systemClock(offsetMs = 0): Clock {
  return { now: () => new Date(Date.now() + offsetMs) };
}
