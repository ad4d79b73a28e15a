import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { awaitFirstResult, firstResultsShown } from './firstResults';

describe('firstResultsShown', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const settled = (p: Promise<void>) => {
    let done = false;
    void p.then(() => {
      done = true;
    });
    return () => done;
  };

  it('resolves a task later when no query is waiting', async () => {
    const isDone = settled(firstResultsShown(1_000));
    await Promise.resolve();
    expect(isDone()).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(isDone()).toBe(true);
  });

  it('waits for the queries that subscribe in the same render, and for each of them once', async () => {
    const isDone = settled(firstResultsShown(1_000));
    const customers = awaitFirstResult();
    const visits = awaitFirstResult();
    await vi.advanceTimersByTimeAsync(10);
    customers();
    customers(); // a second call (unsubscribe after the result) does not count again
    await vi.advanceTimersByTimeAsync(10);
    expect(isDone()).toBe(false);
    visits();
    await vi.advanceTimersByTimeAsync(0);
    expect(isDone()).toBe(true);
  });

  it('gives up waiting after the longest wait', async () => {
    const stuck = awaitFirstResult();
    const isDone = settled(firstResultsShown(1_000));
    await vi.advanceTimersByTimeAsync(999);
    expect(isDone()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(isDone()).toBe(true);
    stuck();
  });
});
