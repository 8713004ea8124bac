import { readdir, readFile } from 'node:fs/promises';
import type { DefinitionNode, FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { addDays } from '../../server/src/modules/shared/dates.ts';
import { plantById } from '../../server/src/modules/plant/plant.service.ts';
import { systemClock } from '../../server/src/modules/shared/clock.ts';
import { loadBoard } from '../../server/src/modules/schedule/board.service.ts';
import { graphql } from '../lib/deps.ts';
import { ROOT, type PlantKey } from '../lib/env.ts';
import { GraphQLClient } from '../lib/http.ts';
import { distribution, single, type Figure } from '../lib/report.ts';
import { repeat } from '../lib/stats.ts';
import type { Suite } from './suite.ts';

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
      const first = await client.call<{ board: { buckets: unknown[]; jobs: unknown[]; orders: unknown[] } }>(query, vars);
      await repeat(warm - 1, quick ? 5_000 : 20_000, async () => void (await client.call(query, vars)), 1);
      const serverMs: number[] = [];
      const clientMs: number[] = [];
      await repeat(n, quick ? 15_000 : 90_000, async () => {
        const r = await client.call(query, vars);
        serverMs.push(r.serverMs);
        clientMs.push(r.clientMs);
      });
      // The same board through the service in-process: SQL and DTOs without GraphQL or HTTP,
      // which splits the server time into "database" and "GraphQL execution + serialization".
      const service: number[] = [];
      await repeat(quick ? 5 : 30, quick ? 5_000 : 30_000, async () => {
        const t = performance.now();
        await loadBoard(env.orm.em.fork(), systemClock(), plant.plantId, vars.from, vars.to);
        service.push(performance.now() - t);
      });
      figures.push(distribution({ suite: 'board', name: 'board, 26 weeks: loadBoard in-process (SQL + DTOs, no GraphQL)', plant: key, unit: 'ms' }, service));
      const b = first.data.board;
      const shape = `${b.buckets.length} buckets, ${b.jobs.length} jobs, ${b.orders.length} orders`;
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
