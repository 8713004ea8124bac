import { describe, expect, it } from 'vitest';
import { RequestConcurrency } from '../../../server/src/http/request-concurrency.ts';

describe('requests in progress per identity', () => {
  it('runs a few, queues a few more in order, refuses the rest, and hands each freed slot to the next in line', async () => {
    const limit = new RequestConcurrency({ running: 2, queued: 2 });
    const first = (await limit.acquire('rep'))!;
    const second = (await limit.acquire('rep'))!;
    const started: string[] = [];
    const third = limit.acquire('rep').then((release) => (started.push('third'), release!));
    const fourth = limit.acquire('rep').then((release) => (started.push('fourth'), release!));
    expect(await limit.acquire('rep')).toBeNull();
    // another identity is not held up by the rep's queue
    expect(await limit.acquire('planner')).toEqual(expect.any(Function));
    first();
    first(); // a second release of the same slot changes nothing
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['third']);
    second();
    (await third)();
    (await fourth)();
    expect(started).toEqual(['third', 'fourth']);
    // everything released: the identity starts from nothing again
    expect(await Promise.all([limit.acquire('rep'), limit.acquire('rep')])).toEqual([expect.any(Function), expect.any(Function)]);
  });
});
