import { Counter, Gauge, register } from 'prom-client';

// In prom-client's default registry, which each app serves at /metrics. Created once per process, whatever
// number of modules import this file.

function counter<L extends string>(name: string, help: string, labelNames: L[]): Counter<L> {
  return (
    (register.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames })
  );
}

function gauge<L extends string>(name: string, help: string, labelNames: L[]): Gauge<L> {
  return (register.getSingleMetric(name) as Gauge<L> | undefined) ?? new Gauge({ name, help, labelNames });
}

export const publishedEvents = counter(
  'messaging_events_published_total',
  'Outbox events published to Kafka',
  ['service', 'topic'],
);

export const consumedEvents = counter(
  'messaging_events_consumed_total',
  'Events read by a consumer, by outcome: handled, duplicate, skipped (no handler) or dead_lettered',
  ['group', 'topic', 'outcome'],
);

export const deadLetters = counter('messaging_dead_letters_total', 'Events sent to a dead-letter topic', [
  'group',
  'topic',
  'reason',
]);

export const consumerLag = gauge('messaging_consumer_lag', 'Messages not yet committed by a consumer group', [
  'group',
  'topic',
  'partition',
]);

export const consumerRunning = gauge(
  'messaging_consumer_running',
  'Whether the event consumer of a group is in its group and consuming (1) or not (0: starting, reconnecting, failed)',
  ['group'],
);

type BacklogProbe = () => Promise<number>;
const backlogProbes = new Map<string, BacklogProbe>();

const BACKLOG = 'messaging_outbox_backlog';
if (!register.getSingleMetric(BACKLOG)) {
  new Gauge({
    name: BACKLOG,
    help: 'Outbox events committed but not yet published',
    labelNames: ['service'],
    async collect() {
      for (const [service, probe] of backlogProbes) {
        // A failed probe keeps the last value rather than failing the whole scrape.
        await probe().then(
          (backlog) => this.set({ service }, backlog),
          () => undefined,
        );
      }
    },
  });
}

/** Reports the outbox backlog of `service` at each scrape; returns the function that stops it. */
export function reportOutboxBacklog(service: string, probe: BacklogProbe): () => void {
  backlogProbes.set(service, probe);
  return () => {
    if (backlogProbes.get(service) === probe) {
      backlogProbes.delete(service);
    }
  };
}
