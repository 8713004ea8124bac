/**
 * `pnpm dev`: the API server and Vite's dev server side by side, for hot reload.
 *
 * Open the Vite URL (http://localhost:5173): it proxies /graphql (HTTP and WebSocket) and /healthz
 * to the server on PORT (default 4000), so the session cookie is same-origin as in production.
 * Ctrl-C (SIGINT) or SIGTERM stops both; if either exits on its own, the other is stopped too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const apiPort = process.env.PORT ?? '4000';

interface Service {
  name: string;
  child: ChildProcess;
}

function start(name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Service {
  // process.execPath: the same Node 24 that runs this script, never whatever `node` is on PATH.
  const child = spawn(process.execPath, args, { cwd, env, stdio: 'inherit' });
  child.on('error', (error) => {
    process.stderr.write(`[dev] ${name} failed to start: ${error.message}\n`);
    stopAll('SIGTERM', 1);
  });
  return { name, child };
}

const services: Service[] = [
  start('server', ['server/src/main.ts'], root, { ...process.env, PORT: apiPort }),
  start('vite', [resolve(root, 'client/node_modules/vite/bin/vite.js')], resolve(root, 'client'), {
    ...process.env,
    TAKT_API_URL: process.env.TAKT_API_URL ?? `http://localhost:${apiPort}`,
  }),
];

let exitCode: number | null = null;

function stopAll(signal: NodeJS.Signals, code: number): void {
  exitCode ??= code;
  for (const { child } of services) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

for (const { name, child } of services) {
  child.on('exit', (code, signal) => {
    if (exitCode === null) {
      process.stderr.write(`[dev] ${name} exited (${signal ?? code}); stopping the rest\n`);
      stopAll('SIGTERM', code ?? 1);
    }
    if (services.every((s) => s.child.exitCode !== null || s.child.signalCode !== null)) process.exit(exitCode ?? 0);
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => stopAll(signal, 0));
}
