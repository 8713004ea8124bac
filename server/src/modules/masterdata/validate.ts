import { ROLES } from '../auth/roles.ts';
import { isIsoDate, daysBetween } from '../../shared/dates.ts';
import type {
  CalendarExceptionRecord, CustomerRecord, ProductRecord, UserRecord, WorkCenterRecord,
} from './records.ts';

/**
 * Meaning checks of master-data records, shared by the API and the import: each returns every
 * problem as (field, reason), the field named as in the record so that the import can point at its
 * column and the API at its argument. Reasons say what is accepted.
 */
export interface Problem {
  field: string;
  reason: string;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
const CODE_RULE = 'use 1–32 letters, digits, ".", "_" or "-", starting with a letter or digit';
const MINUTES_PER_DAY = 24 * 60;
export const MAX_ROUTING_STEPS = 20;

function text(problems: Problem[], field: string, value: string, max: number, required = true): void {
  if (required && value.trim() === '') problems.push({ field, reason: 'is required' });
  else if (value.length > max) problems.push({ field, reason: `is longer than ${max} characters` });
}

function range(problems: Problem[], field: string, value: number, min: number, max: number, unit: string): void {
  if (!Number.isFinite(value) || value < min || value > max) problems.push({ field, reason: `must be from ${min} to ${max} ${unit}` });
}

/** Where the record's references are looked up: work centers by code (and whether active). */
export interface References {
  workCenters: ReadonlyMap<string, { active: boolean }>;
}

export function checkWorkCenter(r: WorkCenterRecord): Problem[] {
  const p: Problem[] = [];
  if (!CODE.test(r.code)) p.push({ field: 'code', reason: CODE_RULE });
  text(p, 'name', r.name, 255);
  r.weeklyMinutes.forEach((m, i) => range(p, `weeklyMinutes.${i}`, m / 60, 0, 24, 'hours'));
  range(p, 'overtimeMinutesPerDay', r.overtimeMinutesPerDay / 60, 0, 24, 'hours');
  range(p, 'rateCentsPerHour', r.rateCentsPerHour, 0, 1e11, 'cents');
  range(p, 'overtimePremiumCentsPerHour', r.overtimePremiumCentsPerHour, 0, 1e11, 'cents');
  return p;
}

export function checkCalendarException(r: CalendarExceptionRecord, refs: References): Problem[] {
  const p: Problem[] = [];
  if (r.workCenterCode !== null && !refs.workCenters.has(r.workCenterCode)) {
    p.push({ field: 'workCenterCode', reason: 'is not a work center of this plant (add it to work_centers first, or leave it empty for the whole plant)' });
  }
  const fromOk = isIsoDate(r.dateFrom);
  if (!fromOk) p.push({ field: 'dateFrom', reason: 'must be a date written YYYY-MM-DD' });
  if (!isIsoDate(r.dateTo)) p.push({ field: 'dateTo', reason: 'must be a date written YYYY-MM-DD' });
  else if (fromOk && daysBetween(r.dateFrom, r.dateTo) < 0) p.push({ field: 'dateTo', reason: 'is before the first date' });
  else if (fromOk && daysBetween(r.dateFrom, r.dateTo) >= 366) p.push({ field: 'dateTo', reason: 'makes a range longer than 366 days; split it' });
  range(p, 'minutes', r.minutes / 60, 0, 24, 'hours');
  if (r.minutes > MINUTES_PER_DAY) p.push({ field: 'minutes', reason: 'exceeds a day' });
  text(p, 'reason', r.reason, 255, false);
  return p;
}

export function checkProduct(r: ProductRecord, refs: References): Problem[] {
  const p: Problem[] = [];
  if (!CODE.test(r.sku)) p.push({ field: 'sku', reason: CODE_RULE });
  text(p, 'name', r.name, 255);
  range(p, 'materialCostCents', r.materialCostCents, 0, 1e11, 'cents');
  range(p, 'listPriceCents', r.listPriceCents, 0, 1e11, 'cents');
  if (!Number.isInteger(r.minLeadTimeDays)) p.push({ field: 'minLeadTimeDays', reason: 'must be a whole number of working days' });
  range(p, 'minLeadTimeDays', r.minLeadTimeDays, 0, 365, 'working days');
  if (r.routing.length === 0) p.push({ field: 'routing', reason: 'needs at least one step (add rows to routing_steps)' });
  if (r.routing.length > MAX_ROUTING_STEPS) p.push({ field: 'routing', reason: `has more than ${MAX_ROUTING_STEPS} steps` });
  const seqs = r.routing.map((s) => s.seq).sort((a, b) => a - b);
  seqs.forEach((seq, i) => {
    if (seq !== i + 1) p.push({ field: `routing.${i}.seq`, reason: `steps are numbered 1, 2, 3 … without gaps or repeats; expected step ${i + 1}, found ${seq}` });
  });
  r.routing.forEach((s, i) => {
    const wc = refs.workCenters.get(s.workCenterCode);
    if (!wc) p.push({ field: `routing.${i}.workCenterCode`, reason: 'is not a work center of this plant' });
    else if (!wc.active) p.push({ field: `routing.${i}.workCenterCode`, reason: 'is a retired work center' });
    range(p, `routing.${i}.setupMinutes`, s.setupMinutes / 60, 0, 1000, 'hours');
    range(p, `routing.${i}.minutesPerUnit`, s.minutesPerUnit / 60, 0, 1000, 'hours');
  });
  const pairs = new Set<string>();
  r.options.forEach((o, i) => {
    text(p, `options.${i}.attribute`, o.attribute, 255);
    text(p, `options.${i}.value`, o.value, 255);
    if (o.attribute.includes('=') || o.attribute.includes(';') || o.value.includes(';')) {
      p.push({ field: `options.${i}.attribute`, reason: 'may not contain "=" or ";" (orders name options as attribute=value;attribute=value)' });
    }
    const key = `${o.attribute}=${o.value}`;
    if (pairs.has(key)) p.push({ field: `options.${i}.value`, reason: `${key} is listed twice` });
    pairs.add(key);
    range(p, `options.${i}.addCostCents`, o.addCostCents, 0, 1e11, 'cents');
    range(p, `options.${i}.addMinutesPerUnit`, o.addMinutesPerUnit / 60, 0, 1000, 'hours');
    if (o.stepSeq !== null && !r.routing.some((s) => s.seq === o.stepSeq)) p.push({ field: `options.${i}.stepSeq`, reason: `is not a step of the routing (1–${r.routing.length})` });
    if (o.stepSeq === null && o.addMinutesPerUnit > 0) p.push({ field: `options.${i}.stepSeq`, reason: 'is required when the option adds hours' });
  });
  return p;
}

export function checkCustomer(r: CustomerRecord): Problem[] {
  const p: Problem[] = [];
  if (!CODE.test(r.code)) p.push({ field: 'code', reason: CODE_RULE });
  text(p, 'name', r.name, 255);
  if (r.tier !== 'STRATEGIC' && r.tier !== 'STANDARD') p.push({ field: 'tier', reason: 'must be STRATEGIC or STANDARD' });
  text(p, 'contact', r.contact, 255, false);
  return p;
}

export function checkUser(r: UserRecord): Problem[] {
  const p: Problem[] = [];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r.email) || r.email.length > 255) p.push({ field: 'email', reason: 'must be an email address' });
  text(p, 'name', r.name, 255);
  if (!(ROLES as readonly string[]).includes(r.role)) p.push({ field: 'role', reason: `must be one of ${ROLES.join(', ')}` });
  return p;
}

/** True for an IANA time zone this runtime knows (e.g. `Europe/Berlin`, `UTC`). */
/** An ISO 4217 currency code the runtime knows (`EUR`, `USD`, …). */
export function isCurrency(code: string): boolean {
  return Intl.supportedValuesOf('currency').includes(code);
}

export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
