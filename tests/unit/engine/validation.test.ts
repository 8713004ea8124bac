import { describe, expect, it } from 'vitest';
import { type Change, ENGINE_ERROR_CLASS, EngineError, evaluateChange, parseDate } from '../../../server/src/engine/index.ts';
import { bookOrder, d, job, order, plant, policy, TODAY } from './factories.ts';

function errorOf(change: Change): EngineError {
  const schedule = plant();
  bookOrder(schedule, { id: 'o1' });
  try {
    evaluateChange(schedule, policy(), change, TODAY);
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError');
}

describe('evaluateChange: invalid input gives typed errors a rep understands', () => {
  it.each([0, -5, 2.5, Number.NaN, 2_000_000])('refuses quantity %s', (quantity) => {
    const error = errorOf({ orderId: 'o1', quantity });
    expect(error.code).toBe('INVALID_QUANTITY');
    expect(ENGINE_ERROR_CLASS[error.code]).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/Quantity/);
  });

  it('refuses an unknown order as bad input to the change', () => {
    const error = errorOf({ orderId: 'nope', quantity: 5 });
    expect(error.code).toBe('UNKNOWN_ORDER');
    expect(ENGINE_ERROR_CLASS[error.code]).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('Order nope does not exist');
  });

  it('refuses a due date in the past', () => {
    const error = errorOf({ orderId: 'o1', dueDate: d('2026-11-20') });
    expect(error.code).toBe('DATE_IN_PAST');
    expect(error.message).toBe('The due date 2026-11-20 is in the past (today is 2026-11-23)');
  });

  it('refuses an option the product does not offer', () => {
    const error = errorOf({ orderId: 'o1', optionIds: ['gold-plating'] });
    expect(error.code).toBe('UNKNOWN_OPTION');
    expect(error.message).toBe('Option gold-plating is not offered for BRK-100');
  });

  it('refuses two options on the same attribute', () => {
    const error = errorOf({ orderId: 'o1', optionIds: ['g304', 'g316'] });
    expect(error.code).toBe('OPTION_CONFLICT');
    expect(error.message).toBe('grade cannot be both 304 and 316 on BRK-100; choose one');
  });

  it('refuses a cancellation combined with another change', () => {
    expect(errorOf({ orderId: 'o1', cancel: true, quantity: 3 }).code).toBe('INVALID_CHANGE');
  });

  it('refuses an empty change', () => {
    expect(errorOf({ orderId: 'o1' }).code).toBe('INVALID_CHANGE');
  });

  it('refuses a negative or fractional price', () => {
    expect(errorOf({ orderId: 'o1', quantity: 3, unitPriceCents: -1 }).code).toBe('INVALID_PRICE');
    expect(errorOf({ orderId: 'o1', quantity: 3, unitPriceCents: 10.5 }).code).toBe('INVALID_PRICE');
  });

  it('refuses a new order whose id already exists, or whose product is unknown', () => {
    const base = { productId: 'bracket', quantity: 1, optionIds: [], dueDate: d('2026-12-18'), unitPriceCents: 1 };
    expect(errorOf({ newOrder: { ...base, id: 'o1' } }).code).toBe('INVALID_CHANGE');
    expect(errorOf({ newOrder: { ...base, id: 'n2', productId: 'ghost' } }).code).toBe('UNKNOWN_PRODUCT');
  });

  it('refuses moving an unknown job, or to a day before tomorrow', () => {
    expect(errorOf({ orderId: 'o1', moveJob: { jobId: 'x', startDay: d('2026-12-01') } }).code).toBe('UNKNOWN_JOB');
    const error = errorOf({ orderId: 'o1', moveJob: { jobId: 'o1-10', startDay: TODAY } });
    expect(error.code).toBe('DATE_IN_PAST');
    expect(error.message).toBe('Jobs can be moved to 2026-11-24 or later (today + 1 working day)');
  });

  it('refuses moving a started job and raising a done step', () => {
    const o = order({
      id: 'o9',
      jobs: [
        job({ id: 'o9-10', orderId: 'o9', seq: 10, status: 'DONE', allocations: [{ day: d('2026-11-20'), minutes: 130 }] }),
        job({ id: 'o9-20', orderId: 'o9', seq: 20, workCenterId: 'b1', status: 'STARTED', allocations: [{ day: d('2026-11-23'), minutes: 230 }] }),
      ],
    });
    const schedule = plant([o]);
    expect(() => evaluateChange(schedule, policy(), { orderId: 'o9', moveJob: { jobId: 'o9-20', startDay: d('2026-12-01') } }, TODAY)).toThrow(
      expect.objectContaining({ code: 'JOB_ALREADY_STARTED' }),
    );
    expect(() => evaluateChange(schedule, policy(), { orderId: 'o9', quantity: 150 }, TODAY)).toThrow(
      expect.objectContaining({ code: 'STEP_ALREADY_DONE' }),
    );
  });

  it('refuses changes to a cancelled order', () => {
    const schedule = plant([order({ id: 'c1', status: 'CANCELLED' })]);
    expect(() => evaluateChange(schedule, policy(), { orderId: 'c1', quantity: 5 }, TODAY)).toThrow(
      expect.objectContaining({ code: 'ORDER_CLOSED', message: 'Order c1 is cancelled and can no longer change' }),
    );
  });
});

describe('parseDate', () => {
  it.each(['2026-02-30', '2026-13-01', '26-11-23', '2026-11-23T00:00', ''])('refuses %j', (text) => {
    expect(() => parseDate(text)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
