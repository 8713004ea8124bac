import type { BucketDto } from '../schedule/board.view.ts';
import type { AllocationDto, JobDto } from '../order/order.dto.ts';

/** A job as an event carries it: with its allocations as of the event, so replay is exact. */
export type EventJob = JobDto & { allocations: AllocationDto[] };

/**
 * What a board event carries (docs/realtime.md is the protocol document). Events are small and
 * self-sufficient: a board patches itself from them without a refetch, except after
 * BOARD_RESET. Stored as the `payload` JSON of `board_event`.
 */
export type BoardEventPayload =
  | { type: 'BOARD_RESET'; reason: string }
  | {
      type: 'SCHEDULE_CHANGED';
      /** The change order that caused it, if any. */
      changeOrderId: string | null;
      /** Orders whose terms or status changed (ids; the client refetches their summaries). */
      orderIds: string[];
      /** Jobs as they are now (new or moved), with allocations (`jobsForEvent` reads them). */
      jobs: EventJob[];
      /** Jobs that no longer exist (cancelled orders, replaced plans). */
      removedJobIds: string[];
      /** Every bucket whose load changed, with its new load. */
      buckets: BucketDto[];
    }
  | {
      type: 'CHANGE_ORDER_UPDATED';
      changeOrderId: string;
      orderId: string | null;
      status: string;
      version: number;
    }
  | { type: 'POLICY_UPDATED'; version: number };

export type BoardEventType = BoardEventPayload['type'];
