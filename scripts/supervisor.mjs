// Keeps an app of `npm start` running as a supervisor would: an unexpected exit is announced and the app is
// started again after a backoff that doubles with each quick crash (1 s → 30 s) and resets once it stayed up.

export const DEFAULT_BACKOFF = { initialMs: 1000, maxMs: 30_000, resetAfterMs: 60_000 };

const seconds = (ms) => `${Number((ms / 1000).toFixed(2))} s`;

/**
 * Runs `start()` (which returns `{ exited: Promise<code or signal>, stop(), ready?() }`) and starts it again
 * whenever it exits while not being stopped. Returns `{ name, ready(), stop(), restarts() }`: `ready()` waits for
 * the instance running now, `stop()` stops it and any pending restart for good. `isStopping()` tells an exit
 * during a shutdown that has begun elsewhere (Ctrl-C) from a crash.
 */
export function supervise(name, start, { say = console.error, backoff = {}, isStopping = () => false } = {}) {
  const { initialMs, maxMs, resetAfterMs } = { ...DEFAULT_BACKOFF, ...backoff };
  let current;
  let stopped = false;
  let delayMs = 0;
  let restarts = 0;
  let pending;

  const run = () => {
    const startedAt = Date.now();
    current = start();
    current.exited.then((how) => {
      // Ctrl-C reaches the apps too: their exit then is the shutdown, not a crash.
      if (stopped || isStopping()) return;
      const upMs = Date.now() - startedAt;
      delayMs = upMs >= resetAfterMs || delayMs === 0 ? initialMs : Math.min(delayMs * 2, maxMs);
      say(`${name} exited (${how}); restarting in ${seconds(delayMs)}`);
      pending = setTimeout(() => {
        pending = undefined;
        if (stopped) return;
        restarts += 1;
        run();
      }, delayMs);
    });
  };
  run();

  return {
    name,
    ready: () => current.ready?.(),
    restarts: () => restarts,
    async stop() {
      stopped = true;
      clearTimeout(pending);
      await current.stop();
    },
  };
}
