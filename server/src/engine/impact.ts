import { capacityOn, type CompiledWorkCenter, overtimeOn } from './calendar.ts';
import type { Day } from './dates.ts';
import type { LoadReader } from './load.ts';
import { hours, labourCents, mulCents, percent2, type Cents, type Minutes } from './money.ts';
import type { Schedule } from './schedule.ts';
import type { BucketImpact, CostBreakdown, Impact, Job, OrderTerms, Product } from './types.ts';

/** What the cost model needs about one side (before or after) of a change. */
export interface CostSide {
  readonly terms: OrderTerms | null;
  readonly jobs: readonly Job[];
  /** The load of the whole plant on this side, to find minutes above capacity. */
  readonly load: LoadReader;
  /** Job ids whose history is scrapped (a started step redone after a spec change). */
  readonly redoJobIds: ReadonlySet<string>;
  readonly scrapCents: Cents;
}

const ZERO_COST: CostBreakdown = {
  materialCents: 0,
  labourCents: 0,
  setupCents: 0,
  overtimePremiumCents: 0,
  scrapCents: 0,
  totalCents: 0,
};

/**
 * Cost of an order: material = quantity × (unit material + option costs); per job, labour =
 * round-half-up(minutes × rate / 60), of which the step's setup minutes are reported as setup;
 * overtime premium on the order's minutes above a bucket's capacity, counting this order last
 * (min(allocation, load − capacity)), rounded once per work center; plus scrap.
 */
export function costOf(schedule: Schedule, product: Product, side: CostSide, today: Day): CostBreakdown {
  const material =
    side.terms === null
      ? 0
      : mulCents(
          side.terms.quantity,
          product.materialCostCents +
            product.options.filter((o) => side.terms!.optionIds.includes(o.id)).reduce((s, o) => s + o.addCostCents, 0),
        );
  const setupBySeq = new Map(product.routing.map((r) => [r.seq, r.setupMinutes]));
  let labour = 0;
  let setup = 0;
  const overtimeByWorkCenter = new Map<string, Minutes>();
  for (const job of side.jobs) {
    const wc = schedule.workCenters.get(job.workCenterId)!;
    const redo = side.redoJobIds.has(job.id);
    const accounted = redo ? job.allocations.filter((a) => a.day > today).reduce((s, a) => s + a.minutes, 0) : job.minutes;
    const total = labourCents(accounted, wc.source.rateCentsPerHour);
    const setupPart = labourCents(Math.min(setupBySeq.get(job.seq) ?? 0, accounted), wc.source.rateCentsPerHour);
    setup += setupPart;
    labour += total - setupPart;
    for (const a of job.allocations) {
      if (redo && a.day <= today) continue;
      const over = Math.min(a.minutes, Math.max(0, side.load.loadOn(wc.id, a.day) - capacityOn(wc, a.day)));
      if (over > 0) overtimeByWorkCenter.set(wc.id, (overtimeByWorkCenter.get(wc.id) ?? 0) + over);
    }
  }
  let premium = 0;
  for (const wcId of schedule.workCenterIds) {
    const minutes = overtimeByWorkCenter.get(wcId);
    if (minutes !== undefined) {
      premium += labourCents(minutes, schedule.workCenters.get(wcId)!.source.overtimePremiumCentsPerHour);
    }
  }
  return breakdown(material, labour, setup, premium, side.scrapCents);
}

function breakdown(material: Cents, labour: Cents, setup: Cents, premium: Cents, scrap: Cents): CostBreakdown {
  return {
    materialCents: material,
    labourCents: labour,
    setupCents: setup,
    overtimePremiumCents: premium,
    scrapCents: scrap,
    totalCents: material + labour + setup + premium + scrap,
  };
}

function minus(a: CostBreakdown, b: CostBreakdown): CostBreakdown {
  return breakdown(
    a.materialCents - b.materialCents,
    a.labourCents - b.labourCents,
    a.setupCents - b.setupCents,
    a.overtimePremiumCents - b.overtimePremiumCents,
    a.scrapCents - b.scrapCents,
  );
}

/**
 * Every (work center, day) whose load the change alters, in work-center input order then by day,
 * with capacity and utilization before and after.
 */
export function bucketImpacts(
  schedule: Schedule,
  beforeJobs: readonly Job[],
  afterJobs: readonly Job[],
  before: LoadReader,
  after: LoadReader,
  today: Day,
): BucketImpact[] {
  const keys = new Map<string, Set<Day>>();
  for (const job of [...beforeJobs, ...afterJobs]) {
    for (const a of job.allocations) {
      if (a.day <= today) continue;
      let days = keys.get(job.workCenterId);
      if (days === undefined) keys.set(job.workCenterId, (days = new Set()));
      days.add(a.day);
    }
  }
  const buckets: BucketImpact[] = [];
  for (const wcId of schedule.workCenterIds) {
    const days = keys.get(wcId);
    if (days === undefined) continue;
    const wc = schedule.workCenters.get(wcId)!;
    for (const day of [...days].sort((x, y) => x - y)) {
      const loadBefore = before.loadOn(wcId, day);
      const loadAfter = after.loadOn(wcId, day);
      if (loadBefore === loadAfter) continue;
      buckets.push(bucketImpact(wc, day, loadBefore, loadAfter));
    }
  }
  return buckets;
}

/** One bucket's numbers, loads before and after given. */
export function bucketImpact(wc: CompiledWorkCenter, day: Day, loadBefore: Minutes, loadAfter: Minutes): BucketImpact {
  const capacity = capacityOn(wc, day);
  return {
    workCenterId: wc.id,
    workCenterCode: wc.code,
    day,
    capacityMinutes: capacity,
    overtimeCapacityMinutes: overtimeOn(wc, day),
    loadBeforeMinutes: loadBefore,
    loadAfterMinutes: loadAfter,
    utilizationBeforePct: percent2(loadBefore, capacity) ?? 0,
    utilizationAfterPct: percent2(loadAfter, capacity) ?? 0,
  };
}

/** Assembles the impact: buckets, hours, overtime, cost, price and margin before and after. */
export function buildImpact(
  schedule: Schedule,
  product: Product,
  before: CostSide,
  after: CostSide,
  today: Day,
): Impact {
  const buckets = bucketImpacts(schedule, before.jobs, after.jobs, before.load, after.load, today);
  const costBefore = before.terms === null ? ZERO_COST : costOf(schedule, product, before, today);
  const costAfter = costOf(schedule, product, after, today);
  const minutesDelta = buckets.reduce((s, b) => s + b.loadAfterMinutes - b.loadBeforeMinutes, 0);
  let overtimeMinutes = 0;
  for (const job of after.jobs) {
    const wc = schedule.workCenters.get(job.workCenterId)!;
    for (const a of job.allocations) {
      if (a.day <= today) continue;
      overtimeMinutes += Math.min(a.minutes, Math.max(0, after.load.loadOn(wc.id, a.day) - capacityOn(wc, a.day)));
    }
  }
  const priceBefore = before.terms === null ? 0 : mulCents(before.terms.quantity, before.terms.unitPriceCents);
  const priceAfter = after.terms === null ? 0 : mulCents(after.terms.quantity, after.terms.unitPriceCents);
  const marginBefore = priceBefore - costBefore.totalCents;
  const marginAfter = priceAfter - costAfter.totalCents;
  return {
    buckets,
    minutesDelta,
    hoursDelta: hours(minutesDelta),
    overtimeMinutes,
    costBefore,
    costAfter,
    costDelta: minus(costAfter, costBefore),
    priceBeforeCents: priceBefore,
    priceAfterCents: priceAfter,
    priceDeltaCents: priceAfter - priceBefore,
    marginBeforeCents: marginBefore,
    marginAfterCents: marginAfter,
    marginBeforePct: percent2(marginBefore, priceBefore),
    marginAfterPct: percent2(marginAfter, priceAfter),
  };
}
