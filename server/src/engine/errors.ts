import type { ErrorCode } from '../../../schema/generated/enums.ts';

/**
 * The engine's closed set of error codes. Each maps to one GraphQL `extensions.code` class in
 * {@link ENGINE_ERROR_CLASS}, so the server needs a single exhaustive mapper and no string matching.
 */
export const EngineErrorCode = {
  /** A calendar date string that is malformed or does not exist (2026-02-30). */
  INVALID_DATE: 'INVALID_DATE',
  /** Quantity zero, negative, fractional or absurdly large. */
  INVALID_QUANTITY: 'INVALID_QUANTITY',
  /** Unit price negative or not a whole number of cents. */
  INVALID_PRICE: 'INVALID_PRICE',
  /** The change names no order we know. */
  UNKNOWN_ORDER: 'UNKNOWN_ORDER',
  /** A new order names a product we do not know. */
  UNKNOWN_PRODUCT: 'UNKNOWN_PRODUCT',
  /** A move names a job that is not part of the order. */
  UNKNOWN_JOB: 'UNKNOWN_JOB',
  /** An option id that the product does not offer. */
  UNKNOWN_OPTION: 'UNKNOWN_OPTION',
  /** Two chosen options set the same attribute (two steel grades). */
  OPTION_CONFLICT: 'OPTION_CONFLICT',
  /** A due date (or move date) before today. */
  DATE_IN_PAST: 'DATE_IN_PAST',
  /** The order is cancelled, done or shipped and can no longer change. */
  ORDER_CLOSED: 'ORDER_CLOSED',
  /** The change would alter a routing step that is already done. */
  STEP_ALREADY_DONE: 'STEP_ALREADY_DONE',
  /** A move of a job that has already started or is done. */
  JOB_ALREADY_STARTED: 'JOB_ALREADY_STARTED',
  /** The change is empty, or combines kinds that cannot go together (CANCEL with anything). */
  INVALID_CHANGE: 'INVALID_CHANGE',
  /** The plant data itself is unusable (no working day in ten years, unknown work center). */
  INVALID_PLANT_DATA: 'INVALID_PLANT_DATA',
} as const;
export type EngineErrorCode = (typeof EngineErrorCode)[keyof typeof EngineErrorCode];

/**
 * GraphQL error class of each engine code. An unknown id inside a change is bad input to that
 * change (BAD_USER_INPUT); plant-data errors are the server's fault, not the user's.
 */
export const ENGINE_ERROR_CLASS = {
  INVALID_DATE: 'BAD_USER_INPUT',
  INVALID_QUANTITY: 'BAD_USER_INPUT',
  INVALID_PRICE: 'BAD_USER_INPUT',
  UNKNOWN_ORDER: 'BAD_USER_INPUT',
  UNKNOWN_PRODUCT: 'BAD_USER_INPUT',
  UNKNOWN_JOB: 'BAD_USER_INPUT',
  UNKNOWN_OPTION: 'BAD_USER_INPUT',
  OPTION_CONFLICT: 'BAD_USER_INPUT',
  DATE_IN_PAST: 'BAD_USER_INPUT',
  ORDER_CLOSED: 'BAD_USER_INPUT',
  STEP_ALREADY_DONE: 'BAD_USER_INPUT',
  JOB_ALREADY_STARTED: 'BAD_USER_INPUT',
  INVALID_CHANGE: 'BAD_USER_INPUT',
  INVALID_PLANT_DATA: 'INTERNAL',
} as const satisfies Record<EngineErrorCode, ErrorCode>;

/** A failure the caller can act on: `code` is machine-readable, `message` is for a sales rep. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}
