import type { BoardOrderFragment, BoardQuery, JobStatus } from '../../gql/graphql';
import type { IsoDate } from '../../shared/dates';

/** The board as the client works with it: the query's columns unpacked into rows (pack.ts). */
export interface BoardData extends Omit<BoardQuery['board'], 'packed'> {
  buckets: Bucket[];
  jobs: Job[];
  orders: Order[];
}
export type WorkCenter = BoardData['workCenters'][number];
export interface Bucket {
  workCenterId: string;
  date: IsoDate;
  capacityHours: number;
  overtimeHours: number;
  loadHours: number;
  utilization: number;
}
export interface Job {
  id: string;
  orderId: string;
  seq: number;
  workCenterId: string;
  start: IsoDate;
  end: IsoDate;
  hours: number;
  status: JobStatus;
  /** Good units reported so far (of the order's quantity). */
  completedQuantity: number;
}
export type Order = BoardOrderFragment;
