/**
 * The demo plant: a believable metal-fabrication job shop. Minutes and cents, like the rest of
 * Takt. Weekly minutes are Sunday first.
 */
const H = 60;
const weekdays = (hours: number, saturday = 0) => [0, hours * H, hours * H, hours * H, hours * H, hours * H, saturday * H];

export const DEMO_PLANT = { name: 'Nordwerk Fabrication, Plant 1', timeZone: 'Europe/Berlin', shipBufferDays: 1 };

export const DEMO_WORK_CENTERS = [
  { code: 'LASER', name: 'Laser cutting', weeklyMinutes: weekdays(16), overtimeMinutesPerDay: 4 * H, rate: 14_000, premium: 7_000 },
  { code: 'BRAKE', name: 'Press brake', weeklyMinutes: weekdays(16), overtimeMinutesPerDay: 4 * H, rate: 9_500, premium: 4_750 },
  { code: 'WELD', name: 'Welding', weeklyMinutes: weekdays(16, 8), overtimeMinutesPerDay: 3 * H, rate: 8_500, premium: 4_250 },
  { code: 'MACH', name: 'CNC machining', weeklyMinutes: weekdays(16), overtimeMinutesPerDay: 4 * H, rate: 12_000, premium: 6_000 },
  { code: 'POWDER', name: 'Powder coating', weeklyMinutes: weekdays(8), overtimeMinutesPerDay: 4 * H, rate: 7_000, premium: 3_500 },
  { code: 'ASSY', name: 'Assembly', weeklyMinutes: weekdays(16), overtimeMinutesPerDay: 4 * H, rate: 6_000, premium: 3_000 },
  { code: 'QA', name: 'QA and packing', weeklyMinutes: weekdays(8), overtimeMinutesPerDay: 2 * H, rate: 5_000, premium: 2_500 },
] as const;

export type DemoWorkCenterCode = (typeof DEMO_WORK_CENTERS)[number]['code'];

interface DemoStep { wc: DemoWorkCenterCode; setup: number; perUnit: number }
interface DemoOption { attribute: string; value: string; addCost: number; addMinutes?: number; step?: number; review?: boolean }
interface DemoProduct { sku: string; name: string; material: number; price: number; lead: number; routing: DemoStep[]; options: DemoOption[] }

const finish = (coatStep: number): DemoOption[] => [
  { attribute: 'finish', value: 'RAL 7035 light grey', addCost: 0 },
  { attribute: 'finish', value: 'RAL 9005 jet black', addCost: 150 },
  { attribute: 'finish', value: 'Food-grade epoxy', addCost: 420, addMinutes: 1.5, step: coatStep, review: true },
];
const grade = (weldStep: number): DemoOption[] => [
  { attribute: 'material', value: 'S235 mild steel', addCost: 0 },
  { attribute: 'material', value: 'S355 structural steel', addCost: 210 },
  { attribute: 'material', value: 'Stainless 1.4404', addCost: 1_250, addMinutes: 3, step: weldStep, review: true },
];

export const DEMO_PRODUCTS: DemoProduct[] = [
  { sku: 'BRK-100', name: 'Mounting bracket', material: 420, price: 2_400, lead: 8,
    routing: [{ wc: 'LASER', setup: 30, perUnit: 1.2 }, { wc: 'BRAKE', setup: 25, perUnit: 1 }, { wc: 'POWDER', setup: 40, perUnit: 0.6 }, { wc: 'QA', setup: 10, perUnit: 0.3 }],
    options: finish(3) },
  { sku: 'ENC-200', name: 'Electrical enclosure', material: 3_800, price: 16_500, lead: 12,
    routing: [{ wc: 'LASER', setup: 40, perUnit: 4 }, { wc: 'BRAKE', setup: 30, perUnit: 5 }, { wc: 'WELD', setup: 30, perUnit: 6 }, { wc: 'POWDER', setup: 45, perUnit: 2.5 }, { wc: 'ASSY', setup: 20, perUnit: 8 }],
    options: [...finish(4), { attribute: 'rating', value: 'IP54', addCost: 0 }, { attribute: 'rating', value: 'IP66 gasketed', addCost: 900, addMinutes: 4, step: 5 }] },
  { sku: 'FRM-300', name: 'Machine frame', material: 14_500, price: 62_000, lead: 15,
    routing: [{ wc: 'LASER', setup: 45, perUnit: 18 }, { wc: 'WELD', setup: 60, perUnit: 45 }, { wc: 'MACH', setup: 90, perUnit: 30 }, { wc: 'POWDER', setup: 45, perUnit: 10 }, { wc: 'QA', setup: 15, perUnit: 6 }],
    options: grade(2) },
  { sku: 'RCK-400', name: 'Server rack 42U', material: 21_000, price: 79_000, lead: 12,
    routing: [{ wc: 'LASER', setup: 40, perUnit: 14 }, { wc: 'BRAKE', setup: 30, perUnit: 16 }, { wc: 'WELD', setup: 30, perUnit: 20 }, { wc: 'ASSY', setup: 30, perUnit: 25 }, { wc: 'QA', setup: 10, perUnit: 5 }],
    options: finish(4).filter((o) => !o.review) },
  { sku: 'GRD-500', name: 'Safety guard panel', material: 1_900, price: 7_900, lead: 7,
    routing: [{ wc: 'LASER', setup: 25, perUnit: 2.5 }, { wc: 'BRAKE', setup: 20, perUnit: 2 }, { wc: 'POWDER', setup: 40, perUnit: 1.5 }],
    options: finish(3) },
  { sku: 'PNL-600', name: 'Control panel door', material: 2_600, price: 11_800, lead: 8,
    routing: [{ wc: 'LASER', setup: 25, perUnit: 3 }, { wc: 'BRAKE', setup: 20, perUnit: 3.5 }, { wc: 'ASSY', setup: 15, perUnit: 6 }],
    options: [{ attribute: 'window', value: 'none', addCost: 0 }, { attribute: 'window', value: 'Polycarbonate window', addCost: 650, addMinutes: 5, step: 3 }] },
  { sku: 'CHS-700', name: 'Welded chassis', material: 9_800, price: 38_500, lead: 14,
    routing: [{ wc: 'LASER', setup: 35, perUnit: 10 }, { wc: 'BRAKE', setup: 25, perUnit: 8 }, { wc: 'WELD', setup: 45, perUnit: 35 }, { wc: 'QA', setup: 15, perUnit: 5 }],
    options: grade(3) },
  { sku: 'HSG-800', name: 'Pump housing', material: 7_400, price: 29_000, lead: 15,
    routing: [{ wc: 'MACH', setup: 120, perUnit: 28 }, { wc: 'WELD', setup: 30, perUnit: 12 }, { wc: 'POWDER', setup: 40, perUnit: 4 }, { wc: 'ASSY', setup: 20, perUnit: 15 }, { wc: 'QA', setup: 15, perUnit: 8 }],
    options: [...grade(2), ...finish(3).slice(1)].filter((o, i, all) => all.findIndex((x) => x.attribute === o.attribute && x.value === o.value) === i) },
  { sku: 'TRY-900', name: 'Cable tray, 3 m', material: 950, price: 3_900, lead: 6,
    routing: [{ wc: 'LASER', setup: 20, perUnit: 1.5 }, { wc: 'BRAKE', setup: 20, perUnit: 1.8 }],
    options: [{ attribute: 'finish', value: 'Pre-galvanised', addCost: 0 }, { attribute: 'finish', value: 'Hot-dip galvanised', addCost: 280 }] },
  { sku: 'CRT-1000', name: 'Workshop cart', material: 6_200, price: 24_900, lead: 10,
    routing: [{ wc: 'LASER', setup: 30, perUnit: 6 }, { wc: 'WELD', setup: 30, perUnit: 14 }, { wc: 'POWDER', setup: 40, perUnit: 3 }, { wc: 'ASSY', setup: 20, perUnit: 10 }, { wc: 'QA', setup: 10, perUnit: 3 }],
    options: finish(3) },
];

const NAMES_A = ['Alder', 'Baltic', 'Cobalt', 'Delta', 'Elbe', 'Fjord', 'Granite', 'Harbor', 'Iron', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Northway', 'Orbit'];
const NAMES_B = ['Automation', 'Pumps', 'Systems', 'Robotics', 'Logistics', 'Energy', 'Food Tech', 'Medical', 'Rail', 'Data Centers'];
const SUFFIX = ['GmbH', 'AG', 'Ltd', 'BV', 'AB', 'Inc'];

/** 30 customers: the first six strategic accounts. Deterministic names. */
export const DEMO_CUSTOMERS = Array.from({ length: 30 }, (_, i) => ({
  code: `C-${1001 + i}`,
  name: `${NAMES_A[i % NAMES_A.length]} ${NAMES_B[(i * 7) % NAMES_B.length]} ${SUFFIX[i % SUFFIX.length]}`,
  tier: i < 6 ? ('STRATEGIC' as const) : ('STANDARD' as const),
  contact: `buyer${i + 1}@customer${i + 1}.example`,
}));

export const DEMO_USERS = [
  { email: 'rep@demo.test', name: 'Rita Reyes', role: 'SALES_REP' },
  { email: 'rep2@demo.test', name: 'Sam Okafor', role: 'SALES_REP' },
  { email: 'planner@demo.test', name: 'Pia Lindqvist', role: 'PLANNER' },
  { email: 'ops@demo.test', name: 'Omar Haddad', role: 'OPS_MANAGER' },
  { email: 'plant@demo.test', name: 'Petra Novak', role: 'PLANT_MANAGER' },
  { email: 'accounting@demo.test', name: 'Anton Weiss', role: 'ACCOUNTING' },
  { email: 'quality@demo.test', name: 'Quinn Adeyemi', role: 'QUALITY' },
  { email: 'admin@demo.test', name: 'Ada Marsh', role: 'ADMIN' },
  { email: 'operator@demo.test', name: 'Otto Brandt', role: 'OPERATOR' },
] as const;
