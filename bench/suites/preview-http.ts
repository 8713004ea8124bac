import { buildSchedule, toDay } from '../../server/src/engine/index.ts';
import { loadScheduleInput } from '../../server/src/modules/schedule/schedule.loader.ts';
import { plantById } from '../../server/src/modules/plant/plant.service.ts';
import { systemClock } from '../../server/src/shared/clock.ts';
import { toGraphQLInput, workload } from '../lib/changes.ts';
import type { PlantKey } from '../lib/env.ts';
import { GraphQLClient } from '../lib/http.ts';
import { rng } from '../lib/random.ts';
import { distribution, single, type Figure } from '../lib/report.ts';
import { EVALUATION_P95_MS } from './engine.ts';
import { repeat } from '../lib/stats.ts';
import type { Suite } from './suite.ts';

/** What a rep's panel asks first: the verdict, the alternatives and who must approve. */
export const PREVIEW = `query($input: ChangeOrderInput!) { previewChangeOrder(input: $input) {
  tier alternatives { tier dueDate } requiredApprovals { rule } } }`;

/** The whole impact, as the change-order panel shows it. */
export const PREVIEW_FULL = `query($input: ChangeOrderInput!) { previewChangeOrder(input: $input) {
  policyVersion today orderId kinds tier infeasibleReason
  terms { quantity dueDate unitPrice optionIds }
  jobs { id seq workCenterId hours start end allocations { date hours } }
  impact { hoursDelta overtimeHours priceDelta marginAfter marginAfterPct
    costDelta { material labour setup overtimePremium scrap total }
    buckets { workCenterId date capacityHours loadBeforeHours loadAfterHours utilizationAfter } }
  requiredApprovals { lane role rule measured threshold unit message }
  alternatives { tier dueDate } } }`;

const ME = '{ me { id } }';

const BUMP_POLICY = `mutation($plantId: ID!, $v: Int!, $h: Int!) {
  updatePolicy(plantId: $plantId, expectedVersion: $v, changes: { approvalSlaHours: $h }, reason: "bench: a committed change") { version } }`;

/**
 * `previewChangeOrder` over HTTP against a real server process (GraphQL, session, SQL for the
 * plant, policy and event sequence, the engine, serialization). Server time comes from the
 * Server-Timing header the bench's preload adds; the client's round trip is reported beside it.
 * Cold: the first preview after the server started, and the first after each committed change
 * (the server caches the built schedule per plant event sequence, so a change means reloading
 * and rebuilding it). Warm: everything after that.
 */
export const previewHttpSuite: Suite = {
  id: 'preview-http',
  title: 'previewChangeOrder over HTTP',
  async run({ env, quick, log }) {
    const figures: Figure[] = [];
    // A server started for this suite, so that the first call per plant is really cold.
    await env.stopServer('preview');
    const server = await env.server('preview');
    for (const key of ['demo', 'big'] as PlantKey[]) {
      const plant = await env.plant(key);
      const em = env.orm.em.fork();
      const schedule = buildSchedule(await loadScheduleInput(em, plant.plantId));
      const today = toDay((await plantById(em, systemClock(), plant.plantId)).today);
      const [customer] = await em.execute<{ id: string }[]>('select id from customer where plant_id = ? order by name limit 1', [plant.plantId]);
      const warmN = quick ? 150 : 1_500;
      const coldN = quick ? 3 : 15;
      const fullN = quick ? 50 : 300;
      const inputs = workload(schedule, today, warmN + coldN + fullN + 50, rng(key === 'demo' ? 31 : 37)).map((c) => toGraphQLInput(c.change, customer!.id));
      let next = 0;
      const input = () => ({ input: inputs[next++ % inputs.length] });

      const planner = new GraphQLClient(server.url);
      await planner.login(plant.users.planner, plant.password);
      const ops = new GraphQLClient(server.url);
      await ops.login(plant.users.ops, plant.password);

      const first = await planner.call(PREVIEW, input());
      figures.push(single({ suite: 'preview-http', name: 'first preview after server start (server)', plant: key, unit: 'ms', note: 'loads and builds the schedule' }, first.serverMs));

      const cold: number[] = [];
      let version = (await ops.call<{ policy: { version: number } }>('query($p: ID!) { policy(plantId: $p) { version } }', { p: plant.plantId })).data.policy.version;
      for (let i = 0; i < coldN; i++) {
        version = (await ops.call<{ updatePolicy: { version: number } }>(BUMP_POLICY, { plantId: plant.plantId, v: version, h: 24 + (i % 2) })).data.updatePolicy.version;
        cold.push((await planner.call(PREVIEW, input())).serverMs);
      }
      figures.push(distribution({ suite: 'preview-http', name: 'first preview after a committed change (server)', plant: key, unit: 'ms', note: 'schedule reloaded and rebuilt' }, cold));

      await repeat(50, 10_000, async () => void (await planner.call(PREVIEW, input()))); // warm-up
      const server_: number[] = [];
      const client: number[] = [];
      await repeat(warmN, quick ? 10_000 : 60_000, async () => {
        const r = await planner.call(PREVIEW, input());
        server_.push(r.serverMs);
        client.push(r.clientMs);
      });
      figures.push(distribution({ suite: 'preview-http', name: 'preview, warm (server)', plant: key, unit: 'ms', target: { stat: 'p95', max: EVALUATION_P95_MS } }, server_));
      figures.push(distribution({ suite: 'preview-http', name: 'preview, warm (client round trip)', plant: key, unit: 'ms' }, client));

      // The floor under every authenticated request: session lookup, GraphQL, one trivial field.
      const floor: number[] = [];
      await repeat(warmN, quick ? 5_000 : 20_000, async () => void floor.push((await planner.call(ME, {})).serverMs));
      figures.push(distribution({ suite: 'preview-http', name: 'floor: { me { id } } (server)', plant: key, unit: 'ms', note: 'session lookup + GraphQL' }, floor));

      const full: number[] = [];
      const bytes: number[] = [];
      await repeat(fullN, quick ? 10_000 : 40_000, async () => {
        const r = await planner.call(PREVIEW_FULL, input());
        full.push(r.serverMs);
        bytes.push(r.bytes);
      });
      figures.push(distribution({ suite: 'preview-http', name: 'preview with the whole impact, warm (server)', plant: key, unit: 'ms' }, full));
      figures.push(distribution({ suite: 'preview-http', name: 'preview with the whole impact: response size', plant: key, unit: 'bytes' }, bytes));
      log(`preview-http ${key}: done`);
    }
    return figures;
  },
};
