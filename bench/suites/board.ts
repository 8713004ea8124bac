import { readdir, readFile } from 'node:fs/promises';
import type { DefinitionNode, FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { addDays } from '../../server/src/shared/dates.ts';
import { plantById } from '../../server/src/modules/plant/plant.service.ts';
import { systemClock } from '../../server/src/shared/clock.ts';
import { loadBoardModel } from '../../server/src/modules/schedule/board.model.ts';
import { packBoard, sliceBoard } from '../../server/src/modules/schedule/board.view.ts';
import { toDay } from '../../server/src/engine/index.ts';
import { graphql } from '../lib/deps.ts';
import { ROOT, type PlantKey } from '../lib/env.ts';
import { GraphQLClient } from '../lib/http.ts';
import { distribution, single, type Figure } from '../lib/report.ts';
import { repeat } from '../lib/stats.ts';
import type { Suite } from './suite.ts';
import { madeFromCurrent, PROPOSE, type Proposed } from '../lib/writes.ts';

interface PackedOrders {
  id: string[];
  quantity: number[];
  dueDate: string[];
  status: string[];
}

/** Confirmed orders due two months out or later with a quantity above one: lowering it applies at once. */
function changeCandidates(orders: PackedOrders, from: string): { id: string; quantity: number }[] {
  const far = addDays(from, 60);
  return orders.id
    .map((id, i) => ({ id, quantity: orders.quantity[i]!, due: orders.dueDate[i]!, status: orders.status[i]! }))
    .filter((o) => o.status === 'CONFIRMED' && o.quantity > 1 && o.due >= far);
}

/** Issue 9: the 26-week board of the big plant, p95 server time ≤ 50 ms. */
export const BOARD_P95_MS = 50;

/**
 * The client's own Board query, taken from its .graphql file so the bench asks what the board
 * asks, with every fragment it spreads (found in any .graphql file under client/src).
 */
export async function clientBoardQuery(): Promise<string> {
  const files = (await readdir(join(ROOT, 'client/src'), { recursive: true })).filter((f) => f.endsWith('.graphql'));
  const fragments = new Map<string, FragmentDefinitionNode>();
  let board: OperationDefinitionNode | undefined;
  for (const f of files) {
    for (const d of graphql.parse(await readFile(join(ROOT, 'client/src', f), 'utf8')).definitions) {
      if (d.kind === graphql.Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
      if (d.kind === graphql.Kind.OPERATION_DEFINITION && d.name?.value === 'Board') board = d;
    }
  }
  if (!board) throw new Error('query Board not found under client/src');
  const used = new Map<string, FragmentDefinitionNode>();
  const visit = (node: DefinitionNode) =>
    graphql.visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (used.has(name)) return;
        const def = fragments.get(name);
        if (!def) throw new Error(`fragment ${name} (spread by query Board) not found under client/src`);
        used.set(name, def);
        visit(def);
      },
    });
  visit(board);
  return [board, ...used.values()].map((d) => graphql.print(d)).join('\n\n');
}

/**
 * The board query for 26 weeks (the longest range one query may ask for) from today, with the
 * client's selection: buckets derived in SQL, the jobs in range and their orders.
 */
export const boardSuite: Suite = {
  id: 'board',
  title: 'Board query, 26 weeks',
  async run({ env, quick, log }) {
    const figures: Figure[] = [];
    const query = await clientBoardQuery();
    const server = await env.server('A');
    for (const key of ['demo', 'big'] as PlantKey[]) {
      const plant = await env.plant(key);
      const client = new GraphQLClient(server.url);
      await client.login(plant.users.planner, plant.password);
      const from = (await plantById(env.orm.em.fork(), systemClock(), plant.plantId)).today;
      const vars = { plantId: plant.plantId, from, to: addDays(from, 26 * 7 - 1) };
      const warm = quick ? 3 : 10;
      const n = key === 'big' ? (quick ? 20 : 200) : quick ? 20 : 100;
      const first = await client.call<{ board: { packed: { days: number; jobs: { id: unknown[] }; orders: PackedOrders } } }>(query, vars);
      await repeat(warm - 1, quick ? 5_000 : 20_000, async () => void (await client.call(query, vars)), 1);
      const serverMs: number[] = [];
      const clientMs: number[] = [];
      await repeat(n, quick ? 15_000 : 90_000, async () => {
        const r = await client.call(query, vars);
        serverMs.push(r.serverMs);
        clientMs.push(r.clientMs);
      });
      // The first board after a committed change: the server's model follows the change's event
      // and the range is cut and packed again (nothing packed at that sequence yet). The changes
      // are real: a planner lowers an order's quantity by one (AUTO tier, applied at once).
      const afterChange: number[] = [];
      const wanted = quick ? 5 : 25;
      let tried = 0;
      for (const c of changeCandidates(first.data.board.packed.orders, vars.from)) {
        if (afterChange.length === wanted || tried === wanted * 6) break;
        tried++;
        const proposed = await client.call<{ proposeChangeOrder: Proposed }>(PROPOSE, { input: await madeFromCurrent(client, { orderId: c.id, quantity: c.quantity - 1 }) });
        if (proposed.data?.proposeChangeOrder.status !== 'APPLIED') continue; // routed for approval: no schedule change
        afterChange.push((await client.call(query, vars)).serverMs);
      }
      log(`board ${key}: ${afterChange.length} of ${tried} changes applied at once`);
      if (afterChange.length) {
        figures.push(distribution({ suite: 'board', name: 'board, 26 weeks: first query after a committed change (server)', plant: key, unit: 'ms' }, afterChange));
      }
      // In-process, without GraphQL or HTTP: reading a plant's board model from PostgreSQL (what
      // the first board query of a plant in a process pays, and a reload after a long lag), and
      // cutting and packing the 26 weeks from it (what every query pays).
      const model = await loadBoardModel(env.orm.em.fork(), plant.plantId);
      const modelMs: number[] = [];
      await repeat(quick ? 3 : 10, quick ? 10_000 : 30_000, async () => {
        const t = performance.now();
        await loadBoardModel(env.orm.em.fork(), plant.plantId);
        modelMs.push(performance.now() - t);
      });
      const cutMs: number[] = [];
      await repeat(quick ? 20 : 100, quick ? 5_000 : 20_000, async () => {
        const t = performance.now();
        packBoard(sliceBoard(model, toDay(vars.from), toDay(vars.to)));
        cutMs.push(performance.now() - t);
      });
      figures.push(distribution({ suite: 'board', name: 'board model: full read from PostgreSQL in-process (first query per process)', plant: key, unit: 'ms' }, modelMs));
      figures.push(distribution({ suite: 'board', name: 'board, 26 weeks: cut + pack in-process (no GraphQL)', plant: key, unit: 'ms' }, cutMs));
      const b = first.data.board;
      const shape = `${b.packed.days} days, ${b.packed.jobs.id.length} jobs, ${b.packed.orders.id.length} orders`;
      log(`board ${key}: ${shape}, ${first.bytes} bytes`);
      const target = key === 'big' ? { stat: 'p95' as const, max: BOARD_P95_MS } : undefined;
      figures.push(distribution({ suite: 'board', name: 'board, 26 weeks (server)', plant: key, unit: 'ms', note: shape, ...(target ? { target } : {}) }, serverMs));
      figures.push(distribution({ suite: 'board', name: 'board, 26 weeks (client round trip)', plant: key, unit: 'ms' }, clientMs));
      figures.push(single({ suite: 'board', name: 'board, 26 weeks: first call (server)', plant: key, unit: 'ms' }, first.serverMs));
      figures.push(single({ suite: 'board', name: 'board, 26 weeks: response size', plant: key, unit: 'bytes' }, first.bytes));
      const json = JSON.stringify({ data: first.data });
      figures.push(single({ suite: 'board', name: 'board, 26 weeks: response size gzip', plant: key, unit: 'bytes', note: 'if served compressed' }, gzipSync(json).length));
    }
    return figures;
  },
};
