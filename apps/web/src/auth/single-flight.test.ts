import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('singleFlight', () => {
  it('gives concurrent callers one shared run', async () => {
    let runs = 0;
    const gate = deferred<string>();
    const run = singleFlight(() => {
      runs += 1;
      return gate.promise;
    });
    const calls = [run(), run(), run()];
    gate.resolve('token');
    expect(await Promise.all(calls)).toEqual(['token', 'token', 'token']);
    expect(runs).toBe(1);
  });

  it('starts a new run once the previous one settled', async () => {
    let runs = 0;
    const run = singleFlight(async () => ++runs);
    expect(await run()).toBe(1);
    expect(await run()).toBe(2);
  });

  it('shares a failure with every waiting caller, then lets the next call try again', async () => {
    let runs = 0;
    const run = singleFlight(async () => {
      runs += 1;
      if (runs === 1) throw new Error('offline');
      return 'ok';
    });
    const results = await Promise.allSettled([run(), run()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await run()).toBe('ok');
    expect(runs).toBe(2);
  });
});
