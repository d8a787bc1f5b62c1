/**
 * Polls `probe` until it answers something other than `false` or `undefined`, and returns that answer: how a test
 * waits for what it expects (an event consumed, a process restarted) instead of sleeping a fixed time. Fails after
 * `timeoutMs`, naming `what` did not happen.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
