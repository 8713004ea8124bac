import type { BenchEnv } from '../lib/env.ts';
import type { Figure } from '../lib/report.ts';

/** What a suite gets: the run's environment and its mode. */
export interface SuiteContext {
  env: BenchEnv;
  /** `--quick`: the same measurements with fewer samples, about a minute in all. */
  quick: boolean;
  /** `--minutes`: how long a timed on-demand suite (the soak) runs. */
  minutes?: number;
  log(message: string): void;
}

/**
 * One benchmark suite per file under `bench/suites/`, registered in `bench/run.ts`. A suite asks
 * the environment for the plants and servers it needs and returns figures; the shared reporter
 * writes them. Issue 9's suites (live-update latency, memory per subscriber, write throughput,
 * client render, soak) plug in the same way.
 */
export interface Suite {
  id: string;
  title: string;
  /** Only when asked by name (`--suite soak`), never in the default run. */
  onDemand?: boolean;
  run(ctx: SuiteContext): Promise<Figure[]>;
}
