/** Messages between the bench and its subscriber processes (bench/lib/fleet.ts ↔ fleet-worker.ts). */

export type FleetKind = 'takt' | 'gql' | 'ws';

export interface OpenSpec {
  kind: FleetKind;
  /** Connections are spread round-robin over these WebSocket URLs. */
  urls: string[];
  count: number;
  /** takt: display token sent in connection_init. */
  token?: string;
  plantId?: string;
  /** takt: resume after this sequence number. */
  since?: number;
  /** takt: keep every seq per connection (gap and duplicate checks). */
  keepSeqs?: boolean;
  /** Connections opened at once per worker. */
  concurrency?: number;
}

export interface WorkerStats {
  connections: number;
  live: number;
  lastSeqs: number[];
  firstSeqs: number[];
  gaps: number;
  duplicates: number;
  resyncs: number;
  reconnects: number;
  offline: number;
  errors: string[];
  rssBytes: number;
}

export type FleetRequest =
  | { op: 'open'; spec: OpenSpec }
  | { op: 'collect' }
  | { op: 'stats' }
  | { op: 'close' }
  | { op: 'exit' };

export type FleetReply =
  | { op: 'ready' }
  | { op: 'opened'; live: number; total: number; ms: number }
  | { op: 'complete'; key: number }
  /** [key, receipt times, sentAt or null] */
  | { op: 'samples'; samples: [number, number[], number | null][] }
  | { op: 'stats'; stats: WorkerStats }
  | { op: 'closed' };
