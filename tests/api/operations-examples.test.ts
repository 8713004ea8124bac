import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { freePort } from '../../server/src/db/embedded.ts';
import { cloneTemplate, serverRoleUrls } from '../support/database.ts';
import { waitForHealthy } from '../support/server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dockerfile = readFileSync(resolve(ROOT, 'docs/examples/Dockerfile'), 'utf8');
const unit = readFileSync(resolve(ROOT, 'docs/examples/takt.service'), 'utf8');

/** The Dockerfile's ENV pairs (one ENV line of KEY=value words) and its CMD (exec form). */
function image(): { env: Record<string, string>; cmd: string[] } {
  const envLine = /^ENV (.+)$/m.exec(dockerfile)![1]!;
  const env = Object.fromEntries(envLine.split(/\s+/).map((pair) => pair.split('=') as [string, string]));
  const cmd = JSON.parse(/^CMD (\[.+\])$/m.exec(dockerfile)![1]!) as string[];
  return { env, cmd };
}

let child: ChildProcess | null = null;
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((done) => child!.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
});

describe('the deployment examples', () => {
  it('the systemd unit runs the same command as the image', () => {
    const { cmd } = image();
    expect(cmd).toEqual(['node', 'server/src/main.ts']);
    expect(/^ExecStart=\S+\/node (.+)$/m.exec(unit)![1]).toBe(cmd[1]);
    expect(unit).toMatch(/^Environment=NODE_ENV=production$/m);
    // the stop timeout covers the drain (TAKT_SHUTDOWN_GRACE_MS, 10 s by default)
    expect(Number(/^TimeoutStopSec=(\d+)$/m.exec(unit)![1])).toBeGreaterThan(10);
  });

  it("the image's command serves in production with its environment and an external database", async () => {
    const { env, cmd } = image();
    expect(env).toMatchObject({ NODE_ENV: 'production', PORT: '4000' });
    const roles = serverRoleUrls(await cloneTemplate(inject('adminDatabaseUrl'), inject('templateDatabase')));
    const port = await freePort(); // 4000 may be taken on a shared machine; the image's own port is 4000
    const output: string[] = [];
    // `node` of the CMD is this Node 24, as in the image (node:24)
    child = spawn(process.execPath, cmd.slice(1), {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env, ...roles, PORT: String(port), HOST: '127.0.0.1', TAKT_METRICS_TOKEN: 'example-token' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => output.push(String(d)));
    child.stderr!.on('data', (d) => output.push(String(d)));
    const url = `http://127.0.0.1:${port}`;
    await waitForHealthy(url, child, output);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', warnings: [] });
    // production: no introspection, Secure cookies, HSTS; metrics only with the token
    expect((await fetch(`${url}/healthz`)).headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer example-token' } })).status).toBe(200);
    const introspection = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) });
    expect(JSON.stringify(await introspection.json())).toMatch(/introspection|not allowed|Cannot query/i);
    // the JSON log lines the guide tells to ship
    const lines = output.join('').split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines.find((l) => l.includes('Takt is serving'))!)).toMatchObject({ level: 30, msg: 'Takt is serving' });

    // SIGTERM drains and exits 0, as the unit's stop expects
    const exited = new Promise<number | null>((done) => child!.once('exit', done));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
