import { describe, expect, it } from 'vitest';
import { evaluateChange, fromDay, type Evaluation } from '../../../server/src/engine/index.ts';
import { bookOrder, d, filler, fillerOrders, job, order, plant, policy, product, TODAY } from './factories.ts';

const WEEKS = [d('2026-11-23'), d('2027-03-31')] as const;
const ALL = ['l1', 'b1', 'p1'];

function rules(evaluation: Evaluation): string[] {
  return evaluation.requiredApprovals.map((a) => `${a.rule}:${a.role}`);
}

describe('evaluateChange: capacity tiers', () => {
  it('auto-approves a 20% quantity increase into weeks at 70%', () => {
    const schedule = plant(fillerOrders(ALL, ...WEEKS, 70));
    const o1 = bookOrder(schedule, { id: 'o1', quantity: 100 });

    const evaluation = evaluateChange(schedule, policy(), { orderId: o1.id, quantity: 120 }, TODAY);

    expect(evaluation.tier).toBe('AUTO');
    expect(evaluation.requiredApprovals).toEqual([]);
    expect(evaluation.jobs.map((j) => j.minutes)).toEqual([150, 270, 90]);
    expect(Math.max(...evaluation.impact!.buckets.map((b) => b.utilizationAfterPct))).toBeLessThanOrEqual(80);
    expect(evaluation.impact!.minutesDelta).toBe(20 + 40 + 10);
  });

  it('routes a change that takes a bucket to 92.5% to the ops manager', () => {
    // Laser at 400 of 480 minutes (83.3%): no room under 80%, 80 minutes under 100%.
    const schedule = plant([filler('l1', ...WEEKS, 400), ...fillerOrders(['b1', 'p1'], ...WEEKS, 50)]);

    const evaluation = evaluateChange(
      schedule,
      policy(),
      { newOrder: { id: 'n1', productId: 'bracket', quantity: 14, optionIds: [], dueDate: d('2026-12-18'), unitPriceCents: 4000 } },
      TODAY,
    );

    expect(evaluation.tier).toBe('MANAGER');
    const laser = evaluation.jobs.find((j) => j.workCenterId === 'l1')!;
    expect(laser.allocations).toHaveLength(1);
    expect(evaluation.requiredApprovals).toEqual([
      expect.objectContaining({
        lane: 'CAPACITY',
        role: 'OPS_MANAGER',
        rule: 'CAPACITY_MANAGER',
        measured: 92.5,
        threshold: 80,
        message: `Laser L1 on ${fromDay(laser.allocations[0]!.day)} at 92.5% > 80% auto-approve limit`,
      }),
    ]);
    expect(evaluation.laneRoles).toEqual({ CAPACITY: 'OPS_MANAGER' });
  });

  it('needs the plant manager for overtime and adds the overtime premium to cost', () => {
    const schedule = plant([filler('l1', ...WEEKS, 480), ...fillerOrders(['b1', 'p1'], ...WEEKS, 50)]);

    const evaluation = evaluateChange(
      schedule,
      policy(),
      { newOrder: { id: 'n1', productId: 'bracket', quantity: 14, optionIds: [], dueDate: d('2026-12-18'), unitPriceCents: 4000 } },
      TODAY,
    );

    expect(evaluation.tier).toBe('OVERTIME');
    expect(evaluation.impact!.overtimeMinutes).toBe(44);
    // 44 min × 30.00/h premium = 22.00
    expect(evaluation.impact!.costAfter.overtimePremiumCents).toBe(2200);
    expect(evaluation.impact!.costDelta.overtimePremiumCents).toBe(2200);
    expect(rules(evaluation)).toEqual(['CAPACITY_MANAGER:OPS_MANAGER', 'OVERTIME:PLANT_MANAGER']);
    expect(evaluation.requiredApprovals[1]).toMatchObject({ measured: 44, threshold: 0, unit: 'MINUTES' });
    expect(evaluation.laneRoles.CAPACITY).toBe('PLANT_MANAGER');
  });

  it('is infeasible when overtime is not allowed and the plant is full', () => {
    const schedule = plant([filler('l1', ...WEEKS, 480)]);
    const evaluation = evaluateChange(
      schedule,
      policy({ overtimeAllowed: false }),
      { newOrder: { id: 'n1', productId: 'bracket', quantity: 14, optionIds: [], dueDate: d('2026-12-18'), unitPriceCents: 4000 } },
      TODAY,
    );
    expect(evaluation.tier).toBe('INFEASIBLE');
    expect(evaluation.alternatives.map((a) => a.tier)).toEqual(['AUTO', 'MANAGER']);
    expect(evaluation.alternatives.every((a) => a.dueDate! > d('2027-03-31'))).toBe(true);
  });
});

describe('evaluateChange: capable-to-promise', () => {
  it('returns three alternatives, one per tier, when the requested date is infeasible', () => {
    const schedule = plant();
    const evaluation = evaluateChange(
      schedule,
      policy(),
      { newOrder: { id: 'n1', productId: 'bracket', quantity: 100, optionIds: [], dueDate: d('2026-11-25'), unitPriceCents: 4000 } },
      TODAY,
    );

    expect(evaluation.tier).toBe('INFEASIBLE');
    expect(evaluation.jobs).toEqual([]);
    expect(evaluation.impact).toBeNull();
    // AUTO and MANAGER start after the freeze window (Fri 27): laser 27, bend Mon 30, paint Tue 1,
    // + 1 ship day. OVERTIME may use the window: laser 24, bend 25, paint 26, ship Fri 27.
    expect(evaluation.alternatives.map((a) => [a.tier, fromDay(a.dueDate!)])).toEqual([
      ['AUTO', '2026-12-02'],
      ['MANAGER', '2026-12-02'],
      ['OVERTIME', '2026-11-27'],
    ]);
    expect(evaluation.infeasibleReason).toContain('Does not fit by 2026-11-25');
    expect(evaluation.infeasibleReason).toContain('2026-12-02 (AUTO)');
  });

  it('offers an earlier date for a higher tier when the plant is busy', () => {
    const schedule = plant(fillerOrders(ALL, d('2026-11-23'), d('2026-12-11'), 85));
    const evaluation = evaluateChange(
      schedule,
      policy(),
      { newOrder: { id: 'n1', productId: 'bracket', quantity: 100, optionIds: [], dueDate: d('2026-12-01'), unitPriceCents: 4000 } },
      TODAY,
    );
    const [auto, manager, overtime] = evaluation.alternatives;
    expect(auto!.dueDate!).toBeGreaterThan(manager!.dueDate!);
    expect(manager!.dueDate!).toBeGreaterThanOrEqual(overtime!.dueDate!);
  });
});

describe('evaluateChange: rules', () => {
  it('needs the plant manager for a change to a job inside the freeze window', () => {
    const o2 = order({
      id: 'o2',
      dueDate: d('2026-11-30'),
      jobs: [
        job({ id: 'o2-10', orderId: 'o2', seq: 10, workCenterId: 'l1', allocations: [{ day: d('2026-11-24'), minutes: 130 }] }),
        job({ id: 'o2-20', orderId: 'o2', seq: 20, workCenterId: 'b1', allocations: [{ day: d('2026-11-25'), minutes: 230 }] }),
        job({ id: 'o2-30', orderId: 'o2', seq: 30, workCenterId: 'p1', allocations: [{ day: d('2026-11-26'), minutes: 80 }] }),
      ],
    });
    const schedule = plant([o2]);

    const evaluation = evaluateChange(schedule, policy(), { orderId: 'o2', quantity: 110 }, TODAY);

    expect(evaluation.tier).toBe('AUTO');
    expect(evaluation.requiredApprovals).toEqual([
      expect.objectContaining({
        lane: 'CAPACITY',
        role: 'PLANT_MANAGER',
        rule: 'FREEZE_WINDOW',
        measured: 1,
        threshold: 3,
        message: 'Step 10 on Laser L1 starts 2026-11-24, inside the 3-working-day freeze window (through 2026-11-26) (and 2 more steps)',
      }),
    ]);
    expect(evaluation.jobs.map((j) => j.allocations)).toEqual([
      [{ day: d('2026-11-24'), minutes: 140 }],
      [{ day: d('2026-11-25'), minutes: 250 }],
      [{ day: d('2026-11-26'), minutes: 85 }],
    ]);
  });

  it('leaves frozen jobs in place when only the due date moves later', () => {
    const o2 = order({
      id: 'o2',
      dueDate: d('2026-12-04'),
      jobs: [
        job({ id: 'o2-10', orderId: 'o2', seq: 10, workCenterId: 'l1', allocations: [{ day: d('2026-11-26'), minutes: 130 }] }),
        job({ id: 'o2-20', orderId: 'o2', seq: 20, workCenterId: 'b1', allocations: [{ day: d('2026-12-01'), minutes: 230 }] }),
        job({ id: 'o2-30', orderId: 'o2', seq: 30, workCenterId: 'p1', allocations: [{ day: d('2026-12-02'), minutes: 80 }] }),
      ],
    });
    const evaluation = evaluateChange(plant([o2]), policy(), { orderId: 'o2', dueDate: d('2026-12-18') }, TODAY);
    expect(evaluation.tier).toBe('AUTO');
    expect(evaluation.requiredApprovals).toEqual([]);
    expect(evaluation.jobs[0]!.allocations).toEqual([{ day: d('2026-11-26'), minutes: 130 }]);
    expect(evaluation.jobs[2]!.allocations).toEqual([{ day: d('2026-12-17'), minutes: 80 }]);
  });

  it('needs the plant manager for a due date earlier than the product lead time', () => {
    const schedule = plant([], { products: [product({ minLeadTimeDays: 10 })] });
    bookOrder(schedule, { id: 'o1' });

    const evaluation = evaluateChange(schedule, policy(), { orderId: 'o1', dueDate: d('2026-12-04') }, TODAY);

    expect(evaluation.tier).toBe('AUTO');
    expect(evaluation.requiredApprovals).toEqual([
      expect.objectContaining({
        rule: 'MIN_LEAD_TIME',
        role: 'PLANT_MANAGER',
        measured: 9,
        threshold: 10,
        message: 'Due 2026-12-04 is 9 working days away; BRK-100 needs 10 (2026-12-07 or later)',
      }),
    ]);
  });

  it('needs accounting when the margin after the change falls below 15%', () => {
    const schedule = plant();
    bookOrder(schedule, { id: 'o1' });

    const evaluation = evaluateChange(schedule, policy(), { orderId: 'o1', quantity: 100, unitPriceCents: 1500 }, TODAY);

    // cost: material 100 × 10.00 + labour (130 + 230 + 80 min at 60.00/h) = 1,000 + 440 = 1,440.00
    expect(evaluation.impact!.costAfter.totalCents).toBe(144_000);
    expect(evaluation.impact!.marginAfterPct).toBe(4);
    expect(evaluation.requiredApprovals).toEqual([
      expect.objectContaining({
        lane: 'ACCOUNTING',
        role: 'ACCOUNTING',
        rule: 'MIN_MARGIN',
        measured: 4,
        threshold: 15,
        message: 'Margin after the change is 4% (60.00 on 1,500.00) < 15% minimum',
      }),
    ]);
  });

  it('does not need accounting at exactly 15% margin', () => {
    const schedule = plant();
    bookOrder(schedule, { id: 'o1' });
    // cost 1,440.00; price p with (p − 1440)/p = 15% → p = 1694.1176…; 1694.12 is just above.
    const at = evaluateChange(schedule, policy(), { orderId: 'o1', quantity: 100, unitPriceCents: 1695 }, TODAY);
    expect(rules(at)).toEqual([]);
    const below = evaluateChange(schedule, policy(), { orderId: 'o1', quantity: 100, unitPriceCents: 1694 }, TODAY);
    expect(rules(below)).toEqual(['MIN_MARGIN:ACCOUNTING']);
  });

  it('needs accounting when the cost increase is above the limit', () => {
    const schedule = plant();
    bookOrder(schedule, { id: 'o1' });
    const evaluation = evaluateChange(schedule, policy(), { orderId: 'o1', quantity: 200 }, TODAY);
    // +100 units: material +1,000.00, labour +(100 + 200 + 50 min) = +350.00 → +1,350.00
    expect(evaluation.impact!.costDelta.totalCents).toBe(135_000);
    expect(rules(evaluation)).toEqual([]);
    const strict = evaluateChange(schedule, policy({ costIncreaseLimitCents: 100_000 }), { orderId: 'o1', quantity: 200 }, TODAY);
    expect(strict.requiredApprovals).toEqual([
      expect.objectContaining({ rule: 'COST_INCREASE_LIMIT', role: 'ACCOUNTING', measured: 135_000, threshold: 100_000, message: 'Cost rises by 1,350.00 > 1,000.00 limit' }),
    ]);
  });

  it('needs quality for an option that requires review', () => {
    const schedule = plant();
    bookOrder(schedule, { id: 'o1' });
    const evaluation = evaluateChange(schedule, policy(), { orderId: 'o1', optionIds: ['g316'] }, TODAY);
    expect(evaluation.kinds).toEqual(['SPEC']);
    expect(evaluation.requiredApprovals).toEqual([
      expect.objectContaining({ lane: 'QUALITY', role: 'QUALITY', rule: 'REVIEW_REQUIRED', message: 'Option grade = 316 on BRK-100 requires a quality review' }),
    ]);
    expect(evaluation.laneRoles).toEqual({ QUALITY: 'QUALITY' });
  });
});

describe('evaluateChange: change kinds', () => {
  it('combines QUANTITY and SPEC: more units with a powder finish', () => {
    const schedule = plant();
    bookOrder(schedule, { id: 'o1' });
    const evaluation = evaluateChange(schedule, policy(), { orderId: 'o1', quantity: 120, optionIds: ['powder'] }, TODAY);
    expect(evaluation.kinds).toEqual(['QUANTITY', 'SPEC']);
    // paint: 30 setup + 120 × (0.5 + 1) = 210
    expect(evaluation.jobs.map((j) => j.minutes)).toEqual([150, 270, 210]);
    expect(evaluation.impact!.costAfter.materialCents).toBe(120 * 1100);
    expect(evaluation.impact!.costDelta.scrapCents).toBe(0);
    expect(evaluation.impact!.priceDeltaCents).toBe(20 * 4000);
  });

  it('scraps started work when the spec changes after production started', () => {
    const o3 = order({
      id: 'o3',
      jobs: [
        job({ id: 'o3-10', orderId: 'o3', seq: 10, workCenterId: 'l1', status: 'STARTED', allocations: [{ day: d('2026-11-23'), minutes: 60 }, { day: d('2026-11-24'), minutes: 70 }] }),
        job({ id: 'o3-20', orderId: 'o3', seq: 20, workCenterId: 'b1', allocations: [{ day: d('2026-12-10'), minutes: 230 }] }),
        job({ id: 'o3-30', orderId: 'o3', seq: 30, workCenterId: 'p1', allocations: [{ day: d('2026-12-11'), minutes: 80 }] }),
      ],
    });
    const evaluation = evaluateChange(plant([o3]), policy(), { orderId: 'o3', optionIds: ['powder'] }, TODAY);
    // old material 1,000.00 + 60 min of laser at 60.00/h
    expect(evaluation.impact!.costAfter.scrapCents).toBe(100_000 + 6000);
    const laser = evaluation.jobs[0]!;
    expect(laser.allocations[0]).toEqual({ day: d('2026-11-23'), minutes: 60 });
    expect(laser.minutes).toBe(60 + 130);
    expect(rules(evaluation)).toContain('FREEZE_WINDOW:PLANT_MANAGER');
  });

  it('creates a NEW_ORDER as late as possible with its full cost and price as the delta', () => {
    const evaluation = evaluateChange(
      plant(),
      policy(),
      { newOrder: { id: 'n1', productId: 'bracket', quantity: 100, optionIds: ['g304'], dueDate: d('2026-12-18'), unitPriceCents: 4000 } },
      TODAY,
    );
    expect(evaluation.tier).toBe('AUTO');
    expect(evaluation.kinds).toEqual(['NEW_ORDER']);
    expect(evaluation.jobs.map((j) => [j.id, fromDay(j.allocations[0]!.day)])).toEqual([
      ['n1-10', '2026-12-15'],
      ['n1-20', '2026-12-16'],
      ['n1-30', '2026-12-17'],
    ]);
    expect(evaluation.impact!.costBefore.totalCents).toBe(0);
    expect(evaluation.impact!.priceDeltaCents).toBe(400_000);
    expect(evaluation.impact!.costDelta.totalCents).toBe(144_000);
  });

  it('moves a job and re-places only the step that would now overlap', () => {
    const schedule = plant();
    const o1 = bookOrder(schedule, { id: 'o1' });
    expect(o1.jobs.map((j) => fromDay(j.allocations[0]!.day))).toEqual(['2026-12-15', '2026-12-16', '2026-12-17']);

    const evaluation = evaluateChange(schedule, policy(), { orderId: 'o1', moveJob: { jobId: 'o1-20', startDay: d('2026-12-08') } }, TODAY);

    expect(evaluation.kinds).toEqual(['MOVE_JOB']);
    expect(evaluation.tier).toBe('AUTO');
    expect(evaluation.jobs.map((j) => j.allocations.map((a) => fromDay(a.day)))).toEqual([['2026-12-07'], ['2026-12-08'], ['2026-12-17']]);
    expect(evaluation.requiredApprovals).toEqual([]);
  });

  it('needs the ops manager to move a job onto a day that is already at 80%', () => {
    const schedule = plant([filler('b1', d('2026-12-08'), d('2026-12-08'), 384)]);
    bookOrder(schedule, { id: 'o1' });
    const evaluation = evaluateChange(schedule, policy(), { orderId: 'o1', moveJob: { jobId: 'o1-20', startDay: d('2026-12-08') } }, TODAY);
    expect(evaluation.tier).toBe('MANAGER');
    expect(evaluation.jobs[1]!.allocations).toEqual([
      { day: d('2026-12-08'), minutes: 96 },
      { day: d('2026-12-09'), minutes: 134 },
    ]);
    expect(rules(evaluation)).toEqual(['CAPACITY_MANAGER:OPS_MANAGER']);
  });

  it('refuses a move that would end the order after its due date', () => {
    const schedule = plant();
    bookOrder(schedule, { id: 'o1' });
    const evaluation = evaluateChange(schedule, policy(), { orderId: 'o1', moveJob: { jobId: 'o1-20', startDay: d('2026-12-18') } }, TODAY);
    expect(evaluation.tier).toBe('INFEASIBLE');
    expect(evaluation.infeasibleReason).toMatch(/^Step 20 cannot start on 2026-12-18 with the order still done by 2026-12-18/);
  });

  it('cancels an order, freeing its load and its price', () => {
    const schedule = plant();
    bookOrder(schedule, { id: 'o1' });
    const evaluation = evaluateChange(schedule, policy(), { orderId: 'o1', cancel: true }, TODAY);
    expect(evaluation.tier).toBe('AUTO');
    expect(evaluation.kinds).toEqual(['CANCEL']);
    expect(evaluation.impact!.minutesDelta).toBe(-(130 + 230 + 80));
    expect(evaluation.impact!.priceAfterCents).toBe(0);
    expect(evaluation.impact!.costAfter.totalCents).toBe(0);
    expect(evaluation.alternatives).toEqual([]);
  });

  it('cancels a started order, freeing only its future load and booking work done as scrap', () => {
    const o4 = order({
      id: 'o4',
      jobs: [
        job({ id: 'o4-10', orderId: 'o4', seq: 10, workCenterId: 'l1', status: 'STARTED', allocations: [{ day: d('2026-11-20'), minutes: 100 }, { day: d('2026-11-24'), minutes: 30 }] }),
        job({ id: 'o4-20', orderId: 'o4', seq: 20, workCenterId: 'b1', allocations: [{ day: d('2026-12-10'), minutes: 230 }] }),
      ],
    });
    const evaluation = evaluateChange(plant([o4]), policy(), { orderId: 'o4', cancel: true }, TODAY);
    expect(evaluation.impact!.buckets.map((b) => [b.workCenterId, fromDay(b.day), b.loadBeforeMinutes, b.loadAfterMinutes])).toEqual([
      ['l1', '2026-11-24', 30, 0],
      ['b1', '2026-12-10', 230, 0],
    ]);
    // material 1,000.00 + 100 min of laser done at 60.00/h
    expect(evaluation.impact!.costAfter.scrapCents).toBe(100_000 + 10_000);
    expect(rules(evaluation)).toEqual(['FREEZE_WINDOW:PLANT_MANAGER']);
  });
});
