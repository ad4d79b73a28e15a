/**
 * Live queries whose first result is not on screen yet. At start-up the sync engine waits for
 * them (SyncRunner): its replications would otherwise put their IndexedDB reads and CPU work
 * ahead of the first screen's own queries, which then paint hundreds of milliseconds later.
 */
let waiting = 0;
let onSettled: (() => void)[] = [];

/** Call when a query subscribes; call the returned function once its result is rendered (or it unsubscribes). */
export function awaitFirstResult(): () => void {
  waiting += 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    waiting -= 1;
    if (waiting > 0) return;
    const settled = onSettled;
    onSettled = [];
    for (const f of settled) f();
  };
}

/**
 * Resolves once no query is waiting for its first result, at the latest after `maxWaitMs`.
 * Looks a task later, so that the queries of the render that called it have subscribed.
 */
export function firstResultsShown(maxWaitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxWaitMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    setTimeout(() => {
      if (waiting === 0) done();
      else onSettled.push(done);
    }, 0);
  });
}
