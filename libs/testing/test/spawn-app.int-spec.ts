import { spawnApp, TEST_PORTS } from '@khoinghiep/testing';

// Beside the test platform's matching port, moved with TEST_SLOT like every test port.
const PORT = String(TEST_PORTS.matching + 90);

// The harness itself, against a real app process (matching: the smallest app) on a port of its own.
describe('spawnApp', () => {
  it('starts a built app, waits for readiness and stops it gracefully', async () => {
    const app = spawnApp('matching', { PORT });
    try {
      await app.waitReady();
      const response = await fetch(`${app.url}/health/live`);
      expect(response.status).toBe(200);
      await expect(app.waitForOutput(new RegExp(`listening on port ${PORT}`))).resolves.toContain(PORT);
    } finally {
      await app.stop();
    }
    // Nest re-raises SIGTERM after its shutdown hooks, so a graceful stop ends by SIGTERM, not by the SIGKILL fallback.
    expect((await app.exited).signal).not.toBe('SIGKILL');
  }, 90_000);

  it('reports a crash: SIGKILL ends the process at once', async () => {
    const app = spawnApp('matching', { PORT: '4193' });
    await app.waitReady();
    await expect(app.kill('SIGKILL')).resolves.toEqual({ code: null, signal: 'SIGKILL' });
    await expect(app.waitReady(1000)).rejects.toThrow(/exited \(SIGKILL\) before it was ready/);
  }, 90_000);
});
