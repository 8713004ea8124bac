import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Preloaded into benchmarked server processes (`node --import bench/lib/server-timing.ts
 * server/src/main.ts`): adds `Server-Timing: app;dur=<ms>` to every HTTP response, measured from
 * the moment Node has parsed the request head to the moment the response head is written (after
 * the body is serialized). That is the server's own time, without the client, the loopback
 * network or the client's JSON parsing, and without touching the server's code.
 */
subscribe('http.server.request.start', (message) => {
  const { response } = message as { request: IncomingMessage; response: ServerResponse };
  const started = performance.now();
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    if (!this.headersSent) this.setHeader('server-timing', `app;dur=${(performance.now() - started).toFixed(3)}`);
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
});
