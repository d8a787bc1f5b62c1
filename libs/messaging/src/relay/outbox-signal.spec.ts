import type { DataSource } from 'typeorm';
import { OUTBOX_CHANNEL, OutboxSignal } from './outbox-signal.js';

/** A DataSource whose queries stay pending until the test settles them. */
function fakeDataSource() {
  const pending: { sql: string; parameters: unknown[]; settle: () => void }[] = [];
  const dataSource = {
    query: (sql: string, parameters: unknown[]) =>
      new Promise<void>((resolve) => pending.push({ sql, parameters, settle: resolve })),
  } as unknown as DataSource;
  return { dataSource, pending };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('OutboxSignal', () => {
  it('wakes the relay of this process with a call, without NOTIFY, when it leads', async () => {
    const { dataSource, pending } = fakeDataSource();
    const signal = new OutboxSignal(dataSource);
    signal.setLeading(true);
    const woken = signal.wait(60_000);
    signal.committed();
    await woken;
    expect(pending).toHaveLength(0);
  });

  it('coalesces the NOTIFYs of a burst of commits to one in flight and one after it', async () => {
    const { dataSource, pending } = fakeDataSource();
    const signal = new OutboxSignal(dataSource);
    for (let i = 0; i < 10; i++) signal.committed();
    expect(pending).toHaveLength(1);
    expect(pending[0]?.parameters).toEqual([OUTBOX_CHANNEL, '']);

    pending[0]?.settle();
    await flush();
    expect(pending).toHaveLength(2);
    pending[1]?.settle();
    await flush();
    expect(pending).toHaveLength(2);
  });

  it('returns at once from a wait when woken since the last clear, and not after a clear', async () => {
    const { dataSource } = fakeDataSource();
    const signal = new OutboxSignal(dataSource);
    signal.wake();
    await signal.wait(60_000);
    signal.clear();
    const started = Date.now();
    await signal.wait(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});
