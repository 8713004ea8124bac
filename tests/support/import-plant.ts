import { ApiClient, as } from './api.ts';

/** One import file as the API and the browser take it. */
export interface PlantFile {
  name: string;
  content: Buffer;
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A new plant's first import, with `orders` open orders (docs/import.md columns): four work centers
 * that work every day, two products of three short steps and two customers, so every order fits
 * by its due date and the import is large only by its orders — about 38 bytes each, so 4,000 of
 * them stay under the request size limit as base64.
 */
export function largePlantFiles(today: string, orders: number): PlantFile[] {
  const csv = (name: string, lines: string[]) => ({ name, content: Buffer.from(`${lines.join('\n')}\n`) });
  const codes = ['SAW', 'MILL', 'LATHE', 'PACK'];
  return [
    csv('work_centers.csv', [
      'code,name,mon_hours,tue_hours,wed_hours,thu_hours,fri_hours,sat_hours,sun_hours,max_overtime_hours_per_day,rate_per_hour,overtime_premium_per_hour,active',
      ...codes.map((c) => `${c},${c.toLowerCase()} cell,16,16,16,16,16,16,16,4,80.00,20.00,true`),
    ]),
    csv('customers.csv', ['code,name,tier,contact', 'C-1,Prairie Hydraulics,STRATEGIC,', 'C-2,Lakeside Pumps,STANDARD,']),
    csv('products.csv', ['sku,name,material_cost_per_unit,list_price,min_lead_time_days,active', 'BRK-1,Bracket,10.00,50.00,1,true', 'SHF-2,Shaft,20.00,90.00,1,true']),
    csv('routing_steps.csv', [
      'sku,step,work_center_code,setup_hours,hours_per_unit',
      'BRK-1,1,SAW,0,0.05', 'BRK-1,2,MILL,0,0.05', 'BRK-1,3,PACK,0,0.05',
      'SHF-2,1,SAW,0,0.05', 'SHF-2,2,LATHE,0,0.05', 'SHF-2,3,PACK,0,0.05',
    ]),
    csv('orders.csv', [
      'number,customer_code,sku,quantity,options,due_date,unit_price,completed_steps',
      ...Array.from({ length: orders }, (_, i) => `P-${String(i + 1).padStart(5, '0')},C-${(i % 2) + 1},${i % 3 ? 'BRK-1' : 'SHF-2'},${(i % 4) + 1},,${addDays(today, 20 + (i % 150))},,0`),
    ]),
  ];
}

/**
 * A new, empty plant and its plant manager, signed in (`password` set through the one-time link
 * the demo admin gets), for imports that must be the plant's first.
 */
export async function newPlantManager(baseUrl: string, name: string, email: string, password = 'a long password'): Promise<{ client: ApiClient; plantId: string; today: string; email: string; password: string }> {
  const admin = await as(baseUrl, 'ADMIN');
  const { createPlant } = await admin.data<{ createPlant: { id: string; today: string } }>(
    'mutation($i: PlantInput!) { createPlant(input: $i) { id today } }', { i: { name, timeZone: 'Europe/Berlin' } });
  const { createUser } = await admin.data<{ createUser: { setPasswordToken: string } }>(
    'mutation($p: ID!, $i: UserInput!) { createUser(plantId: $p, input: $i) { setPasswordToken } }',
    { p: createPlant.id, i: { email, name: 'Plant Manager', role: 'PLANT_MANAGER' } });
  const client = new ApiClient(baseUrl);
  await client.data('mutation($t: String!, $p: String!) { setPasswordWithToken(token: $t, newPassword: $p) }', { t: createUser.setPasswordToken, p: password });
  const login = await client.login(email, password);
  if (login.data?.login.plantId !== createPlant.id) throw new Error(`the new plant manager did not sign in: ${JSON.stringify(login.errors)}`);
  return { client, plantId: createPlant.id, today: createPlant.today, email, password };
}
