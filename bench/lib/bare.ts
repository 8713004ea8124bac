import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './env.ts';

/** A bare baseline server (bench/lib/bare-server.ts) in its own process. */
export class BareServer {
  readonly kind: 'gql' | 'ws';
  readonly url: string;
  readonly #child: ChildProcess;

  private constructor(kind: 'gql' | 'ws', child: ChildProcess, port: number) {
    this.kind = kind;
    this.#child = child;
    this.url = `ws://127.0.0.1:${port}/graphql`;
  }

  static async start(kind: 'gql' | 'ws'): Promise<BareServer> {
    const child = fork(join(ROOT, 'bench/lib/bare-server.ts'), ['--kind', kind], { cwd: ROOT, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const port = await new Promise<number>((done, fail) => {
      child.once('message', (m: { port: number }) => done(m.port));
      child.once('exit', (code) => fail(new Error(`bare ${kind} server exited ${code}`)));
    });
    return new BareServer(kind, child, port);
  }

  get pid(): number {
    return this.#child.pid!;
  }

  #ask<T>(msg: object, op: string): Promise<T> {
    return new Promise((done) => {
      const on = (m: { op: string }) => {
        if (m.op !== op) return;
        this.#child.off('message', on);
        done(m as T);
      };
      this.#child.on('message', on);
      this.#child.send(msg);
    });
  }

  /** Sends one message per entry of `bytes` (payload characters) to every connection, keys `seq`, `seq + 1`, … */
  publish(seq: number, bytes: number[]): Promise<void> {
    return this.#ask({ op: 'publish', seq, bytes }, 'published');
  }

  async stop(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    await new Promise<void>((done) => {
      this.#child.once('exit', () => done());
      this.#child.send({ op: 'exit' });
    });
  }
}
