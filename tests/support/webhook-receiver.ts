import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST the receiver got: headers, the raw body and its parsed JSON. */
export interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { id: string; event: string; plantId: string; occurredAt: string; changeOrder: Record<string, unknown> & { id: string; number: string; status: string } };
  /** The status it answered with; 0 while hanging. */
  answered: number;
  receivedAt: number;
}

/**
 * A local webhook receiver on 127.0.0.1 and a random port (the outbound HTTP edge of STYLE §6).
 * `answers` decides the status per request (default 200); `hang` keeps a path from answering.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  #server: Server | null = null;
  #answers = new Map<string, (n: number) => number | 'hang'>();
  url = '';

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '/';
        const seen = this.received.filter((r) => r.headers['x-test-path'] === path).length;
        const answer = this.#answers.get(path)?.(seen + 1) ?? 200;
        this.received.push({ headers: { ...req.headers, 'x-test-path': path }, raw, body: JSON.parse(raw), answered: answer === 'hang' ? 0 : answer, receivedAt: Date.now() });
        if (answer !== 'hang') res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer >= 300 ? 'receiver says no' : 'ok');
      });
    });
    await new Promise<void>((done) => this.#server!.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  /** How `path` answers its n-th request (1-based). */
  answer(path: string, fn: (n: number) => number | 'hang'): string {
    this.#answers.set(path, fn);
    return `${this.url}${path}`;
  }

  /** Requests for one change order (or anything matching), in arrival order. */
  for(predicate: (r: Received) => boolean): Received[] {
    return this.received.filter(predicate);
  }

  async waitFor(predicate: (all: Received[]) => boolean, timeoutMs = 10_000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (predicate(this.received)) return this.received;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`webhook receiver: condition not met in ${timeoutMs} ms; got ${this.received.map((r) => r.body.event).join(', ')}`);
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((done) => this.#server?.close(done) ?? done(undefined));
  }
}

/** The signature headers of a received delivery, as `verify` takes them. */
export const signatureOf = (r: Received) => ({ signature: r.headers['x-takt-signature'] as string | undefined, timestamp: r.headers['x-takt-timestamp'] as string | undefined });
