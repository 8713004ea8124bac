import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { inject } from 'vitest';
import { freePort } from '../../server/src/db/embedded.ts';
import { cloneTemplate, serverRoleUrls } from './database.ts';
import { clockOffsetMs } from './suite-clock.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface TestServer {
  url: string;
  port: number;
  databaseUrl: string;
  process: ChildProcess;
  /** Lines the process printed (stdout and stderr), for assertions and failure reports. */
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Polls `url` until it answers 200 or the process exits. The deadline only ends a start that is
 * stuck: a server that takes 4 s alone took over 60 s with the 2 cores at load 30, so it is set
 * just under the API tests' 120 s hook timeout.
 */
export async function waitForHealthy(url: string, child: ChildProcess, output: string[], timeoutMs = 110_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output.join('')}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy in ${timeoutMs} ms:\n${output.join('')}`);
}

/** Another release's checkout: its directory and the Node binary its install pinned. */
export interface Release {
  root: string;
  node: string;
}

/**
 * Starts `node server/src/main.ts` (Node 24 from node_modules/.bin) with the given environment,
 * on the suite's clock; a `TAKT_CLOCK_OFFSET_MS` in `env` moves it further ("nine hours later").
 * A DATABASE_URL of the test PostgreSQL (the superuser's, as tests hold it) is served as the
 * runtime role with migrations as the owner role, unless DATABASE_OWNER_URL is given. `release`
 * runs another release's server (a rolling upgrade's previous one) instead of this checkout's.
 */
export async function spawnServer(env: Record<string, string>, release?: Release): Promise<TestServer> {
  const port = Number(env.PORT) || (await freePort());
  const output: string[] = [];
  // process.execPath is the pinned Node 24 binary itself (node_modules/.bin/node is a shell
  // wrapper that would not pass signals on), so SIGTERM reaches the server.
  const child = spawn(release?.node ?? process.execPath, ['server/src/main.ts'], {
    cwd: release?.root ?? ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      ...(env.DATABASE_URL && env.DATABASE_OWNER_URL === undefined ? { ...env, ...serverRoleUrls(env.DATABASE_URL) } : env),
      TAKT_CLOCK_OFFSET_MS: String(clockOffsetMs() + Number(env.TAKT_CLOCK_OFFSET_MS ?? 0)),
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => output.push(String(d)));
  child.stderr!.on('data', (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealthy(url, child, output);
  return {
    url,
    port,
    databaseUrl: env.DATABASE_URL ?? '',
    process: child,
    output,
    stop: (signal = 'SIGTERM') =>
      new Promise((done) => {
        if (child.exitCode !== null) return done(child.exitCode);
        child.once('exit', (code) => done(code));
        child.kill(signal);
      }),
  };
}

/**
 * A real server process on a fresh copy of the migrated, demo-seeded template database: real
 * HTTP, real WebSocket, real PostgreSQL. Each call gets its own database.
 */
export async function startServer(opts: { env?: Record<string, string> } = {}): Promise<TestServer> {
  const databaseUrl = await cloneTemplate(inject('adminDatabaseUrl'), inject('templateDatabase'));
  return spawnServer({ DATABASE_URL: databaseUrl, TAKT_DEMO: '0', ...opts.env });
}
